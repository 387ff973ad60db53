"""The JSON API, through a real uvicorn server on 127.0.0.1 and in-process through ASGI."""

from __future__ import annotations

import asyncio
import csv
import io
import shutil
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook
from web_support import LiveServer, make_mini_project, start_server

from tendik.build import build_project
from tendik.project import Project
from tendik.store.releases import create_release
from tendik.web import create_app

PARLIAMENT = "parliament-women-share"
MANAGERS = "women-managers"


def error_of(response: httpx.Response) -> dict[str, str]:
    assert response.headers["content-type"].startswith("application/json")
    return response.json()["error"]


def test_kazakhstan_parliament_2024(kz: httpx.Client) -> None:
    # World Bank WDI SG.GEN.PARL.ZS, KAZ, 2024: 19.3877551020408 (bundled CSV).
    response = kz.get("/api/observations",
                      params={"indicator": PARLIAMENT, "area": "KAZ", "period": "2024"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    (row,) = body["observations"]
    assert row["OBS_VALUE"] == pytest.approx(19.387755, abs=1e-6)
    assert (row["REF_AREA"], row["TIME_PERIOD"], row["OBS_STATUS"]) == ("KAZ", "2024", "A")
    assert row["source"] == "wdi-parliament"
    assert len(row["definition_hash"]) == 64


def test_indicator_document_has_status_and_projection(kz: httpx.Client) -> None:
    body = kz.get(f"/api/indicators/{PARLIAMENT}").json()
    assert body["latest"] == {"period": "2024", "value": pytest.approx(19.387755, abs=1e-6),
                              "status": "A"}
    assert body["change"] == pytest.approx(19.3877551020408 - 18.3673469387755, abs=1e-9)
    # Gap to parity grew from 23.83 (2015) to 30.61 (2024): moving away (see tests/progress).
    assert body["status"] == "moving_away"
    assert body["assessment"]["ratio"] == pytest.approx(-0.20213, abs=1e-5)
    assert body["projection"]["reached"] is False
    assert body["projection"]["slope"] == pytest.approx(-0.732691, abs=1e-6)
    assert body["compare_areas"] == ["KGZ", "TJK", "TKM", "UZB", "WLD"]
    assert body["synthetic"] is False


def test_pagination_walks_every_observation(kz: httpx.Client) -> None:
    first = kz.get("/api/observations", params={"indicator": PARLIAMENT, "page_size": 1000}).json()
    total = first["total"]
    assert total == 6360  # every area-year with a value in the bundled WDI file
    assert (first["pages"], first["page"], len(first["observations"])) == (7, 1, 1000)
    assert first["previous"] is None
    seen = [(r["REF_AREA"], r["TIME_PERIOD"]) for r in first["observations"]]
    link = first["next"]
    while link:
        page = kz.get(link).json()
        seen += [(r["REF_AREA"], r["TIME_PERIOD"]) for r in page["observations"]]
        link = page["next"]
    assert page["page"] == 7 and len(page["observations"]) == 360
    assert len(seen) == len(set(seen)) == total


def test_breakdown_values(mini: httpx.Client) -> None:
    # The made-up staff list, 2025 managers: finance 6 women of 20, health 12, education 15.
    body = mini.get("/api/observations",
                    params={"indicator": MANAGERS, "by": "department", "period": "2025"}).json()
    got = {r["DEPARTMENT"]: (r["OBS_VALUE"], r["numerator"], r["denominator"])
           for r in body["observations"]}
    assert got == {"education": (75.0, 15, 20), "finance": (30.0, 6, 20), "health": (60.0, 12, 20)}
    assert body["by"] == "DEPARTMENT" and body["total"] == 3


@pytest.mark.parametrize(("query", "status", "kind", "parameter"), [
    ({"indicator": PARLIAMENT, "page_size": 5000}, 400, "invalid-parameter", "page_size"),
    ({"indicator": PARLIAMENT, "page_size": 0}, 400, "invalid-parameter", "page_size"),
    ({"indicator": PARLIAMENT, "page": "two"}, 400, "invalid-parameter", "page"),
    ({"indicator": PARLIAMENT, "page": 99}, 400, "invalid-parameter", "page"),
    ({"indicator": PARLIAMENT, "by": "region"}, 400, "invalid-parameter", "by"),
    ({"indicator": PARLIAMENT, "indicatr": "x"}, 400, "unknown-parameter", "indicatr"),
    ({"area": "KAZ"}, 400, "missing-parameter", "indicator"),
    ({"indicator": "no-such-thing"}, 404, "not-found", "indicator"),
])
def test_bad_parameters_are_named(kz: httpx.Client, query: dict[str, object], status: int,
                                  kind: str, parameter: str) -> None:
    response = kz.get("/api/observations", params=query)
    assert response.status_code == status
    error = error_of(response)
    assert (error["type"], error["parameter"]) == (kind, parameter)
    assert error["message"]


def test_other_bad_requests(kz: httpx.Client) -> None:
    response = kz.get(f"/api/indicators/{PARLIAMENT}/download", params={"format": "pdf"})
    assert response.status_code == 400 and error_of(response)["parameter"] == "format"
    missing = kz.get("/api/indicators/nothing-here")
    assert missing.status_code == 404 and error_of(missing)["parameter"] == "id"
    assert error_of(kz.get("/api/no-such-endpoint"))["type"] == "not-found"


def test_etag_and_not_modified(kz: httpx.Client) -> None:
    url = f"/api/observations?indicator={PARLIAMENT}&area=KAZ"
    first = kz.get(url)
    tag = first.headers["etag"]
    again = kz.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    other = kz.get(url + "&period=2024")
    assert other.headers["etag"] != tag
    stale = kz.get(url, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200 and stale.json()["total"] == first.json()["total"]


def test_rebuild_changes_the_etag_and_the_values(tmp_path: Path) -> None:
    project = make_mini_project(tmp_path / "project")
    build_project(project)
    live = start_server(project)
    try:
        with live.client() as client:
            url = f"/api/observations?indicator={MANAGERS}&by=department&period=2025"
            before = client.get(url)
            finance = {r["DEPARTMENT"]: r["OBS_VALUE"] for r in before.json()["observations"]}
            assert finance["finance"] == 30.0
            # P0006, a man managing in finance in 2025, is recorded as a woman: 7 of 20.
            staff = project.root / "sources" / "staff.csv"
            text = staff.read_text(encoding="utf-8")
            staff.write_text(text.replace("P0006,2025,M,", "P0006,2025,F,"), encoding="utf-8")
            build_project(project)
            after = client.get(url, headers={"If-None-Match": before.headers["etag"]})
            assert after.status_code == 200
            assert after.headers["etag"] != before.headers["etag"]
            values = {r["DEPARTMENT"]: r["OBS_VALUE"] for r in after.json()["observations"]}
            assert values == {"education": 75.0, "finance": 35.0, "health": 60.0}
    finally:
        live.stop()


def test_openapi_lists_the_routes(kz: httpx.Client) -> None:
    spec = kz.get("/api/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/indicators", "/api/indicators/{id}", "/api/observations", "/api/sources",
        "/api/releases", "/api/findings", "/api/indicators/{id}/download", "/api/check",
    }
    parameters = {p["name"]: p for p in spec["paths"]["/api/observations"]["get"]["parameters"]}
    assert set(parameters) == {"indicator", "area", "period", "by", "page", "page_size"}
    assert parameters["page_size"]["schema"]["maximum"] == 1000
    docs = kz.get("/api/docs")
    assert docs.status_code == 200 and "/api/observations" in docs.text
    assert "cdn" not in docs.text.lower()


def test_catalogue_sources_releases_findings(kz: httpx.Client) -> None:
    listed = kz.get("/api/indicators").json()
    ids = [i["id"] for i in listed["indicators"]]
    assert PARLIAMENT in ids and "civil-service-women" in ids and listed["total"] == len(ids)
    by_id = {i["id"]: i for i in listed["indicators"]}
    assert by_id["civil-service-women"]["synthetic"] is True
    assert by_id["civil-service-women"]["synthetic_notice"]["ru"] == (
        "Синтетические данные — не реальные люди")
    assert "synthetic_notice" not in by_id[PARLIAMENT]
    sources = {s["id"]: s for s in kz.get("/api/sources").json()["sources"]}
    assert sources["wdi-parliament"]["licence"] == "CC BY 4.0"
    assert sources["civil-service-register"]["synthetic"] is True
    assert kz.get("/api/releases").json() == {"total": 0, "releases": []}



def test_findings_of_the_quality_report(kz: httpx.Client) -> None:
    everything = kz.get("/api/findings", params={"page_size": 1000}).json()
    assert everything["total"] == sum(everything["counts"].values()) > 0
    assert len(everything["findings"]) == min(1000, everything["total"])
    assert everything["by_type"] and sum(everything["by_type"].values()) == everything["total"]
    for severity, count in everything["counts"].items():
        only = kz.get("/api/findings", params={"severity": severity, "page_size": 1000}).json()
        assert only["total"] == count
        assert {f["severity"] for f in only["findings"]} <= {severity}
    about = kz.get("/api/findings", params={"indicator": "parliament-women-share"}).json()
    assert {f["indicator"] for f in about["findings"]} <= {"parliament-women-share"}
    bad = kz.get("/api/findings", params={"severity": "fatal"})
    assert bad.status_code == 400 and error_of(bad)["parameter"] == "severity"


def test_nothing_record_level_is_served(mini: httpx.Client) -> None:
    body = mini.get("/api/observations", params={"indicator": MANAGERS, "by": "department",
                                                 "page_size": 1000}).json()
    columns = set().union(*(row.keys() for row in body["observations"]))
    assert "person_id" not in columns and "sex" not in columns
    assert body["total"] == 9  # 3 years x 3 departments: aggregates only


def test_downloads_match_the_api(mini: httpx.Client) -> None:
    api = mini.get("/api/observations", params={"indicator": MANAGERS, "by": "department",
                                                "page_size": 1000}).json()["observations"]
    csv_response = mini.get(f"/api/indicators/{MANAGERS}/download",
                            params={"format": "csv", "by": "department"})
    assert 'filename="women-managers.by-department.csv"' in (
        csv_response.headers["content-disposition"])
    rows = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert [(r["TIME_PERIOD"], r["DEPARTMENT"], float(r["OBS_VALUE"])) for r in rows] == [
        (r["TIME_PERIOD"], r["DEPARTMENT"], r["OBS_VALUE"]) for r in api]
    book = load_workbook(io.BytesIO(mini.get(
        f"/api/indicators/{MANAGERS}/download", params={"format": "xlsx", "by": "department"}
    ).content), read_only=True)
    sheet = list(book["data"].iter_rows(values_only=True))
    assert len(sheet) == 1 + 9 and sheet[0][:4] == ("indicator", "REF_AREA", "TIME_PERIOD",
                                                    "DEPARTMENT")
    about = {row[0]: row[1:2] for row in book["about"].iter_rows(values_only=True)}
    document = mini.get(f"/api/indicators/{MANAGERS}/download", params={"format": "json"}).json()
    assert document["synthetic"] is True
    assert document["synthetic_notice"]["kk"] == "Синтетикалық деректер — нақты адамдар емес"
    assert [(r["TIME_PERIOD"], r["OBS_VALUE"]) for r in document["observations"]] == [
        ("2023", 45.0), ("2024", 50.0), ("2025", 55.0)]
    assert about["synthetic"][0].startswith("yes")
    assert about["title_kk"] == ("Басшылар арасындағы әйелдердің үлесі",)
    assert about["unit"] == ("percent",)


def test_sdmx_generic_data_message(mini: httpx.Client) -> None:
    body = mini.get(f"/api/indicators/{PARLIAMENT}/download",
                    params={"format": "sdmx", "area": "KAZ"}).content
    root = ET.fromstring(body)
    ns = {"m": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
          "g": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"}
    assert root.tag == f"{{{ns['m']}}}GenericData"
    (series,) = root.findall("m:DataSet/g:Series", ns)
    key = {v.get("id"): v.get("value") for v in series.findall("g:SeriesKey/g:Value", ns)}
    assert key == {"INDICATOR": PARLIAMENT, "REF_AREA": "KAZ"}
    values = {o.find("g:ObsDimension", ns).get("value"): float(o.find("g:ObsValue", ns).get(
        "value")) for o in series.findall("g:Obs", ns)}
    assert values["2024"] == pytest.approx(19.387755, abs=1e-6)
    assert len(values) == 28  # 1997-2024


def test_in_process_through_asgi(mini_project: Project) -> None:
    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(mini_project))
        async with httpx.AsyncClient(transport=transport, base_url="http://tendik") as client:
            return await client.get("/api/observations", params={
                "indicator": PARLIAMENT, "area": "UZB", "period": "2024"})

    response = asyncio.run(fetch())
    assert response.json()["observations"][0]["OBS_VALUE"] == 38.0


def test_a_missing_warehouse_is_a_503(tmp_path: Path) -> None:
    project = make_mini_project(tmp_path / "unbuilt")
    live: LiveServer = start_server(project)
    try:
        with live.client() as client:
            response = client.get("/api/indicators")
            assert response.status_code == 503
            assert error_of(response)["type"] == "warehouse-error"
            assert client.get("/?lang=en").status_code == 503
            build_project(project)
            assert client.get("/api/indicators").json()["total"] == 2
    finally:
        live.stop()
        shutil.rmtree(tmp_path / "unbuilt", ignore_errors=True)


def test_an_embargoed_release_shows_once_it_is_public(tmp_path: Path) -> None:
    # Release 1 (public) holds finance 2025 at 30.0. A rebuild with one more woman manager in
    # finance (35.0) stays unseen by the public until release 2 of it is public, a moment
    # later; the running server shows it then, without a restart.
    project = make_mini_project(tmp_path / "project")
    build_project(project)
    create_release(project.warehouse_path, datetime.now(UTC) - timedelta(minutes=1), "key")
    url = f"/api/observations?indicator={MANAGERS}&by=department&period=2025"
    live = start_server(project)
    try:
        with live.client() as client:
            def finance() -> float:
                rows = client.get(url).json()["observations"]
                return next(r["OBS_VALUE"] for r in rows if r["DEPARTMENT"] == "finance")

            def releases() -> list[int]:
                return [r["number"] for r in client.get("/api/releases").json()["releases"]]

            assert finance() == 30.0
            staff = project.root / "sources" / "staff.csv"
            text = staff.read_text(encoding="utf-8")
            staff.write_text(text.replace("P0006,2025,M,", "P0006,2025,F,"), encoding="utf-8")
            build_project(project)
            assert finance() == 30.0
            public_at = datetime.now(UTC) + timedelta(seconds=8)  # a margin for slow machines
            create_release(project.warehouse_path, public_at, "key")
            assert (finance(), releases()) == (30.0, [1])
            time.sleep(max(0.0, (public_at - datetime.now(UTC)).total_seconds()) + 0.1)
            assert (finance(), releases()) == (35.0, [1, 2])
    finally:
        live.stop()


def test_csv_download_of_synthetic_figures_says_so(built_kazakhstan: Project) -> None:
    from fastapi.testclient import TestClient

    from tendik.web import create_app

    client = TestClient(create_app(built_kazakhstan))
    synthetic = client.get("/api/indicators/civil-service-women/download",
                           params={"format": "csv"})
    assert synthetic.status_code == 200
    header, first = synthetic.text.splitlines()[:2]
    assert header.endswith(",synthetic") and first.endswith(",true")
    real = client.get("/api/indicators/parliament-women-share/download", params={"format": "csv"})
    assert "synthetic" not in real.text.splitlines()[0]
