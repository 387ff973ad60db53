"""Numbers as written ("16,000", "16 000", "55,8", "4.1bn") and the words around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_SEP = "[ \u00a0\u202f\u2009]"
NUMBER = re.compile(
    r"(?<![\w.,])"
    rf"(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?(?!\d)"  # 16 000, 8 845 100, 1 500,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 16,000 / 1,234,567.5 (or 3,660 as a decimal in ru)
    r"|\d+(?:[.,]\d+)?)"  # 55.8 / 55,8 / 2024
)

SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3,
    "тысяч": 1e3, "тысячам": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
    "m": 1e6, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "млрд": 1e9, "миллиард": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9, "trillion": 1e12, "tn": 1e12, "трлн": 1e12,
    "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12,
}  # fmt: skip

SCALE_AFTER = re.compile(
    r"\s?(?P<scale>thousands?|millions?|billions?|trillion|mln|mn|bn|tn|тыс\.?|тысяч[аи]?|"
    r"тысячам|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?|трлн\.?|триллион(?:а|ов)?)"
    r"(?![\w])"
)
GLUED_SCALE = re.compile(r"(?P<scale>bn|mn|m|k|b|tn)(?![\w])")

CURRENCY_AFTER = re.compile(
    r"\s?(?P<cur>tenge|тенге|₸|KZT|US\s?dollars?|dollars?|USD|долл(?:\.|ар(?:ов|а|ы)?)(?:\s+США)?|"
    r"\$|EUR|euros?|евро|€|RUB|rubles?|roubles?|руб(?:\.|л(?:ей|я|ь))|KGS|soms?|сом(?:ов|а|ы)?|"
    r"UZS|sums?|сум(?:ов|а)?)(?![\w])"
)
CURRENCY_BEFORE = re.compile(r"(?P<cur>US\s?\$|\$|USD|KZT|₸|€|EUR|RUB|KGS|UZS)\s?$")

POINTS_AFTER = re.compile(
    r"\s?(?:percentage\s+points?|p\.\s?p\.|pp\b|п\.\s?п\.|процентн(?:ых|ого|ый)\s+пункт\w*)"
)
PERCENT_AFTER = re.compile(
    r"\s?(?:%|percent\b|per\s?cent\b|pct\b|процент(?:а|ов|ы)?\b|проц\.|-?\s?процентн\w*)"
)
RATIO_AFTER = re.compile(r"\s?(?:times\b|-?fold\b|раза?\b)")
PLUS_AFTER = re.compile(r"\+(?!\d)")

_CURRENCY_CODES: tuple[tuple[str, str], ...] = (
    ("тенге", "KZT"), ("tenge", "KZT"), ("₸", "KZT"), ("kzt", "KZT"), ("долл", "USD"),
    ("dollar", "USD"), ("usd", "USD"), ("$", "USD"), ("eur", "EUR"), ("евро", "EUR"),
    ("€", "EUR"), ("rub", "RUB"), ("roub", "RUB"), ("руб", "RUB"), ("kgs", "KGS"),
    ("som", "KGS"), ("сом", "KGS"), ("uzs", "UZS"), ("sum", "UZS"), ("сум", "UZS"),
)  # fmt: skip


@dataclass(frozen=True)
class Number:
    """A number token: where it is, its value and how many decimals it was written with."""

    start: int
    end: int
    value: float
    decimals: int


def find_numbers(text: str, language: str) -> list[Number]:
    """Every number token in the text, parsed for the language's decimal mark."""
    return [parse_number(m.group(), m.start(), language) for m in NUMBER.finditer(text)]


def parse_number(token: str, start: int, language: str) -> Number:
    """Parse one token: "16 000" -> 16000, "3,660" -> 3660 (en) or 3.66 (ru), "55,8" -> 55.8."""
    compact = re.sub(_SEP, "", token)
    grouped_by_space = compact != token
    if grouped_by_space:
        whole, _, frac = compact.partition(",")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token) and not _ru_decimal(token, language):
        whole, _, frac = compact.replace(",", "").partition(".")
    else:
        whole, _, frac = compact.replace(",", ".").partition(".")
    value = float(f"{whole}.{frac}") if frac else float(whole)
    return Number(start, start + len(token), value, len(frac))


def _ru_decimal(token: str, language: str) -> bool:
    """In Russian a comma is the decimal mark: "3,660" is 3.66 unless it has several groups."""
    return language == "ru" and token.count(",") == 1 and "." not in token


def scale_factor(word: str) -> float:
    return SCALES[word.lower().rstrip(".")]


def scaled(value: float, word: str) -> float:
    """`value` times the scale word, without binary rounding noise (4.1 billion -> 4.1e9)."""
    return float(Decimal(repr(value)) * Decimal(int(scale_factor(word))))


def currency_code(written: str) -> str:
    low = written.lower().replace(" ", "")
    if low.startswith("us"):
        return "USD"
    for stem, code in _CURRENCY_CODES:
        if low.startswith(stem):
            return code
    return written.upper()
