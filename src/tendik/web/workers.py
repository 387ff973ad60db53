"""Claim checks in worker processes, so that a check can be stopped: when it runs past its time
budget, when its client goes away, and when the server shuts down. A thread cannot be stopped
from outside; a process can, and the next check gets a fresh one.

Each worker opens the warehouse read-only as any reader does (a release under embargo stays
hidden, a rebuild is picked up) and keeps one claim checker per content version. Workers start
when the first check needs one, from a fork server that has imported tendik already.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from tendik.claims import Checker, CheckReport
from tendik.claims.report import data_value
from tendik.errors import CheckTimeout, CheckUnavailable, ServerBusy, ShuttingDown, TendikError
from tendik.web.data import Reader
from tendik.web.limits import CheckRequest
from tendik.web.responses import encode

METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
CONTEXT = multiprocessing.get_context(METHOD)
if METHOD == "forkserver":
    CONTEXT.set_forkserver_preload(["tendik.web.workers"])
POLL = 0.05  # seconds between looks for a free worker

Job = tuple[CheckRequest, str]  # the request, and what to answer: "json" or "rows"


class ClientGone(Exception):
    """The client closed its connection before the check was done."""


def page_rows(report: CheckReport) -> list[dict[str, Any]]:
    """The verdicts as the check page's table shows them."""
    return [{"id": v.id, "claim": v.claim.text, "sentence": v.claim.sentence,
             "verdict": v.kind.value, "indicator": v.indicator, "area": v.area,
             "data": data_value(v), "explanation": v.explanation} for v in report.verdicts]


def _answer(report: CheckReport, want: str) -> Any:
    if want == "rows":
        return page_rows(report), dict(report.summary)
    return encode(report.to_dict())


def serve_checks(conn: Connection, warehouse: str, area: str, project: str) -> None:
    """A worker's life: check one text after another until the pipe closes."""
    reader = Reader(Path(warehouse), cache_size=0)
    checker: tuple[str, Checker] | None = None
    while True:
        try:
            request, want = conn.recv()
        except (EOFError, OSError):
            return
        try:
            version = reader.version()
            if checker is None or checker[0] != version:
                checker = (version, Checker(reader.warehouse(), area=area, project=project))
            report = checker[1].check(request.text, published=request.published,
                                      language=request.language)
            conn.send(("ok", _answer(report, want)))
        except TendikError as error:
            conn.send(("error", type(error), {f.name: getattr(error, f.name)
                                              for f in fields(error)}))
        except Exception as error:  # a fault in checking: said, and the worker goes on
            conn.send(("fault", f"{type(error).__name__}: {error}"))


@dataclass(eq=False)
class Worker:
    process: BaseProcess
    conn: Connection


def _stop(worker: Worker) -> None:
    """End a worker at once; it is reaped in the background."""
    if worker.process.is_alive():
        worker.process.kill()
    worker.conn.close()
    threading.Thread(target=worker.process.join, daemon=True).start()


