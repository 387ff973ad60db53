"""`tendik serve` writes no line per request unless asked to (--access-log): a real server on
127.0.0.1, its output read after it stops."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tendik.project import Project

PATH = "/api/observations?indicator=parliament-women-share&page_size=5"


def served_output(project: Project, *flags: str) -> str:
    """What `tendik serve FLAGS` printed while it answered PATH three times."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "tendik", "serve", "--project", str(project.root),
         "--port", str(port), *flags],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}{PATH}", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("tendik serve did not start")
                time.sleep(0.2)
        assert answer.status_code == 200
        for _ in range(2):
            assert httpx.get(f"http://127.0.0.1:{port}{PATH}", timeout=5).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=30)
    return out


def test_no_line_per_request_by_default(built_kazakhstan: Project) -> None:
    out = served_output(built_kazakhstan)
    assert "Dashboard: " in out  # the server did speak: only the requests are not logged
    assert "GET /api/observations" not in out


def test_access_log_on_request(built_kazakhstan: Project) -> None:
    out = served_output(built_kazakhstan, "--access-log")
    assert out.count("GET /api/observations") == 3
    assert '" 200' in out
