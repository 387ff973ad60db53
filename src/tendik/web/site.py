"""The dashboard as a static site: every page in every language, the downloads, JSON documents
and the assets, linked relatively so that any static host can serve the folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tendik.project import Project
from tendik.store import IndicatorInfo
from tendik.web import documents, html
from tendik.web.assets import asset_files
from tendik.web.data import Reader
from tendik.web.downloads import FORMATS, render
from tendik.web.i18n import offered_languages
from tendik.web.links import PageRef, SiteLinks, site_download_path, site_page_path
from tendik.web.render import render as render_template
from tendik.web.responses import encode
from tendik.web.views import sources as source_views


@dataclass
class SiteReport:
    """What build_site wrote, as paths relative to ``out``."""

    out: Path
    languages: list[str]
    pages: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return [*self.pages, *self.downloads, *self.documents, *self.assets]


class _Writer:
    def __init__(self, out: Path) -> None:
        self.out = out

    def write(self, relative: str, content: str | bytes) -> str:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return relative


def _breakdowns(info: IndicatorInfo) -> list[str | None]:
    return [None, *(d.lower() for d in info.dimensions)]


def _pages(site: _Writer, reader: Reader, project: Project, lang: str,
           infos: list[IndicatorInfo]) -> list[str]:
    written = []
    for name, render_page in (("home", html.home_page), ("regions", html.regions_page),
                              ("sources", html.sources_page)):
        ref = PageRef(name)
        page = render_page(reader, project, lang, SiteLinks(lang, ref))
        written.append(site.write(site_page_path(lang, ref), page))
    for info in infos:
        for by in _breakdowns(info):
            ref = PageRef("indicator", info.id, by)
            page = html.indicator_page(reader, project, lang, SiteLinks(lang, ref), info.id, by)
            written.append(site.write(site_page_path(lang, ref), page))
    return written


def _downloads(site: _Writer, reader: Reader, infos: list[IndicatorInfo]) -> list[str]:
    warehouse = reader.warehouse()
    known = source_views(warehouse)
    written = []
    for info in infos:
        for by in _breakdowns(info):
            dim = by.upper() if by else None
            table = warehouse.observations(info.id, by=dim)
            for fmt in FORMATS:
                body = render(fmt, info, known.get(info.source), table, dim)
                written.append(site.write(site_download_path(info.id, fmt, by), body))
    return written


def _documents(site: _Writer, reader: Reader, project: Project,
               infos: list[IndicatorInfo]) -> list[str]:
    warehouse = reader.warehouse()
    written = [
        site.write("api/indicators.json", encode(documents.indicators(warehouse, project))),
        site.write("api/sources.json", encode(documents.sources(warehouse))),
        site.write("api/releases.json", encode(documents.releases(warehouse))),
        site.write("api/findings.json", encode(documents.quality(project))),
    ]
    for info in infos:
        document = documents.indicator(warehouse, project, info.id)
        written.append(site.write(f"api/indicators/{info.id}.json", encode(document)))
    return written


def build_site(project: Project, out: Path) -> SiteReport:
    """Render the dashboard of ``project`` (its warehouse must be built) into ``out``:
    out/<lang>/index.html and the other pages, out/data/ downloads, out/api/ JSON and
    out/static/ assets; out/index.html leads to the project's first language."""
    out = Path(out)
    languages = offered_languages(project.settings.languages)
    report = SiteReport(out=out, languages=languages)
    site = _Writer(out)
    reader = Reader(project.warehouse_path)
    try:
        infos = reader.warehouse().indicators()
        for lang in languages:
            report.pages += _pages(site, reader, project, lang, infos)
        report.downloads = _downloads(site, reader, infos)
        report.documents = _documents(site, reader, project, infos)
    finally:
        reader.close()
    for name, path in asset_files().items():
        (out / "static").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out / "static" / name)
        report.assets.append(f"static/{name}")
    index = render_template("site_index.html", languages[0], project=project, languages=languages)
    report.pages.append(site.write("index.html", index))
    return report
