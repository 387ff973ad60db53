"""Interface languages: gettext catalogues (babel), negotiation and number formatting."""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from babel import Locale
from babel.support import Translations

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
LANGUAGE_NAMES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "tendik"
COOKIE = "tendik_lang"


def N_(message: str) -> str:
    """Mark a string for the catalogue; it is translated where it is shown."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English falls back to the message ids)."""
    return Translations.load(str(LOCALE_DIR), [lang], DOMAIN)


def offered_languages(configured: Iterable[str]) -> list[str]:
    """The project's languages that tendik has catalogues for, in the project's order."""
    offered = [lang for lang in configured if lang in LANGUAGES]
    return offered or ["en"]


def _accepted(header: str) -> list[str]:
    """Primary language tags of an Accept-Language header, best first."""
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag:
            weighted.append((-quality, index, tag.split("-")[0].lower()))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate(
    offered: Sequence[str],
    *,
    query: str | None = None,
    cookie: str | None = None,
    accept_language: str | None = None,
) -> str:
    """The language of a response: ?lang=, else the cookie, else Accept-Language, else the
    project's first language."""
    for candidate in (query, cookie):
        if candidate in offered:
            return candidate
    for tag in _accepted(accept_language or ""):
        if tag in offered:
            return tag
    return offered[0]


@cache
def _symbols(lang: str) -> tuple[str, str]:
    """The decimal and grouping signs of ``lang`` (CLDR, through babel)."""
    locale = Locale.parse({"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ"}.get(lang, "en_GB"))
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    return symbols["decimal"], symbols["group"]


def format_number(value: float | None, lang: str, decimals: int = 1) -> str:
    """A number as written in ``lang`` (decimal comma in Kazakh and Russian); "—" for none."""
    if value is None:
        return "—"
    decimal, group = _symbols(lang)
    places = max(decimals, 0)
    text = f"{value + 0.0 if round(value, places) else 0.0:,.{places}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def format_change(value: float | None, lang: str, decimals: int = 1) -> str:
    """A signed change such as "+0.3" or "−1.2" (true minus sign)."""
    if value is None:
        return "—"
    text = format_number(abs(value), lang, decimals)
    if round(value, decimals) == 0:
        return text
    return ("+" if value > 0 else "−") + text
