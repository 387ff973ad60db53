"""What the app's routes share: the project, the cached warehouse reader and the assets."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

from tendik.project import Project
from tendik.store import Warehouse
from tendik.web.assets import Assets
from tendik.web.data import Reader

T = TypeVar("T")


@dataclass
class AppState:
    project: Project
    reader: Reader
    assets: Assets = field(default_factory=Assets)

    async def cached(self, key: Hashable, compute: Callable[[Warehouse], T]) -> T:
        """A cached value straight away, or computed in a worker thread and cached."""
        hit = self.reader.peek(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        return await run_in_threadpool(self.reader.memo, key, compute)
