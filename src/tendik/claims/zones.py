"""The parts of a text a claim is read in: its subject, clause, sentence and the one before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tendik.claims.model import Claim
from tendik.claims.words import Word, content, words

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
    clause_text: str

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
    sentence: tuple[int, int],
    neighbours: list[Claim],
    previous: tuple[int, int] | None = None,
) -> Zones:
    """The zones of `claim`. Its clause runs from the last clause break (or neighbouring claim)
    before it to the first one after it; a clause with no words of its own but the number (a
    share in brackets) widens to the neighbouring claim before it ("560 out of 1,162 public
    servants are women (48.2%)"), else after it ("29 of 106 (27%) seats in the Mazhilis"),
    else to the whole sentence."""
    start, end = sentence
    lo = max([start, *(c.span[1] for c in neighbours if c.span[1] <= claim.span[0])])
    hi = min([end, *(c.span[0] for c in neighbours if c.span[0] >= claim.span[1])])
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, claim.span[0])]
    after = [m.start() for m in _CLAUSE_BREAK.finditer(text, claim.span[1], hi)]
    c_start = before[-1] if before else lo
    c_end = after[0] if after else hi
    for a, b in ((c_start, c_end), (lo, c_end), (c_start, hi), (start, end)):
        if content(text[a : claim.span[0]] + " " + text[claim.span[1] : b]):
            c_start, c_end = a, b
            break
    # a claim that ends its clause may name its population in the next one ("34 или 22,7
    # процента - юристы"), or past the next claim ("28.4% and 26.9% of candidates")
    s_end = c_end
    if not content(text[claim.span[1] : c_end]):
        reach = end if not content(text[claim.span[1] : hi]) else hi
        further = [m.start() for m in _CLAUSE_BREAK.finditer(text, c_end + 1, reach)]
        s_end = further[0] if further else reach
    return Zones(
        subject=words(claim.subject or ""),
        clause=words(text[c_start:c_end], c_start),
        sentence=words(text[start:end], start),
        previous=words(text[previous[0] : previous[1]], previous[0]) if previous else [],
        scope=words(text[c_start:s_end], c_start),
        clause_text=text[c_start:c_end],
    )
