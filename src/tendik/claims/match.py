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
from tendik.claims.words import Word, alike, content, find
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
        self.generic = _generic(self.entries)

    def family(self, entry: Entry) -> list[Entry]:
        return [e for e in self.entries if e.family == entry.family]

    def link(self, claim: Claim, zones: Zones, context: str) -> Linking:
        """The indicators `claim` may be about, best first (`context`: its sentence and the
        one before, for the mention of women)."""
        linking = Linking()
        if claim.unit != "percent":
            linking.note = f"a {_unit_words(claim)}: the indicators here are shares"
            return linking
        if claim.kind == "change" and (claim.change is None or claim.change.to_value is None):
            linking.note = "a change, not a level: the indicators give levels"
            return linking
        if not _WOMEN.search(context):
            linking.note = "the text does not say the share is of women"
            return linking
        others = _other_populations(zones)
        for entry in self.entries:
            if entry.info.unit != "percent":
                continue
            match = _score(entry, zones, self.generic)
            if match is None:
                continue
            foreign = [said for o, said in others if not _covers(entry, o)]
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


def _score(entry: Entry, zones: Zones, generic: frozenset[str]) -> Match | None:
    best: Match | None = None
    for zone, weight in ZONE_WEIGHTS.items():
        among = zones.get(zone)
        if not among:
            continue
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
    if best is None or best.score < THRESHOLD:
        return None
    return _with_extras(best, entry, zones, generic)


def _with_extras(best: Match, entry: Entry, zones: Zones, generic: frozenset[str]) -> Match:
    """Add EXTRA_WEIGHT for each further word of the indicator's own names in the claim's
    subject or clause: "senior civil service posts" is more of "senior positions" in the civil
    service than of "civil service" alone."""
    used = {w.lower() for w in best.words}
    extra: list[str] = []
    for w in zones.subject + zones.clause:
        low = w.text.lower()
        if low in used or w.stem in generic or low in extra:
            continue
        if any(alike(w.stem, v) for v in entry.names):
            extra.append(low)
    if not extra:
        return best
    score = best.score + EXTRA_WEIGHT * len(extra)
    return Match(
        best.indicator, score, best.phrase, best.words + tuple(extra), best.zone, best.synthetic
    )


def _found(phrase: Phrase, among: list[Word]) -> tuple[list[Word], float]:
    """The words of `among` that make up `phrase`: all of a synonym's, or at least two of a
    title's (with the share found)."""
    if phrase.kind == "synonym":
        return find(phrase.stems, among), 1.0
    hits: list[Word] = []
    for s in phrase.stems:
        hit = find((s,), [w for w in among if w not in hits])
        hits.extend(hit)
    if len(hits) < 2:
        return [], 0.0
    return hits, len(hits) / len(phrase.stems)


def _other_populations(zones: Zones) -> list[tuple[str, str]]:
    """(entry of OTHER_POPULATIONS, the words that name it) for each population named."""
    among = zones.subject + zones.scope
    named = []
    for o in OTHER_POPULATIONS:
        found = find(content(o) or o.split(), among)
        if found:
            named.append((o, " ".join(w.text for w in found)))
    return named


def _covers(entry: Entry, population: str) -> bool:
    stems = content(population) or population.split()
    return all(any(alike(s, v) for v in entry.vocabulary) for s in stems)
