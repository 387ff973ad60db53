"""Recognisers: turn the number tokens of one sentence into claim candidates.

Each recogniser is a small function over a sentence, run in this order by `extract`:
`frame_numbers` (percent, money, count, ratio; bare years set aside), `merge_compounds`
("8 тысяч 254"), `merge_pairs` (ranges and "from A to B" changes); shares written as words
come from `fractions`, qualifiers and relative changes from `qualify`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from tendik.claims import numbers as N
from tendik.claims.model import Change
from tendik.claims.spans import REACH, SpanIndex, ends_here

_YEAR_PREPOSITION = re.compile(
    r"(?i)(?:\b(?:in|since|by|of|from|to|until|till|as\s+of|the|year|early|late|end|mid|for|"
    r"before|after|during)|(?<![\w])(?:в|с|со|до|к|на|за|от|по|году|года))\s+$"
)
_COUNT_NOUN = re.compile(
    r"(?i)\s+(?:women|men|people|persons|candidates|applicants|judges|deputies|employees|staff|"
    r"workers|officers|participants|members|girls|boys|children|families|students|"
    r"entrepreneurs|businesses|companies|projects|человек|женщин\w*|мужчин\w*|кандидат\w*|"
    r"судей|судьи|депутат\w*|сотрудник\w*|работник\w*|участник\w*|член\w*|девоч\w*|детей|"
    r"семей|студент\w*|предпринимател\w*|предприяти\w*|компани\w*|проект\w*)\b"
)
_DASH = re.compile(r"\s*[-–—]\s*")
_FROM = re.compile(r"(?i)(?:\bfrom|(?<![\w])(?:с|со|от))\s+$")
_TO = re.compile(r"(?i)\s+(?:to|до)\s+$")
_BETWEEN = re.compile(r"(?i)\bbetween\s+$")
_AND = re.compile(r"(?i)\s+(?:and|и)\s+$")
_CHANGE_WORD = re.compile(
    r"(?i)\b(?:grew|grow\w*|grown|rose|rise|rising|risen|increas\w*|decreas\w*|jump\w*|climb\w*|"
    r"fell|fall\w*|dropp?\w*|declin\w*|reduc\w*|went|expand\w*|doubl\w*|chang\w*|"
    r"вырос\w*|увелич\w*|возрос\w*|рост\w*|снизил\w*|снижени\w*|сократил\w*|сокращени\w*|"
    r"уменьш\w*|упал\w*|измени\w*)"
)


@dataclass
class Found:
    """A claim candidate inside one sentence, before subject and period are attached."""

    start: int
    end: int
    value: float
    unit: str
    decimals: int | None
    explicit: bool = True  # a unit, scale or currency was written (a bare count is not)
    currency: str | None = None
    scale: str | None = None
    qualifier: str | None = None
    kind: str = "level"
    change: Change | None = None
    bounds: tuple[float, float] | None = None


@dataclass(frozen=True)
class Sentence:
    text: str  # the whole input
    start: int
    end: int
    language: str
    excluded: SpanIndex

    @cached_property
    def changing(self) -> bool:
        """Whether the sentence speaks of a change ("grew", "снизилась"): read once."""
        return bool(_CHANGE_WORD.search(self.text, self.start, self.end))


def frame_numbers(s: Sentence) -> tuple[list[Found], list[tuple[int, int]]]:
    """Frame each number token of the sentence; also return the spans of bare years."""
    found: list[Found] = []
    years: list[tuple[int, int]] = []
    for m in N.NUMBER.finditer(s.text, s.start, s.end):
        if s.excluded.overlaps(m.span()):
            continue
        number = N.parse_number(m.group(), m.start(), s.language)
        framed = _frame(s, number)
        if framed is None:
            continue
        if framed == "year":
            years.append((number.start, number.end))
            continue
        found.append(framed)
    return found, years


def _frame(s: Sentence, n: N.Number) -> Found | str | None:
    text, end = s.text, n.end
    if end < s.end and text[end].isalpha() and not _unit_glued(text, end, s.end):
        return None
    percent = _percent(s, n)
    if percent:
        return percent
    money = _money(s, n)
    if money:
        return money
    ratio = N.RATIO_AFTER.match(text, end, s.end)
    if ratio:
        return Found(n.start, ratio.end(), n.value, "ratio", n.decimals)
    scale = N.SCALE_AFTER.match(text, end, s.end)
    if scale:
        value = N.scaled(n.value, scale.group("scale"))
        return Found(n.start, scale.end(), value, "count", n.decimals, scale=scale.group("scale"))
    if _is_year(s, n):
        return "year"
    plus = N.PLUS_AFTER.match(text, end, s.end)
    found = Found(n.start, end, n.value, "count", n.decimals, explicit=False)
    if plus:
        found.end, found.qualifier = plus.end(), "over"
    return found


def _unit_glued(text: str, end: int, limit: int) -> bool:
    """A letter right after the digits: only a scale ("4.1bn", "5млн") or "-процентный"."""
    if N.SCALE_AFTER.match(text, end, limit) or N.PERCENT_AFTER.match(text, end, limit):
        return True
    glued = N.GLUED_SCALE.match(text, end, limit)
    return bool(glued and ends_here(N.CURRENCY_BEFORE, text, 0, _start_of_number(text, end)))


def _start_of_number(text: str, end: int) -> int:
    start = end
    while start > max(0, end - REACH) and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start -= 1
    return start


def _percent(s: Sentence, n: N.Number) -> Found | None:
    points = N.POINTS_AFTER.match(s.text, n.end, s.end)
    if points:
        change = Change(points=n.value)
        return Found(n.start, points.end(), n.value, "percent", n.decimals, kind="change",
                     change=change)  # fmt: skip
    percent = N.PERCENT_AFTER.match(s.text, n.end, s.end)
    if percent:
        return Found(n.start, percent.end(), n.value, "percent", n.decimals)
    return None


def _money(s: Sentence, n: N.Number) -> Found | None:
    text, start, end = s.text, n.start, n.end
    before = ends_here(N.CURRENCY_BEFORE, text, s.start, n.start)
    scale = N.SCALE_AFTER.match(text, end, s.end) or N.GLUED_SCALE.match(text, end, s.end)
    after_scale = scale.end() if scale else end
    after = N.CURRENCY_AFTER.match(text, after_scale, s.end)
    if not (before or after):
        return None
    written = (before or after).group("cur")  # type: ignore[union-attr]
    return Found(
        before.start() if before else start,
        after.end() if after else after_scale,
        N.scaled(n.value, scale.group("scale")) if scale else n.value,
        "currency",
        n.decimals,
        currency=N.currency_code(written),
        scale=scale.group("scale") if scale else None,
    )


def _is_year(s: Sentence, n: N.Number) -> bool:
    token = s.text[n.start : n.end]
    if not (len(token) == 4 and token.isdigit() and 1900 <= n.value <= 2100):
        return False
    if ends_here(_YEAR_PREPOSITION, s.text, s.start, n.start):
        return True
    return not _COUNT_NOUN.match(s.text, n.end, s.end)


def merge_compounds(s: Sentence, found: list[Found]) -> list[Found]:
    """Join numbers written in parts: "8 тысяч 254" -> 8254, "4 миллиона 294 тысячи 243"."""
    merged: list[Found] = []
    for f in found:
        last = merged[-1] if merged else None
        if last is not None and _continues_compound(s, last, f):
            unit = f.unit if f.unit == "currency" else last.unit
            merged[-1] = replace(
                last,
                end=f.end,
                value=last.value + f.value,
                unit=unit,
                currency=f.currency or last.currency,
                explicit=True,
            )
            continue
        merged.append(f)
    return merged


def _continues_compound(s: Sentence, a: Found, b: Found) -> bool:
    if not a.scale or a.decimals or b.decimals or a.unit not in ("count", "currency"):
        return False
    if a.unit == "currency" and b.unit != "currency":
        return False
    if b.unit not in ("count", "currency") or s.text[a.end : b.start].strip():
        return False
    return b.value < N.scale_factor(a.scale) and (not b.scale or _smaller(b.scale, a.scale))


def _smaller(scale: str, than: str) -> bool:
    return N.scale_factor(scale) < N.scale_factor(than)


def merge_pairs(s: Sentence, found: list[Found]) -> list[Found]:
    """Join "18-19%" and "between 18 and 19%" into ranges, "from 33 to 104" into changes."""
    merged: list[Found] = []
    i = 0
    while i < len(found):
        if i + 1 < len(found):
            pair = _pair(s, found[i], found[i + 1])
            if pair:
                merged.append(pair)
                i += 2
                continue
        merged.append(found[i])
        i += 1
    return merged


def _pair(s: Sentence, a: Found, b: Found) -> Found | None:
    if a.explicit and a.unit != b.unit:
        return None
    between = s.text[a.end : b.start]
    before = s.text[max(s.start, a.start - REACH) : a.start]
    if _DASH.fullmatch(between) and (not a.explicit or " " not in between):
        return _range(a, b)
    if _BETWEEN.search(before) and _AND.search(" " + between):
        return _range(a, b)
    if _FROM.search(before) and _TO.search(" " + between):
        changing = before.rstrip().lower().endswith(("с", "со")) or s.changing
        if changing:
            return _from_to(s, a, b)
        return _range(a, b)
    return None


def _with_scale(a: Found, b: Found) -> float:
    if a.explicit or not b.scale:
        return a.value
    return N.scaled(a.value, b.scale)


def _range(a: Found, b: Found) -> Found:
    low = _with_scale(a, b)
    decimals = max(a.decimals or 0, b.decimals or 0)
    merged = replace(b, start=a.start, value=(low + b.value) / 2, bounds=(low, b.value))
    merged.decimals = decimals
    return merged


def _from_to(s: Sentence, a: Found, b: Found) -> Found:
    start = ends_here(_FROM, s.text, s.start, a.start)
    low = _with_scale(a, b)
    direction = "increase" if b.value >= low else "decrease"
    change = Change(from_value=low, to_value=b.value, direction=direction)
    return replace(b, start=start.start() if start else a.start, kind="change", change=change)
