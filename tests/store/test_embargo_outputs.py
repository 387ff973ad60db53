"""An embargoed figure is absent from every output before its time and present after it:
the CLI, the published files, the JSON API and the pages."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
from fastapi.testclient import TestClient

from tendik.build import build_project
from tendik.project import Project
from tendik.publish import publish
from tendik.store import Warehouse
from tendik.store.query import BUILD_SOURCE_COLUMNS
from tendik.store.releases import create_release
from tendik.web import create_app

KEY = "publisher-key"
INDICATOR = "local-government-women-share-owid"
EMBARGO_SECONDS = 20  # long enough for the checks before it to finish on a slow machine


def kaz_2022_everywhere(project: Project, client: TestClient, out: Path) -> dict[str, object]:
    """The KAZ 2022 value as each output shows it to a reader without the key."""
    shown = subprocess.run(
        [sys.executable, "-m", "tendik", "show", INDICATOR, "--area", "KAZ", "--period", "2022",
         "--format", "json", "--project", str(project.root)],
        capture_output=True, text=True, check=True,
    )
    report = publish(project, out, "csv")
    (path,) = [p for p in report.files if INDICATOR in str(p)]
    with open(out / path if not Path(path).is_absolute() else path, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["REF_AREA"] == "KAZ"
                and r["TIME_PERIOD"] == "2022"]
    api = client.get("/api/observations", params={"indicator": INDICATOR, "area": "KAZ",
                                                  "period": "2022"}).json()
    page = client.get(f"/indicators/{INDICATOR}", params={"area": "KAZ", "lang": "en"}).text
    return {
        "cli": json.loads(shown.stdout)[0]["OBS_VALUE"],
        "files": float(rows[0]["OBS_VALUE"]),
        "api": api["observations"][0]["OBS_VALUE"],
        "page_has_new": "31.5" in page,
        "page_has_old": "30.46" in page or "30.5" in page,
    }


def test_an_embargoed_revision_shows_nowhere_until_its_time(
    kazakhstan_copy: Project, tmp_path: Path
) -> None:
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.warehouse_path
    create_release(path, datetime.now(UTC) - timedelta(hours=1), KEY)
    owid = kazakhstan_copy.source_path("owid-local-government")
    owid.write_text(owid.read_text(encoding="utf-8").replace("KAZ,2022,30.46", "KAZ,2022,31.5"),
                    encoding="utf-8")
    build_project(kazakhstan_copy)
    public_at = datetime.now(UTC) + timedelta(seconds=EMBARGO_SECONDS)
    create_release(path, public_at, KEY)

    client = TestClient(create_app(kazakhstan_copy))
    before = kaz_2022_everywhere(kazakhstan_copy, client, tmp_path / "before")
    assert datetime.now(UTC) < public_at, "the checks took longer than the embargo"
    assert (before["cli"], before["files"], before["api"]) == (30.46, 30.46, 30.46)
    assert not before["page_has_new"] and before["page_has_old"]

    time.sleep(max(0.0, (public_at - datetime.now(UTC)).total_seconds()) + 0.5)
    after = kaz_2022_everywhere(kazakhstan_copy, client, tmp_path / "after")
    assert (after["cli"], after["files"], after["api"]) == (31.5, 31.5, 31.5)
    assert after["page_has_new"]


SOURCE = "owid-local-government"


def sources_seen(client: TestClient) -> tuple[bytes, str, dict[str, object]]:
    """/api/sources as a reader without the key gets it: body, ETag and the OWID source."""
    response = client.get("/api/sources")
    assert response.status_code == 200
    (owid,) = [s for s in response.json()["sources"] if s["id"] == SOURCE]
    return response.content, response.headers["etag"], owid


def test_an_embargoed_build_leaks_no_metadata(kazakhstan_copy: Project) -> None:
    """Hash, rows and provenance of the sources of an embargoed build stay hidden: the public
    sees the sources as the published release was made from them, byte for byte."""
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.warehouse_path
    create_release(path, datetime.now(UTC) - timedelta(hours=1), KEY)
    owid = kazakhstan_copy.source_path(SOURCE)
    published_hash = hashlib.sha256(owid.read_bytes()).hexdigest()
    rows = len(owid.read_text(encoding="utf-8").splitlines()) - 1  # 353 in the bundled file
    client = TestClient(create_app(kazakhstan_copy))
    body, tag, before = sources_seen(client)
    assert (before["content_hash"], before["n_rows"]) == (published_hash, rows)
    page = client.get("/sources", params={"lang": "en"})

    # The embargoed build: one more row, a revised value, a new line of provenance.
    text = owid.read_text(encoding="utf-8").replace("KAZ,2022,30.46", "KAZ,2022,31.5")
    owid.write_text(text.rstrip("\n") + "\nKazakhstan,KAZ,2025,33.3\n", encoding="utf-8")
    provenance = owid.parent / "PROVENANCE.md"
    provenance.write_text(provenance.read_text(encoding="utf-8") + "\nEMBARGOED NOTE\n",
                          encoding="utf-8")
    build_project(kazakhstan_copy)
    create_release(path, datetime.now(UTC) + timedelta(hours=1), KEY)

    after_body, after_tag, after = sources_seen(client)
    assert (after_body, after_tag) == (body, tag)
    assert "EMBARGOED NOTE" not in str(after["provenance"])
    indicator = client.get(f"/api/indicators/{INDICATOR}").json()
    assert indicator["provenance"]["source_content_hash"] == published_hash
    page_after = client.get("/sources", params={"lang": "en"})
    assert page_after.headers["etag"] == page.headers["etag"]
    assert "EMBARGOED NOTE" not in page_after.text

    # The publisher sees the embargoed build's sources; everyone does once it is public.
    embargoed_hash = hashlib.sha256(owid.read_bytes()).hexdigest()
    with Warehouse(path, publisher_key=KEY) as publisher:
        (row,) = [s for s in publisher.sources() if s["id"] == SOURCE]
        assert (row["content_hash"], row["n_rows"]) == (embargoed_hash, rows + 1)
    later = datetime.now(UTC) + timedelta(hours=2)
    with Warehouse(path, as_of=later) as public_later:
        (row,) = [s for s in public_later.sources() if s["id"] == SOURCE]
        assert (row["content_hash"], row["n_rows"]) == (embargoed_hash, rows + 1)
        assert "EMBARGOED NOTE" in row["provenance"]


def test_before_the_first_release_is_public_no_source_shows(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    create_release(kazakhstan_copy.warehouse_path, datetime.now(UTC) + timedelta(hours=1), KEY)
    client = TestClient(create_app(kazakhstan_copy))
    assert client.get("/api/sources").json() == {"total": 0, "sources": []}
    assert "owid-local-government" not in client.get("/sources", params={"lang": "en"}).text
    with Warehouse(kazakhstan_copy.warehouse_path, publisher_key=KEY) as publisher:
        assert SOURCE in {s["id"] for s in publisher.sources()}


def test_a_release_made_before_sources_were_kept_shows_no_build_metadata(
    kazakhstan_copy: Project,
) -> None:
    """A warehouse whose published release has no copy of its sources (made by an earlier
    tendik): the public sees the sources its indicators name, without hashes, rows read,
    provenance or reading time, which a later build may have changed."""
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.warehouse_path
    create_release(path, datetime.now(UTC) - timedelta(hours=1), KEY)
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM release_sources")
    with Warehouse(path) as public:
        rows = {s["id"]: s for s in public.sources()}
    used = {i.source for i in Warehouse(path, publisher_key=KEY).indicators()}
    assert set(rows) == used
    owid = rows[SOURCE]
    assert owid["title"] == "Our World in Data: share of women in local government (SG_GEN_LOCGELS)"
    assert [owid[c] for c in BUILD_SOURCE_COLUMNS] == [None] * len(BUILD_SOURCE_COLUMNS)
