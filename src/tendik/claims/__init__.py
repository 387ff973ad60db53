"""Numeric claims in texts: find them, match them to indicators and check them."""

from tendik.claims.check import Checker, CheckReport, check_text
from tendik.claims.extract import extract_claims
from tendik.claims.model import Change, Claim, Period
from tendik.claims.report import render, to_json
from tendik.claims.verdicts import Verdict, VerdictKind

__all__ = [
    "Change",
    "CheckReport",
    "Checker",
    "Claim",
    "Period",
    "Verdict",
    "VerdictKind",
    "check_text",
    "extract_claims",
    "render",
    "to_json",
]
