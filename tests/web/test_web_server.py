"""The server holds up against slow, idle and departing clients, with real sockets on 127.0.0.1:
a real `tendik serve` closes half-open and slow connections within its deadline while it keeps
answering others, and a claim check stops at its time budget, when its client leaves, and when
the server shuts down."""

from __future__ import annotations

import json
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import httpx
import pytest
from web_support import LiveServer, start_server

from tendik.project import Project
from tendik.web.limits import CheckLimits
from tendik.web.server import MAX_HEAD
from tendik.web.workers import CheckWorkers

CLIENT_SECONDS = 2.0  # `tendik serve --client-timeout`: the head's deadline; body and reading 3x
MARGIN = 2.0  # what a busy machine may add to a deadline
HALF_OPEN = 1_000  # as many as were once held for ever


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=30)


@pytest.fixture(scope="module")
def served(built_kazakhstan: Project) -> Iterator[Served]:
    """`tendik serve` in its own process."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tendik", "serve", "--project", str(built_kazakhstan.root),
         "--port", str(port), "--client-timeout", str(CLIENT_SECONDS)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/releases", timeout=5)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("tendik serve did not start") from None
            time.sleep(0.2)
    yield Served(port, process)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


def closed_after(sockets: list[socket.socket], start: float, limit: float) -> list[float]:
    """For each socket, the seconds from ``start`` until the server closed it (inf if not by
    ``limit`` seconds)."""
    selector = selectors.DefaultSelector()
    for index, sock in enumerate(sockets):
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ, index)
    closed = [float("inf")] * len(sockets)
    waiting = len(sockets)
    while waiting and time.monotonic() - start < limit:
        for key, _ in selector.select(timeout=0.1):
            try:
                data = key.fileobj.recv(65_536)  # type: ignore[union-attr]
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            if not data:
                closed[key.data] = time.monotonic() - start
                selector.unregister(key.fileobj)
                waiting -= 1
    selector.close()
    return closed


def test_half_open_connections_are_closed_while_others_are_served(served: Served) -> None:
    start = time.monotonic()
    sockets = []
    for index in range(HALF_OPEN):
        sock = served.connect()
        if index % 3 == 1:
            sock.sendall(b"GET /api/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        elif index % 3 == 2:
            sock.sendall(b"GET /api/indic")
        sockets.append(sock)  # a third send nothing at all
    opened = time.monotonic() - start
    dribbler = served.connect()  # a byte every 0.2 s: never a whole head

    def dribble() -> None:
        for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200:
            try:
                dribbler.send(bytes([byte]))
            except OSError:
                return
            time.sleep(0.2)

    threading.Thread(target=dribble, daemon=True).start()
    answered = httpx.get(f"{served.url}/api/indicators", timeout=10)
    assert answered.status_code == 200 and answered.json()["total"] >= 10
    closed = closed_after([*sockets, dribbler], start, CLIENT_SECONDS + opened + MARGIN + 3)
    assert max(closed) <= CLIENT_SECONDS + opened + MARGIN, sorted(closed)[-5:]
    assert min(closed) >= CLIENT_SECONDS - 0.2  # the deadline, not an accident
    assert httpx.get(f"{served.url}/api/indicators", timeout=10).status_code == 200


def test_a_body_sent_too_slowly_is_dropped(served: Served) -> None:
    start = time.monotonic()
    sock = served.connect()
    sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                 b"application/json\r\nContent-Length: 1000\r\n\r\n{\"text\": \"")
    (closed,) = closed_after([sock], start, 3 * CLIENT_SECONDS + MARGIN + 3)
    assert 3 * CLIENT_SECONDS - 0.2 <= closed <= 3 * CLIENT_SECONDS + MARGIN


def read_response(sock: socket.socket) -> bytes:
    sock.settimeout(10)
    data = b""
    while chunk := sock.recv(65_536):
        data += chunk
    return data


def test_a_head_too_large_is_a_431(served: Served) -> None:
    whole = served.connect()
    whole.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"a" * 1000) for i in range(80))
                  + b"\r\n")
    assert read_response(whole).startswith(b"HTTP/1.1 431 ")
    endless = served.connect()  # one header that never ends
    endless.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: " + b"a" * (MAX_HEAD + 1))
    assert read_response(endless).startswith(b"HTTP/1.1 431 ")


def test_a_client_that_stops_reading_is_dropped(served: Served) -> None:
    """Ten copies of Plotly (3.6 MB each) asked for and never read: the server gives up on
    writing them after its deadline instead of holding them for ever."""
    size = len(httpx.get(f"{served.url}/static/plotly.min.js").content)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", served.port))
    sock.sendall(b"GET /static/plotly.min.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 10)
    time.sleep(3 * CLIENT_SECONDS + MARGIN)
    received = 0
    sock.settimeout(10)
    try:
        while chunk := sock.recv(1 << 20):
            received += len(chunk)
    except ConnectionResetError:
        pass
    assert received < 10 * size


# --- claim checks: budget, departure, shutdown ---------------------------------------------
SLOW = CheckLimits(max_text=2_000_000, max_numbers=200_000, max_body=4_000_000, seconds=3.0,
                   workers=1)


def slow_text(sentences: int = 20_000) -> str:
    """About 1,000,000 characters of different claims: about 20 s of checking here, far more
    than the 3 s budget."""
    return " ".join(f"Women held {10 + (i % 400) / 10:.1f}% of seats in the Mazhilis in "
                    f"{1995 + i % 30}." for i in range(sentences))


def post_check(sock: socket.socket, text: str) -> None:
    body = json.dumps({"text": text}).encode()
    sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                 b"application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)


def checks_of(live: LiveServer) -> CheckWorkers:
    return live.server.config.app.state.tendik.checks  # type: ignore[no-any-return]


def wait_for(condition: object, seconds: float) -> float:
    start = time.monotonic()
    while not condition():  # type: ignore[operator]
        assert time.monotonic() - start < seconds, "waited in vain"
        time.sleep(0.02)
    return time.monotonic() - start


@pytest.fixture(scope="module")
def slow_server(built_kazakhstan: Project) -> Iterator[LiveServer]:
    """A server with one worker, already started (its first check starts it)."""
    live = start_server(built_kazakhstan, limits=SLOW)
    with live.client() as client:
        assert client.post("/api/check", json={"text": "19.4%"}).status_code == 200
    yield live
    live.stop()


def test_a_check_past_its_budget_is_stopped_with_a_503(slow_server: LiveServer) -> None:
    checks = checks_of(slow_server)
    stopped = checks.stopped
    start = time.monotonic()
    with slow_server.client() as client:
        response = client.post("/api/check", json={"text": slow_text()})
    took = time.monotonic() - start
    assert response.status_code == 503
    assert response.json()["error"] == {
        "type": "check-timeout", "parameter": "text",
        "message": "the check took longer than 3 s and was stopped; send a shorter text"}
    assert SLOW.seconds <= took <= SLOW.seconds + MARGIN
    assert checks.stopped == stopped + 1 and checks.busy == []
    with slow_server.client() as client:  # the next check gets a fresh worker
        quick = client.post("/api/check", json={"text": "Women hold 19.4% of seats."})
    assert quick.status_code == 200 and len(quick.json()["verdicts"]) == 1


def test_a_check_stops_when_its_client_leaves(slow_server: LiveServer) -> None:
    checks = checks_of(slow_server)
    stopped = checks.stopped
    sock = socket.create_connection(("127.0.0.1", int(slow_server.url.rsplit(":", 1)[1])))
    post_check(sock, slow_text())
    wait_for(lambda: checks.busy, 10)
    (worker,) = checks.busy
    time.sleep(0.3)
    assert worker.process.is_alive()
    sock.close()
    took = wait_for(lambda: not worker.process.is_alive(), MARGIN)
    assert took < 1.0 and checks.stopped == stopped + 1


def test_checks_wait_their_budget_for_a_free_worker(slow_server: LiveServer) -> None:
    """One worker, three slow checks at once: the first runs its budget; the second waits for
    the worker, then runs its budget; the third waits its budget in vain."""
    answers: dict[str, httpx.Response] = {}

    def check(name: str) -> None:
        with slow_server.client() as client:
            answers[name] = client.post("/api/check", json={"text": slow_text()})

    threads = []
    for name in ("first", "second", "third"):
        threads.append(threading.Thread(target=check, args=(name,)))
        threads[-1].start()
        if name == "first":
            wait_for(lambda: checks_of(slow_server).busy, 10)
        time.sleep(1.0)  # the second runs from 3 s to 6 s; the third gives up at 5 s
    for thread in threads:
        thread.join(timeout=4 * SLOW.seconds + 2 * MARGIN)
    kinds = {name: (a.status_code, a.json()["error"]["type"]) for name, a in answers.items()}
    assert kinds == {"first": (503, "check-timeout"), "second": (503, "check-timeout"),
                     "third": (503, "server-busy")}
    assert answers["third"].json()["error"]["message"] == (
        "the server is running as many checks as it runs at once (1); try again in a moment")


def test_shutdown_is_not_held_up_by_a_running_check(built_kazakhstan: Project) -> None:
    live = start_server(built_kazakhstan, limits=replace(SLOW, seconds=120.0))
    answers: list[httpx.Response] = []

    def check() -> None:
        with live.client() as client:
            answers.append(client.post("/api/check", json={"text": slow_text()}))

    thread = threading.Thread(target=check)
    thread.start()
    wait_for(lambda: checks_of(live).busy, 10)
    (worker,) = checks_of(live).busy
    start = time.monotonic()
    live.server.should_exit = True  # what Ctrl-C or SIGTERM does
    live.thread.join(timeout=30)
    took = time.monotonic() - start
    thread.join(timeout=10)
    assert not live.thread.is_alive() and took < MARGIN
    assert answers[0].status_code == 503
    assert answers[0].json()["error"]["type"] == "shutting-down"
    assert not worker.process.is_alive()
