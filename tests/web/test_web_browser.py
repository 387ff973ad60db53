"""The dashboard in a real browser: Playwright driving Debian's chromium against a live server.
Screenshots are saved under test-artifacts/."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from web_support import ARTIFACTS, LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
INDICATOR = "civil-service-women"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="browser tests need Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


# Each violation of the content security policy, reported on the console where tests see it
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) =>
  console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI));"""


@pytest.fixture
def visit(browser: object, kazakhstan_server: LiveServer) -> Iterator[tuple[object, list[str]]]:
    """A fresh page (no cookies) and the list of every URL it requests; the page must run into
    no content-security-policy violation and no script error."""
    context = browser.new_context(accept_downloads=True, locale="en-GB",  # type: ignore[attr-defined]
                                  viewport={"width": 1280, "height": 900})
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, requested
    context.close()
    assert errors == [], "the pages ran into errors (CSP or script)"
    web = [urlparse(url) for url in requested if urlparse(url).scheme in ("http", "https")]
    hosts = {url.hostname for url in web}
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {sorted(hosts)}"


def api_rows(server: LiveServer, **params: str) -> list[dict[str, object]]:
    body = httpx.get(f"{server.url}/api/observations",
                     params={"indicator": INDICATOR, "area": "KAZ", "page_size": "1000", **params}
                     ).json()
    return body["observations"]


def test_home_indicator_breakdown_language_download(
    visit: tuple[object, list[str]], kazakhstan_server: LiveServer
) -> None:
    page, requested = visit
    ARTIFACTS.mkdir(exist_ok=True)
    base = kazakhstan_server.url

    # Home, in English; the skip link is the first thing the keyboard reaches.
    page.goto(f"{base}/?lang=en")
    assert page.locator("h1").inner_text() == "Women in public life: Kazakhstan"
    card = page.locator('li.card[data-indicator="parliament-women-share"]')
    assert card.locator(".number").inner_text() == "19.4"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.screenshot(path=str(ARTIFACTS / "web-home-en.png"), full_page=True)

    # Open an indicator from its card; the chart is drawn by the locally served Plotly.
    page.locator(f'li.card[data-indicator="{INDICATOR}"] h3 a').click()
    page.wait_for_url(f"**/indicators/{INDICATOR}")
    page.wait_for_selector('#chart[data-drawn="true"]')
    assert page.locator("#chart .main-svg").count() > 0
    totals = page.locator("#data-table tbody tr")
    assert totals.count() == len(api_rows(kazakhstan_server))

    # Switch the breakdown to region: the table shows the regions' values from the API.
    page.select_option("#by", "region")
    page.click("#show-breakdown")
    page.wait_for_url("**by=region**")
    page.wait_for_selector('#chart[data-drawn="true"]')
    expected = {(r["TIME_PERIOD"], r["REGION"]): r["OBS_VALUE"]
                for r in api_rows(kazakhstan_server, by="region")}
    cells = page.locator("#data-table tbody tr").evaluate_all(
        "rows => rows.map(r => [r.dataset.period, r.dataset.category, r.dataset.value,"
        " r.cells[2].innerText])")
    assert len(cells) == len(expected)
    latest = max(p for p, _ in expected)
    # Every ISO 3166-2:KZ region at the latest period; Abai, Jetisu, Ulytau only from 2022.
    assert len({r for p, r in expected if p == latest}) == 20
    assert cells[0][0] == latest
    for period, region, value, shown in cells:
        assert float(value) == expected[(period, region)]
        assert shown == f"{expected[(period, region)]:.1f}"
    assert page.locator("#data-table thead th").nth(1).inner_text() == "Region"
    assert page.locator(".badge-synthetic").first.inner_text() == "Synthetic data — not real people"
    page.screenshot(path=str(ARTIFACTS / "web-indicator-by-region-en.png"))

    # Switch to Kazakh with the visible control: labels come from the Kazakh catalogue.
    page.click('.language-switch a[data-lang="kk"]')
    page.wait_for_url("**lang=kk**")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator('label[for="by"]').inner_text() == "Бөлініс"
    assert page.locator("#data-table thead th").nth(1).inner_text() == "Өңір"
    assert page.locator(".badge-synthetic").first.inner_text() == (
        "Синтетикалық деректер — нақты адамдар емес")
    assert page.locator('#data-table tr[data-category="KZ-71"] td').nth(1).inner_text() == "Астана"
    page.screenshot(path=str(ARTIFACTS / "web-indicator-by-region-kk.png"))

    # The language is remembered: home without ?lang= is still in Kazakh.
    page.goto(f"{base}/")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator(".site-nav a").first.inner_text() == "Көрсеткіштер"

    # Download the CSV of the breakdown and compare it with the API.
    page.goto(f"{base}/indicators/{INDICATOR}?by=region")
    with page.expect_download() as download_info:
        page.click("#download-csv")
    download = download_info.value
    assert download.suggested_filename == f"{INDICATOR}.by-region.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    every_area = httpx.get(f"{base}/api/observations", params={
        "indicator": INDICATOR, "by": "region", "page_size": "1000"}).json()["observations"]
    assert len(rows) == len(every_area)
    for row, api in zip(rows, every_area, strict=True):
        assert (row["REF_AREA"], row["TIME_PERIOD"], row["REGION"]) == (
            api["REF_AREA"], api["TIME_PERIOD"], api["REGION"])
        assert float(row["OBS_VALUE"]) == api["OBS_VALUE"]
        assert int(float(row["denominator"])) == api["denominator"]
    assert any(url.endswith("/static/plotly.min.js") for url in requested)


def test_check_a_text_in_the_browser(visit: tuple[object, list[str]],
                                     kazakhstan_server: LiveServer) -> None:
    """The check form, with its token, under the content security policy."""
    page, _ = visit
    page.goto(f"{kazakhstan_server.url}/check?lang=en")
    page.fill("#check-text", "At the end of 2024 women held 19.4% of seats in the Mazhilis. "
                             "In 2023 women held 18.4% of seats in the Mazhilis.")
    page.click(".check-form button[type=submit]")
    page.wait_for_selector("#check-results")
    verdicts = page.locator("table.check-results tbody tr").evaluate_all(
        "rows => rows.map(r => [r.cells[0].innerText, r.dataset.verdict])")
    assert verdicts == [["19.4%", "consistent"], ["18.4%", "consistent"]]
    page.screenshot(path=str(ARTIFACTS / "web-check-en.png"))
