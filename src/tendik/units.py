"""Units as published figures write them, read into one normal form with the scale kept.

``parse_unit("billion KZT")`` is money in tenge printed in billions (scale 9); ``"million
persons"`` is persons in millions; ``"percent (approx)"`` is percent with the qualifier
"about". ``parse_amount("4,100,000,000")`` and ``parse_amount("4.1 billion")`` are the same
number. Words are understood in English, Russian and Kazakh. An unknown word is refused with
``ValueError`` naming what is understood.

A unit is ``[scale] base [per period] [(qualifier)]``; a rate is ``base per N``
("cases per 100,000").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# power of ten of each scale word
SCALES: dict[str, int] = {
    "thousand": 3, "thousands": 3, "thous.": 3, "k": 3, "тыс.": 3, "тыс": 3, "тысяч": 3,
    "тысячи": 3, "тысяча": 3, "мың": 3,
    "million": 6, "millions": 6, "mn": 6, "mln": 6, "m": 6, "млн": 6, "млн.": 6, "миллион": 6,
    "миллиона": 6, "миллионов": 6,
    "billion": 9, "billions": 9, "bn": 9, "bln": 9, "млрд": 9, "млрд.": 9, "миллиард": 9,
    "миллиарда": 9, "миллиардов": 9,
    "trillion": 12, "trillions": 12, "tn": 12, "trln": 12, "трлн": 12, "трлн.": 12,
    "триллион": 12, "триллиона": 12, "триллионов": 12,
}  # fmt: skip
SCALE_NAMES: dict[int, str] = {3: "thousand", 6: "million", 9: "billion", 12: "trillion"}

CURRENCIES: dict[str, str] = {
    "kzt": "KZT", "tenge": "KZT", "тенге": "KZT", "теңге": "KZT", "₸": "KZT", "тг": "KZT",
    "тг.": "KZT",
    "usd": "USD", "us$": "USD", "$": "USD", "dollars": "USD", "dollar": "USD",
    "us dollars": "USD", "долларов": "USD", "доллар": "USD", "долл.": "USD", "доллар сша": "USD",
    "долларов сша": "USD", "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR", "евро": "EUR",
    "rub": "RUB", "roubles": "RUB", "rubles": "RUB", "рублей": "RUB", "рубль": "RUB",
}  # fmt: skip

# base word -> (kind, UNIT_MEASURE code)
BASES: dict[str, tuple[str, str]] = {
    "percent": ("percent", "PT"), "per cent": ("percent", "PT"), "%": ("percent", "PT"),
    "pct": ("percent", "PT"), "процент": ("percent", "PT"), "процентов": ("percent", "PT"),
    "процента": ("percent", "PT"), "пайыз": ("percent", "PT"),
    "percentage points": ("percentage-points", "PP"),
    "percentage point": ("percentage-points", "PP"),
    "pp": ("percentage-points", "PP"), "p.p.": ("percentage-points", "PP"),
    "п.п.": ("percentage-points", "PP"), "процентных пунктов": ("percentage-points", "PP"),
    "пайыздық тармақ": ("percentage-points", "PP"),
    "persons": ("persons", "PS"), "person": ("persons", "PS"), "people": ("persons", "PS"),
    "человек": ("persons", "PS"), "чел.": ("persons", "PS"), "адам": ("persons", "PS"),
    "seats": ("seats", "SEATS"), "seat": ("seats", "SEATS"), "мест": ("seats", "SEATS"),
    "мандатов": ("seats", "SEATS"), "орын": ("seats", "SEATS"),
    "count": ("count", "NUMBER"), "number": ("count", "NUMBER"), "units": ("count", "NUMBER"),
    "единиц": ("count", "NUMBER"), "ед.": ("count", "NUMBER"), "саны": ("count", "NUMBER"),
    "ratio": ("ratio", "RATIO"), "times": ("ratio", "RATIO"), "раз": ("ratio", "RATIO"),
    "есе": ("ratio", "RATIO"),
    "years": ("years", "YR"), "year": ("years", "YR"), "лет": ("years", "YR"),
    "года": ("years", "YR"), "жыл": ("years", "YR"),
}  # fmt: skip
PERIODS: dict[str, str] = {
    "month": "month", "a month": "month", "месяц": "month", "в месяц": "month", "ай": "month",
    "year": "year", "a year": "year", "annum": "year", "год": "year", "в год": "year",
    "жыл": "year", "day": "day", "week": "week",
}  # fmt: skip
QUALIFIERS: dict[str, str] = {
    "approx": "about", "approx.": "about", "approximately": "about", "about": "about",
    "around": "about", "estimate": "about", "около": "about", "примерно": "about",
    "шамамен": "about",
    "more than": "more than", "over": "more than", "above": "more than", "more than half":
    "more than", "более": "more than", "свыше": "more than", "более половины": "more than",
    "астам": "more than",
    "at least": "at least", "не менее": "at least", "less than": "less than", "under": "less than",
    "менее": "less than", "up to": "up to", "до": "up to",
    "as reported": "as reported", "doubled": "doubled", "preliminary": "preliminary",
}  # fmt: skip

# UNIT_MEASURE codes of the kinds that count things (never negative)
COUNTING: frozenset[str] = frozenset({"persons", "seats", "count"})

_SPACE = re.compile(r"\s+")
_QUALIFIED = re.compile(r"^(?P<body>.*?)\s*\((?P<q>[^()]+)\)$")
_RATE = re.compile(r"^(?P<body>.+?)\s+per\s+(?P<n>[\d][\d,\s]*)(?:\s+\w+)?$")
_PER = re.compile(r"^(?P<body>.+?)\s+(?:per|a|в|/)\s+(?P<period>\w+)$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:(?P<sep>[,\s\u00a0\u202f'])\d{3})(?:(?P=sep)\d{3})*"
                      r"(?:\.\d+)?$")  # fmt: skip
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_YEAR_SPAN = re.compile(r"^(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)\d\d)$")


@dataclass(frozen=True)
class Unit:
    """A unit read from its words: kind, SDMX-style code, currency, scale and qualifier."""

    text: str  # as written
    kind: str  # percent, percentage-points, persons, seats, count, money, ratio, rate, years
    code: str  # UNIT_MEASURE: PT, PP, PS, SEATS, NUMBER, KZT, USD, RATIO, RATE, YR
    scale: int = 0  # the power of ten the figure was printed in (9: "billion")
    currency: str | None = None  # ISO 4217, for money
    per: str | None = None  # "month" (a wage), or "100000" (a rate per 100,000)
    qualifier: str | None = None  # about, more than, at least, less than, up to, as reported...

    @property
    def counts(self) -> bool:
        return self.kind in COUNTING

    def words(self) -> str:
        """The unit in plain English: "billion KZT", "persons", "percent"."""
        base = self.currency or {"percent": "percent", "percentage-points": "percentage points",
                                 "count": "units"}.get(self.kind, self.kind)  # fmt: skip
        scale = SCALE_NAMES.get(self.scale, f"10^{self.scale}") if self.scale else ""
        per = f" per {self.per}" if self.per else ""
        return " ".join(p for p in (scale, base) if p) + per


def _key(text: str) -> str:
    return _SPACE.sub(" ", text.strip().lower())


def known_units() -> str:
    """The base words understood, for messages."""
    return "percent, percentage points, persons, seats, count, ratio, years, or a currency " \
        "(KZT, USD, EUR, RUB), optionally after thousand/million/billion/trillion"


def parse_unit(text: str) -> Unit:
    """The unit a figure's words give; ValueError for words it does not know."""
    raw = text.strip()
    body = _key(raw)
    if not body:
        raise ValueError("no unit given")
    qualifier = None
    qualified = _QUALIFIED.match(body)
    if qualified:
        body, q = qualified["body"].strip(), qualified["q"].strip()
        if q not in QUALIFIERS:
            raise ValueError(
                f"unknown qualifier '({q})' in unit '{raw}'; known: "
                + ", ".join(sorted(set(QUALIFIERS)))
            )
        qualifier = QUALIFIERS[q]
    per = None
    rate = _RATE.match(body)
    if rate:
        body, per = rate["body"], re.sub(r"[,\s]", "", rate["n"])
    else:
        per_period = _PER.match(body)
        if per_period and per_period["period"] in PERIODS:
            body, per = per_period["body"], PERIODS[per_period["period"]]
    if rate:  # "cases per 100,000": whatever is counted, per so many
        return Unit(raw, "rate", "RATE", 0, None, per, qualifier)
    scale, body = _scale_prefix(body)
    kind, code, currency = _base(body, raw, scale)
    if kind in ("percent", "percentage-points", "ratio") and scale:
        raise ValueError(f"unit '{raw}' puts a scale word before {kind}")
    return Unit(raw, kind, code, scale, currency, per, qualifier)


