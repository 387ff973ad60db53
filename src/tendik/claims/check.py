"""Check the numeric claims of a text against a project's warehouse: the entry point."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tendik.claims.areas import AreaIndex, find_areas
from tendik.claims.checks import Finding, run_checks
from tendik.claims.evidence import Observations
from tendik.claims.extract import extract_claims
from tendik.claims.judge import (
    Context,
    first_target_word,
    judge,
    names_lower_chamber,
    target_in_clause,
)
from tendik.claims.match import Catalogue, mentions_women
from tendik.claims.model import Claim, Period
from tendik.claims.sentences import split_sentences
from tendik.claims.spans import in_range
from tendik.claims.verdicts import Verdict, VerdictKind
from tendik.claims.words import TextWords, content
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
        by_claim: dict[str, list[Finding]] = {}
        for f in findings:
            by_claim.setdefault(f.claim, []).append(f)
        areas = AreaIndex(find_areas(text))
        starts = [c.span[0] for c in claims]
        verdicts = []
        for index, sentence in enumerate(sentences):
            first, last = in_range(starts, *sentence)
            if first == last:
                continue
            own = claims[first:last]
            verdicts += self._sentence(text, sentences, index, own, areas, by_claim, published)
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

    def _sentence(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        index: int,
        claims: list[Claim],
        areas: AreaIndex,
        findings: dict[str, list[Finding]],
        published: date | None,
    ) -> list[Verdict]:
        """The verdicts on the claims of one sentence; what they share is read once."""
        sentence = sentences[index]
        previous = sentences[index - 1] if index else None
        caption = _caption(text, sentences, index, claims)
        where = caption or sentence
        own_words = TextWords(text, where)
        read_before = sentence if caption else previous
        before_words = TextWords(text, read_before) if read_before else None
        women = mentions_women(text, *where) or bool(
            previous and mentions_women(text, *previous)
        )
        target_end = first_target_word(text, *sentence)
        lower = names_lower_chamber(text, *where)
        memo: dict[Any, Any] = {}
        targets: dict[tuple[int, int], bool] = {}
        verdicts = []
        for i, claim in enumerate(claims):
            if caption is not None:
                zones = zones_for(claim, text, own_words, caption[0], caption[1], before_words)
                claim = _caption_period(claim, text[caption[0] : caption[1]])
            else:
                before = claims[i - 1].span[1] if i else sentence[0]
                after = claims[i + 1].span[0] if i + 1 < len(claims) else sentence[1]
                zones = zones_for(claim, text, own_words, before, after, before_words)
            area, _ = areas.area_for(claim.span, where, self.area)
            if zones.clause_span not in targets:
                targets[zones.clause_span] = target_in_clause(text, *zones.clause_span)
            target_before = target_end is not None and target_end <= claim.span[0]
            ctx = Context(
                zones=zones,
                area=area,
                findings=tuple(findings.get(claim.id, ())),
                published_year=published.year if published else None,
                target_words=targets[zones.clause_span] or target_before,
                lower_chamber=lower,
            )
            linking = self.catalogue.link(claim, zones, women, memo)
            verdicts.append(judge(claim, ctx, linking, self.catalogue, self.observations))
        return verdicts


def _caption(
    text: str, sentences: list[tuple[int, int]], index: int, claims: list[Claim]
) -> tuple[int, int] | None:
    """The line a figure stands above, when its own sentence is only the figure ("19.1%" over
    "Proportion of seats held by women ... (2024)"): the next sentence, else None."""
    start, end = sentences[index]
    cursor, rest = start, []
    for c in claims:
        rest.append(text[cursor : c.span[0]])
        cursor = max(cursor, c.span[1])
    rest.append(text[cursor:end])
    if content(" ".join(rest)) or index + 1 >= len(sentences):
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
