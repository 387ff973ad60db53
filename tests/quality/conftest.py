"""Fixtures for the quality tests: small warehouses written by hand, small projects built."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from quality_helpers import (
    INDICATORS,
    REGISTER,
    REGISTER_TOML,
    Hand,
    MakeProject,
    hand_observations,
    hand_row,
)

from tendik.build import build_project
from tendik.project import Project, ProjectSettings, load_project
from tendik.quality import QualityReport, validate_project
from tendik.store.write import BuildChanges, IndicatorResult, write_warehouse


@pytest.fixture
def hand_project(tmp_path: Path) -> MakeProject:
    """A project over a warehouse written by hand: ``hand_project(Hand(...), ..., quality={})``."""

    def make(*hands: Hand, quality: dict[str, Any] | None = None) -> Project:
        now = datetime(2025, 1, 1)
        changes = BuildChanges(started_at=now)
        for hand in hands:
            changes.computed.append(
                IndicatorResult(
                    hand.id, hand_row(hand, now), hand_observations(hand), hand.dimensions
                )
            )
        path = tmp_path / "warehouse.duckdb"
        write_warehouse(path, changes)
        return Project(
            root=tmp_path,
            settings=ProjectSettings(name="hand-made", area="KAZ"),
            warehouse_override=path,
            quality=quality or {},
        )

    return make


@pytest.fixture
def register_project(tmp_path: Path) -> Callable[[str], Project]:
    """A records project over REGISTER, its tendik.toml ending with QUALITY (TOML text), built."""

    def make(quality: str = "") -> Project:
        root = tmp_path / "register"
        (root / "indicators").mkdir(parents=True)
        (root / "register.csv").write_text(REGISTER, encoding="utf-8")
        (root / "tendik.toml").write_text(
            REGISTER_TOML.format(quality=textwrap.dedent(quality)), encoding="utf-8"
        )
        for name, text in INDICATORS.items():
            (root / "indicators" / f"{name}.yaml").write_text(
                textwrap.dedent(text), encoding="utf-8"
            )
        project = load_project(root)
        build_project(project)
        return project

    return make


@pytest.fixture(scope="session")
def bundled_report(built_kazakhstan: Project) -> QualityReport:
    """The quality report of the bundled project with the default settings: its own
    [quality.reconcile] table left out, so that pairs are found automatically."""
    return validate_project(dataclasses.replace(built_kazakhstan, quality={}))
