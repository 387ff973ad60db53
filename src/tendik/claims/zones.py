"""The parts of a text a claim is read in: its subject, clause, sentence and the one before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tendik.claims.model import Claim
from tendik.claims.spans import PHRASE_REACH
from tendik.claims.words import TextWords, Word, words

_CLAUSE_BREAK = re.compile(
    r"[,;:—–()«»\"“”]|\s-\s|\.(?=\s*[A-ZА-ЯЁ])|\b(?:while|whereas|but|which|тогда как|а также)\b"
)


@dataclass(frozen=True)
class Zones:
    """The words of a claim's subject, clause, sentence and the sentence before; `scope` is
    its clause and the one after it, where the population it counts is named."""

    subject: list[Word]
    clause: list[Word]
    sentence: list[Word]
    previous: list[Word]
    scope: list[Word]
    clause_span: tuple[int, int]
    scope_span: tuple[int, int]

    @property
    def subject_key(self) -> tuple[str, ...]:
        return tuple(w.text for w in self.subject)

    def get(self, zone: str) -> list[Word]:
        return {
            "subject": self.subject,
            "clause": self.clause,
            "sentence": self.sentence,
            "previous": self.previous,
        }[zone]


def zones_for(
    claim: Claim,
    text: str,
    sentence: TextWords,
    before: int,
    after: int,
    previous: TextWords | None = None,
) -> Zones:
    """The zones of `claim`. `before` and `after` are where the neighbouring claims of its
    sentence end and begin (the sentence's own ends when it has none). Its clause runs from the
    last clause break (or neighbouring claim) before it to the first one after it; a clause
    with no words of its own but the number (a share in brackets) widens to the neighbouring
    claim before it ("560 out of 1,162 public servants are women (48.2%)"), else after it ("29
    of 106 (27%) seats in the Mazhilis"), else to the whole sentence."""
    start, end = sentence.span
    lo, hi = max(start, before), min(end, after)
    breaks_before = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, claim.span[0])]
    first_after = _CLAUSE_BREAK.search(text, claim.span[1], hi)
    c_start = breaks_before[-1] if breaks_before else lo
    c_end = first_after.start() if first_after else hi
    for a, b in ((c_start, c_end), (lo, c_end), (c_start, hi), (start, end)):
        if sentence.has_content(a, claim.span[0]) or sentence.has_content(claim.span[1], b):
            c_start, c_end = a, b
            break
    # a claim that ends its clause may name its population in the next one ("34 или 22,7
    # процента - юристы"), or past the next claim ("28.4% and 26.9% of candidates")
    s_end = c_end
    if not sentence.has_content(claim.span[1], c_end):
        reach = end if not sentence.has_content(claim.span[1], hi) else hi
        reach = min(reach, c_end + 1 + PHRASE_REACH)
        further = _CLAUSE_BREAK.search(text, c_end + 1, reach) if c_end + 1 < reach else None
        s_end = further.start() if further else reach
    return Zones(
        subject=words(claim.subject or ""),
        clause=sentence.between(c_start, c_end),
        sentence=sentence.words,
        previous=previous.words if previous else [],
        scope=sentence.between(c_start, s_end),
        clause_span=(c_start, c_end),
        scope_span=(c_start, s_end),
    )
