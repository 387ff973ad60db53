"""The report in its three forms: a terminal table, JSON, and a standalone HTML page (also in a
real browser: keyboard focus shows a claim's verdict, Enter opens its evidence)."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from rich.console import Console

import tendik
from tendik.claims import Checker, CheckReport, render
from tendik.claims.html import to_html
from tendik.errors import ClaimsError

ARTICLE = (
    Path(tendik.__file__).parent / "bundled/kazakhstan/articles/kz-women-in-civil-service-2025.txt"
)
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def report(checker: Checker) -> CheckReport:
    return checker.check(ARTICLE.read_text(encoding="utf-8"), published=date(2025, 1, 1))


def rendered(report: CheckReport, fmt: str) -> str:
    out = io.StringIO()
    render(report, fmt, Console(file=out, width=200, color_system=None))  # type: ignore[arg-type]
    return out.getvalue()


def test_the_terminal_table(report: CheckReport) -> None:
    text = rendered(report, "text")
    assert "19 claims checked against Kazakhstan: 1 consistent, 2 inconsistent, 1 ambiguous, " \
           "15 unverifiable" in text  # fmt: skip
    row = next(line for line in text.splitlines() if "c6 18.9%" in line)
    assert "ambiguous" in row and "parliament-women-share" in row and "19.39 (2024)" in row
    assert "'billion' for 'trillion'" in " ".join(text.split())


def test_json(report: CheckReport) -> None:
    data = json.loads(rendered(report, "json"))
    assert data == json.loads(json.dumps(report.to_dict(), default=str))
    assert [v["verdict"] for v in data["verdicts"]].count("unverifiable") == 15


def test_an_unknown_format_is_refused(report: CheckReport) -> None:
    with pytest.raises(ClaimsError) as raised:
        rendered(report, "pdf")
    assert raised.value.key == "format"


class _Tags(HTMLParser):
    """Collects start tags and checks that every non-void tag is closed in order."""

    VOID: ClassVar[frozenset[str]] = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def test_the_html_page_is_standalone_and_marks_every_claim(report: CheckReport) -> None:
    page = to_html(report)
    tags = _Tags()
    tags.feed(page)
    assert tags.stack == []
    claims = [a for tag, a in tags.starts if tag == "a" and "claim" in (a.get("class") or "")]
    # 19 claims, two of them printed twice (the repeated headline and subtitle)
    assert len(claims) == 21
    assert {a["class"] for a in claims} == {"claim consistent", "claim inconsistent",
                                            "claim ambiguous", "claim unverifiable"}  # fmt: skip
    assert ('a', {"class": "claim inconsistent", "href": "#v-c10",
                  "aria-describedby": "tip-c10"}) in tags.starts  # fmt: skip
    details = [a["id"] for tag, a in tags.starts if tag == "details"]
    assert details == [f"v-c{i}" for i in range(1, 20)]
    assert 'href="/indicators/parliament-women-share?area=KAZ"' in page
    # no external assets: no remote script, style sheet, image or font
    assert not re.search(r"(?i)<(?:script|img|link)[^>]+(?:src|href)=", page)
    assert "http://" not in page.split('<div class="text"')[0]


def test_the_page_escapes_the_text(checker: Checker) -> None:
    page = to_html(checker.check("<b>Women</b> hold 19% of seats in the Mazhilis & more."))
    assert "&lt;b&gt;Women&lt;/b&gt;" in page and "&amp; more" in page


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_keyboard_focus_shows_the_verdict_and_enter_opens_the_evidence(
    report: CheckReport, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    page_file.write_text(to_html(report), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(page_file.as_uri())
        tip = page.locator("#tip-c6")
        assert not tip.is_visible()
        page.locator('a.claim[href="#v-c6"]').focus()
        assert tip.is_visible()
        assert "ambiguous" in tip.inner_text() and "19.39" in tip.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "claims-report-focus.png"))
        page.keyboard.press("Tab")  # the next claim, by the keyboard alone
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#v-c7"
        assert page.locator("#tip-c7").is_visible() and not tip.is_visible()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('v-c6').open")
        assert page.locator("#v-c6 table").is_visible()
        assert page.locator("#v-c6 a[href='/indicators/parliament-women-share?area=KAZ']").count()
        browser.close()
    assert all(url.startswith("file://") for url in requested)