def _scale_prefix(body: str) -> tuple[int, str]:
    words = body.split(" ", 1)
    if words[0] in SCALES:
        return SCALES[words[0]], (words[1] if len(words) > 1 else "")
    return 0, body


def _base(body: str, raw: str, scale: int) -> tuple[str, str, str | None]:
    if not body:
        if scale:  # "million": a number of things, in millions
            return "count", "NUMBER", None
        raise ValueError(f"unknown unit '{raw}'; known: {known_units()}")
    if body in CURRENCIES:
        currency = CURRENCIES[body]
        return "money", currency, currency
    if body in BASES:
        kind, code = BASES[body]
        return kind, code, None
    # a scale written after the base ("KZT billion", "тенге млрд")
    words = body.rsplit(" ", 1)
    if len(words) == 2 and words[1] in SCALES and not scale:
        raise ValueError(f"unit '{raw}': write the scale first ('{words[1]} {words[0]}')")
    raise ValueError(f"unknown unit '{raw}'; known: {known_units()}")


@dataclass(frozen=True)
class Amount:
    """A number as printed, read: its value before any scale, the scale its words give, and
    the digits after the decimal mark (for rounding)."""

    value: float
    scale: int = 0
    decimals: int = 0
    span_of_years: bool = False  # "2021-2023" read as 3 years


