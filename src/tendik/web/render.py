"""The Jinja environments (one per language, with the gettext catalogue installed) and the
names of codes in each language."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from tendik.errors import UnknownCode
from tendik.progress import Target
from tendik.reference import region_name
from tendik.web import labels
from tendik.web.i18n import LANGUAGE_NAMES, format_change, format_number, translations

TEMPLATES = Path(__file__).parent / "templates"


class Names:
    """Codes as words in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.gettext = translations(lang).gettext

    def _known(self, table: Mapping[str, str], code: str | None, default: str) -> str:
        if code in table:
            return self.gettext(table[code])
        return default

    def area(self, code: str) -> str:
        return self._known(labels.AREAS, code, code)

    def theme(self, theme: str) -> str:
        return self._known(labels.THEMES, theme, theme)

    def status(self, status: str | None) -> str:
        return self._known(labels.STATUSES, status, status or "")

    def obs_status(self, code: str | None) -> str:
        return self._known(labels.OBS_STATUSES, code, code or "")

    def dimension(self, dim: str) -> str:
        return self._known(labels.DIMENSIONS, dim.upper(), dim.replace("_", " ").capitalize())

    def unit(self, unit: str) -> str:
        symbol = labels.UNITS.get(unit, "")
        return self.gettext(symbol) if symbol else ""

    def category(self, dim: str | None, code: str | None) -> str:
        """A breakdown value as words: region names, women and men; other codes as they are."""
        if code is None:
            return self.gettext(labels.SEX_CODES["_T"])
        if dim == "REGION":
            try:
                return region_name(code, self.lang)  # type: ignore[arg-type]
            except UnknownCode:
                return code
        if dim == "SEX":
            return self._known(labels.SEX_CODES, code, code)
        return self._known(labels.CATEGORY_CODES.get(dim or "", {}), code, code)

    def target(self, target: Target | None) -> str:
        if target is None:
            return ""
        template = self.gettext(labels.DIRECTIONS[target.direction])
        return template.format(value=format_number(target.value, self.lang, 0),
                               band=format_number(target.band, self.lang, 1), year=target.year)

    def pick(self, texts: Mapping[str, str | None] | None) -> str:
        """Text in this language from an {en, ru, kk} mapping, falling back to English."""
        if not texts:
            return ""
        return texts.get(self.lang) or texts.get("en") or ""


@cache
def environment(lang: str) -> Environment:
    """The template environment of ``lang``: autoescaped, with gettext and number filters."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "xml"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    names = Names(lang)
    env.filters.update(
        num=lambda value, decimals=1: format_number(value, lang, decimals),
        change=lambda value, decimals=1: format_change(value, lang, decimals),
        pick=names.pick,
    )
    env.globals.update(lang=lang, names=names, LANGUAGE_NAMES=LANGUAGE_NAMES,
                       SYNTHETIC=labels.SYNTHETIC)
    return env


def render(template: str, lang: str, **context: Any) -> str:
    """Render ``template`` in ``lang``."""
    return environment(lang).get_template(template).render(**context)
