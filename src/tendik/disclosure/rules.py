"""The primary rules: when one side of a cell is sensitive for itself.

Every side of a cell rests on a number of contributors (persons, records): the women and the
men of a share, the records of a count, the records with a value behind a sum, mean or median,
the records behind each side of a ratio. Two rules decide whether a side is sensitive:

- **threshold** (frequency tables and magnitudes alike): ``0 < n < k``. A side of nobody
  singles out nobody; a side of 1 to k-1 contributors is sensitive.
- **dominance** (magnitudes: a sum, mean or median of money, or a side of a ratio of them): the
  p% rule by default, or the (n, k) rule. With the contributions ordered ``x1 >= x2 >= ...`` and
  the cell total ``X``:

  - p% rule: sensitive when ``X - x1 - x2 < p/100 * x1`` (the second largest contributor, who
    knows her own value, could estimate the largest to within p%);
  - (n, k) rule: sensitive when ``x1 + ... + xn > k/100 * X`` (n is 1 or 2 here).

  Both are the rules of the ESSnet Handbook on Statistical Disclosure Control (Hundepool et al.,
  2010; chapter 4, "Sensitive cells in magnitude tables"), which recommends the p% rule over a
  (2, k) rule. The defaults, p = 10 and (n, k) = (2, 85), are the values of its worked example
  and of sdcTable's (2, 85) dominance rule; ``p = 100 (100 - k) / k`` converts one into the
  other. Both rules assume contributions that are not negative.

For a hidden magnitude, the handbook's upper protection level of the p% rule is
``p/100 * x1 - (X - x1 - x2)``; tendik asks more, the same ``p/100 * x1`` on either side of the
true total (less below when the total is smaller), so that no one can place the cell's total,
and so its largest contribution, within p% of the largest contribution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from tendik.errors import DisclosureError

DominanceRule = Literal["p%", "nk", "none"]


@dataclass(frozen=True)
class Rules:
    """The primary rules of a project: ``k`` and the dominance rule with its parameters."""

    k: int = 5
    dominance: DominanceRule = "p%"
    p: float = 10.0
    n: int = 2
    nk_k: float = 85.0

    def __post_init__(self) -> None:
        if self.k < 1:
            raise DisclosureError(f"k must be at least 1, not {self.k}")
        if not 0 < self.p <= 100:
            raise DisclosureError(f"p of the p% rule must be in (0, 100], not {self.p}")
        if self.n not in (1, 2):
            raise DisclosureError(f"n of the (n, k) rule must be 1 or 2, not {self.n}")
        if not 0 < self.nk_k < 100:
            raise DisclosureError(f"k of the (n, k) rule must be in (0, 100), not {self.nk_k}")

    def small(self, contributors: float) -> bool:
        """The threshold rule: 1 to k-1 contributors."""
        return 0 < contributors < self.k

    def dominated(self, total: float, top1: float, top2: float | None) -> bool:
        """The dominance rule on a magnitude with these total and two largest contributions."""
        second = 0.0 if top2 is None or math.isnan(top2) else top2
        if self.dominance == "none" or total <= 0 or top1 <= 0:
            return False
        if self.dominance == "p%":
            return total - top1 - second < self.p / 100.0 * top1
        largest = top1 + (second if self.n == 2 else 0.0)
        return largest > self.nk_k / 100.0 * total

    def magnitude_protection(self, top1: float | None) -> float:
        """How far a hidden magnitude's interval must reach on either side of its true value."""
        if top1 is None or math.isnan(top1) or top1 <= 0:
            return 0.0
        return self.p / 100.0 * top1
