"""Fixtures for checking claims: one checker over the built bundled warehouse, kept open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from tendik.claims import Checker, CheckReport, Verdict
from tendik.project import Project
from tendik.store.query import Warehouse


@pytest.fixture(scope="session")
def checker(built_kazakhstan: Project) -> Iterator[Checker]:
    """A checker over the bundled Kazakhstan warehouse (built once for the session)."""
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        yield Checker(warehouse, area=built_kazakhstan.area, project=built_kazakhstan.name)


@pytest.fixture(scope="session")
def check(checker: Checker) -> Callable[..., CheckReport]:
    """check(text, published=None) -> the report."""

    def run(text: str, published: date | None = None) -> CheckReport:
        return checker.check(text, published=published)

    return run


@pytest.fixture(scope="session")
def verdict(check: Callable[..., CheckReport]) -> Callable[..., Verdict]:
    """verdict(text, claim_text, published=None) -> the verdict on the claim written so."""

    def run(text: str, claim_text: str, published: date | None = None) -> Verdict:
        report = check(text, published)
        found = [v for v in report.verdicts if v.claim.text == claim_text]
        assert found, [v.claim.text for v in report.verdicts]
        return found[0]

    return run
