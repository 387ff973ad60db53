"""Shared fixtures: a built copy of the bundled Kazakhstan project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tendik.build import build_project
from tendik.project import BUNDLED_PROJECT, Project, load_project


def copy_bundled(destination: Path) -> Path:
    shutil.copytree(BUNDLED_PROJECT, destination, ignore=shutil.ignore_patterns("warehouse*"))
    return destination


@pytest.fixture(scope="session")
def built_kazakhstan(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The bundled project, copied and built once for the whole session (read-only use)."""
    root = copy_bundled(tmp_path_factory.mktemp("kazakhstan") / "project")
    project = load_project(root)
    build_project(project)
    return project


@pytest.fixture
def kazakhstan_copy(tmp_path: Path) -> Project:
    """A private copy of the bundled project, not yet built."""
    return load_project(copy_bundled(tmp_path / "project"))
