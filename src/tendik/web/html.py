"""The dashboard's pages as HTML, for the app and for the static site alike."""

from __future__ import annotations

from functools import partial
from typing import Any

from tendik import __version__
from tendik.project import Project
from tendik.web import views
from tendik.web.charts import figure
from tendik.web.data import Reader
from tendik.web.i18n import offered_languages
from tendik.web.links import Links
from tendik.web.render import Names, render


def _page(template: str, project: Project, lang: str, links: Links, **context: Any) -> str:
    return render(template, lang, project=project, links=links, version=__version__,
                  languages=offered_languages(project.settings.languages), **context)


def home_page(reader: Reader, project: Project, lang: str, links: Links) -> str:
    groups = reader.memo(("view", "home"), lambda w: views.home(w, project))
    return _page("home.html", project, lang, links, page="home", groups=groups)


def indicator_view(reader: Reader, project: Project, indicator_id: str,
                   by: str | None = None) -> views.IndicatorView:
    key = ("view", "indicator", indicator_id, by.upper() if by else None)
    return reader.memo(key, lambda w: views.indicator(w, project, indicator_id, by))


def indicator_page(reader: Reader, project: Project, lang: str, links: Links,
                   indicator_id: str, by: str | None = None) -> str:
    view = indicator_view(reader, project, indicator_id, by)
    names = Names(lang)
    chart = figure(view, lang, names.gettext, names.area, partial(names.category, view.by),
                   names.unit(view.info.unit))
    statuses = sorted({r.status for r in view.rows if r.status})
    with_counts = any(r.numerator is not None or r.denominator is not None for r in view.rows)
    return _page("indicator.html", project, lang, links, page="indicator", view=view,
                 info=view.info, chart=chart, statuses=statuses, with_counts=with_counts)


def regions_page(reader: Reader, project: Project, lang: str, links: Links) -> str:
    rankings = reader.memo(("view", "regions"), lambda w: views.regions(w, project))
    return _page("regions.html", project, lang, links, page="regions", rankings=rankings)


def sources_page(reader: Reader, project: Project, lang: str, links: Links) -> str:
    known = reader.memo(("view", "sources"), views.sources)
    titles = reader.memo(("view", "titles"),
                         lambda w: {i.id: i.titles for i in w.indicators()})
    return _page("sources.html", project, lang, links, page="sources",
                 sources=list(known.values()), titles=titles)


def check_page(project: Project, lang: str, links: Links, **context: Any) -> str:
    """The page where a user pastes a text, with the verdicts once it is checked."""
    return _page("check.html", project, lang, links, page="check", **context)


def error_page(project: Project, lang: str, links: Links, status: int, message: str) -> str:
    return _page("error.html", project, lang, links, page="error", status=status,
                 message=message)


def api_docs_page(project: Project, lang: str, links: Links, spec: dict[str, Any]) -> str:
    return _page("apidocs.html", project, lang, links, page="api", spec=spec)
