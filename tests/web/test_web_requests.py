"""Hostile requests get a 4xx naming what is wrong, never a 500: bodies of the wrong type,
malformed, oversized, too deep, not UTF-8; texts too long or with too many numbers; a check
form posted from elsewhere. And every response carries the security headers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from web_support import LiveServer

from tendik.project import Project
from tendik.web import create_app
from tendik.web.limits import CheckLimits, count_numbers
from tendik.web.security import CONTENT_SECURITY_POLICY

JSON = {"content-type": "application/json"}
SMALL = CheckLimits(max_text=2_000, max_numbers=50, max_body=8_192)


@pytest.fixture(scope="module")
def client(built_kazakhstan: Project) -> Iterator[TestClient]:
    with TestClient(create_app(built_kazakhstan, limits=SMALL),
                    raise_server_exceptions=False) as test_client:
        yield test_client


def refused(response: httpx.Response, status: int, parameter: str, kind: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert (error["parameter"], error["type"]) == (parameter, kind)
    return str(error["message"])


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"[" * 8_000, "nests too deeply"),
        (b'{"text": "' + "19,4 %".encode("cp1251") + b'\xff"}', "not UTF-8 (byte 17 is 0xff)"),
        (b'{"text": "19.4%", "date": ' + b"9" * 4_300 + b"}", "4,300 digits"),
        (b'{"text": NaN}', "NaN is not JSON"),
        (b'{"text": "19.4%"', "not JSON (Expecting ',' delimiter"),
        (b'["19.4%"]', "a JSON object"),
        (b"", "not JSON"),
    ],
)
def test_malformed_json_is_a_400(client: TestClient, body: bytes, needle: str) -> None:
    message = refused(client.post("/api/check", content=body, headers=JSON), 400, "body",
                      "invalid-parameter")
    assert needle in message


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
     "application/json; charset=latin-1", "application/jsonx"],
)
def test_only_json_is_taken(client: TestClient, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/check", content=b'{"text": "Women hold 19.4% of seats."}',
                           headers=headers)
    refused(response, 415, "Content-Type", "unsupported-media-type")


def test_json_with_a_charset_parameter_is_taken(client: TestClient) -> None:
    response = client.post("/api/check", content=b'{"text": "Women hold 19.4% of seats."}',
                           headers={"content-type": "application/json; charset=UTF-8"})
    assert response.status_code == 200 and response.json()["summary"]["unverifiable"] == 1


def test_an_oversized_body_is_a_413(client: TestClient) -> None:
    body = b'{"text": "' + b"a" * 10_000 + b'"}'
    declared = client.post("/api/check", content=body, headers=JSON)
    assert "10,012 bytes; at most 8,192" in refused(declared, 413, "body", "too-large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 1_000
        yield b'"}'

    streamed = client.post("/api/check", content=chunks(), headers=JSON)
    assert "longer than 8,192 bytes" in refused(streamed, 413, "body", "too-large")


def test_a_text_too_long_is_a_413_naming_the_text(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "ж" * 2_001})
    assert refused(response, 413, "text", "too-large") == (
        "the text has 2,001 characters; at most 2,000 per check")


def test_too_many_numbers_is_a_422_naming_the_text(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "1 " * 51})
    assert refused(response, 422, "text", "too-many-numbers") == (
        "the text has 51 numbers; at most 50 per check (split it)")
    fifty = client.post("/api/check", json={"text": "1 " * 50})
    assert fifty.status_code == 200 and len(fifty.json()["verdicts"]) == 50
    halves = client.post("/api/check", json={"text": "half " * 51})
    assert "51 numbers" in refused(halves, 422, "text", "too-many-numbers")


def test_numbers_are_counted_as_runs_of_digits() -> None:
    # never fewer than the claims: a decimal or a grouped number counts once per run
    assert count_numbers("4.1 billion tenge (US$8.2 million) for 105,000 projects in 2024") == 7
    assert count_numbers("55,8 % и 39,1 %; 1 234 567 человек") == 7
    assert count_numbers("1 1 1 1") == 4
    assert count_numbers("Half of them, a third in 2024; треть, половина, пятая часть") == 6
    assert count_numbers("behalf, thirdly, квартал") == 0
    assert count_numbers("٣٤ and ３４") == 2  # digits of other scripts count too
    assert count_numbers("no numbers here") == 0


def check_token(client: TestClient) -> str:
    found = re.search(r'name="token" value="([0-9a-f]+)"', client.get("/check").text)
    assert found
    return found.group(1)


def test_the_form_needs_this_servers_token(client: TestClient,
                                           built_kazakhstan: Project) -> None:
    text = "At the end of 2024 women held 19.4% of seats in the Mazhilis."
    forged = client.post("/check", data={"text": text}, params={"lang": "en"})
    assert forged.status_code == 403
    assert "did not come from this server" in forged.text
    assert text in forged.text  # the text is kept: pressing Check again sends it
    assert "data-verdict" not in forged.text
    wrong = client.post("/check", data={"text": text, "token": "0" * 64})
    assert wrong.status_code == 403
    with TestClient(create_app(built_kazakhstan)) as other:  # another server process
        assert other.post("/check", data={"text": text, "token": check_token(client)}
                          ).status_code == 403
    good = client.post("/check", data={"text": text, "token": check_token(client)})
    assert good.status_code == 200 and 'data-verdict="consistent"' in good.text


@pytest.mark.parametrize(
    ("body", "content_type", "status", "needle"),
    [
        (b"text=%ff%fe&token=", "application/x-www-form-urlencoded", 400, "not UTF-8"),
        (b"text=a&text=b", "application/x-www-form-urlencoded", 400, "given twice"),
        (b"text=" + b"a" * 9_000, "application/x-www-form-urlencoded", 413, "at most 8,192"),
        (b'{"text": "a"}', "application/json", 415, "application/x-www-form-urlencoded"),
    ],
)
def test_bad_forms_are_4xx_pages(client: TestClient, body: bytes, content_type: str,
                                 status: int, needle: str) -> None:
    response = client.post("/check", content=body, headers={"content-type": content_type})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and needle in response.text


def test_the_form_limits_are_the_apis(client: TestClient) -> None:
    token = check_token(client)
    numbers = client.post("/check", data={"text": "1 " * 51, "token": token})
    assert numbers.status_code == 422 and "51 numbers; at most 50" in numbers.text


SECURITY = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def test_the_policy_allows_no_inline_script_and_no_framing() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'none'"


def test_every_response_has_the_security_headers(kz: httpx.Client,
                                                 kazakhstan_server: LiveServer) -> None:
    page = kz.get("/indicators/parliament-women-share")
    responses = [
        page, kz.get("/indicators/parliament-women-share"),  # the second from the cache
        kz.get("/indicators/parliament-women-share", headers={"if-none-match": page.headers[
            "etag"]}),
        kz.get("/api/observations", params={"indicator": "parliament-women-share"}),
        kz.get("/api/indicators/nothing-here"), kz.get("/no/such/page"),
        kz.get("/static/tendik.js"), kz.get("/api/openapi.json"), kz.get("/check"),
        kz.post("/api/check", content=b"{", headers=JSON),
        kz.post("/check", data={"text": "1"}),
        kz.request("OPTIONS", "/api/check"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 304, 200, 404, 404, 200, 200, 200,
                                                  400, 403, 405]
    for response in responses:
        for name, value in SECURITY.items():
            assert response.headers.get(name) == value, (response.url, name)
