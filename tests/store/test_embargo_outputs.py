"""An embargoed figure is absent from every output before its time and present after it:
the CLI, the published files, the JSON API and the pages."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from tendik.build import build_project
from tendik.project import Project
from tendik.publish import publish
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
