"""Small warehouses written by hand and a small records project, for the quality tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

from tendik.engine.observations import UNIT_CODES, observation_schema
from tendik.project import Project


@dataclass
class Hand:
    """One indicator of a hand-made warehouse; rows are (area, period, {dim: code}, value, n, d)."""

    id: str
    rows: list[tuple[str, str, dict[str, str], float | None, float | None, float | None]]
    unit: str = "percent"
    dimensions: list[str] = field(default_factory=list)
    definition: dict[str, Any] = field(default_factory=dict)
    sdmx_series: str | None = None
    source: str = "hand"


def hand_observations(hand: Hand) -> pa.Table:
    records = [
        {
            "REF_AREA": area,
            "TIME_PERIOD": period,
            **{d: cells.get(d) for d in hand.dimensions},
            "OBS_VALUE": value,
            "UNIT_MEASURE": UNIT_CODES[hand.unit],
            "numerator": numerator,
            "denominator": denominator,
            "OBS_STATUS": "A",
            "COMMENT_OBS": None,
        }
        for area, period, cells, value, numerator, denominator in hand.rows
    ]
    return pa.Table.from_pylist(records, schema=observation_schema(hand.dimensions))


def hand_row(hand: Hand, now: datetime) -> dict[str, object]:
    definition = {"id": hand.id, "unit": hand.unit, "source": hand.source, **hand.definition}
    return {
        "id": hand.id,
        "title_en": hand.id,
        "title_ru": None,
        "title_kk": None,
        "unit": hand.unit,
        "theme": "other",
        "source": hand.source,
        "sdg": None,
        "sdmx_series": hand.sdmx_series,
        "headline_area": "KAZ",
        "kind": "records" if "measure" in hand.definition else "series",
        "definition": definition,
        "definition_hash": f"hash-{hand.id}",
        "input_hash": "input",
        "tendik_version": "test",
        "computed_at": now,
        "dimensions": hand.dimensions,
        "n_obs": len(hand.rows),
    }


MakeProject = Callable[..., Project]


# A small personnel register: 12 people in two regions and two levels, two snapshot years.
REGISTER = """\
person,sex,region,level,year,managerial
1,F,KZ-AST,central,2024,true
2,M,KZ-AST,central,2024,true
3,F,KZ-AST,district,2024,false
4,F,KZ-ALA,district,2024,true
5,M,KZ-ALA,central,2024,false
6,M,KZ-ALA,district,2024,true
7,F,KZ-AST,central,2025,true
8,F,KZ-AST,district,2025,true
9,M,KZ-AST,district,2025,false
10,F,KZ-ALA,central,2025,true
11,M,KZ-ALA,district,2025,true
12,F,,district,2025,false
"""

REGISTER_TOML = """\
[project]
name = "Register"
area = "KAZ"
disclosure_k = 1  # a dozen people: no cell is held back, every figure can be checked

[sources.register]
path = "register.csv"
format = "csv"
synthetic = true
key = ["person"]

[sources.register.columns]
person = {{ type = "integer" }}
sex = {{ type = "string", codes = ["F", "M"] }}
region = {{ type = "string", required = false }}
level = {{ type = "string" }}
year = {{ type = "integer" }}
managerial = {{ type = "boolean" }}
{quality}"""

INDICATORS = {
    "women-share": """\
        id: women-share
        title: {en: Women's share of staff}
        unit: percent
        source: register
        measure: {share: "sex = 'F'"}
        period: year
        breakdowns: [region, level]
        """,
    "managers-women-share": """\
        id: managers-women-share
        title: {en: Women's share of managers}
        unit: percent
        source: register
        measure: {share: "sex = 'F'", among: managerial}
        period: year
        breakdowns: [region, level]
        """,
    "staff": """\
        id: staff
        title: {en: Staff}
        unit: count
        source: register
        measure: {count: "true"}
        period: year
        breakdowns: [region]
        """,
}
