"""Which date or year a claim refers to: the nearest one written near it, else publication.

`SentenceTimes` reads one sentence's dates and clause breaks once; each claim of the sentence is
then resolved in logarithmic time, so a sentence of thousands of numbers costs no more per
number than a short one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from tendik.claims.dates import Mention
from tendik.claims.model import Period
from tendik.claims.spans import SpanIndex, count_before

_CLAUSE_BREAK = re.compile(r"[,;:—–()]")
# "today", "now", "currently": the claim is about the time of publication.
_NOW = re.compile(
    r"(?i)\b(?:today|now|currently|at present|at the moment)\b|(?<![\w])(?:сегодня|сейчас|ныне|"
    r"в настоящее время|на сегодняшний день|на данный момент|в данный момент)(?![\w])"
)

Span = tuple[int, int]


class SentenceTimes:
    """The dates of one sentence, ready to give each of its claims a period.

    A claim's period: the nearest date in its clause; else "today" in its clause (the
    publication date); else the nearest date of its sentence that is not in the clause of
    another claim of the same unit; else the last date of the sentence before; else the
    publication date.
    """

    def __init__(
        self,
        text: str,
        sentence: Span,
        mentions: Sequence[Mention],
        previous: Sequence[Mention],
        published: date | None,
        claims: Sequence[tuple[Span, str]],
    ) -> None:
        self.published = published
        self.own = [m for m in mentions if m.period and not m.since]
        self.starts = [m.span[0] for m in self.own]
        self.ends = [m.span[1] for m in self.own]
        in_dates = SpanIndex(m.span for m in self.own)
        every = [m.start() for m in _CLAUSE_BREAK.finditer(text, *sentence)]
        self.sentence = sentence
        self.every_break = every
        self.breaks = [b for b in every if not in_dates.overlaps((b, b + 1))]
        self.keys = [count_before(self.breaks, a) for a in self.starts]
        nows = [m.span() for m in _NOW.finditer(text, *sentence)]
        self.now_starts = [a for a, _ in nows]
        self.now_ends = [b for _, b in nows]
        earlier = [m for m in previous if m.period and not m.since]
        self.earlier = earlier[-1].period if earlier else None
        self.since_marks = [m for m in mentions if m.since and m.period]
        self.since_starts = [m.span[0] for m in self.since_marks]
        self.everything = list(range(len(self.own)))
        self.eligible: dict[str, list[int]] = {}
        touched: dict[str, set[int]] = {}
        counts: dict[str, int] = {}
        for span, unit in claims:
            lo, hi = self._keys(span)
            touched.setdefault(unit, set()).update(range(lo, hi + 1))
            counts[unit] = counts.get(unit, 0) + 1
        for unit, keys in touched.items():
            if counts[unit] > 1:
                self.eligible[unit] = [i for i, k in enumerate(self.keys) if k not in keys]

    def _keys(self, claim: Span) -> tuple[int, int]:
        """The clause numbers a claim begins and ends in (a break may fall inside "16,000")."""
        return count_before(self.breaks, claim[0]), count_before(self.breaks, claim[1])

    def resolve(self, claim: Span, unit: str) -> Period | None:
        """The period of the claim at `claim`, of `unit`."""
        nearest = self._nearest(claim, self._in_clause(claim))
        dated = _distance(claim, self.own[nearest].span) if nearest is not None else None
        if self._now(claim, dated):
            if self.published is None:
                return None
            return Period(self.published.year, self.published, None, "published")
        if nearest is not None:
            return self.own[nearest].period
        found = self._nearest(claim, self.eligible.get(unit, self.everything))
        if found is not None:
            return self.own[found].period
        if self.earlier is not None:
            return self.earlier
        if self.published is not None:
            return Period(self.published.year, self.published, None, "published")
        return None

    def _in_clause(self, claim: Span) -> list[int]:
        """Indices of the dates in the claim's clause: before it with no break between, after
        it with no break between, or overlapping it ("from 33 in 2020 to 104")."""
        lo, hi = self._keys(claim)
        first = bisect_left(self.ends, claim[0] + 1)  # first date ending after the claim starts
        out = [first - 1] if first > 0 and self.keys[first - 1] == lo else []
        j = first
        while j < len(self.own) and self.starts[j] < claim[1]:
            out.append(j)  # overlapping
            j += 1
        if j < len(self.own) and self.keys[j] == hi:
            out.append(j)
        return sorted(out)

    def _nearest(self, claim: Span, pool: Sequence[int]) -> int | None:
        """The date of `pool` (indices, in text order) nearest the claim; the earlier on a tie."""
        if not pool:
            return None
        at = bisect_left(pool, claim[0], key=lambda i: self.starts[i])
        candidates = pool[max(0, at - 2) : at + 2]
        return min(candidates, key=lambda i: (_distance(claim, self.own[i].span), i))

    def _now(self, claim: Span, dated: int | None) -> bool:
        """ "today" in the claim's clause, nearer to it than any date of the clause ("from 2
        percent in 2000 to 19 percent today")."""
        i = count_before(self.every_break, claim[0])
        j = bisect_left(self.every_break, claim[1])
        lo = self.every_break[i - 1] + 1 if i > 0 else self.sentence[0]
        hi = self.every_break[j] if j < len(self.every_break) else self.sentence[1]
        at = bisect_left(self.now_starts, claim[0])
        near = [
            _distance(claim, (self.now_starts[k], self.now_ends[k]))
            for k in range(max(0, at - 2), min(len(self.now_starts), at + 2))
            if self.now_starts[k] >= lo and self.now_ends[k] <= hi
        ]
        if not near:
            return False
        return dated is None or min(near) < dated

    def since(self, claim: Span) -> Period | None:
        """The "since June 2024" of a change, when the sentence has one."""
        if not self.since_marks:
            return None
        at = bisect_left(self.since_starts, claim[0])
        near = self.since_marks[max(0, at - 2) : at + 2]
        return min(near, key=lambda m: _distance(claim, m.span)).period


def _distance(a: Span, b: Span) -> int:
    if b[1] <= a[0]:
        return a[0] - b[1]
    if a[1] <= b[0]:
        return b[0] - a[1]
    return 0
