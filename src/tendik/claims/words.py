"""Words for matching: tokens, a light stemmer for English, Russian and Kazakh, and likeness.

Matching is meant to be explained to a reader, so it stays simple: a word is lower-cased,
"ё" becomes "е", a few inflectional endings are cut, and two words are alike when their stems
are equal or one stem (of five letters at least) begins the other with no more than an ending
or an adjective's suffix left over ("parliament" ~ "parliamentarians", "мажилис" ~
"мажилисе"; not "council" ~ "councillor").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=1 << 16)
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
    return [w.stem for w in words(text) if _carries_meaning(w)]


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


class TextWords:
    """The words of one stretch of text (a sentence), read once; the words and content words
    of any part of it are then found by bisection."""

    def __init__(self, text: str, span: tuple[int, int]) -> None:
        self.span = span
        self.words = words(text[span[0] : span[1]], span[0])
        self.starts = [w.start for w in self.words]
        meaningful = [w for w in self.words if _carries_meaning(w)]
        self.content_starts = [w.start for w in meaningful]
        self.content_ends = [w.end for w in meaningful]

    def between(self, start: int, end: int) -> list[Word]:
        """The words that lie wholly within [start, end)."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.words) and self.words[i].end <= end:
            out.append(self.words[i])
            i += 1
        return out

    def has_content(self, start: int, end: int) -> bool:
        """Whether a word that carries meaning lies wholly within [start, end)."""
        i = bisect_left(self.content_starts, start)
        return i < len(self.content_starts) and self.content_ends[i] <= end


def _carries_meaning(w: Word) -> bool:
    low = normalise(w.text)
    return low not in STOPWORDS and low not in _SHARE_WORDS


class Vocabulary:
    """A fixed set of stems (a catalogue's words), and for any word the stems of the set it is
    alike to, found through an index of their beginnings and kept once found."""

    def __init__(self, stems: Iterable[str]) -> None:
        self.stems = frozenset(stems)
        self._by_start: dict[str, set[str]] = {}
        for s in self.stems:
            for k in range(max(_MIN_PREFIX, len(s) - _LONGEST_REST), len(s) + 1):
                self._by_start.setdefault(s[:k], set()).add(s)
        self._known: dict[str, frozenset[str]] = {}

    def alike_to(self, stem_: str) -> frozenset[str]:
        """The stems of the set alike to `stem_` (see `alike`)."""
        known = self._known.get(stem_)
        if known is not None:
            return known
        found = {s for s in self._by_start.get(stem_, ()) if alike(stem_, s)}
        if stem_ in self.stems:
            found.add(stem_)
        for k in range(max(_MIN_PREFIX, len(stem_) - _LONGEST_REST), len(stem_)):
            head = stem_[:k]
            if head in self.stems and alike(head, stem_):
                found.add(head)
        if len(self._known) < _KEEP:
            self._known[stem_] = frozenset(found)
        return frozenset(found)

    def index(self, among: Sequence[Word]) -> dict[str, list[Word]]:
        """For each stem of the set, the words of `among` alike to it, in text order."""
        out: dict[str, list[Word]] = {}
        for w in among:
            for s in self.alike_to(w.stem):
                out.setdefault(s, []).append(w)
        return out


def find_indexed(stems: Iterable[str], index: dict[str, list[Word]]) -> list[Word]:
    """`find` over a zone indexed by `Vocabulary.index`: the first word alike to each stem,
    a different word for each; [] if one lacks."""
    found: list[Word] = []
    for s in stems:
        hit = next((w for w in index.get(s, ()) if w not in found), None)
        if hit is None:
            return []
        found.append(hit)
    return found


# `alike` needs five letters in the shorter stem, and leaves at most an adjective's suffix over.
_MIN_PREFIX = 5
_LONGEST_REST = max(len(s) for s in ("ab", *_DERIVED))
# Words of texts remembered, at most (a cache for many texts in one process).
_KEEP = 200_000
