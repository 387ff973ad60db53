"""Shares written as words: "a third", "two-thirds", "half", "треть", "половина"."""

from __future__ import annotations

import re

from tendik.claims.recognise import Found, Sentence
from tendik.claims.spans import REACH

_EN: tuple[tuple[str, float], ...] = (
    (r"two[\s-]+thirds", 66.7),
    (r"three[\s-]+quarters", 75.0),
    (r"(?:a|one)[\s-]+third", 33.3),
    (r"(?:a|one)[\s-]+quarter", 25.0),
    (r"(?:a|one)[\s-]+fifth", 20.0),
    (r"(?:a|one)[\s-]+half|half", 50.0),
)
_RU: tuple[tuple[str, float], ...] = (
    (r"две\s+трети|двух\s+третей|двум\s+третям", 66.7),
    (r"три\s+четверти|тр[её]х\s+четвертей", 75.0),
    (r"треть|трети|третью|третей", 33.3),
    (r"четверть|четверти|четвертью", 25.0),
    (r"пят(?:ая|ую|ой)\s+част(?:ь|и)", 20.0),
    (r"половин(?:а|ы|у|ой|е)", 50.0),
)
_PATTERN = re.compile(
    "|".join(rf"(?P<f{i}>(?<![\w-]){p}(?![\w-]))" for i, (p, _) in enumerate(_EN + _RU)),
    re.IGNORECASE,
)
_VALUES = [v for _, v in _EN + _RU]

# "the first half of 2025", "в первой половине года", "a quarter of a century", "a third term"
_ORDINAL_BEFORE = re.compile(
    r"(?i)(?:\b(?:first|second|third|fourth|last|next|one\s+and\s+a|and\s+a)|"
    r"(?<![\w])(?:перв\w+|втор\w+|треть\w+|четв[её]рт\w+|последн\w+|прекрасн\w+|лучш\w+|"
    r"сильн\w+|слаб\w+))\s+$"
)
_NOT_A_SHARE_AFTER = re.compile(
    r"(?i)^(?:[\s-]+(?:of\s+)?(?:a\s+|the\s+)?(?:century|centuries|year|years|time|hour|day|million|billion|"
    r"thousand|term|party|parties|place|round|reading|века|столетия|года|часа|дня|"
    r"человечества|населения\s+земли))\b"
)
_OF_AFTER = re.compile(r"(?i)^\s+(?:of|из)\b")
_END_AFTER = re.compile(r"^\s*(?:[.,;:!?)\]»\"”—–]|$)")
_QUALIFIED_BEFORE = re.compile(
    r"(?i)(?:\b(?:more\s+than|over|nearly|almost|about|around|roughly|less\s+than|under|"
    r"at\s+least|close\s+to|just|some|only)|(?<![\w])(?:более|свыше|почти|около|менее|"
    r"меньше|больше|примерно|не\s+менее|практически|лишь|только|до))\s+$"
)
_WORD_AFTER = re.compile(r"^\s+[«\"]?[А-Яа-яЁё]")


def find_fractions(s: Sentence) -> list[Found]:
    """Word fractions that state a share, as percent (a third -> 33.3)."""
    found: list[Found] = []
    for m in _PATTERN.finditer(s.text, s.start, s.end):
        if s.excluded.overlaps(m.span()) or not _is_share(s, m):
            continue
        index = int(next(k for k, v in m.groupdict().items() if v)[1:])
        found.append(Found(m.start(), m.end(), _VALUES[index], "percent", None))
    return found


def _is_share(s: Sentence, m: re.Match[str]) -> bool:
    before = s.text[max(s.start, m.start() - REACH) : m.start()]
    after = s.text[m.end() : min(s.end, m.end() + REACH)]
    if _ORDINAL_BEFORE.search(before) or _NOT_A_SHARE_AFTER.match(after):
        return False
    word = m.group().lower()
    if word.startswith(("two", "three", "две", "двух", "двум", "три", "тр")):
        return True
    if _OF_AFTER.match(after) or _QUALIFIED_BEFORE.search(before):
        return True
    if re.match("[а-яё]", word):
        return bool(_WORD_AFTER.match(after) or _END_AFTER.match(after))
    return not word.startswith("half") and bool(_END_AFTER.match(after))