class CheckWorkers:
    """At most ``size`` worker processes checking texts against ``warehouse``. A check waits
    up to ``seconds`` for a free worker (503 server-busy), then may run ``seconds`` (503
    check-timeout)."""

    def __init__(self, warehouse: Path, *, area: str, project: str, size: int,
                 seconds: float) -> None:
        self.warehouse, self.area, self.project = warehouse, area, project
        self.size, self.seconds = size, seconds
        self._lock = threading.Lock()
        self._idle: list[Worker] = []
        self._busy: set[Worker] = set()
        self._starting = 0
        self._waiting: deque[object] = deque()  # checks waiting for a worker, in order
        self._closed = False
        self.stopped = 0  # checks stopped: over budget, client gone, shutdown

    @property
    def busy(self) -> list[Worker]:
        with self._lock:
            return list(self._busy)

    def _start(self) -> Worker:
        ours, theirs = CONTEXT.Pipe()
        process = CONTEXT.Process(target=serve_checks, name="tendik-check", daemon=True,
                                  args=(theirs, str(self.warehouse), self.area, self.project))
        process.start()
        theirs.close()
        return Worker(process, ours)

    async def _acquire(self, deadline: float) -> Worker:
        """A free worker (started if fewer than ``size`` run), first come first served."""
        loop = asyncio.get_running_loop()
        ticket = object()
        with self._lock:
            self._waiting.append(ticket)
        try:
            while True:
                with self._lock:
                    if self._closed:
                        raise ShuttingDown("the server is shutting down; try again when it is "
                                           "back")
                    first = self._waiting[0] is ticket
                    if first and self._idle:
                        worker = self._idle.pop()
                        self._busy.add(worker)
                        return worker
                    start = first and len(self._busy) + self._starting < self.size
                    if start:
                        self._starting += 1
                        self._waiting.popleft()
                if start:
                    return await self._started()
                if loop.time() >= deadline:
                    raise ServerBusy(f"the server is running as many checks as it runs at once "
                                     f"({self.size}); try again in a moment")
                await asyncio.sleep(POLL)
        finally:
            with self._lock:
                if ticket in self._waiting:
                    self._waiting.remove(ticket)

    async def _started(self) -> Worker:
        try:
            worker = await asyncio.to_thread(self._start)
        finally:
            with self._lock:
                self._starting -= 1
        with self._lock:
            self._busy.add(worker)
        return worker

    def _release(self, worker: Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
            if self._closed:
                _stop(worker)
            else:
                self._idle.append(worker)

    def _discard(self, worker: Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
            self.stopped += 1
        _stop(worker)

    async def run(self, request: CheckRequest, want: str,
                  client_gone: Callable[[], Awaitable[None]]) -> Any:
        """The answer to ``request`` (JSON bytes, or the page's rows and summary); stopped, with
        a 503, past the budget or at shutdown, and with ClientGone when the client leaves."""
        loop = asyncio.get_running_loop()
        worker = await self._acquire(loop.time() + self.seconds)
        deadline = loop.time() + self.seconds
        try:
            outcome = await self._exchange(worker, (request, want), deadline, client_gone)
        except BaseException:
            self._discard(worker)
            raise
        self._release(worker)
        return self._result(outcome)

    async def _exchange(self, worker: Worker, job: Job, deadline: float,
                        client_gone: Callable[[], Awaitable[None]]) -> Any:
        loop = asyncio.get_running_loop()
        try:
            await asyncio.to_thread(worker.conn.send, job)
        except OSError:  # stopped by a shutdown, or died while idle (the system ended it)
            raise self._lost() from None
        ready = loop.create_future()
        descriptor = worker.conn.fileno()
        loop.add_reader(descriptor, lambda: ready.done() or ready.set_result(None))
        gone = asyncio.ensure_future(client_gone())
        try:
            done, _ = await asyncio.wait({ready, gone}, timeout=max(0.0, deadline - loop.time()),
                                         return_when=asyncio.FIRST_COMPLETED)
        finally:
            loop.remove_reader(descriptor)
            os.set_blocking(descriptor, True)  # uvloop's add_reader made it non-blocking
            gone.cancel()
        if ready in done:
            try:
                return await asyncio.to_thread(worker.conn.recv)
            except (EOFError, OSError):
                raise self._lost() from None
        if gone in done:
            raise ClientGone
        raise CheckTimeout(f"the check took longer than {self.seconds:g} s and was stopped; "
                           "send a shorter text", key="text")

    def _lost(self) -> CheckUnavailable:
        """The error for a worker that went away in the middle of a check."""
        if self._closed:
            return ShuttingDown("the server is shutting down; the check was stopped")
        return CheckUnavailable("the check stopped unexpectedly; try again")

    @staticmethod
    def _result(outcome: tuple[Any, ...]) -> Any:
        kind = outcome[0]
        if kind == "ok":
            return outcome[1]
        if kind == "error":
            raise outcome[1](**outcome[2])
        raise RuntimeError(f"checking the text failed: {outcome[1]}")

    def close(self) -> None:
        """Stop every worker, running checks included (they answer 503)."""
        with self._lock:
            self._closed = True
            idle = set(self._idle)
            workers = [*self._idle, *self._busy]
            self._idle.clear()
        for worker in workers:
            if worker in idle:
                _stop(worker)
            elif worker.process.is_alive():
                worker.process.kill()  # its check answers 503 and stops it the rest of the way
