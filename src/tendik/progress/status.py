"""Progress statuses (stable ids) and the fixed thresholds that map a growth measure onto them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tendik.errors import ProgressError


class ProgressStatus(StrEnum):
    """Where an indicator stands against its target; the values are stable ids."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    NEGLIGIBLE_PROGRESS = "negligible_progress"
    MOVING_AWAY = "moving_away"
    INSUFFICIENT_DATA = "insufficient_data"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class Thresholds:
    """Lower bounds of each status: at or above ``substantial`` is substantial progress, at or
    above ``moderate`` moderate, at or above ``negligible`` negligible, below it moving away."""

    substantial: float
    moderate: float
    negligible: float = 0.0

    def __post_init__(self) -> None:
        if not self.substantial >= self.moderate >= self.negligible:
            raise ProgressError(
                "thresholds must satisfy substantial >= moderate >= negligible, got "
                f"{self.substantial:g}, {self.moderate:g}, {self.negligible:g}"
            )

    def classify(self, measure: float) -> ProgressStatus:
        if measure >= self.substantial:
            return ProgressStatus.SUBSTANTIAL_PROGRESS
        if measure >= self.moderate:
            return ProgressStatus.MODERATE_PROGRESS
        if measure >= self.negligible:
            return ProgressStatus.NEGLIGIBLE_PROGRESS
        return ProgressStatus.MOVING_AWAY


# With a target: the ratio of observed to required compound annual growth (Statistics Canada's
# method as used by Open SDG): 95% of the required pace or more is substantial, 60% moderate.
TARGET_THRESHOLDS = Thresholds(substantial=0.95, moderate=0.6, negligible=0.0)
# Without a target: the observed compound annual growth in the good direction:
# 1.5% a year or more is substantial, 0.5% moderate.
TREND_THRESHOLDS = Thresholds(substantial=0.015, moderate=0.005, negligible=0.0)
