"""Open SDG metadata (meta/{5-5-1}.yml) for one SDG indicator of the project's area.

The indicator's name and graph title are the English title of the one tendik indicator published
under the code (a platform's own name, read from its files, comes back as it was); where several
share the code, Open SDG's translation key for the global indicator
(``global_indicators.5-5-1-title``), which a platform's translations name in every language.
Sources are numbered as Open SDG numbers them (source_organisation_1, ...).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tendik.publish.table import Publication
from tendik.store import IndicatorInfo

_LINK_LINE = re.compile(r"^\s*[-*]?\s*(original|source)\b", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s)>\]`,;]+")


def dashed(sdg: str) -> str:
    """'5.5.1' -> '5-5-1', as Open SDG names files."""
    return sdg.strip().replace(".", "-")


def source_link(provenance: str | None) -> str | None:
    """The first web address on a provenance line that names the original or the source."""
    for line in (provenance or "").splitlines():
        if _LINK_LINE.match(line):
            found = _URL.search(line)
            if found:
                return found.group(0).rstrip(".")
    return None


def _source_fields(number: int, source: dict[str, Any], series: list[str],
                   earliest: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = {
        f"source_active_{number}": True,
        f"source_organisation_{number}": source.get("publisher") or source.get("title")
        or source["id"],
    }
    link = source_link(source.get("provenance"))
    if link:
        fields[f"source_url_{number}"] = link
        fields[f"source_url_text_{number}"] = source.get("title") or link
    if earliest:
        fields[f"source_earliest_available_{number}"] = earliest
    notes = [source.get("title") or source["id"]]
    if source.get("licence"):
        notes.append(f"Licence: {source['licence']}")
    notes.append("Series: " + "; ".join(series))
    fields[f"source_other_info_{number}"] = ". ".join(notes)
    return fields


def indicator_meta(pub: Publication, sdg: str, infos: list[IndicatorInfo],
                   earliest: dict[str, str], units: list[str]) -> dict[str, Any]:
    """The metadata of one SDG indicator: its number, its name, its sources."""
    goal, target = sdg.split(".")[0], ".".join(sdg.split(".")[:2])
    title_key = (infos[0].title("en") if len(infos) == 1
                 else f"global_indicators.{dashed(sdg)}-title")
    meta: dict[str, Any] = {
        "indicator_number": sdg,
        "indicator_name": title_key,
        "graph_title": title_key,
        "target_id": target,
        "sdg_goal": goal,
        "reporting_status": "complete",
        "published": True,
        "data_non_statistical": False,
        "graph_type": "line",
        "national_geographical_coverage": pub.project.settings.area_name or pub.project.area,
    }
    if len(units) == 1:
        meta["computation_units"] = units[0]
    by_source: dict[str, list[IndicatorInfo]] = {}
    for info in infos:
        by_source.setdefault(info.source, []).append(info)
    for number, (source_id, members) in enumerate(sorted(by_source.items()), start=1):
        meta.update(_source_fields(number, pub.sources.get(source_id, {"id": source_id}),
                                   [i.title("en") for i in members],
                                   min(earliest[i.id] for i in members)))
    return meta


def write_meta(path: Path, meta: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
