"""Numeric claims in texts: find them, and (in time) match them to indicators and check them."""

from tendik.claims.extract import extract_claims
from tendik.claims.model import Change, Claim, Period

__all__ = ["Change", "Claim", "Period", "extract_claims"]
