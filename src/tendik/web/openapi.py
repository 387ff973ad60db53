"""What the API's answers look like, for the OpenAPI description: every status and media type
each endpoint answers with, and the shape of each JSON body. The documents themselves are built
in tendik.web.documents; the fuzzing test (tests/web/test_web_fuzz.py) holds the two together."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from tendik.web.limits import ISO_DATE, LANGUAGES, CheckLimits


class Open(BaseModel):
    """A JSON object that may carry more members than those listed."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    type: str  # a stable id, e.g. invalid-parameter
    message: str
    parameter: str | None  # the parameter or field at fault


class ErrorBody(BaseModel):
    error: ErrorDetail


class Texts(Open):
    """Text in the project's languages: en, ru, kk."""


class Value(BaseModel):
    period: str
    value: float | None
    status: str | None


class IndicatorSummary(Open):
    id: str
    title: dict[str, str]
    unit: str
    theme: str
    source: str
    synthetic: bool
    sdg: str | None
    sdmx_series: str | None
    headline_area: str
    kind: str
    dimensions: list[str]
    target: dict[str, Any] | None
    latest: Value | None
    previous: Value | None
    change: float | None
    status: str | None
    links: dict[str, str]


class IndicatorList(BaseModel):
    total: int
    indicators: list[IndicatorSummary]


class Provenance(BaseModel):
    source_content_hash: str | None
    definition_hash: str
    input_hash: str
    tendik_version: str
    computed_at: str | None


class IndicatorDocument(IndicatorSummary):
    description: dict[str, str] | None
    notes: dict[str, str] | None
    reference_date: str | None
    definition: dict[str, Any]
    provenance: Provenance
    assessment: dict[str, Any] | None
    projection: dict[str, Any] | None
    areas: list[str]
    compare_areas: list[str]


class Observation(Open):
    """One observation; the breakdown dimension (e.g. REGION) is a member when `by` is given."""

    indicator: str
    REF_AREA: str
    TIME_PERIOD: str
    OBS_VALUE: float | None
    UNIT_MEASURE: str | None
    numerator: float | None
    denominator: float | None
    OBS_STATUS: str | None
    COMMENT_OBS: str | None
    source: str | None
    input_hash: str | None
    definition_hash: str | None
    tendik_version: str | None
    computed_at: str | None


class ObservationPage(BaseModel):
    indicator: str
    area: str | None
    period: str | None
    by: str | None
    total: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    observations: list[Observation]


class Source(Open):
    id: str
    title: str | None
    publisher: str | None
    licence: str | None
    format: str | None
    path: str | None
    content_hash: str | None
    spec_hash: str | None
    n_rows: int | None
    read_at: str | None
    synthetic: bool
    indicators: list[str]
    provenance: str | None


class SourceList(BaseModel):
    total: int
    sources: list[Source]


class Release(BaseModel):
    number: int
    created_at: str
    publish_at: str
    published: bool
    content_hash: str
    n_obs: int
    note: str | None


class ReleaseList(BaseModel):
    total: int
    releases: list[Release]


class Finding(Open):
    type: str
    severity: str
    message: str


class FindingPage(BaseModel):
    counts: dict[str, int]
    by_type: dict[str, int]
    reconciliations: list[dict[str, Any]]
    total: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    findings: list[Finding]


class Claim(Open):
    id: str
    span: list[int]
    text: str
    value: float | None
    unit: str | None
    kind: str | None
    sentence: str


class Verdict(Open):
    id: str
    verdict: str  # consistent, inconsistent, ambiguous or unverifiable
    reason: str | None
    explanation: str
    indicator: str | None
    area: str | None
    claim: Claim


class CheckReport(BaseModel):
    project: str
    area: str
    published: str | None
    language: str | None
    warehouse_view: str
    summary: dict[str, int]
    verdicts: list[Verdict]
    findings: list[dict[str, Any]]
    text: str


JSON = "application/json"
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not Modified: the client's copy (If-None-Match) is current"}}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Error answers: JSON {"error": {type, message, parameter}}."""
    meaning = {400: "A parameter or field is malformed, unknown or missing",
               404: "No such indicator", 413: "The body or the text is too long",
               415: "The body is not JSON", 422: "The text holds too many numbers",
               503: "Nothing built yet, or the check could not finish (over its time budget, "
                    "the server busy or stopping)"}
    return {status: {"model": ErrorBody, "description": meaning[status]} for status in statuses}


def answers(model: type[BaseModel], *statuses: int) -> dict[int | str, dict[str, Any]]:
    """A GET endpoint's answers: ``model`` with 200, 304, and errors of ``statuses``."""
    return {200: {"model": model}, **NOT_MODIFIED, **errors(*statuses, 503)}




def check_body(limits: CheckLimits) -> dict[str, Any]:
    """The request body of POST /api/check, with the server's limits."""
    schema = {
        "type": "object", "additionalProperties": False, "required": ["text"],
        "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": limits.max_text,
                     "pattern": r"\S", "description": "The text to check."},
            "date": {"anyOf": [
                {"type": "string", "format": "date", "pattern": ISO_DATE.pattern},
                {"enum": ["", None]}],
                "description": "The publication date, YYYY-MM-DD: the period of undated "
                               "claims (\"\" or null: none)."},
            "language": {"enum": [*LANGUAGES, "", None],
                         "description": "The text's language (\"\", null or absent: "
                                        "detected)."},
        },
    }
    return {"required": True, "content": {JSON: {"schema": schema}}}
