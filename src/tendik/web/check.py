"""Checking a text on the dashboard: a page where a user pastes text, and POST /api/check."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from tendik.claims import Checker, CheckReport
from tendik.claims.report import data_value
from tendik.errors import FormRefused, WebError
from tendik.web import html
from tendik.web.bodies import (
    FORM_TYPE,
    JSON_TYPE,
    form_fields,
    json_object,
    read_body,
    require_media_type,
)
from tendik.web.i18n import N_, offered_languages, translations
from tendik.web.limits import FIELDS, CheckRequest, parse_request
from tendik.web.links import LiveLinks, PageRef
from tendik.web.pages import HTML, language
from tendik.web.responses import encode
from tendik.web.state import AppState

TOKEN_FIELD = "token"
VERDICT_LABELS = {  # gettext ids, translated in the template
    "consistent": N_("Consistent"), "inconsistent": N_("Inconsistent"),
    "ambiguous": N_("Ambiguous"), "unverifiable": N_("Unverifiable"),
}
FORM_REFUSED = N_("This form did not come from this server, or the server has restarted since "
                  "the page was loaded: press Check again.")


def rows(report: CheckReport) -> list[dict[str, Any]]:
    """The verdicts as the page's table shows them."""
    return [{"id": v.id, "claim": v.claim.text, "sentence": v.claim.sentence,
             "verdict": v.kind.value, "indicator": v.indicator, "area": v.area,
             "data": data_value(v), "explanation": v.explanation} for v in report.verdicts]


def check_router(state: AppState) -> APIRouter:
    router = APIRouter()
    project, reader, limits = state.project, state.reader, state.limits
    offered = offered_languages(project.settings.languages)

    def run(request: CheckRequest) -> CheckReport:
        checker = Checker(reader.warehouse(), area=project.area, project=project.name)
        return checker.check(request.text, published=request.published,
                             language=request.language)

    @router.post("/api/check", tags=["api"], summary="Check the numeric claims in a text",
                 description="Body: JSON {\"text\": ..., \"date\": \"YYYY-MM-DD\" (optional: "
                 "the period of undated claims), \"language\": \"en\"|\"ru\" (optional)}. "
                 "Each claim comes back with its verdict (consistent, inconsistent, ambiguous, "
                 "unverifiable), the matched indicator and the evidence.")
    async def api_check(request: Request) -> Response:
        require_media_type(request, JSON_TYPE)
        fields = json_object(await read_body(request, limits.max_body))
        report = await run_in_threadpool(run, parse_request(fields, limits))
        return Response(encode(report.to_dict()), media_type=JSON_TYPE)

    async def page(request: Request, fields: dict[str, str], report: CheckReport | None,
                   status: int = 200, problem: str | None = None) -> Response:
        lang = language(request, offered)
        body = html.check_page(project, lang, LiveLinks(PageRef("check")), fields=fields,
                               rows=rows(report) if report else None,
                               summary=report.summary if report else None,
                               verdict_labels=VERDICT_LABELS, problem=problem,
                               token=state.form_token.value, token_field=TOKEN_FIELD)
        return Response(body.encode("utf-8"), status_code=status, media_type=HTML,
                        headers={"Content-Language": lang})

    @router.get("/check", include_in_schema=False)
    async def check_form(request: Request) -> Response:
        return await page(request, {}, None)

    @router.post("/check", include_in_schema=False)
    async def check_submit(request: Request) -> Response:
        fields: dict[str, str] = {}
        try:
            require_media_type(request, FORM_TYPE)
            fields = form_fields(await read_body(request, limits.max_body))
            if not state.form_token.valid(fields.pop(TOKEN_FIELD, None)):
                raise FormRefused(FORM_REFUSED, key=TOKEN_FIELD)
            parsed = parse_request(fields, limits)
        except WebError as error:
            shown = {k: v for k, v in fields.items() if k in FIELDS}
            message = error.message
            if isinstance(error, FormRefused):
                message = translations(language(request, offered)).gettext(FORM_REFUSED)
            return await page(request, shown, None, status=error.status, problem=message)
        report = await run_in_threadpool(run, parsed)
        return await page(request, fields, report)

    return router
