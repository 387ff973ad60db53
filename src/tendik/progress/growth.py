"""Compound annual growth, and the quantity whose growth counts for each direction of target."""

from __future__ import annotations

from dataclasses import dataclass

from tendik.progress.target import PARITY_CENTRE, Direction, Target


def cagr(start: float, end: float, years: float) -> float | None:
    """Compound annual growth rate from ``start`` to ``end`` over ``years``, as a fraction
    (0.02 = 2% a year); None where it is undefined: no time between them, a zero start, or
    a start and end of opposite signs. Both negative: the growth of their magnitudes."""
    if years <= 0 or start == 0 or start * end < 0:
        return None
    return float((end / start) ** (1.0 / years) - 1.0)


@dataclass(frozen=True)
class Goal:
    """What must move and which way: the value itself (rise for ``increase``, fall for
    ``decrease``) or, for ``parity``, the gap |value − centre|, which must shrink into the band."""

    direction: Direction
    centre: float = PARITY_CENTRE
    band: float = 0.0

    @classmethod
    def of(cls, target: Target | None, direction: Direction) -> Goal:
        if target is None:
            return cls(direction)
        return cls(target.direction, target.value, target.band)

    @property
    def sense(self) -> int:
        """+1 where the quantity must rise, -1 where it must fall."""
        return 1 if self.direction == "increase" else -1

    def quantity(self, value: float) -> float:
        return abs(value - self.centre) if self.direction == "parity" else value

    def target_quantity(self, target: Target) -> float:
        return self.band if self.direction == "parity" else target.value

    def achieved(self, value: float, target: Target) -> bool:
        if self.direction == "increase":
            return value >= target.value
        if self.direction == "decrease":
            return value <= target.value
        return abs(value - self.centre) <= self.band

    def progress_rate(self, start: float, end: float, years: float) -> float | None:
        """Observed growth of the quantity, signed so that positive is progress."""
        rate = cagr(self.quantity(start), self.quantity(end), years)
        if rate is None:
            return None
        magnitude_sign = -1 if self.quantity(start) < 0 else 1
        return magnitude_sign * self.sense * rate
