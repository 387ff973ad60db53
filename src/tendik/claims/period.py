"""Which date or year a claim refers to: the nearest one written near it, else publication."""

from __future__ import annotations

import re
from datetime import date

from tendik.claims.dates import Mention
from tendik.claims.model import Period

_CLAUSE_BREAK = re.compile(r"[,;:—–()]")


def resolve(
    text: str,
    claim: tuple[int, int],
    sentence: tuple[int, int],
    mentions: list[Mention],
    previous: list[Mention],
    published: date | None,
) -> Period | None:
    """The claim's period: same clause, else same sentence, else the sentence before, else
    the publication date."""
    own = [m for m in mentions if m.period and not m.since]
    same_clause = [m for m in own if _same_clause(text, claim, m.span, own)]
    for pool in (same_clause, own):
        if pool:
            return min(pool, key=lambda m: _distance(claim, m.span)).period
    earlier = [m for m in previous if m.period and not m.since]
    if earlier:
        return earlier[-1].period
    if published is not None:
        return Period(published.year, published, None, "published")
    return None


def since(mentions: list[Mention], claim: tuple[int, int]) -> Period | None:
    """The "since June 2024" of a change, when the sentence has one."""
    starts = [m for m in mentions if m.since and m.period]
    if not starts:
        return None
    return min(starts, key=lambda m: _distance(claim, m.span)).period


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if b[1] <= a[0]:
        return a[0] - b[1]
    if a[1] <= b[0]:
        return b[0] - a[1]
    return 0


def _same_clause(
    text: str, claim: tuple[int, int], span: tuple[int, int], mentions: list[Mention]
) -> bool:
    lo, hi = (span[1], claim[0]) if span[1] <= claim[0] else (claim[1], span[0])
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if not any(x.span[0] <= m.start() < x.span[1] for x in mentions):
            return False
    return True
