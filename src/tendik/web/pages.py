"""The dashboard's HTML routes: the language is negotiated, the rendered page is cached under
the warehouse's content version and served with an ETag (a hash of its bytes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from tendik.store import Warehouse
from tendik.web import html
from tendik.web.documents import check_breakdown, lookup
from tendik.web.i18n import COOKIE, negotiate, offered_languages
from tendik.web.links import LiveLinks, PageRef
from tendik.web.responses import Body, conditional
from tendik.web.state import AppState

HTML = "text/html; charset=utf-8"
COOKIE_AGE = 365 * 24 * 3600


def language(request: Request, offered: list[str]) -> str:
    """The page's language: ?lang=, the cookie, Accept-Language, the project's first."""
    return negotiate(offered, query=request.query_params.get("lang"),
                     cookie=request.cookies.get(COOKIE),
                     accept_language=request.headers.get("accept-language"))


def remember(request: Request, response: Response, lang: str) -> Response:
    """Set the language cookie when ?lang= chose a language the cookie does not hold."""
    if request.query_params.get("lang") == lang and request.cookies.get(COOKIE) != lang:
        response.set_cookie(COOKIE, lang, max_age=COOKIE_AGE, samesite="lax", httponly=True)
    return response


Renderer = Callable[[str, LiveLinks], str]


def page_router(state: AppState) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    project, reader = state.project, state.reader
    offered = offered_languages(project.settings.languages)

    async def respond(request: Request, ref: PageRef, render: Renderer) -> Response:
        lang = language(request, offered)
        headers = {"Content-Language": lang, "Vary": "Cookie, Accept-Language"}
        body = await state.cached(("page", lang, ref), lambda _w: Body.of(
            render(lang, LiveLinks(ref)).encode("utf-8")))
        return remember(request, conditional(request, body, HTML, headers), lang)

    @router.get("/")
    async def home(request: Request) -> Response:
        return await respond(request, PageRef("home"), lambda lang, links: html.home_page(
            reader, project, lang, links))

    @router.get("/regions")
    async def regions(request: Request) -> Response:
        return await respond(request, PageRef("regions"), lambda lang, links: html.regions_page(
            reader, project, lang, links))

    @router.get("/sources")
    async def sources(request: Request) -> Response:
        return await respond(request, PageRef("sources"), lambda lang, links: html.sources_page(
            reader, project, lang, links))

    @router.get("/indicators/{indicator_id}")
    async def indicator(request: Request, indicator_id: str,
                        by: Annotated[str | None, Query()] = None) -> Response:
        dim = by.lower() if by else None

        def check(w: Warehouse) -> bool:
            check_breakdown(lookup(w, indicator_id, "indicator"), dim)
            return True

        await state.cached(("page-check", indicator_id, dim), check)
        ref = PageRef("indicator", indicator_id, dim)
        return await respond(request, ref, lambda lang, links: html.indicator_page(
            reader, project, lang, links, indicator_id, dim))

    return router

