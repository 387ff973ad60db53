"""Thread-safe, cached read access to a project's warehouse for the web layer.

Each worker thread queries through its own read-only connection (DuckDB shares one database
instance between them). Everything computed from the warehouse is cached under the warehouse's
content version, a hash of what was built into it, so a rebuild that changes anything empties
the cache, and an unchanged file is never queried twice for the same thing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tendik import __version__
from tendik.errors import WarehouseError
from tendik.store import Warehouse
from tendik.store.releases import utcnow

T = TypeVar("T")
Signature = tuple[int, int, int]
_MISSING = object()


def content_version(warehouse: Warehouse) -> str:
    """A hash of what was built into the warehouse (definitions, inputs, versions, times)."""
    rows: dict[str, Any] = {
        "indicators": [
            (i.id, i.definition_hash, i.input_hash, i.tendik_version, str(i.computed_at))
            for i in warehouse.indicators()
        ],
        "sources": sorted(
            (s["id"], s["content_hash"], s["spec_hash"]) for s in warehouse.sources()
        ),
        "tendik": __version__,
        "view": str(getattr(warehouse, "view", "build")),  # which release a reader sees
    }
    canonical = json.dumps(rows, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def next_publication(warehouse: Warehouse) -> datetime | None:
    """When the next embargoed release becomes public (UTC), if one is waiting."""
    waiting = [r.publish_at for r in getattr(warehouse, "all_releases", [])
               if not r.published()]
    return min(waiting) if waiting else None


@dataclass
class _Generation:
    """The connections opened on one version of the warehouse file (and, where a release is
    under embargo, until it becomes public)."""

    signature: Signature
    version: str
    expires: datetime | None = None
    opened: list[Warehouse] = field(default_factory=list)
    local: threading.local = field(default_factory=threading.local)

    def fresh(self, signature: Signature) -> bool:
        if signature != self.signature:
            return False
        return self.expires is None or utcnow() < self.expires

    def close(self) -> None:
        for warehouse in self.opened:
            with contextlib.suppress(Exception):  # closing is best effort
                warehouse.close()
        self.opened.clear()


class Reader:
    """Cached access to one warehouse file; reopens it when a build replaces it."""

    def __init__(self, path: Path, *, cache_size: int = 2048) -> None:
        self.path = Path(path)
        self.cache_size = cache_size
        self._lock = threading.Lock()
        self._generation: _Generation | None = None
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._running: dict[Hashable, threading.Event] = {}

    def _signature(self) -> Signature:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            raise WarehouseError(
                "no warehouse here yet: run 'tendik build' first", file=self.path
            ) from None
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    def _current(self) -> _Generation:
        signature = self._signature()
        generation = self._generation
        if generation is not None and generation.fresh(signature):
            return generation
        with self._lock:
            generation = self._generation
            if generation is not None and generation.fresh(signature):
                return generation
            if generation is not None:
                generation.close()
            opened = Warehouse(self.path)
            fresh = _Generation(signature, content_version(opened), next_publication(opened),
                                [opened])
            fresh.local.warehouse = opened
            if generation is None or generation.version != fresh.version:
                self._cache.clear()
            self._generation = fresh
            return fresh

    def version(self) -> str:
        """The content version of the warehouse as it is now."""
        return self._current().version

    def warehouse(self) -> Warehouse:
        """This thread's read-only connection to the current warehouse."""
        generation = self._current()
        opened = getattr(generation.local, "warehouse", None)
        if opened is None:
            opened = Warehouse(self.path)
            with self._lock:
                generation.opened.append(opened)
            generation.local.warehouse = opened
        return opened

    def peek(self, key: Hashable) -> Any:
        """The cached value for ``key`` under the current version, or None."""
        full = (self.version(), key)
        with self._lock:
            value = self._cache.get(full, _MISSING)
            if value is _MISSING:
                return None
            self._cache.move_to_end(full)
            return value

    def memo(self, key: Hashable, compute: Callable[[Warehouse], T]) -> T:
        """``compute(warehouse)``, cached under the current version and ``key``; threads that
        ask for the same key meanwhile wait for the first one's result instead of computing
        it again."""
        full = (self.version(), key)
        while True:
            with self._lock:
                value = self._cache.get(full, _MISSING)
                if value is not _MISSING:
                    self._cache.move_to_end(full)
                    return value  # type: ignore[no-any-return]
                running = self._running.get(full)
                if running is None:
                    running = self._running[full] = threading.Event()
                    break
            running.wait()  # then look again: cached, or (the first one failed) compute
        try:
            computed = compute(self.warehouse())
            with self._lock:
                self._cache[full] = computed
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
            return computed
        finally:
            with self._lock:
                self._running.pop(full, None)
            running.set()

    def close(self) -> None:
        with self._lock:
            if self._generation is not None:
                self._generation.close()
                self._generation = None
            self._cache.clear()
