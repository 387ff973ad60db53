"""What the app's routes share: the project, the cached warehouse reader, the assets, the
limits of a claim check, the worker processes that run checks and the token of the check
form."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

from tendik.project import Project
from tendik.store import Warehouse
from tendik.web.assets import Assets
from tendik.web.data import Reader
from tendik.web.limits import CheckLimits
from tendik.web.security import FormToken
from tendik.web.workers import CheckWorkers

T = TypeVar("T")


@dataclass
class AppState:
    project: Project
    reader: Reader
    assets: Assets = field(default_factory=Assets)
    limits: CheckLimits = field(default_factory=CheckLimits)
    form_token: FormToken = field(default_factory=FormToken)
    checks: CheckWorkers = field(init=False)

    def __post_init__(self) -> None:
        self.checks = CheckWorkers(self.project.warehouse_path, area=self.project.area,
                                   project=self.project.name, size=self.limits.workers,
                                   seconds=self.limits.seconds)

    async def cached(self, key: Hashable, compute: Callable[[Warehouse], T]) -> T:
        """A cached value straight away, or computed in a worker thread and cached."""
        hit = self.reader.peek(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        return await run_in_threadpool(self.reader.memo, key, compute)
