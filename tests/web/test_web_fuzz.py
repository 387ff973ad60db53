"""Fuzzing the JSON API with schemathesis against its own OpenAPI description, over real HTTP:
every operation gets requests made to fit the description and requests made to break it, a
fixed number of each, from a fixed seed. No answer may be a 5xx, carry a status or a media
type the description does not list for the operation, or break the schema it gives; a request
made to break the description must be refused with a 4xx."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from web_support import LiveServer, start_server

from tendik.project import Project

SEED = 20_251_201
CASES = {GenerationMode.POSITIVE: 15, GenerationMode.NEGATIVE: 10}  # per operation
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
# Operations whose input the description constrains; any input fits the others (no
# parameters, or one free string), so there is nothing to break
CONSTRAINED = ["GET /api/observations", "GET /api/findings", "GET /api/indicators/{id}/download",
               "POST /api/check"]
OPERATIONS = ["GET /api/indicators", "GET /api/sources", "GET /api/releases",
              "GET /api/indicators/{id}", *CONSTRAINED]
RUNS = ([(label, GenerationMode.POSITIVE) for label in OPERATIONS]
        + [(label, GenerationMode.NEGATIVE) for label in CONSTRAINED])


@pytest.fixture(scope="module")
def fuzzed(built_kazakhstan: Project) -> Iterator[LiveServer]:
    live = start_server(built_kazakhstan)
    yield live
    live.stop()


# A request made to break the description is refused with one of these (413: too long)
CONFIG = """
[checks.negative_data_rejection]
expected-statuses = [400, 404, 405, 413, 415, 422]
"""


@pytest.fixture(scope="module")
def schema(fuzzed: LiveServer) -> schemathesis.schemas.BaseSchema:
    return schemathesis.openapi.from_url(f"{fuzzed.url}/api/openapi.json",
                                         config=SchemathesisConfig.from_str(CONFIG))


def test_the_description_lists_every_operation(schema: schemathesis.schemas.BaseSchema) -> None:
    labels = sorted(result.ok().label for result in schema.get_all_operations())
    assert labels == sorted(OPERATIONS)


def test_the_description_lists_every_status_and_media_type(fuzzed: LiveServer) -> None:
    spec = requests.get(f"{fuzzed.url}/api/openapi.json", timeout=30).json()
    check = spec["paths"]["/api/check"]["post"]
    assert sorted(check["responses"]) == ["200", "400", "413", "415", "422", "503"]
    assert list(check["requestBody"]["content"]) == ["application/json"]
    download = spec["paths"]["/api/indicators/{id}/download"]["get"]["responses"]
    assert sorted(download) == ["200", "304", "400", "404", "503"]
    assert sorted(download["200"]["content"]) == [
        "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.sdmx.genericdata+xml;version=2.1", "text/csv; charset=utf-8"]
    observations = spec["paths"]["/api/observations"]["get"]["responses"]
    assert sorted(observations) == ["200", "304", "400", "404", "503"]
    assert "HTTPValidationError" not in str(spec)  # a bad parameter is a 400, never a 422


@pytest.mark.parametrize(("label", "mode"), RUNS,
                         ids=[f"{label} {mode.value}" for label, mode in RUNS])
def test_fuzzing_finds_no_server_error_and_no_undocumented_answer(
    schema: schemathesis.schemas.BaseSchema, fuzzed: LiveServer, label: str,
    mode: GenerationMode,
) -> None:
    method, path = label.split(" ")
    operation = schema[path][method]
    checks = [*CHECKS, negative_data_rejection] if mode.is_negative else CHECKS
    statuses: list[int] = []
    session = requests.Session()

    @seed(SEED)
    @settings(max_examples=CASES[mode], database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        response = case.call_and_validate(base_url=fuzzed.url, session=session, checks=checks,
                                          timeout=30)
        statuses.append(response.status_code)

    run()
    assert statuses, "no request was made"
