"""Link a claim to the indicators it may be about, through the catalogue's own words.

Each indicator brings its titles and synonyms in en/ru/kk (and its description, for the words it
covers). A claim is read in four zones (see zones.py): its subject (the phrase the extractor
found), its clause (the text between the nearest clause breaks or neighbouring claims), its
sentence and the sentence before. A synonym whose every word is in a zone scores 2 + 1 per
extra word, a title (two of its words at least) twice the share of its words found, each times
the zone's weight (subject 1, clause 0.8, sentence and the one before 0.4); each further word
of the indicator's names in the subject or clause adds 0.5. The score and the words matched are
part of the evidence; a claim is linked when the best score is at least 0.8 (a one-word synonym
in its sentence).

A link is refused, with the reason kept, when the claim is not a share, when its sentence (or
the one before) says nothing of women, or when its clause names a population the indicator
does not cover: candidates, the Senate, a party, the population, voters, lawyers, deputy
akims... (see OTHER_POPULATIONS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tendik.claims.model import Claim
from tendik.claims.words import Vocabulary, Word, content, find_indexed
from tendik.claims.zones import Zones
from tendik.store.query import IndicatorInfo

ZONE_WEIGHTS = {"subject": 1.0, "clause": 0.8, "sentence": 0.4, "previous": 0.4}
THRESHOLD = 0.8
EXTRA_WEIGHT = 0.5

# Populations and characteristics a share may be of that are not the ones the indicators count.
# A claim whose clause names one is not linked to an indicator whose own words lack it.
OTHER_POPULATIONS: tuple[str, ...] = (
    "candidate",
    "кандидат",
    "senate",
    "senator",
    "upper house",
    "upper chamber",
    "сенат",
    "верхней палат",
    "supreme court",
    "верховн суд",
    "regional court",
    "областн суд",
    "party",
    "parties",
    "парти",
    "список",
    "списк",
    "population",
    "inhabitant",
    "census",
    "населени",
    "жител",
    "перепис",
    "employment",
    "employed",
    "workforce",
    "labour force",
    "labor force",
    "занят",
    "рабочей сил",
    "voter",
    "turnout",
    "vote",
    "избирател",
    "явк",
    "голос",
    "gdp",
    "ввп",
    "akim",
    "mayor",
    "аким",
    "мэр",
    "office",
    "аппарат",
    "lawyer",
    "economist",
    "юрист",
    "экономист",
    "owner",
    "владел",
    "entrepreneur",
    "предпринимател",
    "sme",
    "мсб",
    "business",
    "бизнес",
    "applicant",
    "претендент",
    "graduate",
    "выпускник",
    "income",
    "доход",
    "salary",
    "зарплат",
    "pay",
    "earn",
    "worker",
    "работник",
    "teacher",
    "учител",
    "doctor",
    "врач",
    "local",
    "местн",
    "жергілікті",
    "municipal",
    "муниципальн",
    "village",
    "сельск",
    "аильн",
    "mahalla",
    "махалл",
    "executive",
    "исполнительн",
    "sector",
    "сфер",
    "industry",
    "промышленн",
    "agricultur",
    "хозяйств",
    "education",
    "образовани",
    "health",
    "здравоохранени",
    "science",
    "наук",
    "culture",
    "культур",
    "services",
    "услуг",
)
_WOMEN = re.compile(
    r"(?i)(?<![\w])(?:wom[ae]n|female|girls?|gender|policewom|женщин|женск|девуш|девочек|"
    r"казахстанк|представительниц|гендер|әйел|қыз)"
)


@dataclass(frozen=True)
class Phrase:
    """A name of an indicator: a synonym or a title, in one language, as stems."""

    text: str
    language: str
    kind: str  # "synonym" or "title"
    stems: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """What the matcher knows of one indicator."""

    info: IndicatorInfo
    synthetic: bool
    phrases: tuple[Phrase, ...]
    vocabulary: frozenset[str]  # stems of every title, synonym and description
    names: frozenset[str]  # stems of its titles and synonyms

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def family(self) -> str:
        """Indicators of one SDMX series are definitions of one thing (WDI and UN parliament)."""
        return self.info.sdmx_series or self.info.id


@dataclass(frozen=True)
class Match:
    """A claim linked to an indicator: the score, the phrase and the words that made it."""

    indicator: str
    score: float
    phrase: str
    words: tuple[str, ...]
    zone: str
    synthetic: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "score": round(self.score, 2),
            "phrase": self.phrase,
            "words": list(self.words),
            "zone": self.zone,
            "synthetic": self.synthetic,
        }


@dataclass
class Linking:
    """The outcome of matching one claim: the links kept, and why others were refused."""

    matches: list[Match] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # indicator id -> reason
    note: str | None = None  # why nothing was tried ("a head count", ...)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


class Catalogue:
    """The indicators of a warehouse, ready for matching."""

    def __init__(self, infos: Sequence[IndicatorInfo], synthetic_sources: set[str]) -> None:
        self.entries = [_entry(info, info.source in synthetic_sources) for info in infos]
        self.by_id = {e.id: e for e in self.entries}
        stems = {s for e in self.entries for s in e.vocabulary}
        self.vocabulary = Vocabulary(stems | {s for p in _POPULATIONS for s in p})
        self.generic = _generic(self.entries)

    def family(self, entry: Entry) -> list[Entry]:
        return [e for e in self.entries if e.family == entry.family]

    def link(
        self, claim: Claim, zones: Zones, women: bool, memo: dict[Any, Any] | None = None
    ) -> Linking:
        """The indicators `claim` may be about, best first (`women`: whether its sentence or
        the one before speaks of women). `memo` keeps what the claims of one sentence share
        (the sentence's own matches); pass a new one for each sentence."""
        memo = {} if memo is None else memo
        linking = Linking()
        if claim.unit != "percent":
            linking.note = f"a {_unit_words(claim)}: the indicators here are shares"
            return linking
        if claim.kind == "change" and (claim.change is None or claim.change.to_value is None):
            linking.note = "a change, not a level: the indicators give levels"
            return linking
        if not women:
            linking.note = "the text does not say the share is of women"
            return linking
        key = ("populations", claim.subject, zones.scope_span)
        if key not in memo:
            memo[key] = _other_populations(self.vocabulary.index(zones.subject + zones.scope))
        others = memo[key]
        indexed = _Zones(self.vocabulary, zones, memo)
        for entry in self.entries:
            if entry.info.unit != "percent":
                continue
            match = _score(entry, indexed, self.generic, memo)
            if match is None:
                continue
            foreign = [said for o, said in others if not _covers(self.vocabulary, entry, o)]
            if foreign:
                linking.refused[entry.id] = f"the claim counts {foreign[0]}, which it does not"
                continue
            linking.matches.append(match)
        linking.matches.sort(key=lambda m: (-m.score, m.indicator))
        return linking


def _generic(entries: list[Entry]) -> frozenset[str]:
    """Stems in the names of more than half the indicators ("seats", "positions"): they tell
    indicators apart too little to add to a score."""
    counts: dict[str, int] = {}
    for e in entries:
        for s in e.names:
            counts[s] = counts.get(s, 0) + 1
    return frozenset(s for s, n in counts.items() if n * 2 > len(entries))


def _unit_words(claim: Claim) -> str:
    return {"count": "head count or number", "currency": "sum of money", "ratio": "ratio"}.get(
        claim.unit, claim.unit
    )


def _entry(info: IndicatorInfo, synthetic: bool) -> Entry:
    phrases: list[Phrase] = []
    synonyms = info.definition.get("synonyms") or {}
    for language, names in synonyms.items():
        for name in names or []:
            phrases.append(Phrase(name, language, "synonym", tuple(content(name))))
    for language, title in info.titles.items():
        phrases.append(Phrase(title, language, "title", tuple(content(title))))
    described = info.definition.get("description") or {}
    vocabulary = {s for p in phrases for s in p.stems}
    for text in described.values() if isinstance(described, dict) else []:
        vocabulary.update(content(text))
    names = frozenset(s for p in phrases for s in p.stems)
    return Entry(
        info, synthetic, tuple(p for p in phrases if p.stems), frozenset(vocabulary), names
    )


class _Zones:
    """A claim's zones, each indexed by the catalogue's stems once (the sentence's zones once
    for all its claims)."""

    def __init__(self, vocabulary: Vocabulary, zones: Zones, memo: dict[Any, Any]) -> None:
        self.vocabulary = vocabulary
        self.zones = zones
        self.memo = memo
        self._subject: dict[str, list[Word]] | None = None

    def index(self, zone: str) -> dict[str, list[Word]]:
        if zone == "subject":
            if self._subject is None:
                self._subject = self.vocabulary.index(self.zones.subject)
            return self._subject
        key = ("index", zone, self.zones.clause_span if zone == "clause" else None)
        if key not in self.memo:
            self.memo[key] = self.vocabulary.index(self.zones.get(zone))
        return self.memo[key]


def mentions_women(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] speaks of women (or girls, or gender)."""
    return bool(_WOMEN.search(text, start, end))


def _score(
    entry: Entry, zones: _Zones, generic: frozenset[str], memo: dict[Any, Any]
) -> Match | None:
    best: Match | None = None
    for zone in ZONE_WEIGHTS:
        # what a claim shares with the other claims of its sentence is scored once
        key = (entry.id, zone, zones.zones.clause_span if zone == "clause" else None)
        if zone == "subject":
            found = _zone_best(entry, zone, zones.index(zone))
        elif key in memo:
            found = memo[key]
        else:
            found = memo[key] = _zone_best(entry, zone, zones.index(zone))
        if found is not None and (best is None or found.score > best.score):
            best = found
    if best is None or best.score < THRESHOLD:
        return None
    key = ("extras", best, zones.zones.subject_key, zones.zones.clause_span)
    if key not in memo:
        memo[key] = _with_extras(best, entry, zones, generic)
    return memo[key]


def _zone_best(entry: Entry, zone: str, among: dict[str, list[Word]]) -> Match | None:
    """The best-scoring of the entry's phrases found in one zone."""
    best: Match | None = None
    if not among:
        return None
    weight = ZONE_WEIGHTS[zone]
    for phrase in entry.phrases:
        found, fraction = _found(phrase, among)
        if not found:
            continue
        if phrase.kind == "synonym":
            score = (2 + len(phrase.stems) - 1) * weight
        else:
            score = 2 * fraction * weight
        if best is None or score > best.score:
            words_ = tuple(w.text for w in found)
            best = Match(entry.id, score, phrase.text, words_, zone, entry.synthetic)
    return best


def _with_extras(best: Match, entry: Entry, zones: _Zones, generic: frozenset[str]) -> Match:
    """Add EXTRA_WEIGHT for each further word of the indicator's own names in the claim's
    subject or clause: "senior civil service posts" is more of "senior positions" in the civil
    service than of "civil service" alone."""
    used = {w.lower() for w in best.words}
    extra: list[str] = []
    for w in zones.zones.subject + zones.zones.clause:
        low = w.text.lower()
        if low in used or w.stem in generic or low in extra:
            continue
        if zones.vocabulary.alike_to(w.stem) & entry.names:
            extra.append(low)
    if not extra:
        return best
    score = best.score + EXTRA_WEIGHT * len(extra)
    return Match(
        best.indicator, score, best.phrase, best.words + tuple(extra), best.zone, best.synthetic
    )


def _found(phrase: Phrase, among: dict[str, list[Word]]) -> tuple[list[Word], float]:
    """The words of a zone (indexed by stem) that make up `phrase`: all of a synonym's, or at
    least two of a title's (with the share found)."""
    if phrase.kind == "synonym":
        return find_indexed(phrase.stems, among), 1.0
    hits: list[Word] = []
    for s in phrase.stems:
        hit = next((w for w in among.get(s, ()) if w not in hits), None)
        if hit is not None:
            hits.append(hit)
    if len(hits) < 2:
        return [], 0.0
    return hits, len(hits) / len(phrase.stems)


def _other_populations(among: dict[str, list[Word]]) -> list[tuple[int, str]]:
    """(index in OTHER_POPULATIONS, the words that name it) for each population named."""
    named = []
    for i, stems in enumerate(_POPULATIONS):
        found = find_indexed(stems, among)
        if found:
            named.append((i, " ".join(w.text for w in found)))
    return named


def _covers(vocabulary: Vocabulary, entry: Entry, population: int) -> bool:
    """Whether the indicator's own words name the population (by its index)."""
    return all(vocabulary.alike_to(s) & entry.vocabulary for s in _POPULATIONS[population])


_POPULATIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(content(o) or o.split()) for o in OTHER_POPULATIONS
)
