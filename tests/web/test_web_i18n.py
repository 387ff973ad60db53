"""The gettext catalogues of the interface (kk, ru, en): complete, compiled, consistent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tendik.web.i18n import LOCALE_DIR, format_change, format_number, negotiate, translations

WEB = Path(LOCALE_DIR).parent / "web"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}|%%")


def catalogue(lang: str) -> dict[str, str]:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "tendik.po", "rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def used_in_code() -> set[str]:
    methods = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {"_": None, "gettext": None, "N_": None}
    found = extract_from_dir(str(WEB), methods, keywords=keywords, options_map=options)
    return {message for _file, _line, message, _comments, _context in found}


def test_the_template_lists_every_message_in_use() -> None:
    with open(LOCALE_DIR / "tendik.pot", "rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert used_in_code() == template
    assert len(template) == 165


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_each_catalogue_is_complete_and_compiled(lang: str) -> None:
    messages = catalogue(lang)
    with open(LOCALE_DIR / "tendik.pot", "rb") as handle:
        assert set(messages) == {m.id for m in read_po(handle) if m.id}
    compiled = translations(lang)
    for msgid, text in messages.items():
        assert text, f"{lang}: no translation of {msgid!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), msgid
        assert compiled.gettext(msgid) == text, f"{lang}: the .mo is older than the .po"


def test_some_translations() -> None:
    assert translations("kk").gettext("Breakdown") == "Бөлініс"
    assert translations("ru").gettext("Breakdown") == "Разбивка"
    assert translations("kk").gettext("Moving away from the target") == "Мақсаттан алшақтау"
    assert translations("ru").gettext("Target achieved") == "Цель достигнута"


def test_numbers_are_written_the_local_way() -> None:
    assert format_number(19.3877551020408, "en") == "19.4"
    assert format_number(19.3877551020408, "ru") == "19,4"
    assert format_number(1234567.891, "kk", 2) == "1\xa0234\xa0567,89"
    assert format_number(6360, "en", 0) == "6,360"
    assert format_number(-0.04, "en") == "0.0"
    assert format_number(None, "kk") == "—"
    assert format_change(19.3877551020408 - 18.3673469387755, "ru") == "+1,0"
    assert format_change(-2.0, "en") == "−2.0"


def test_language_negotiation() -> None:
    offered = ["kk", "ru", "en"]
    assert negotiate(offered, query="en", cookie="ru") == "en"
    assert negotiate(offered, query="fr", cookie="ru") == "ru"
    assert negotiate(offered, accept_language="de;q=1, ru;q=0.4, en;q=0.9") == "en"
    assert negotiate(offered, accept_language="ru-RU") == "ru"
    assert negotiate(offered, accept_language="de") == "kk"
