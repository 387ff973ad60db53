"""Checking a text on the dashboard: a page where a user pastes text, and POST /api/check."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from tendik.claims import Checker, CheckReport
from tendik.claims.report import data_value
from tendik.errors import InvalidParameter, MissingParameter, UnknownParameter
from tendik.web import html
from tendik.web.i18n import N_, offered_languages
from tendik.web.links import LiveLinks, PageRef
from tendik.web.pages import HTML, language
from tendik.web.responses import encode
from tendik.web.state import AppState

MAX_TEXT = 100_000  # characters: a long press release, not a book
FIELDS = frozenset({"text", "date", "language"})
VERDICT_LABELS = {  # gettext ids, translated in the template
    "consistent": N_("Consistent"), "inconsistent": N_("Inconsistent"),
    "ambiguous": N_("Ambiguous"), "unverifiable": N_("Unverifiable"),
}


def parse_request(fields: dict[str, Any]) -> tuple[str, date | None, str | None]:
    """The text, publication date and language of a check request; 4xx naming the field."""
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        raise UnknownParameter(f"unknown field '{unknown[0]}' (fields: date, language, text)",
                               key=unknown[0])
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MissingParameter("give the text to check in the field 'text'", key="text")
    if len(text) > MAX_TEXT:
        raise InvalidParameter(f"the text has {len(text):,} characters; at most {MAX_TEXT:,}",
                               key="text")
    published = None
    if fields.get("date"):
        try:
            published = date.fromisoformat(str(fields["date"]))
        except ValueError:
            raise InvalidParameter(f"'{fields['date']}' is not a date YYYY-MM-DD",
                                   key="date") from None
    lang = fields.get("language") or None
    if lang not in (None, "en", "ru"):
        raise InvalidParameter("language is en or ru (or absent: detected)", key="language")
    return text, published, lang


def rows(report: CheckReport) -> list[dict[str, Any]]:
    """The verdicts as the page's table shows them."""
    return [{"id": v.id, "claim": v.claim.text, "sentence": v.claim.sentence,
             "verdict": v.kind.value, "indicator": v.indicator, "area": v.area,
             "data": data_value(v), "explanation": v.explanation} for v in report.verdicts]


def check_router(state: AppState) -> APIRouter:
    router = APIRouter()
    project, reader = state.project, state.reader
    offered = offered_languages(project.settings.languages)

    def run(text: str, published: date | None, lang: str | None) -> CheckReport:
        checker = Checker(reader.warehouse(), area=project.area, project=project.name)
        return checker.check(text, published=published, language=lang)

    @router.post("/api/check", tags=["api"], summary="Check the numeric claims in a text",
                 description="Body: JSON {\"text\": ..., \"date\": \"YYYY-MM-DD\" (optional: "
                 "the period of undated claims), \"language\": \"en\"|\"ru\" (optional)}. "
                 "Each claim comes back with its verdict (consistent, inconsistent, ambiguous, "
                 "unverifiable), the matched indicator and the evidence.")
    async def api_check(request: Request) -> Response:
        try:
            fields = json.loads(await request.body() or b"{}")
        except json.JSONDecodeError as error:
            raise InvalidParameter(f"the body is not JSON ({error.msg})", key="body") from None
        if not isinstance(fields, dict):
            raise InvalidParameter("the body is a JSON object with a 'text' field", key="body")
        report = await run_in_threadpool(run, *parse_request(fields))
        return Response(encode(report.to_dict()), media_type="application/json")

    async def page(request: Request, fields: dict[str, str], report: CheckReport | None,
                   status: int = 200, problem: str | None = None) -> Response:
        lang = language(request, offered)
        body = html.check_page(project, lang, LiveLinks(PageRef("check")), fields=fields,
                               rows=rows(report) if report else None,
                               summary=report.summary if report else None,
                               verdict_labels=VERDICT_LABELS, problem=problem)
        return Response(body.encode("utf-8"), status_code=status, media_type=HTML,
                        headers={"Content-Language": lang})

    @router.get("/check", include_in_schema=False)
    async def check_form(request: Request) -> Response:
        return await page(request, {}, None)

    @router.post("/check", include_in_schema=False)
    async def check_submit(request: Request) -> Response:
        raw = parse_qs((await request.body()).decode("utf-8", "replace"))
        fields = {k: v[0] for k, v in raw.items() if k in FIELDS}
        try:
            parsed = parse_request(fields)
        except (MissingParameter, InvalidParameter, UnknownParameter) as error:
            return await page(request, fields, None, status=400, problem=error.message)
        report = await run_in_threadpool(run, *parsed)
        return await page(request, fields, report)

    return router
