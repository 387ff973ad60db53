"""Where a page's links point: the live app (absolute paths, ?by=) or the static site
(relative paths between files, one folder per language)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode

EXTENSIONS: dict[str, str] = {"csv": "csv", "json": "json", "xlsx": "xlsx", "sdmx": "sdmx.xml"}


@dataclass(frozen=True)
class PageRef:
    """One page: ``name`` is home, indicator, regions or sources."""

    name: str
    indicator: str | None = None
    by: str | None = None  # a breakdown dimension, lower case


def site_page_path(lang: str, page: PageRef) -> str:
    """The file of ``page`` in the static site, relative to the site's root."""
    if page.name == "indicator":
        suffix = f".by-{page.by}" if page.by else ""
        return f"{lang}/indicators/{page.indicator}{suffix}.html"
    if page.name == "home":
        return f"{lang}/index.html"
    return f"{lang}/{page.name}.html"


def site_download_path(indicator_id: str, fmt: str, by: str | None = None) -> str:
    suffix = f".by-{by.lower()}" if by else ""
    return f"data/{indicator_id}{suffix}.{EXTENSIONS[fmt]}"


class LiveLinks:
    """Links for the app: one URL per page; the language travels in a cookie or ?lang=."""

    static_site = False

    def __init__(self, page: PageRef) -> None:
        self.page = page

    def home(self) -> str:
        return "/"

    def indicator(self, indicator_id: str, by: str | None = None) -> str:
        path = f"/indicators/{quote(indicator_id)}"
        return f"{path}?{urlencode({'by': by.lower()})}" if by else path

    def regions(self) -> str:
        return "/regions"

    def sources(self) -> str:
        return "/sources"

    def static(self, name: str) -> str:
        return f"/static/{name}"

    def download(self, indicator_id: str, fmt: str, by: str | None = None) -> str:
        query = {"format": fmt, **({"by": by.lower()} if by else {})}
        return f"/api/indicators/{quote(indicator_id)}/download?{urlencode(query)}"

    def language(self, lang: str) -> str:
        query = {**({"by": self.page.by} if self.page.by else {}), "lang": lang}
        return f"{self._path()}?{urlencode(query)}"

    def api(self) -> str:
        return "/api/docs"

    def check(self) -> str:
        return "/check"

    def _path(self) -> str:
        if self.page.name == "indicator" and self.page.indicator:
            return self.indicator(self.page.indicator)
        pages = {"home": "/", "regions": "/regions", "sources": "/sources", "check": "/check"}
        return pages.get(self.page.name, "/")


class SiteLinks:
    """Links for the static site: relative paths, so any static host can serve the folder."""

    static_site = True

    def __init__(self, lang: str, page: PageRef) -> None:
        self.lang = lang
        self.page = page
        self.here = posixpath.dirname(site_page_path(lang, page))

    def _to(self, target: str) -> str:
        return posixpath.relpath(target, self.here or ".")

    def home(self) -> str:
        return self._to(site_page_path(self.lang, PageRef("home")))

    def indicator(self, indicator_id: str, by: str | None = None) -> str:
        page = PageRef("indicator", indicator_id, by.lower() if by else None)
        return self._to(site_page_path(self.lang, page))

    def regions(self) -> str:
        return self._to(site_page_path(self.lang, PageRef("regions")))

    def sources(self) -> str:
        return self._to(site_page_path(self.lang, PageRef("sources")))

    def static(self, name: str) -> str:
        return self._to(f"static/{name}")

    def download(self, indicator_id: str, fmt: str, by: str | None = None) -> str:
        return self._to(site_download_path(indicator_id, fmt, by))

    def language(self, lang: str) -> str:
        return self._to(site_page_path(lang, self.page))

    def api(self) -> str:
        return self._to("api/indicators.json")


Links = LiveLinks | SiteLinks
