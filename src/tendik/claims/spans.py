"""Spans of a text looked up in logarithmic time, and bounded windows around a claim.

Checking a text must cost time in proportion to its length, however many numbers one sentence
holds: nothing here scans a whole sentence or a whole text once per number. Words that qualify a
number ("over", "in", "from") sit right before it, so they are looked for in a window of
`REACH` characters, never from the start of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

# How far before a number the words that qualify it are looked for.
REACH = 48
# How far a phrase about a number (its subject, its clause's population) is read.
PHRASE_REACH = 200


class SpanIndex:
    """A fixed set of spans; `overlaps(span)` in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, b in ordered:
            top = max(top, b)
            self.max_end.append(top)

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Whether `span` overlaps one of the spans (shares at least one character)."""
        i = bisect_left(self.starts, span[1])  # spans starting before span's end
        return i > 0 and self.max_end[i - 1] > span[0]


def free_of(taken: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each of `spans` (sorted, not overlapping one another), whether it overlaps none of
    `taken` (sorted, not overlapping one another): one pass over both."""
    out: list[bool] = []
    i = 0
    for a, b in spans:
        while i < len(taken) and taken[i][1] <= a:
            i += 1
        out.append(not (i < len(taken) and taken[i][0] < b))
    return out


def ends_here(pattern: re.Pattern[str], text: str, lo: int, end: int) -> re.Match[str] | None:
    """`pattern` (anchored with `$`) searched in the `REACH` characters before `end`, not
    before `lo`: the words right before a number."""
    return pattern.search(text, max(lo, end - REACH), end)


def in_range(starts: Sequence[int], lo: int, hi: int) -> tuple[int, int]:
    """The indices [i, j) of the sorted `starts` that lie in [lo, hi)."""
    return bisect_left(starts, lo), bisect_left(starts, hi)


def count_before(points: Sequence[int], position: int) -> int:
    """How many of the sorted `points` lie before `position`."""
    return bisect_left(points, position)


def count_upto(points: Sequence[int], position: int) -> int:
    """How many of the sorted `points` lie at or before `position`."""
    return bisect_right(points, position)
