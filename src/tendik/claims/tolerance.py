"""The values a claim's words allow: its rounding, widened by its qualifier."""

from __future__ import annotations

import math
from dataclasses import dataclass

from tendik.claims.model import Claim


@dataclass(frozen=True)
class Tolerance:
    """The values a claim accepts: [low, high], each end open or closed."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def accepts(self, value: float) -> bool:
        eps = 1e-9
        above = value > self.low + eps if self.low_open else value >= self.low - eps
        below = value < self.high - eps if self.high_open else value <= self.high + eps
        return above and below

    def words(self) -> str:
        """The interval as a reader says it: "18.85 to 18.95", "39 or more", "below 9"."""
        lo, hi = f"{round(self.low, 4):g}", f"{round(self.high, 4):g}"
        if math.isinf(self.high) and math.isinf(self.low):
            return "any value"
        if math.isinf(self.high):
            return f"above {lo}" if self.low_open else f"{lo} or more"
        if math.isinf(self.low):
            return f"below {hi}" if self.high_open else f"{hi} or less"
        return f"{lo} to {hi}"

    def describe(self) -> str:
        lo = "-inf" if math.isinf(self.low) else f"{self.low:g}"
        hi = "+inf" if math.isinf(self.high) else f"{self.high:g}"
        return f"{'(' if self.low_open else '['}{lo}, {hi}{')' if self.high_open else ']'}"


def tolerance(claim: Claim) -> Tolerance:
    """What a claim's words allow: half a unit of its last digit ("18.4%": 18.35 to 18.45),
    two points for a fraction word ("half": 48 to 52), widened by its qualifier: "about" one
    unit of the last digit, "over"/"more than" anything above, "at least" the value up,
    "nearly" up to the value from a little below, "less than" below, "up to" the value down."""
    unit = 10.0 ** -(claim.decimals or 0)
    half = unit / 2 if claim.decimals is not None else 2.0
    low, high = claim.bounds if claim.bounds else (claim.value, claim.value)
    q = claim.qualifier
    if q == "about":
        return Tolerance(low - max(unit, half), high + max(unit, half))
    if q in ("over", "more than"):
        return Tolerance(low, math.inf, low_open=claim.decimals is None, high_open=True)
    if q == "at least":
        return Tolerance(low - half, math.inf, high_open=True)
    if q == "nearly":
        return Tolerance(low - max(1.5 * unit, 0.03 * low, half), high + min(half, unit / 2))
    if q == "less than":
        return Tolerance(-math.inf, high, low_open=True, high_open=True)
    if q == "up to":
        return Tolerance(-math.inf, high + half, low_open=True)
    return Tolerance(low - half, high + half)
