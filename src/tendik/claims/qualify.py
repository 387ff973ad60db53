"""Qualifiers ("over", "около") and relative changes ("a 45% increase", "вырос на 9%")."""

from __future__ import annotations

import re
from dataclasses import replace

from tendik.claims.model import Change
from tendik.claims.recognise import Found, Sentence
from tendik.claims.spans import REACH, ends_here

QUALIFIER_KEYS: dict[str, str] = {
    "more than": "more than", "slightly more than": "more than", "over": "over",
    "just over": "over", "above": "over", "in excess of": "over", "exceeding": "over",
    "upwards of": "over", "at least": "at least", "no less than": "at least",
    "not less than": "at least", "no fewer than": "at least", "a minimum of": "at least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "approximately": "about", "approx.": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "~": "about", "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "up to": "up to", "as many as": "up to", "at most": "up to",
    "no more than": "up to", "a maximum of": "up to",
    "около": "about", "примерно": "about", "приблизительно": "about", "порядка": "about",
    "ок.": "about", "почти": "nearly", "практически": "nearly", "более чем": "more than",
    "более": "more than", "больше": "more than", "чуть более": "more than",
    "чуть больше": "more than", "свыше": "over", "не менее": "at least",
    "не меньше": "at least", "как минимум": "at least", "минимум": "at least",
    "менее": "less than", "менее чем": "less than", "меньше": "less than",
    "меньше чем": "less than", "не более": "up to", "не больше": "up to",
    "до": "up to",
}  # fmt: skip

_WORDS = sorted(QUALIFIER_KEYS, key=len, reverse=True)
_QUALIFIER = re.compile(
    r"(?i)(?:(?<=[\s(«\"“])|^)(?P<q>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS if w != "~")
    + r"|(?P<cap>(?:не|not)\s+(?:долж\w+\s+|to\s+)?(?:превыш\w+|exceed\w*)|does\s+not\s+exceed)"
    + r")\s+(?:(?:the|a|an|в)\s+)?$|(?P<tilde>~)\s?$"
)
# "makes up to 12%" is "amounts to", not "up to"
_MAKE_UP = re.compile(r"(?i)\b(?:make|makes|made|making|add|adds|added|adding)\s+$")

_DECREASE = r"fell|fallen|falls|dropped|declined|decreased|decreases|decreasing|reduced|down|"
_CHANGE_BEFORE = re.compile(
    r"(?i)(?:\b(?P<up>increased|increases|increase|increasing|rose|risen|rises|rising|grew|"
    r"grown|grows|growing|went\s+up|jumped|climbed|gained|"
    r"(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)up)|\b(?P<down>"
    + _DECREASE
    + r"cut)|(?<![\w])(?P<upru>увеличил\w*|увеличива\w*|увеличит\w*|вырос\w*|возрос\w*|"
    r"раст[её]т|вырастет|прибавил\w*|рост|прирост|увеличение)|(?<![\w])(?P<downru>снизил\w*|"
    r"снижает\w*|сократил\w*|сокращает\w*|уменьшил\w*|упал\w*|снижение|сокращение))"
    r"\s+(?:by\s+|of\s+|на\s+)?$"
)
_CHANGE_AFTER = re.compile(
    r"(?i)\s*(?:(?P<up>increase|rise|growth|jump|gain|hike|more|higher)|(?P<down>decrease|"
    r"decline|drop|fall|reduction|cut|less|lower)|(?P<upru>рост\w*|увеличени\w*|прирост\w*|"
    r"больше|выше)|(?P<downru>снижени\w*|сокращени\w*|падени\w*|меньше|ниже))(?![\w])"
)


# How far back a clause is read for the verb of a change ("увеличилась ... до 15,3%").
_CLAUSE_REACH = 3 * REACH
_CHANGE_STEM = re.compile(
    r"(?i)(?<![\w])(?:увелич|повыс|повыш|вырос|выраст|возрос|рост|сниз|сократ|уменьш|довес|довед|"
    r"упал)\w*"
)
_CHANGE_TO = re.compile(
    r"(?i)\b(?:rose|risen|grew|grown|increased|climbed|jumped|fell|fallen|dropped|declined|"
    r"decreased)\s+to\s+$"
)


def qualify(s: Sentence, found: list[Found]) -> list[Found]:
    """Attach the qualifier written just before each claim (the span then starts with it),
    then mark relative changes."""
    out: list[Found] = []
    for f in found:
        q = ends_here(_QUALIFIER, s.text, s.start, f.start)
        if q and not f.qualifier:
            word = _qualifier_word(q)
            if word == "up to" and ends_here(_MAKE_UP, s.text, s.start, q.start()):
                out.append(_relative_change(s, f))
                continue
            f = replace(f, start=q.start())
            if word == "до" and _changing_clause(s, q.start()):
                out.append(_changed_to(f, s))
                continue
            f = replace(f, qualifier=QUALIFIER_KEYS[word])
        elif ends_here(_CHANGE_TO, s.text, s.start, f.start) and f.kind == "level":
            out.append(_changed_to(f, s))
            continue
        out.append(_relative_change(s, f))
    return out


def _qualifier_word(q: re.Match[str]) -> str:
    if q.group("tilde"):
        return "~"
    if q.group("cap"):
        return "up to"
    return " ".join(q.group("q").lower().split())


def _changing_clause(s: Sentence, end: int) -> bool:
    """ "увеличилась до 15,3%", "повышение доли до 30%": here "до" means "to", not "up to"."""
    lo = max(s.start, end - _CLAUSE_REACH)
    clause_start = max(s.text.rfind(mark, lo, end) for mark in ",;:(")
    return bool(_CHANGE_STEM.search(s.text, max(lo, clause_start + 1), end))


def _changed_to(f: Found, s: Sentence) -> Found:
    """A level reached by a change: "rose to 19%", "увеличилась до 15,3%"."""
    clause = s.text[max(s.start, f.start - _CLAUSE_REACH) : f.start].lower()
    down = bool(re.search(r"(?:сниз|сократ|уменьш|упал|fell|fallen|dropp|declin|decreas)", clause))
    change = Change(to_value=f.value, direction="decrease" if down else "increase")
    return replace(f, kind="change", change=change)


def _relative_change(s: Sentence, f: Found) -> Found:
    if f.unit != "percent" or f.kind == "change":
        return f
    before = ends_here(_CHANGE_BEFORE, s.text, s.start, f.start)
    after = _CHANGE_AFTER.match(s.text, f.end, s.end)
    hit = before or after
    if not hit:
        return f
    down = bool(hit.group("down") or hit.group("downru"))
    change = Change(percent=f.value, direction="decrease" if down else "increase")
    return replace(f, kind="change", change=change)
