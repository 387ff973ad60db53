"""What a numeric claim in a text is: the number, its unit, what it is about and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Unit = Literal["percent", "count", "currency", "ratio"]
Kind = Literal["level", "change"]
Language = Literal["en", "ru"]

# Qualifier keys, the same whatever the language of the text ("около" -> "about").
QUALIFIERS: tuple[str, ...] = (
    "about",
    "over",
    "at least",
    "nearly",
    "more than",
    "less than",
    "up to",
)


@dataclass(frozen=True)
class Period:
    """The time a claim refers to: a year, or a date within it."""

    year: int
    date: date | None = None  # a day ("as of 1 January 2025"), or the 1st of a named month
    text: str | None = None  # as written ("June 2024", "в 2024 году"); None when from `published`
    basis: Literal["text", "published"] = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class Change:
    """How a quantity moved: "from 33 to 104", "a 45% increase", "by 2 percentage points"."""

    from_value: float | None = None
    to_value: float | None = None
    percent: float | None = None  # relative change, in percent
    points: float | None = None  # absolute change of a percentage, in percentage points
    factor: float | None = None  # "five times", "в 5 раз"
    direction: Literal["increase", "decrease"] | None = None
    since: Period | None = None  # "since June 2024"

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_value": self.from_value,
            "to_value": self.to_value,
            "percent": self.percent,
            "points": self.points,
            "factor": self.factor,
            "direction": self.direction,
            "since": self.since.to_dict() if self.since else None,
        }


@dataclass(frozen=True)
class Claim:
    """One numeric claim found in a text.

    ``value`` is in base units: a percentage as a number of percent (55.8), money and counts
    with their scale applied ("4.1 billion" -> 4.1e9). A range ("18-19%") has ``bounds`` and
    its midpoint as ``value``. A sentence repeated word for word later in the text (a headline
    printed twice) yields its claims once; the later places are listed in ``repeats``.
    """

    id: str  # "c1", "c2", ... in text order
    span: tuple[int, int]  # offsets of `text` in the whole input
    text: str  # the exact matched substring
    value: float
    unit: Unit
    sentence: str
    language: Language
    kind: Kind = "level"
    currency: str | None = None  # ISO 4217: "KZT", "USD", ...
    scale: str | None = None  # the scale word as written: "billion", "млрд", "bn", "thousand"
    qualifier: str | None = None  # one of QUALIFIERS
    subject: str | None = None  # best-effort noun phrase: "civil servants", "parliamentary seats"
    decimals: int | None = None  # digits after the decimal mark as written; None for words
    bounds: tuple[float, float] | None = None
    change: Change | None = None
    period: Period | None = None
    group: str | None = None  # claims that state one amount in two currencies share a group
    converted_from: str | None = None  # id of the claim this one restates in another currency
    repeats: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "span": list(self.span),
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "currency": self.currency,
            "scale": self.scale,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "decimals": self.decimals,
            "bounds": list(self.bounds) if self.bounds else None,
            "change": self.change.to_dict() if self.change else None,
            "period": self.period.to_dict() if self.period else None,
            "group": self.group,
            "converted_from": self.converted_from,
            "repeats": [list(r) for r in self.repeats],
            "language": self.language,
            "sentence": self.sentence,
        }
