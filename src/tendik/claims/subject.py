"""The noun phrase a number is about, found by a few word-order rules (best effort)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[\w’'\-]+|[^\w\s]")
_MAX_WORDS = 6
# The words before a claim read for its subject, at most (verbs and units are skipped first).
_BEFORE_TOKENS = 24
_AFTER_TOKENS = 24

_EN_STOP = frozenset(
    """with according to by from since as which that who whom whose while whereas are is were
    was be been being have has had will would can could should may might must amounting
    compared than for at on among per across after before during over under against between
    through including making reported said says and or but this it they we you he she there
    here not only also now still up down out into vs versus if when where because so then too
    very more less most least about around nearly almost just has make makes made account
    accounts accounted hold holds constitute constitutes represent represents reach reached
    reaching stood stands stand remain remains remained half third thirds quarter quarters
    one-third two-thirds act acts serve serves work works lead leads sit sits occupy occupies
    head chair""".split()
)
_EN_DETERMINERS = frozenset(
    "the a an its their his her our my your this these those all some both each every any".split()
)
_EN_VERBS_BEFORE = frozenset(
    """is are was were be been has have had reached reach reaches stood stand stands at to by
    of make makes made up account accounts accounted for hold holds held constitute
    constitutes represent represents amounting amounted amount totalled totaled totalling
    worth grew growing grown rose risen rising increased increasing decreased fell dropped
    declined went climbed jumped expanded from now currently about nearly almost over
    more than less only just some around roughly approximately lower higher significantly
    slightly much considerably still""".split()
)
_RU_STOP = frozenset(
    """и а но или что чем как это по от до с со для при за через из к у о об также их них
    они она он оно его ее её же бы ли не ни в во на среди между против которые который
    которая которое которых году года сегодня сейчас всего лишь только уже ещё еще более
    менее около почти свыше примерно порядка заметно значительно меньше больше выше ниже
    женщины мужчины казахстанки доля доли долю показатель этот эта пока ситуация""".split()
)
_WOMEN = frozenset({"women", "them", "женщин", "казахстанок", "них"})
_EN_PREPOSITIONS = frozenset("in on at for to from by with across since during".split())
_EN_LEAD = frozenset("over under about around nearly almost some more than less ( ) % +".split())
_EN_UNITS = frozenset({"percent", "percentage", "points", "point", "pp", "per", "cent", "%"})
_RU_DETERMINERS = frozenset("всех всего все всей всем общего общей общем этих этой этом".split())
_RU_VERB = re.compile(
    r"^(?:состав\w*|достиг\w*|занима\w*|занял\w*|заня\w*|работа\w*|трудя\w*|явля\w*|"
    r"увелич\w*|вырос\w*|возрос\w*|снизил\w*|снижа\w*|сократил\w*|получ\w*|насчитыва\w*|"
    r"превыша\w*|оста\w*|был\w*|будет|стал\w*|держит\w*|приход\w*|представл\w*|"
    r"выда\w*|выдел\w*|предостав\w*|направ\w*|выплат\w*|профинансир\w*|защищ\w*|"
    r"обуч\w*|избран\w*|назнач\w*|трудоустро\w*|зарегистрир\w*|охвач\w*|вовлеч\w*|"
    r"\w+(?:ется|ются|ится|ятся|ался|алась|алось|ались|ился|илась|илось|ились))$",
    re.IGNORECASE,
)
_RU_CONNECTORS = frozenset({"в", "на", "по", "среди"})
_RU_COUNT_WORDS = frozenset({"числа", "количества", "состава", "численности"})


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def subject_for(before: str, after: str, unit: str, kind: str, language: str) -> str | None:
    """The phrase a claim is about, from the sentence text before and after the claim."""
    if language == "ru":
        return _ru_subject(before, after, unit, kind)
    return _en_subject(before, after, unit, kind)


def _past_women(toks: Sequence[str], phrase: Callable[[Sequence[str]], str | None]) -> str | None:
    """Look past the women to what they hold: in "39,2% женщин занимают руководящие
    должности" the subject is the positions."""
    head = phrase(toks)
    if head and head.lower() in _WOMEN and len(toks) > 2 and toks[1][:1].isalpha():
        return phrase(toks[2:]) or head
    return head


# --- English ---------------------------------------------------------------------------------
def _en_subject(before: str, after: str, unit: str, kind: str) -> str | None:
    nxt = tokens(after)[:_AFTER_TOKENS]
    low = [t.lower() for t in nxt]
    if kind == "change" and low[:1] and low[0] in {"increase", "rise", "growth", "decrease"}:
        return _en_after(nxt[2:] if low[1:2] in (["in"], ["of"]) else nxt[1:])
    if unit == "currency":
        if low[:1] in (["for"], ["in"], ["on"]):
            return _en_after(nxt[1:])
        return _en_before(before)
    if low[:1] in (["of"], ["among"]):
        return _past_women(nxt[1:], _en_after)
    if unit == "percent" and low[:1] and low[0].endswith("ing"):
        return _en_after(nxt[1:])
    if nxt and nxt[0].startswith("-") and len(nxt[0]) > 1:  # "the 24-member government"
        return _en_after(nxt[1:]) or _en_before(before)
    if kind != "change" and nxt and _en_word(nxt[0]) and low[0] not in _EN_STOP | _EN_PREPOSITIONS:
        return _en_after(nxt)
    return _en_before(before)


def _en_word(token: str) -> bool:
    return token[:1].isalpha()