def parse_amount(text: str, *, years: bool = False) -> Amount:
    """A number as a figure prints it: "47800", "1,086,500", "4 100", "4,1", "4.1 billion",
    "млрд"; with ``years``, a span "2021-2023" counts its years (3). ValueError otherwise."""
    raw = _key(text)
    if not raw:
        raise ValueError("no value given")
    if years:
        span = _YEAR_SPAN.match(raw)
        if span:
            a, b = int(span["a"]), int(span["b"])
            if b < a:
                raise ValueError(f"'{text.strip()}' ends before it starts")
            return Amount(float(b - a + 1), 0, 0, True)
    scale = 0
    words = raw.rsplit(" ", 1)
    if len(words) == 2 and words[1] in SCALES:
        raw, scale = words[0], SCALES[words[1]]
    number = _number(raw)
    if number is None:
        raise ValueError(f"'{text.strip()}' is not a number")
    value, decimals = number
    if not math.isfinite(value):
        raise ValueError(f"'{text.strip()}' is not a finite number")
    return Amount(value, scale, decimals)


def _number(text: str) -> tuple[float, int] | None:
    if _NUMBER.match(text):
        decimals = len(text.split(".", 1)[1]) if "." in text else 0
        return float(text), decimals
    if _GROUPED.match(text):
        plain = re.sub(r"[,\s\u00a0\u202f']", "", text)
        decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
        return float(plain), decimals
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", ".")), len(text.split(",", 1)[1])
    return None


def scaled(value: float, scale: int) -> float:
    """A value times ten to the scale, rounded to what the printed digits carry."""
    if not scale:
        return value
    return float(round(value * 10**scale, 6))
