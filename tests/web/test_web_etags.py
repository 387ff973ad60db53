"""ETags are hashes of the bytes served, the same for pages, the API, downloads and static
files: an answer that a rebuild left unchanged keeps its ETag (a client's copy stays valid),
one that changed gets a new one; If-None-Match is understood the same way everywhere."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from web_support import make_mini_project, start_server

from tendik.build import build_project

PARLIAMENT = "parliament-women-share"
MANAGERS = "women-managers"
UNCHANGED = [  # nothing of these depends on the staff list
    f"/api/indicators/{PARLIAMENT}",
    f"/api/observations?indicator={PARLIAMENT}&area=KAZ",
    f"/api/indicators/{PARLIAMENT}/download?format=csv",
    f"/indicators/{PARLIAMENT}?lang=en",
    "/static/tendik.css",
]
CHANGED = [
    f"/api/indicators/{MANAGERS}",
    f"/api/observations?indicator={MANAGERS}&by=department",
    f"/api/indicators/{MANAGERS}/download?format=xlsx",
    f"/indicators/{MANAGERS}?lang=ru",
    "/api/indicators",
    "/api/sources",
    "/?lang=kk",
]


def sha256_tag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def test_etags_follow_the_bytes_across_a_rebuild(tmp_path: Path) -> None:
    project = make_mini_project(tmp_path / "project")
    build_project(project)
    live = start_server(project)
    try:
        with live.client() as client:
            before = {url: client.get(url) for url in UNCHANGED + CHANGED}
            for url, response in before.items():
                assert response.status_code == 200, url
                assert response.headers["etag"] == sha256_tag(response.content), url
            # P0006, a man managing in finance in 2025, is recorded as a woman
            staff = project.root / "sources" / "staff.csv"
            staff.write_text(staff.read_text(encoding="utf-8").replace(
                "P0006,2025,M,", "P0006,2025,F,"), encoding="utf-8")
            build_project(project)
            for url in UNCHANGED:
                again = client.get(url, headers={"If-None-Match": before[url].headers["etag"]})
                assert again.status_code == 304, url
                assert again.headers["etag"] == before[url].headers["etag"]
            for url in CHANGED:
                again = client.get(url, headers={"If-None-Match": before[url].headers["etag"]})
                assert again.status_code == 200, url
                assert again.headers["etag"] == sha256_tag(again.content) != before[url].headers[
                    "etag"], url
    finally:
        live.stop()


@pytest.mark.parametrize("url", [f"/api/observations?indicator={PARLIAMENT}",
                                 f"/indicators/{PARLIAMENT}", "/static/tendik.js"])
def test_if_none_match_is_read_the_same_everywhere(mini: httpx.Client, url: str) -> None:
    tag = mini.get(url).headers["etag"]
    for header, status in [(tag, 304), (f"W/{tag}", 304), (f'"other", {tag}', 304), ("*", 304),
                           ('"other"', 200), ("", 200)]:
        for _ in range(2):  # the first answer may come from the app, the second from its cache
            response = mini.get(url, headers={"If-None-Match": header} if header else {})
            assert response.status_code == status, (url, header)
            assert response.headers["etag"] == tag
