"""The HTTP server `tendik serve` runs: uvicorn (httptools, uvloop), with deadlines for slow or
idle clients and a shutdown that running claim checks do not hold up.

uvicorn bounds only an idle keep-alive connection (``timeout_keep_alive``): a connection that
sends half a request line or header, or a body a byte at a time, or never reads its response,
is held for ever. `GuardedHttp` adds a deadline to each part the client owes:

- the request's head (request line and headers) within ``HEAD_SECONDS`` of the connection
  opening or of the previous response, and no longer than ``MAX_HEAD`` bytes (431 beyond);
- its body within ``BODY_SECONDS`` of the head;
- a response the client has stopped reading is dropped after ``WRITE_SECONDS``.

While the app works on a request no deadline runs: its own budgets bound it.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from tendik.project import Project
from tendik.web.app import create_app
from tendik.web.limits import CheckLimits

HEAD_SECONDS = 10.0
BODY_SECONDS = 3 * HEAD_SECONDS
WRITE_SECONDS = 3 * HEAD_SECONDS
MAX_HEAD = 65_536  # bytes of request line and headers
KEEP_ALIVE_SECONDS = 5
SWEEP_SECONDS = 0.25  # how often deadlines are enforced
GRACE_SECONDS = 10  # what a shutdown waits for requests still running, checks stopped first
HEAD_TOO_LARGE = (b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                  b"content-type: text/plain; charset=utf-8\r\ncontent-length: 31\r\n"
                  b"connection: close\r\n\r\nthe request's head is too large")


async def _head_too_large(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 431, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": b"the request's head is too large"})


HEAD, BODY, APP = 0, 1, 2  # what a connection waits for: the client's head, its body, the app


def _sweep(state: ServerState, loop: asyncio.AbstractEventLoop) -> None:
    """Drop every connection past its deadline; again in SWEEP_SECONDS while any are open."""
    now = loop.time()
    for connection in list(state.connections):
        if isinstance(connection, GuardedHttp):
            connection.enforce(now)
    if state.connections:
        loop.call_later(SWEEP_SECONDS, _sweep, state, loop)
    else:
        state.tendik_sweeping = False  # type: ignore[attr-defined]


class GuardedHttp(HttpToolsProtocol):
    """uvicorn's httptools protocol with deadlines for what the client sends and reads.

    A request costs two clock readings and no timer: the deadlines are enforced by one sweep
    over the server's connections every SWEEP_SECONDS.
    """

    head_seconds = HEAD_SECONDS
    body_seconds = BODY_SECONDS
    write_seconds = WRITE_SECONDS
    max_head = MAX_HEAD

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._phase = HEAD
        self._since = self.loop.time()
        self._head_bytes = 0  # of a head still incomplete
        self._unread_since: float | None = None
        super().connection_made(transport)
        state = self.server_state
        if not getattr(state, "tendik_sweeping", False):
            state.tendik_sweeping = True  # type: ignore[attr-defined]
            self.loop.call_later(SWEEP_SECONDS, _sweep, state, self.loop)

    def enforce(self, now: float) -> None:
        """Drop the connection if the client is past a deadline."""
        limit = (self.head_seconds if self._phase == HEAD else
                 self.body_seconds if self._phase == BODY else None)
        late = limit is not None and now - self._since > limit
        unread = self._unread_since is not None and now - self._unread_since > self.write_seconds
        if (late or unread) and not self.transport.is_closing():
            self.transport.abort()

    # --- the head -------------------------------------------------------------------------
    def data_received(self, data: bytes) -> None:
        if self._phase == HEAD:
            self._head_bytes += len(data)  # the head's bytes, and at most one chunk more
        super().data_received(data)
        if (self._phase == HEAD and self._head_bytes > self.max_head
                and not self.transport.is_closing()):  # no whole head yet, and too much
            self.transport.write(HEAD_TOO_LARGE)
            self.transport.close()

    def on_headers_complete(self) -> None:
        self._phase, self._since = BODY, self.loop.time()
        if self._head_bytes > self.max_head and self._head_size() > self.max_head:
            app, self.app = self.app, _head_too_large
            try:
                super().on_headers_complete()
            finally:
                self.app = app
            return
        super().on_headers_complete()

    def _head_size(self) -> int:
        return len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)

    def on_message_complete(self) -> None:
        self._phase = APP
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.cycle is None or self.cycle.response_complete:  # waiting for the next request
            self._phase, self._since, self._head_bytes = HEAD, self.loop.time(), 0

    # --- a client that does not read --------------------------------------------------------
    def pause_writing(self) -> None:
        super().pause_writing()
        if self._unread_since is None:
            self._unread_since = self.loop.time()

    def resume_writing(self) -> None:
        super().resume_writing()
        self._unread_since = None


class Server(uvicorn.Server):
    """uvicorn's server, stopping the app's running claim checks as soon as shutdown begins
    (they answer 503), so that only ordinary requests are waited for."""

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        state = getattr(getattr(self.config.app, "state", None), "tendik", None)
        if state is not None:
            state.checks.close()
        await super().shutdown(sockets=sockets)


def guarded_http(client_seconds: float = HEAD_SECONDS) -> type[GuardedHttp]:
    """GuardedHttp giving a client ``client_seconds`` for a request's head and three times as
    long for its body and for reading a response."""
    return type("GuardedHttp", (GuardedHttp,), {
        "head_seconds": client_seconds, "body_seconds": 3 * client_seconds,
        "write_seconds": 3 * client_seconds})


def make_server(project: Project, *, host: str = "127.0.0.1", port: int = 8000,
                limits: CheckLimits | None = None, client_seconds: float = HEAD_SECONDS,
                log_level: str = "info", access_log: bool = False) -> Server:
    """The server of ``project``'s dashboard and API, as `tendik serve` runs it; a client has
    ``client_seconds`` to send a request's head (see GuardedHttp). No line per request unless
    ``access_log``: writing it costs as much CPU as answering from the cache, and it grows without
    bound."""
    config = uvicorn.Config(create_app(project, limits=limits), host=host, port=port,
                            http=guarded_http(client_seconds), log_level=log_level,
                            access_log=access_log,
                            timeout_keep_alive=KEEP_ALIVE_SECONDS,
                            timeout_graceful_shutdown=GRACE_SECONDS)
    return Server(config)
