"""Which date or year a claim refers to: the nearest one written near it, else publication."""

from __future__ import annotations

import re
from datetime import date

from tendik.claims.dates import Mention
from tendik.claims.model import Period

_CLAUSE_BREAK = re.compile(r"[,;:—–()]")
# "today", "now", "currently": the claim is about the time of publication.
_NOW = re.compile(
    r"(?i)\b(?:today|now|currently|at present|at the moment)\b|(?<![\w])(?:сегодня|сейчас|ныне|"
    r"в настоящее время|на сегодняшний день|на данный момент|в данный момент)(?![\w])"
)


def resolve(
    text: str,
    claim: tuple[int, int],
    sentence: tuple[int, int],
    mentions: list[Mention],
    previous: list[Mention],
    published: date | None,
    others: list[tuple[int, int]] | None = None,
) -> Period | None:
    """The claim's period: same clause, else "today" in its clause (the publication date),
    else same sentence (a date in the clause of another claim belongs to that claim), else the
    sentence before, else the publication date."""
    own = [m for m in mentions if m.period and not m.since]
    same_clause = [m for m in own if _same_clause(text, claim, m.span, own)]
    if _now(text, claim, sentence, same_clause):
        return Period(published.year, published, None, "published") if published else None
    if not same_clause and others:
        own = [m for m in own if not any(_same_clause(text, o, m.span, own) for o in others)]
    for pool in (same_clause, own):
        if pool:
            return min(pool, key=lambda m: _distance(claim, m.span)).period
    earlier = [m for m in previous if m.period and not m.since]
    if earlier:
        return earlier[-1].period
    if published is not None:
        return Period(published.year, published, None, "published")
    return None


def _now(
    text: str, claim: tuple[int, int], sentence: tuple[int, int], dated: list[Mention]
) -> bool:
    """ "today" in the claim's clause, nearer to it than any date of the clause ("from 2
    percent in 2000 to 19 percent today")."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence[0], claim[0])]
    after = [m.start() for m in _CLAUSE_BREAK.finditer(text, claim[1], sentence[1])]
    lo, hi = before[-1] if before else sentence[0], after[0] if after else sentence[1]
    nows = [m.span() for m in _NOW.finditer(text, lo, hi)]
    if not nows:
        return False
    nearest_now = min(_distance(claim, span) for span in nows)
    return all(nearest_now < _distance(claim, m.span) for m in dated)


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
