"""Ordinary least-squares straight line through (year, value) points, with its prediction band."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tendik.progress.series import Point


@dataclass(frozen=True)
class LinearTrend:
    """value ≈ mean_value + slope · (year − mean_year); ``sigma`` is the residual standard error
    (None from two points, which leave no degree of freedom)."""

    slope: float
    mean_year: float
    mean_value: float
    sxx: float  # Σ (year − mean_year)²
    n: int
    sigma: float | None

    @classmethod
    def fit(cls, points: Sequence[Point]) -> LinearTrend:
        years = np.array([p[0] for p in points], dtype=float)
        values = np.array([p[1] for p in points], dtype=float)
        mean_year, mean_value = float(years.mean()), float(values.mean())
        dx = years - mean_year
        sxx = float(dx @ dx)
        slope = float(dx @ (values - mean_value)) / sxx
        residuals = values - (mean_value + slope * dx)
        n = len(points)
        sigma = math.sqrt(float(residuals @ residuals) / (n - 2)) if n > 2 else None
        return cls(slope, mean_year, mean_value, sxx, n, sigma)

    def at(self, year: float) -> float:
        return self.mean_value + self.slope * (year - self.mean_year)

    def half_width(self, year: float, level: float) -> float | None:
        """Half-width of the ``level`` prediction band at ``year`` (a new observation's spread
        around the line, with the line's own uncertainty); None without a residual error."""
        if self.sigma is None:
            return None
        from scipy.special import stdtrit  # on first use: scipy is slow to import

        quantile = float(stdtrit(self.n - 2, 0.5 + level / 2))
        spread = 1 + 1 / self.n + (year - self.mean_year) ** 2 / self.sxx
        return quantile * self.sigma * math.sqrt(spread)
