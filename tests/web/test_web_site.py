"""The static site: built into a folder, served by Python's own static file server."""

from __future__ import annotations

import csv
import functools
import io
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlparse

import httpx
import pytest

from tendik.project import Project
from tendik.web import SiteReport, build_site


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in {"href", "src"} and v]


@pytest.fixture(scope="module")
def site(mini_project: Project, tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    return build_site(mini_project, tmp_path_factory.mktemp("site") / "out")


@pytest.fixture(scope="module")
def host(site: SiteReport) -> Iterator[str]:
    handler = functools.partial(Quiet, directory=str(site.out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


def test_what_was_written(site: SiteReport) -> None:
    # 3 languages x (home, regions, sources, parliament, example, example by department),
    # and the language chooser at the root.
    assert len(site.pages) == 3 * 6 + 1
    assert sorted(p for p in site.pages if p.startswith("kk/")) == [
        "kk/index.html", "kk/indicators/parliament-women-share.html",
        "kk/indicators/women-managers.by-department.html", "kk/indicators/women-managers.html",
        "kk/regions.html", "kk/sources.html"]
    assert len(site.downloads) == 3 * 4  # csv, json, xlsx, sdmx of each view
    assert "api/indicators/parliament-women-share.json" in site.documents
    assert {"static/plotly.min.js", "static/tendik.css", "static/tendik.js"} <= set(site.assets)
    assert all((site.out / f).is_file() for f in site.files)


def test_pages_served_statically(host: str) -> None:
    with httpx.Client(timeout=30) as client:
        root = client.get(host)
        assert 'url=en/index.html' in root.text
        home = client.get(urljoin(host, "ru/index.html")).text
        assert '<html lang="ru">' in home
        assert re.search(r'data-value="19.3877551020408">19,4</span>', home)
        page = client.get(urljoin(host, "en/indicators/women-managers.by-department.html"))
        rows = re.findall(r'<tr data-period="2025" data-category="(\w+)" data-value="([\d.]+)">',
                          page.text)
        assert rows == [("education", "75.0"), ("finance", "30.0"), ("health", "60.0")]
        assert "Synthetic data — not real people" in page.text
        data = client.get(urljoin(host, "data/women-managers.by-department.csv")).text
        parsed = list(csv.DictReader(io.StringIO(data)))
        assert len(parsed) == 9
        assert {(r["DEPARTMENT"], r["OBS_VALUE"]) for r in parsed if r["TIME_PERIOD"] == "2024"} \
            == {("education", "70.0"), ("finance", "25.0"), ("health", "55.0")}
        catalogue = client.get(urljoin(host, "api/indicators.json")).json()
        latest = {i["id"]: i["latest"]["value"] for i in catalogue["indicators"]}
        assert latest["parliament-women-share"] == pytest.approx(19.387755, abs=1e-6)


def test_every_relative_link_resolves(site: SiteReport, host: str) -> None:
    checked: set[str] = set()
    with httpx.Client(timeout=30) as client:
        for page in (p for p in site.pages if p.endswith(".html")):
            parser = Links()
            page_url = urljoin(host, page)
            parser.feed(client.get(page_url).text)
            for url in parser.urls:
                if url.startswith(("#", "data:")):
                    continue
                assert not urlparse(url).scheme and not url.startswith("/"), (page, url)
                target = urljoin(page_url, url).split("#")[0]
                if target not in checked:
                    checked.add(target)
                    assert client.head(target).status_code == 200, (page, url)
    assert len(checked) > 30


def test_switching_language_keeps_the_page(site: SiteReport) -> None:
    page = (site.out / "kk/indicators/parliament-women-share.html").read_text(encoding="utf-8")
    assert 'href="../../ru/indicators/parliament-women-share.html" hreflang="ru"' in page
    assert 'href="../../data/parliament-women-share.csv"' in page
    assert Path(site.out / "static" / "plotly.min.js").stat().st_size > 1_000_000
