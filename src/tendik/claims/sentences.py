"""Split a text into sentences by punctuation and line breaks, keeping offsets; detect language."""

from __future__ import annotations

import re

from tendik.claims.model import Language

# Words that end with a full stop without ending a sentence (lower-cased, without the dot).
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # English
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "vol", "p", "pp", "e.g",
        "i.e", "etc", "vs", "approx", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "inc", "ltd", "co",
        "gov", "dept", "min",
        # Russian
        "г", "гг", "т", "е", "д", "др", "пр", "им", "ул", "тыс", "млн", "млрд", "трлн", "руб",
        "долл", "проц", "см", "ст", "п", "пп", "рис", "т.е", "т.д", "т.п", "т.к", "ок", "прим",
        "чел", "ед", "обл", "р-н", "янв", "февр", "авг", "сент", "окт", "нояб", "дек",
    }
)  # fmt: skip

# The longest run read as one sentence; real sentences are far shorter (the labelled set's
# longest is 547 characters), so only lists and flattened tables are cut.
MAX_SENTENCE = 1000

_CUT = re.compile(r"[;,:](?=\s)")
_END = re.compile(r"[.!?…]+[\"'»”)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
_NEXT_START = re.compile(r"\s+([\"'«“(\[]?)(\S)")
_LINE_END_PUNCT = re.compile(r"[.!?…:;\"'»”)\]]\s*$")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> Language:
    """Return "ru" when Cyrillic letters outnumber Latin ones, else "en"."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    return "ru" if cyr > lat else "en"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over `text`, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        spans.extend(_split_block(text, start, end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines that belong together: a line break ends a block unless prose continues."""
    blocks: list[tuple[int, int]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.group()]
    current: tuple[int, int] | None = None
    last_line = ""
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            if current:
                blocks.append(current)
            current = None
            continue
        if current and _continues(last_line, line):
            current = (current[0], end)
            last_line = line
            continue
        if current:
            blocks.append(current)
        current = (start, end)
        last_line = line
    if current:
        blocks.append(current)
    return blocks


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one has no closing punctuation, this one starts lower."""
    if _LINE_END_PUNCT.search(previous):
        return False
    first = line.lstrip()[:1]
    return first.isalpha() and first.islower()


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    block = text[start:end]
    for m in _END.finditer(block):
        cut = start + m.end()
        if not _is_boundary(text, start + m.start(), cut, end):
            continue
        spans.append((cursor, cut))
        cursor = cut
    spans.append((cursor, end))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        out.extend(_bounded(text, *_strip(text, a, b)))
    return [s for s in out if s[1] > s[0]]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of more than MAX_SENTENCE characters with no sentence end (a table flattened into
    one line, a list of figures) cut into pieces: at the last clause mark before the limit,
    else the last space, else at the limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        marks = [m.end() for m in _CUT.finditer(text, start + MAX_SENTENCE // 2, limit)]
        cut = marks[-1] if marks else text.rfind(" ", start + MAX_SENTENCE // 2, limit) + 1
        cut = cut if cut > start else limit
        pieces.append(_strip(text, start, cut))
        start = cut
    pieces.append(_strip(text, start, end))
    return pieces


def _is_boundary(text: str, dot: int, cut: int, end: int) -> bool:
    nxt = _NEXT_START.match(text, cut, end)
    if not nxt:
        return False
    following = nxt.group(2)
    if not (following.isupper() or following.isdigit() or nxt.group(1)):
        return False
    if text[dot] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not word:
        return True
    token = word.group(1).lower().lstrip("(")
    if token in ABBREVIATIONS:
        return False
    # An initial ("K. Tokayev", "Ш. Мирзиёев") does not end a sentence.
    return not (len(token) == 1 and token.isalpha())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
