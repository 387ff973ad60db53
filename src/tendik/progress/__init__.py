"""Targets, progress status (compound growth against the required pace) and projected years."""

from tendik.progress.assessment import ProgressAssessment, progress_status
from tendik.progress.growth import cagr
from tendik.progress.headline import (
    HeadlineProgress,
    headline_progress,
    target_from_definition,
    yearly_points,
)
from tendik.progress.projection import DEFAULT_HORIZON, Projection, projected_year
from tendik.progress.series import Point, Series
from tendik.progress.status import TARGET_THRESHOLDS, TREND_THRESHOLDS, ProgressStatus, Thresholds
from tendik.progress.target import DEFAULT_PARITY_BAND, Direction, Target

__all__ = [
    "DEFAULT_HORIZON",
    "DEFAULT_PARITY_BAND",
    "TARGET_THRESHOLDS",
    "TREND_THRESHOLDS",
    "Direction",
    "HeadlineProgress",
    "Point",
    "ProgressAssessment",
    "ProgressStatus",
    "Projection",
    "Series",
    "Target",
    "Thresholds",
    "cagr",
    "headline_progress",
    "progress_status",
    "projected_year",
    "target_from_definition",
    "yearly_points",
]
