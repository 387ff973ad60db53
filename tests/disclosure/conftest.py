"""A project like the bundled one on a small generated register, where many cells are small."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tendik.build import build_project
from tendik.generate import generate_register
from tendik.project import BUNDLED_PROJECT, Project, load_project

#: ``tendik generate register --rows 20000 --seed 11``: about 1,600 active civil servants a
#: year, so a few hundred cells of the register catalogue rest on fewer than five people
SMALL_ROWS, SMALL_SEED = 20_000, 11
REGISTER = Path("sources") / "civil-service-register" / "register.parquet"


def small_register_copy(destination: Path) -> Project:
    """The bundled project with its register replaced by a small generated one (not built)."""
    shutil.copytree(BUNDLED_PROJECT, destination, ignore=shutil.ignore_patterns("warehouse*"))
    generate_register(destination / REGISTER, rows=SMALL_ROWS, seed=SMALL_SEED)
    return load_project(destination)


@pytest.fixture(scope="session")
def small_register(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The small-register project, built once for the session (read-only use)."""
    project = small_register_copy(tmp_path_factory.mktemp("small-register") / "project")
    build_project(project)
    return project
