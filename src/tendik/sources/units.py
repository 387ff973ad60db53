"""Units as publishers write them, in English, Russian and Kazakh or as SDMX codes -> unit codes.

The warehouse speaks SDMX unit codes: "PT" percent (a share, checked to lie within 0-100),
"NUMBER" a count (persons, units, cases), "KZT" tenge, "YR" years, "RATIO". A unit cell that
names one of these plainly ("процент", "пайыз", "адам", "Percentage (%)", "PERSONS") becomes its
code; anything else — a rate, a scale, a change against another year ("в процентах к
предыдущему году", "PT_PREV_Y", "тыс.человек") — is kept as the publisher wrote it, because it is
not a plain share or count and must not be checked as one. The words are those of tendik.units
(the units of published figures), plus the forms the national platforms write in their data
files and unit translations (Kazakhstan's sdg-data-kazstat translations/{ru,kk}/UNIT_MEASURE.yml).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from tendik.units import BASES, CURRENCIES

# tendik.units.BASES kinds that are plain units, and the warehouse's code for each
PLAIN_KINDS: dict[str, str] = {
    "percent": "PT",
    "persons": "NUMBER",
    "seats": "NUMBER",
    "count": "NUMBER",
    "ratio": "RATIO",
    "years": "YR",
}
# What series files write beyond the words of tendik.units
SERIES_WORDS: dict[str, str] = {
    "pt": "PT", "percentage": "PT", "percentages": "PT", "(%)": "PT", "percent (%)": "PT",
    "percentage (%)": "PT", "per cent (%)": "PT", "in percent": "PT", "проценты": "PT",
    "процентах": "PT", "в процентах": "PT", "пайызбен": "PT", "пайыздар": "PT", "пайызы": "PT",
    "numbers": "NUMBER", "persons (number)": "NUMBER", "человека": "NUMBER", "чел": "NUMBER",
    "единица": "NUMBER", "единицы": "NUMBER", "количество": "NUMBER", "число": "NUMBER",
    "бірлік": "NUMBER", "сан": "NUMBER", "tng": "KZT", "годы": "YR", "жылдар": "YR",
    "коэффициент": "RATIO", "қатынас": "RATIO",
}  # fmt: skip

UNIT_WORDS: dict[str, str] = {
    **{word: PLAIN_KINDS[kind] for word, (kind, _) in BASES.items() if kind in PLAIN_KINDS},
    **CURRENCIES,
    **SERIES_WORDS,
}

_KEYS = pa.array(list(UNIT_WORDS), pa.string())
_CODES = pa.array(list(UNIT_WORDS.values()), pa.string())


def normalised(texts: pa.Array) -> pa.Array:
    """Lower case, spaces trimmed and collapsed: the form unit words are looked up in."""
    lower = pc.utf8_lower(pc.utf8_trim_whitespace(texts))
    return pc.replace_substring_regex(lower, r"\s+", " ")


def unit_codes(texts: pa.Array) -> pa.Array:
    """The unit code of each cell where it names a plain unit; the cell as written otherwise."""
    if not pa.types.is_string(texts.type):
        texts = texts.cast(pa.string())
    found = pc.index_in(normalised(texts), value_set=_KEYS)
    return pc.coalesce(pc.take(_CODES, found), texts)


def unit_code(text: str | None) -> str | None:
    """The unit code of one text (see ``unit_codes``)."""
    if text is None:
        return None
    return unit_codes(pa.array([text], pa.string()))[0].as_py()
