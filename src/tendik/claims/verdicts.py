"""Verdicts on claims: four kinds, stable ids, the evidence and a one-line explanation.

- **consistent**: the data agree within the claim's rounding, widened by its qualifier;
- **inconsistent**: the data (or the text's own figures) say otherwise;
- **ambiguous**: several readings fit (WDI's end of year or the UN's 1 January, the lower
  chamber or both) and they disagree: the explanation says which one would match;
- **unverifiable**: nothing real in the warehouse bears on it, and the explanation says why
  (no indicator, only synthetic data, no observation for that area or period, a target...).

Each verdict also carries a stable ``reason`` id (see REASONS) that says which rule decided it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tendik.claims.checks import Finding
from tendik.claims.match import Match
from tendik.claims.model import Claim
from tendik.claims.tolerance import tolerance


class VerdictKind(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    AMBIGUOUS = "ambiguous"
    UNVERIFIABLE = "unverifiable"


# reason id -> what it means; the ids are stable, the words may change.
REASONS: dict[str, str] = {
    "within-rounding": "the data agree within the claim's rounding and qualifier",
    "beyond-rounding": "the data differ by more than the claim's rounding and qualifier",
    "readings-disagree": "several readings of the claim's period or series fit and disagree",
    "chamber-unclear": "the claim does not say which chamber; the lower chamber's figure differs",
    "undated-mixed": "the claim has no date; some observations agree and some do not",
    "undated-none-agree": "the claim has no date and no observation agrees with it",
    "synthetic-only": "only synthetic data in this warehouse bear on it",
    "no-indicator": "no indicator in the catalogue bears on it",
    "not-a-share": "a count, a sum of money or a ratio: the indicators here are shares",
    "not-a-level": "a change, not a level",
    "target": "a target, a plan or a quota, not a statement of fact",
    "no-observation-for-area": "the indicator has no observation for the claim's area",
    "no-observation-for-period": "the indicator has no observation near the claim's period",
    "suppressed": "the only observations that would bear on it are suppressed (confidential)",
    "share-from-counts": "the share does not follow from the counts the text gives",
    "implausible-per-unit": "the amount per unit the text implies is implausible",
    "conversion-rate": "the currency conversion implies a rate far from the period's",
    "conversion-consistent": "the restated amount agrees with the period's exchange rate",
}


@dataclass(frozen=True)
class Evidence:
    """One observation a verdict rests on, with where it came from."""

    indicator: str
    title: str
    area: str
    period: str
    value: float
    agrees: bool
    source: str
    source_title: str
    reference_date: str | None
    input_hash: str | None
    definition_hash: str | None
    tendik_version: str | None
    link: str
    breakdown: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "title": self.title,
            "area": self.area,
            "period": self.period,
            "value": self.value,
            "agrees": self.agrees,
            "source": self.source,
            "source_title": self.source_title,
            "reference_date": self.reference_date,
            "provenance": {
                "input_hash": self.input_hash,
                "definition_hash": self.definition_hash,
                "tendik_version": self.tendik_version,
            },
            "link": self.link,
            "breakdown": dict(self.breakdown),
        }


@dataclass(frozen=True)
class Verdict:
    """The verdict on one claim."""

    claim: Claim
    kind: VerdictKind
    reason: str
    explanation: str
    area: str | None = None
    matches: tuple[Match, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    findings: tuple[Finding, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()  # (indicator, why it was not linked)
    indicator: str | None = None  # the indicator the verdict is about; None: none was used

    @property
    def id(self) -> str:
        return f"v-{self.claim.id}"

    @property
    def verdict(self) -> str:
        return self.kind.value

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.kind.value,
            "reason": self.reason,
            "explanation": self.explanation,
            "indicator": self.indicator,
            "area": self.area,
            "claim": self.claim.to_dict(),
            "tolerance": tolerance(self.claim).describe() if self.claim.unit == "percent" else None,
            "matches": [m.to_dict() for m in self.matches],
            "evidence": [e.to_dict() for e in self.evidence],
            "findings": [f.to_dict() for f in self.findings],
            "refused": [{"indicator": i, "why": why} for i, why in self.refused],
        }


def fmt(value: float) -> str:
    """A figure as a reader wants it: two decimals at most, no trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
