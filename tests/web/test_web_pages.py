"""The dashboard's pages in kk, ru and en, served by a real uvicorn server."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from web_support import make_mini_project, start_server

from tendik.build import build_project
from tendik.web.i18n import COOKIE

PARLIAMENT = "parliament-women-share"
SYNTHETIC = {
    "en": "Synthetic data — not real people",
    "ru": "Синтетические данные — не реальные люди",
    "kk": "Синтетикалық деректер — нақты адамдар емес",
}


class Links(HTMLParser):
    """Every URL a page refers to (href, src, action)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in {"href", "src", "action"} and v]


def card(html: str, indicator: str) -> str:
    start = html.index(f'data-indicator="{indicator}"')
    return html[start:html.index("</li>", start)]


@pytest.mark.parametrize(("lang", "heading", "value", "theme"), [
    ("en", "Women in public life: Kazakhstan", "19.4", "Parliament and local councils"),
    ("ru", "Женщины в общественной жизни: Казахстан", "19,4",
     "Парламент и местные представительные органы"),
    ("kk", "Қоғамдық өмірдегі әйелдер: Қазақстан", "19,4",
     "Парламент және жергілікті өкілді органдар"),
])
def test_home_in_each_language(kz: httpx.Client, lang: str, heading: str, value: str,
                               theme: str) -> None:
    response = kz.get("/", params={"lang": lang})
    html = response.text
    assert response.headers["content-language"] == lang
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert theme in html
    parliament = card(html, PARLIAMENT)
    assert 'data-value="19.3877551020408"' in parliament
    assert f">{value}</span>" in parliament
    assert 'data-status="moving_away"' in parliament
    assert SYNTHETIC[lang] in card(html, "civil-service-women")
    assert SYNTHETIC[lang] not in parliament


def test_cards_are_grouped_by_theme_in_order(kz: httpx.Client) -> None:
    html = kz.get("/?lang=en").text
    headings = re.findall(r'<h2 id="theme-([a-z-]+)">', html)
    assert headings == ["civil-service", "parliament", "management", "justice-security"]


def test_language_is_remembered_and_negotiated(kz: httpx.Client) -> None:
    chosen = kz.get("/sources", params={"lang": "ru"})
    assert chosen.cookies.get(COOKIE) == "ru"
    assert '<html lang="ru">' in kz.get("/regions").text  # the client sends the cookie back
    fresh = httpx.get(kz.base_url.join("/"), headers={"Accept-Language": "kk-KZ,ru;q=0.8"})
    assert fresh.headers["content-language"] == "kk"
    english = httpx.get(kz.base_url.join("/"), headers={"Accept-Language": "de, en;q=0.5"})
    assert english.headers["content-language"] == "en"
    nothing = httpx.get(kz.base_url.join("/"), headers={"Accept-Language": "de"})
    assert nothing.headers["content-language"] == "kk"  # the project's first language


def test_indicator_page(kz: httpx.Client) -> None:
    html = kz.get(f"/indicators/{PARLIAMENT}", params={"lang": "en"}).text
    assert re.search(r'<tr data-period="2024" data-value="19.3877551020408">\s*<td>2024</td>'
                     r'\s*<td class="num">19.4</td>', html)
    assert 'id="chart-spec"' in html and '<script src="/static/plotly.min.js" defer>' in html
    sources = {s["id"]: s for s in kz.get("/api/sources").json()["sources"]}
    assert f'data-hash="content">{sources["wdi-parliament"]["content_hash"]}<' in html
    info = kz.get(f"/api/indicators/{PARLIAMENT}").json()
    assert f'data-hash="definition">{info["provenance"]["definition_hash"]}<' in html
    assert "parity (50 ± 2.5) by 2030" in html
    assert "the target is not reached by 2050" in html
    # Comparison (World Bank WDI, 2024): Kyrgyzstan 21.1, Uzbekistan 38.0, World 27.0.
    compare = html[html.index('id="comparison-table"'):]
    for area, value in (("KGZ", "21.1"), ("UZB", "38.0"), ("WLD", "27.0")):
        assert re.search(rf'data-area="{area}">.*?<td>2024</td><td class="num">{value}</td>',
                         compare)
    assert "/api/indicators/parliament-women-share/download?format=csv" in html
    assert "/api/indicators/parliament-women-share/download?format=sdmx" in html
    assert "Normal value" in html  # the legend of the OBS_STATUS flags shown


def test_breakdown_by_query_parameter(mini: httpx.Client) -> None:
    html = mini.get("/indicators/women-managers", params={"by": "department",
                                                          "lang": "ru"}).text
    rows = re.findall(r'<tr data-period="(\d+)" data-category="(\w+)" data-value="([\d.]+)">'
                      r"\s*<td>\d+</td>\s*<td>\w+</td>\s*<td class=\"num\">([\d,]+)</td>", html)
    assert rows[:3] == [("2025", "education", "75.0", "75,0"), ("2025", "finance", "30.0", "30,0"),
                        ("2025", "health", "60.0", "60,0")]
    assert len(rows) == 9
    assert "Разбивка: отдел" in html
    assert '<option value="department" data-href="/indicators/women-managers?by=' \
           'department#breakdown" selected>' in html
    assert SYNTHETIC["ru"] in html


def test_bad_breakdown_and_unknown_indicator(kz: httpx.Client) -> None:
    bad = kz.get(f"/indicators/{PARLIAMENT}", params={"by": "region", "lang": "en"})
    assert bad.status_code == 400 and "has no breakdown &#39;region&#39;" in bad.text
    assert "<h1>This page cannot be shown</h1>" in bad.text
    missing = kz.get("/indicators/no-such-indicator", params={"lang": "kk"})
    assert missing.status_code == 404 and "Табылмады" in missing.text


