"""Units as publishers write them, in English, Russian and Kazakh or as SDMX codes -> unit codes.

The warehouse speaks SDMX unit codes: "PT" percent (a share, checked to lie within 0-100),
"NUMBER" a count (persons, units, cases), "KZT" tenge, "YR" years, "RATIO". A unit cell that
names one of these plainly ("процент", "пайыз", "адам", "Percentage (%)", "PERSONS") becomes its
code; anything else — a rate, a scale, a change against another year ("в процентах к
предыдущему году", "PT_PREV_Y", "тыс.человек") — is kept as the publisher wrote it, because it is
not a plain share or count and must not be checked as one. The words come from the unit
translations the national platforms publish (Kazakhstan's sdg-data-kazstat translations/ru and
translations/kk UNIT_MEASURE.yml) and from the units found in their data files.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "PT": (
        # English, and SDMX
        "pt", "percent", "per cent", "percentage", "percentages", "%", "(%)", "percent (%)",
        "percentage (%)", "per cent (%)", "in percent", "as a percentage",
        # Russian
        "процент", "проценты", "процентов", "процента", "процентах", "в процентах",
        # Kazakh
        "пайыз", "пайызбен", "пайыздар", "пайызы",
    ),
    "NUMBER": (
        "number", "numbers", "count", "persons", "person", "people", "units", "unit",
        "человек", "чел", "чел.", "единиц", "единица", "единицы", "количество", "число",
        "адам", "бірлік", "саны", "сан",
    ),
    "KZT": ("kzt", "tng", "tenge", "тенге", "теңге"),
    "YR": ("yr", "years", "year", "лет", "года", "годы", "жыл", "жылдар"),
    "RATIO": ("ratio", "коэффициент", "қатынас", "коэффициенті"),
}

_KEYS = pa.array([word for words in UNIT_WORDS.values() for word in words], pa.string())
_CODES = pa.array([code for code, words in UNIT_WORDS.items() for _ in words], pa.string())


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
