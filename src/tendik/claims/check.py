"""Check the numeric claims of a text against a project's warehouse: the entry point."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tendik.claims.areas import area_for, find_areas
from tendik.claims.checks import Finding, run_checks
from tendik.claims.evidence import Observations
from tendik.claims.extract import extract_claims
from tendik.claims.judge import Context, judge
from tendik.claims.match import Catalogue
from tendik.claims.model import Claim, Period
from tendik.claims.sentences import split_sentences
from tendik.claims.verdicts import Verdict, VerdictKind
from tendik.claims.words import content
from tendik.claims.zones import zones_for
from tendik.project import Project
from tendik.store.query import Warehouse


@dataclass
class CheckReport:
    """Every claim of a text with its verdict, and the checks that needed no data."""

    text: str
    verdicts: list[Verdict]
    findings: list[Finding]
    project: str
    area: str
    published: date | None = None
    language: str | None = None
    warehouse_view: str = "build"
    summary: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        counts = Counter(v.kind.value for v in self.verdicts)
        self.summary = {kind.value: counts.get(kind.value, 0) for kind in VerdictKind}

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self.verdicts)

    def __len__(self) -> int:
        return len(self.verdicts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "area": self.area,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "warehouse_view": self.warehouse_view,
            "summary": dict(self.summary),
            "verdicts": [v.to_dict() for v in self.verdicts],
            "findings": [f.to_dict() for f in self.findings],
            "text": self.text,
        }


class Checker:
    """Checks texts against one open warehouse (reuse it for many texts)."""

    def __init__(self, warehouse: Warehouse, *, area: str, project: str = "") -> None:
        self.warehouse = warehouse
        self.area = area
        self.project = project
        synthetic = {s["id"] for s in warehouse.sources() if s.get("synthetic")}
        self.catalogue = Catalogue(warehouse.indicators(), synthetic)
        self.observations = Observations(warehouse)

    def check(
        self, text: str, *, published: date | None = None, language: str | None = None
    ) -> CheckReport:
        claims = extract_claims(text, language=language, published=published)
        sentences = split_sentences(text)
        findings = run_checks(text, claims, sentences)
        mentions = find_areas(text)
        verdicts = []
        for claim in claims:
            index = _sentence_of(claim, sentences)
            sentence = sentences[index]
            previous = sentences[index - 1] if index else None
            neighbours = [
                c for c in claims if c is not claim and sentence[0] <= c.span[0] < sentence[1]
            ]
            zones = zones_for(claim, text, sentence, neighbours, previous)
            caption = _caption(text, sentences, index, [*neighbours, claim])
            if caption is not None:
                zones = zones_for(claim, text, caption, [], sentence)
                claim = _caption_period(claim, text[caption[0] : caption[1]])
            area, _ = area_for(claim.span, caption or sentence, mentions, self.area)
            context = text[previous[0] : previous[1]] if previous else ""
            if caption is not None:
                context += " " + text[caption[0] : caption[1]]
            ctx = Context(
                zones=zones,
                sentence=text[(caption or sentence)[0] : (caption or sentence)[1]],
                before=text[sentence[0] : claim.span[0]],
                area=area,
                findings=tuple(f for f in findings if f.claim == claim.id),
                published_year=published.year if published else None,
            )
            linking = self.catalogue.link(claim, zones, f"{context} {ctx.sentence}")
            verdicts.append(judge(claim, ctx, linking, self.catalogue, self.observations))
        return CheckReport(
            text,
            verdicts,
            findings,
            self.project,
            self.area,
            published,
            language,
            self.warehouse.view,
        )


def _caption(
    text: str, sentences: list[tuple[int, int]], index: int, claims: list[Claim]
) -> tuple[int, int] | None:
    """The line a figure stands above, when its own sentence is only the figure ("19.1%" over
    "Proportion of seats held by women ... (2024)"): the next sentence, else None."""
    start, end = sentences[index]
    rest = text[start:end]
    for c in sorted(claims, key=lambda c: -c.span[0]):
        rest = rest[: c.span[0] - start] + " " + rest[c.span[1] - start :]
    if content(rest) or index + 1 >= len(sentences):
        return None
    return sentences[index + 1]


def _caption_period(claim: Claim, caption: str) -> Claim:
    """A figure's period from its caption's year ("(2024)"), when the text gave it none."""
    if claim.period is not None and claim.period.basis == "text":
        return claim
    years = re.findall(r"(?<![\d.,])((?:19|20)\d\d)(?![\d%])", caption)
    if not years:
        return claim
    return replace(claim, period=Period(int(years[-1]), None, years[-1]))


def _sentence_of(claim: Claim, sentences: list[tuple[int, int]]) -> int:
    for i, (start, end) in enumerate(sentences):
        if start <= claim.span[0] < end:
            return i
    return 0


def check_text(
    text: str,
    *,
    project: Project,
    published: date | None = None,
    language: str | None = None,
) -> CheckReport:
    """Extract the numeric claims of `text`, match each to the project's indicators and give
    each a verdict with its evidence. `published` dates claims whose text names no time;
    `language` ("en" or "ru") is detected per sentence when not given."""
    with Warehouse(project.warehouse_path) as warehouse:
        checker = Checker(warehouse, area=project.area, project=project.name)
        return checker.check(text, published=published, language=language)
