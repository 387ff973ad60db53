"""Checking a text on the dashboard: a page where a user pastes text, and POST /api/check.

Each check runs in a worker process (tendik.web.workers) within the time budget of
CheckLimits: past it, when its client leaves, or when the server shuts down, the process is
stopped and the answer is a 503 (or nothing, to a client who has left)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

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
from tendik.web.openapi import CheckReport, check_body, errors
from tendik.web.pages import HTML, language
from tendik.web.state import AppState
from tendik.web.workers import ClientGone

TOKEN_FIELD = "token"
VERDICT_LABELS = {  # gettext ids, translated in the template
    "consistent": N_("Consistent"), "inconsistent": N_("Inconsistent"),
    "ambiguous": N_("Ambiguous"), "unverifiable": N_("Unverifiable"),
}
FORM_REFUSED = N_("This form did not come from this server, or the server has restarted since "
                  "the page was loaded: press Check again.")
GONE = 499  # what the logs show for a request whose client left (nobody reads the answer)


def _client_gone(request: Request) -> Any:
    async def wait() -> None:
        """Return once the client has closed its connection."""
        while (await request.receive())["type"] != "http.disconnect":
            pass

    return wait


def check_router(state: AppState) -> APIRouter:
    router = APIRouter()
    project, limits = state.project, state.limits
    offered = offered_languages(project.settings.languages)

    async def run(request: Request, check: CheckRequest, want: str) -> Any:
        return await state.checks.run(check, want, _client_gone(request))

    @router.post("/api/check", tags=["api"], summary="Check the numeric claims in a text",
                 description="Body: JSON {\"text\": ..., \"date\": \"YYYY-MM-DD\" (optional: "
                 "the period of undated claims), \"language\": \"en\"|\"ru\" (optional)}. "
                 "Each claim comes back with its verdict (consistent, inconsistent, ambiguous, "
                 "unverifiable), the matched indicator and the evidence. At most "
                 f"{limits.max_text:,} characters and {limits.max_numbers:,} numbers a text; a "
                 f"check may run {limits.seconds:g} s.",
                 responses={200: {"model": CheckReport}, **errors(400, 413, 415, 422, 503)},
                 openapi_extra={"requestBody": check_body(limits)})
    async def api_check(request: Request) -> Response:
        require_media_type(request, JSON_TYPE)
        fields = json_object(await read_body(request, limits.max_body))
        check = parse_request(fields, limits)
        try:
            body = await run(request, check, "json")
        except ClientGone:
            return Response(status_code=GONE)
        return Response(body, media_type=JSON_TYPE)

    async def page(request: Request, fields: dict[str, str], found: Any = None,
                   status: int = 200, problem: str | None = None) -> Response:
        lang = language(request, offered)
        rows, summary = found if found is not None else (None, None)
        body = html.check_page(project, lang, LiveLinks(PageRef("check")), fields=fields,
                               rows=rows, summary=summary, verdict_labels=VERDICT_LABELS,
                               problem=problem, token=state.form_token.value,
                               token_field=TOKEN_FIELD)
        return Response(body.encode("utf-8"), status_code=status, media_type=HTML,
                        headers={"Content-Language": lang})

    @router.get("/check", include_in_schema=False)
    async def check_form(request: Request) -> Response:
        return await page(request, {})

    @router.post("/check", include_in_schema=False)
    async def check_submit(request: Request) -> Response:
        fields: dict[str, str] = {}
        try:
            require_media_type(request, FORM_TYPE)
            fields = form_fields(await read_body(request, limits.max_body))
            if not state.form_token.valid(fields.pop(TOKEN_FIELD, None)):
                raise FormRefused(FORM_REFUSED, key=TOKEN_FIELD)
            found = await run(request, parse_request(fields, limits), "rows")
        except ClientGone:
            return Response(status_code=GONE)
        except WebError as error:
            shown = {k: v for k, v in fields.items() if k in FIELDS}
            message = error.message
            if isinstance(error, FormRefused):
                message = translations(language(request, offered)).gettext(FORM_REFUSED)
            return await page(request, shown, status=error.status, problem=message)
        return await page(request, fields, found)

    return router