def _en_after(toks: Sequence[str]) -> str | None:
    words: list[str] = []
    i = _lead_in(toks)
    connector_used = False
    while i < len(toks) and len(words) < _MAX_WORDS:
        tok, low = toks[i], toks[i].lower()
        if not _en_word(tok):
            break
        if low in ("of", "in") and words and not connector_used:
            following = toks[i + 1 : i + 2]
            if following and _en_word(following[0]) and following[0].lower() not in _EN_STOP:
                connector_used = True
                words.append(tok)
                i += 1
                continue
            break
        if low == "and" and len(words) == 1 and _continues(toks, i):
            words.append(tok)
            i += 1
            continue
        if low in _EN_STOP or (words and _participle(tok)):
            break
        words.append(tok)
        i += 1
    while words and words[-1].lower() in ("of", "in", "and"):
        words.pop()
    return " ".join(words) or None


def _lead_in(toks: Sequence[str]) -> int:
    """Skip what comes between "of" and its noun: "the", "over 2,000", "(27%)", "them in"."""
    i = 0
    while i < len(toks):
        low = toks[i].lower()
        if low in _EN_DETERMINERS or low in _EN_LEAD or low[:1].isdigit():
            i += 1
        elif low == "them" and toks[i + 1 : i + 2] and toks[i + 1].lower() in ("in", "on", "at"):
            i += 2
        else:
            return i
    return i


def _skippable(tok: str) -> bool:
    """Words between a claim and the phrase before it: verbs, numbers and their units."""
    low = tok.lower()
    return low in _EN_VERBS_BEFORE or low in _EN_UNITS or low[:1].isdigit()


def _continues(toks: Sequence[str], i: int) -> bool:
    following = toks[i + 1 : i + 2]
    return bool(following) and _en_word(following[0]) and following[0].lower() not in _EN_STOP


def _participle(tok: str) -> bool:
    low = tok.lower()
    return "-" not in low and (low.endswith("ing") or low.endswith("ed"))


def _en_before(before: str) -> str | None:
    toks = tokens(before)[-_BEFORE_TOKENS:]
    while toks and _skippable(toks[-1]):
        toks.pop()
    words: list[str] = []
    while toks and len(words) < _MAX_WORDS + 1:
        tok = toks.pop()
        low = tok.lower()
        if not _en_word(tok) or (low in _EN_STOP and low not in ("of", "in")):
            break
        words.insert(0, tok)
    while words and words[0].lower() in _EN_DETERMINERS | {"of", "in"}:
        words.pop(0)
    return " ".join(words) or None


# --- Russian ---------------------------------------------------------------------------------
def _ru_subject(before: str, after: str, unit: str, kind: str) -> str | None:
    nxt = tokens(after)[:_AFTER_TOKENS]
    if nxt and nxt[0].lower() == "от":
        nxt = nxt[1:]
    while nxt and (nxt[0].lower() in _RU_DETERMINERS or nxt[0].lower() in _RU_COUNT_WORDS):
        nxt = nxt[1:]
    if kind == "change" and unit != "percent":
        return _ru_before(before)
    head = _past_women(nxt, _ru_after)
    if head:
        return head
    if unit in ("percent", "ratio"):
        clause = re.split(r"[,;:]", before)[-1]
        return _ru_share_before(clause) or _ru_share_before(before) or _ru_before(before)
    return _ru_before(before)


def _ru_word(token: str) -> bool:
    return token[:1].isalpha()


def _ru_after(toks: Sequence[str]) -> str | None:
    words: list[str] = []
    connector_used = False
    for i, tok in enumerate(toks):
        low = tok.lower()
        if not _ru_word(tok) or _RU_VERB.match(low) or len(words) >= _MAX_WORDS:
            break
        if low in _RU_CONNECTORS and words and not connector_used:
            following = toks[i + 1 : i + 2]
            nxt = following[0].lower() if following else ""
            if _ru_word(nxt) and nxt not in _RU_STOP and nxt not in _RU_DETERMINERS:
                connector_used = True
                words.append(tok)
                continue
            break
        if low in _RU_STOP:
            break
        words.append(tok)
    return " ".join(words) or None


def _ru_share_before(before: str) -> str | None:
    """Find the place a share is of: in "Доля женщин на руководящих должностях ... достигла
    39,1%" it is the phrase after "доля"."""
    for m in re.finditer(r"(?i)(?:доля|доли|долю|удельный\s+вес|представительств\w*)", before):
        rest = before[m.start() :]
        head = re.match(
            r"(?i)\S+(?:\s+вес)?(?:\s+(?:женщин|казахстанок|представительниц)\w*)?"
            r"(?:\s+(?:в|во|на|среди))?\s+",
            rest,
        )
        if head:
            phrase = _ru_after(tokens(rest[head.end() :]))
            if phrase:
                return phrase
    places = list(re.finditer(r"(?i)(?<![\w])(?:среди|в|во|на)\s+(?=[А-Яа-яЁё])", before))
    for place in reversed(places):
        phrase = _ru_after(tokens(before[place.end() :]))
        if phrase:
            return phrase
    return None


def _ru_before(before: str) -> str | None:
    toks = tokens(before)[-_BEFORE_TOKENS:]
    while toks and (_RU_VERB.match(toks[-1].lower()) or toks[-1].lower() in _RU_STOP):
        toks.pop()
    words: list[str] = []
    while toks and len(words) < _MAX_WORDS:
        tok = toks.pop()
        if not _ru_word(tok) or _RU_VERB.match(tok.lower()):
            break
        if tok.lower() in _RU_STOP and tok.lower() not in _RU_CONNECTORS:
            break
        words.insert(0, tok)
    while words and words[0].lower() in _RU_CONNECTORS:
        words.pop(0)
    return " ".join(words) or None