def test_regions_page(kz: httpx.Client, mini: httpx.Client) -> None:
    html = kz.get("/regions", params={"lang": "ru"}).text
    section = html[html.index('data-indicator="civil-service-women"'):]
    section = section[:section.index("</section>")]
    ranked = re.findall(r'<tr data-region="(KZ-\d+)" data-value="([\d.]+)"><td class="num">'
                        r"(\d+)</td>", section)
    api = mini_api_latest_by_region(kz)
    assert len(ranked) == len(api) == 20  # every ISO 3166-2:KZ region
    assert [float(v) for _, v, _ in ranked] == sorted(api.values(), reverse=True)
    assert {code: float(v) for code, v, _ in ranked} == api
    assert ranked[0][2] == "1"
    assert SYNTHETIC["ru"] in section and "Астана" in section
    empty = mini.get("/regions", params={"lang": "kk"}).text
    assert "Әзірге өңірлер бойынша бөлінісі бар көрсеткіш жоқ." in empty


def mini_api_latest_by_region(client: httpx.Client) -> dict[str, float]:
    body = client.get("/api/observations", params={
        "indicator": "civil-service-women", "area": "KAZ", "by": "region", "page_size": 1000,
    }).json()
    latest = max(r["TIME_PERIOD"] for r in body["observations"])
    return {r["REGION"]: r["OBS_VALUE"] for r in body["observations"]
            if r["TIME_PERIOD"] == latest}


def test_sources_page(kz: httpx.Client) -> None:
    html = kz.get("/sources", params={"lang": "en"}).text
    wdi = html[html.index('id="source-wdi-parliament"'):]
    wdi = wdi[:wdi.index("</section>")]
    assert "CC BY 4.0" in wdi and "World Bank (data from the Inter-Parliamentary Union)" in wdi
    register = html[html.index('id="source-civil-service-register"'):]
    assert SYNTHETIC["en"] in register[:register.index("</section>")]


def test_pages_have_etags(kz: httpx.Client) -> None:
    first = kz.get("/", params={"lang": "en"})
    again = kz.get("/", params={"lang": "en"}, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    russian = kz.get("/", params={"lang": "ru"})
    assert russian.headers["etag"] != first.headers["etag"]


@pytest.mark.parametrize("path", ["/", "/regions", "/sources", f"/indicators/{PARLIAMENT}",
                                  "/indicators/civil-service-women?by=region", "/api/docs"])
def test_pages_need_no_network(kz: httpx.Client, path: str) -> None:
    parser = Links()
    parser.feed(kz.get(path).text)
    outside = [u for u in parser.urls if re.match(r"^(https?:)?//", u)]
    assert parser.urls and outside == []
    for url in parser.urls:
        if url.startswith("/static/"):
            assert kz.get(url).status_code == 200


def test_keyboard_affordances(kz: httpx.Client) -> None:
    html = kz.get("/indicators/civil-service-women", params={"lang": "kk"}).text
    assert '<a class="skip-link" href="#main">Негізгі мазмұнға өту</a>' in html
    assert '<main id="main" class="wrap" tabindex="-1">' in html
    assert '<label for="by">Бөлініс</label>' in html and '<select id="by" name="by">' in html
    css = kz.get("/static/tendik.css").text
    assert ":focus-visible" in css


def test_suppressed_cells_stay_hidden(tmp_path: Path) -> None:
    # With the default threshold (5), finance 2023 (4 women managers) is suppressed, and health
    # 2023 with it, or finance would follow from the total; 2024 and 2025 show.
    project = make_mini_project(tmp_path / "project", disclosure_k=5)
    build_project(project)
    live = start_server(project)
    try:
        with live.client() as client:
            html = client.get("/indicators/women-managers",
                              params={"by": "department", "lang": "en"}).text
            rows = re.findall(r'<tr data-period="(\d+)" data-category="(\w+)" data-value="([^"]*)">'
                              r"(.*?)</tr>", html, flags=re.S)
            hidden = {(period, dept) for period, dept, value, cells in rows
                      if value == "" and ">C</abbr>" in cells and cells.count(">—</td>") == 3}
            assert len(rows) == 9 and hidden == {("2023", "finance"), ("2023", "health")}
            assert "Confidential: suppressed to protect small groups" in html
            api = client.get("/api/observations", params={
                "indicator": "women-managers", "by": "department", "period": "2023"}).json()
            assert [(r["DEPARTMENT"], r["OBS_VALUE"], r["numerator"], r["OBS_STATUS"])
                    for r in api["observations"]] == [
                ("education", 65.0, 13, "A"), ("finance", None, None, "C"),
                ("health", None, None, "C")]
            data = client.get("/api/indicators/women-managers/download",
                              params={"format": "csv", "by": "department"}).text
            assert sum(",,C," in line for line in data.splitlines()) == 2
            totals = client.get("/indicators/women-managers", params={"lang": "en"}).text
            assert '<tr data-period="2023" data-value="45.0">' in totals
    finally:
        live.stop()


def test_breakdown_codes_are_named(kz: httpx.Client) -> None:
    html = kz.get("/indicators/civil-service-women", params={"by": "level", "lang": "ru"}).text
    latest = re.findall(r'<tr data-period="2025" data-category="(\w+)" data-value="[\d.]+">'
                        r"\s*<td>2025</td>\s*<td>([^<]+)</td>", html)
    assert sorted(latest) == [("central", "Центральный уровень"), ("district", "Районный уровень"),
                              ("regional", "Областной уровень")]
    corps = kz.get("/indicators/civil-service-women", params={"by": "corps", "lang": "kk"}).text
    assert "<td>«А» корпусы</td>" in corps and "<td>Саяси лауазымдар</td>" in corps
