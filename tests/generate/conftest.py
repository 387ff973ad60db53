"""Registers generated once per test session: a small one and one of the default size."""

from __future__ import annotations

import pytest

from tendik.generate import DEFAULT_ROWS, RegisterSummary, generate_register


@pytest.fixture(scope="session")
def small_register(tmp_path_factory: pytest.TempPathFactory) -> RegisterSummary:
    out = tmp_path_factory.mktemp("register") / "small.parquet"
    return generate_register(out, rows=50_000, seed=1)


@pytest.fixture(scope="session")
def default_register(tmp_path_factory: pytest.TempPathFactory) -> RegisterSummary:
    out = tmp_path_factory.mktemp("register") / "default.parquet"
    return generate_register(out, rows=DEFAULT_ROWS)
