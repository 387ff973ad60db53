"""Words for matching: tokens, a light stemmer for English, Russian and Kazakh, and likeness.

Matching is meant to be explained to a reader, so it stays simple: a word is lower-cased,
"ё" becomes "е", a few inflectional endings are cut, and two words are alike when their stems
are equal or one stem (of five letters at least) begins the other with no more than an ending
or an adjective's suffix left over ("parliament" ~ "parliamentarians", "мажилис" ~
"мажилисе"; not "council" ~ "councillor").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Russian compounds of "гос-" (state): "госслужба" reads as "государственная служба".
_GOS = re.compile(r"^гос(?!ударств)(?=[а-я]{4})")

# Endings cut from Russian words, longest first; the stem keeps at least three letters.
_RU_ENDINGS = tuple(
    sorted(
        """ами ями ого его ому ему ыми ими ых их иях ах ях ой ей ий ый ая яя ое ее ые ие ов ев
        ам ям ом ем ую юю ия ию ья ье ьи а я о е ы и у ю ь""".split(),
        key=len,
        reverse=True,
    )
)
# Kazakh plural, case and possessive endings (a light subset), longest first.
_KK_ENDINGS = tuple(
    sorted(
        """лардағы лердегі дардағы тардағы тердегі лары лері дары дері тары тері дағы дегі тағы
        тегі лар лер дар дер тар тер ның нің дың дің тың тің ға ге қа ке да де та те ы і""".split(),
        key=len,
        reverse=True,
    )
)
_EN_SUFFIXES = ("’s", "'s", "ies", "s")
# Words that name the same thing for matching ("posts" are positions, "позиции" are "должности").
EQUIVALENTS: dict[str, str] = {
    "post": "position", "role": "position", "job": "position", "позиц": "должност",
    "позици": "должност",
    "management": "managerial", "manager": "managerial", "руководител": "руководящ",
}  # fmt: skip

# Suffixes that make an adjective or a person of a noun, kept by the stemmer.
_DERIVED = frozenset({"ary", "arian", "al", "ial", "ian", "ly", "ск", "ств", "ский", "ской"})

STOPWORDS: frozenset[str] = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being
    this that these those its their his her our which who whom whose it they them there here
    than then so such also only just now still up down out into over under about around nearly
    almost more less most least all some any each every per via vs not no
    и в во на по с со к ко у о об от до для при за из из-за через среди между а но или же ли не
    ни что чем как это этот эта эти их его ее её они она он оно его всех всего все всей всем
    также только уже еще ещё более менее около почти свыше примерно
    және мен да де бен пен мен үшін бойынша""".split()
)
_SHARE_WORDS = frozenset(
    """share proportion percentage percent per cent rate women woman female women's
    доля доли долю удельный вес процент процента процентов женщин женщины женщинами женский
    женская казахстанок әйелдер әйелдердің үлесі""".split()
)


@dataclass(frozen=True)
class Word:
    """A word of a text with its place, as a stem for comparison."""

    text: str
    stem: str
    start: int
    end: int


def normalise(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'")


def stem(word: str) -> str:
    """A light stem: lower case, a few inflectional endings cut (English, Russian, Kazakh)."""
    low = normalise(word)
    if re.search(r"[а-яәіңғүұқөһ]", low):
        endings = _KK_ENDINGS if re.search(r"[әіңғүұқөһ]", low) else _RU_ENDINGS
        cut = _cut(low, endings, 3)
        return EQUIVALENTS.get(cut, cut)
    for suffix in _EN_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3 and not low.endswith("ss"):
            low = low[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return EQUIVALENTS.get(low, low)


def _cut(word: str, endings: Sequence[str], keep: int) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= keep:
            return word[: -len(ending)]
    return word


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` (letters only; numbers and punctuation left out)."""
    out: list[Word] = []
    for m in _WORD.finditer(text):
        start, end, word = offset + m.start(), offset + m.end(), m.group()
        if _GOS.match(normalise(word)):
            out.append(Word(word, "государственн", start, end))
            word = word[3:]
        out.append(Word(m.group(), stem(word), start, end))
    return out


def content(text: str) -> list[str]:
    """The stems of the words that carry meaning: no stop words, no "share of women"."""
    return [
        w.stem
        for w in words(text)
        if normalise(w.text) not in STOPWORDS and normalise(w.text) not in _SHARE_WORDS
    ]


def alike(a: str, b: str) -> bool:
    """Two stems name the same thing: equal, or one (of five letters at least) begins the other
    and what is left is an ending the stemmer left ("мажилис" ~ "мажилисе") or an adjective's
    suffix ("parliament" ~ "parliamentary", "parliamentarian")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 5 or not long_.startswith(short):
        return False
    rest = long_[len(short) :]
    return len(rest) <= 2 or rest in _DERIVED


def find(stems: Iterable[str], among: Sequence[Word]) -> list[Word]:
    """The words of `among` alike to each of `stems` (one each, first found); [] if one lacks."""
    found: list[Word] = []
    for s in stems:
        hit = next((w for w in among if alike(s, w.stem) and w not in found), None)
        if hit is None:
            return []
        found.append(hit)
    return found
