"""Checking a text on the dashboard: the page where a user pastes text, and POST /api/check."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tendik.project import BUNDLED_PROJECT, Project
from tendik.web import create_app

ARTICLE = (BUNDLED_PROJECT / "articles" / "kz-women-in-civil-service-2025.txt").read_text(
    encoding="utf-8")


@pytest.fixture(scope="module")
def client(built_kazakhstan: Project) -> TestClient:
    return TestClient(create_app(built_kazakhstan))


def test_api_checks_the_bundled_article(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": ARTICLE, "date": "2025-01-01"})
    assert response.status_code == 200
    report = response.json()
    assert report["summary"] == {"consistent": 1, "inconsistent": 2, "ambiguous": 1,
                                 "unverifiable": 15}
    by_text = {v["claim"]["text"]: v for v in report["verdicts"]}
    assert by_text["18.9%"]["verdict"] == "ambiguous"
    assert by_text["18.9%"]["indicator"] == "parliament-women-share"
    assert by_text["55.8%"]["verdict"] == "unverifiable"
    assert "synthetic" in by_text["55.8%"]["explanation"]


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "Women hold 19.4% of seats.", "date": "2025-13-40"}, "date"),
        ({"text": "Women hold 19.4% of seats.", "language": "de"}, "language"),
        ({"text": "x", "colour": "red"}, "colour"),
        ({"text": 19.4}, "text"),
        ({"text": "19.4%", "date": 2025}, "date"),
        ({"text": "19.4%", "date": "20250101"}, "date"),
        ({"text": "19.4%", "language": ["en"]}, "language"),
    ],
)
def test_api_names_the_bad_field(client: TestClient, body: dict[str, object],
                                 parameter: str) -> None:
    response = client.post("/api/check", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


def test_api_refuses_a_body_that_is_not_json(client: TestClient) -> None:
    response = client.post("/api/check", content=b"text=hello",
                           headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["parameter"] == "body"


def test_the_page_has_a_labelled_form_in_each_language(client: TestClient) -> None:
    for lang, label in (("en", "Text to check"), ("ru", "Текст для проверки"),
                        ("kk", "Тексерілетін мәтін")):
        page = client.get("/check", params={"lang": lang})
        assert page.status_code == 200
        assert f'<html lang="{lang}"' in page.text
        assert f'<label for="check-text">{label}</label>' in page.text


def form_token(client: TestClient) -> str:
    """The token the check page's form carries."""
    found = re.search(r'name="token" value="([0-9a-f]+)"', client.get("/check").text)
    assert found, "the form has no token"
    return found.group(1)


def test_pasting_text_shows_each_verdict(client: TestClient) -> None:
    text = ("At the end of 2024 women held 19.4% of seats in the Mazhilis. "
            "In 2023 women held 18.4% of seats in the Mazhilis.")
    token = form_token(client)
    page = client.post("/check", data={"text": text, "token": token}, params={"lang": "ru"})
    assert page.status_code == 200
    assert page.text.count('data-verdict="consistent"') == 2
    assert "Согласуется с данными" in page.text
    assert 'href="/indicators/parliament-women-share"' in page.text
    empty = client.post("/check", data={"text": "", "token": token})
    assert empty.status_code == 400 and 'role="alert"' in empty.text
