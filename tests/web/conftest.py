"""Fixtures for the dashboard and API: built projects and real uvicorn servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from web_support import LiveServer, make_mini_project, start_server

from tendik.build import build_project
from tendik.project import Project


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The small project, built once (read-only use)."""
    project = make_mini_project(tmp_path_factory.mktemp("mini") / "project")
    build_project(project)
    return project


@pytest.fixture(scope="session")
def kazakhstan_server(built_kazakhstan: Project) -> Iterator[LiveServer]:
    live = start_server(built_kazakhstan)
    yield live
    live.stop()


@pytest.fixture(scope="session")
def mini_server(mini_project: Project) -> Iterator[LiveServer]:
    live = start_server(mini_project)
    yield live
    live.stop()


@pytest.fixture
def kz(kazakhstan_server: LiveServer) -> Iterator[httpx.Client]:
    """A client of the bundled project's server, without cookies from other tests."""
    with kazakhstan_server.client() as client:
        yield client


@pytest.fixture
def mini(mini_server: LiveServer) -> Iterator[httpx.Client]:
    with mini_server.client() as client:
        yield client
