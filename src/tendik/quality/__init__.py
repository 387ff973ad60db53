"""Data quality: validation rules, year-on-year outliers and cross-source reconciliation."""

from tendik.quality.config import QualityConfig, load_quality, parse_quality
from tendik.quality.findings import (
    DuplicateKeyFound,
    Finding,
    LabelsLookSwapped,
    NumeratorExceedsDenominator,
    ObsKey,
    OutlierYearOnYear,
    PartsDoNotSumToTotal,
    RuleFailed,
    ShareOutOfRange,
    ShiftSuggested,
    SourcesDisagree,
)
from tendik.quality.outliers import modified_z_scores
from tendik.quality.reconcile import Reconciliation, reference_anchor
from tendik.quality.render import render_report
from tendik.quality.report import QualityReport, validate_project

__all__ = [
    "DuplicateKeyFound",
    "Finding",
    "LabelsLookSwapped",
    "NumeratorExceedsDenominator",
    "ObsKey",
    "OutlierYearOnYear",
    "PartsDoNotSumToTotal",
    "QualityConfig",
    "QualityReport",
    "Reconciliation",
    "RuleFailed",
    "ShareOutOfRange",
    "ShiftSuggested",
    "SourcesDisagree",
    "load_quality",
    "modified_z_scores",
    "parse_quality",
    "reference_anchor",
    "render_report",
    "validate_project",
]
