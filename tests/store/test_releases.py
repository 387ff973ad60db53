"""Releases with embargo: invisible before their time, visible after, never changed."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tendik.build import build_project
from tendik.project import Project
from tendik.store import Warehouse
from tendik.store.releases import (
    BadPublisherKey,
    ReleaseLocked,
    create_release,
    diff_releases,
    reschedule_release,
    verify_release,
)

KEY = "correct horse battery staple"
NOW = datetime.now(UTC).replace(microsecond=0)  # release times are set around the real clock


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kaz_2022(warehouse: Warehouse) -> float | None:
    table = warehouse.observations("local-government-women-share-owid", area="KAZ", period="2022")
    return table.column("OBS_VALUE")[0].as_py() if table.num_rows else None


def edit_owid(project: Project, old: str, new: str) -> None:
    path = project.source_path("owid-local-government")
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture
def released(kazakhstan_copy: Project) -> Project:
    """Release 1 published an hour before NOW; then a revision, release 2 embargoed for a day."""
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.warehouse_path
    create_release(path, NOW - timedelta(hours=1), KEY, note="first")
    edit_owid(kazakhstan_copy, "KAZ,2022,30.46", "KAZ,2022,31.5")
    build_project(kazakhstan_copy)
    create_release(path, NOW + timedelta(days=1), KEY, note="revised")
    return kazakhstan_copy


def test_embargoed_figure_is_absent_before_its_time_and_present_after(released: Project) -> None:
    path = released.warehouse_path
    with Warehouse(path, as_of=NOW) as public:
        assert public.view == "release 1"
        assert kaz_2022(public) == 30.46  # the published figure, not the embargoed revision
        assert [r.number for r in public.releases()] == [1]
    with Warehouse(path, as_of=NOW + timedelta(days=1, seconds=1)) as later:
        assert later.view == "release 2" and kaz_2022(later) == 31.5
    with Warehouse(path, as_of=NOW, publisher_key=KEY) as publisher:
        assert publisher.view == "build" and kaz_2022(publisher) == 31.5
        assert [r.number for r in publisher.releases()] == [1, 2]
    with Warehouse(path, as_of=NOW, publisher_key="wrong") as guess:
        assert kaz_2022(guess) == 30.46


def test_before_the_first_release_is_public_nothing_is_visible(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.warehouse_path
    with Warehouse(path) as before_any_release:
        assert before_any_release.view == "build" and kaz_2022(before_any_release) == 30.46
    create_release(path, NOW + timedelta(days=1), KEY)
    with Warehouse(path, as_of=NOW) as public:
        assert public.view == "none"
        assert public.indicators() == []
        with pytest.raises(Exception, match="no indicator"):
            public.observations("parliament-women-share")


def test_cli_hides_the_embargoed_figure_without_the_key(released: Project) -> None:
    def show(*extra: str) -> list[dict[str, object]]:
        result = subprocess.run(
            [sys.executable, "-m", "tendik", "show", "local-government-women-share-owid",
             "--area", "KAZ", "--period", "2022", "--format", "json",
             "--project", str(released.root), *extra],
            capture_output=True, text=True, check=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(released.root)},
        )
        return json.loads(result.stdout)
    assert show()[0]["OBS_VALUE"] == 30.46
    assert show("--key", KEY)[0]["OBS_VALUE"] == 31.5


def test_diff_lists_the_revised_values(released: Project) -> None:
    path = released.warehouse_path
    revisions = diff_releases(path, 1, 2, KEY)
    assert [(r.kind, r.indicator, r.ref_area, r.time_period, r.old, r.new) for r in revisions] == [
        ("revised", "local-government-women-share-owid", "KAZ", "2022", 30.46, 31.5)
    ]
    with pytest.raises(Exception, match="under embargo"):
        diff_releases(path, 1, 2)  # a reader without the key cannot see release 2 yet


def test_a_published_release_cannot_change(released: Project) -> None:
    path = released.warehouse_path
    before = file_hash(path)
    with pytest.raises(ReleaseLocked) as caught:
        reschedule_release(path, 1, NOW + timedelta(days=30), KEY)
    assert caught.value.type == "release-published"
    assert file_hash(path) == before
    assert verify_release(path, 1) and verify_release(path, 2)
    # an embargoed release may still be moved, by the publisher only
    with pytest.raises(BadPublisherKey):
        reschedule_release(path, 2, NOW + timedelta(days=2), "wrong")
    assert file_hash(path) == before
    moved = reschedule_release(path, 2, NOW + timedelta(days=2), KEY)
    assert moved.publish_at == (NOW + timedelta(days=2)).replace(tzinfo=None)


def test_a_new_build_does_not_touch_releases(released: Project) -> None:
    edit_owid(released, "KAZ,2022,31.5", "KAZ,2022,33.0")
    build_project(released)
    path = released.warehouse_path
    assert verify_release(path, 1) and verify_release(path, 2)
    with Warehouse(path, as_of=NOW) as public:
        assert kaz_2022(public) == 30.46
    with Warehouse(path, as_of=NOW, publisher_key=KEY) as publisher:
        assert kaz_2022(publisher) == 33.0
