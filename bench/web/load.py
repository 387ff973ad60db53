"""Load test of the dashboard and the JSON API against a real uvicorn server on 127.0.0.1.

    uv run python bench/web/load.py [--duration 30] [--connections 64] [--project DIR]
                                    [--target page --target api] [--no-cache] [--json OUT]

The server runs in its own process (one uvicorn worker, as `tendik serve` runs it). The client
runs ``--connections`` threads, each with its own httpx.Client and keep-alive connection,
each sending its next request as soon as the previous answer is in, for ``--duration`` seconds
per target after a short warm-up. (A single httpx.AsyncClient with 64 connections was tried
first: on this machine it spent about 5 ms of CPU per request in its connection pool, eight
times what the server spent, so it measured itself; threads spend about 0.7 ms.)

Reported per target: requests per second, latency percentiles (p50, p90, p99, max), errors
(any status but 200, or a failed request), and the CPU time the server and the client each
spent per request, which separates what the server costs from what the machine's other load
took. ``--no-cache`` empties the server's cache of computed results and rendered pages, so
every request queries the warehouse and renders again. Without ``--project`` the bundled
Kazakhstan project is built under bench/.cache/web/ (once; later runs reuse it).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".cache" / "web"
TARGETS = {
    "page": "/indicators/parliament-women-share",
    "api": "/api/observations?indicator=parliament-women-share&page_size=100",
    "region-page": "/indicators/civil-service-women?by=region",
    # each connection its own page of 100 (of 64): with --no-cache, concurrent warehouse queries
    "api-pages": "/api/observations?indicator=parliament-women-share&page_size=100&page={n}",
}
PAGES = 64


@dataclass
class Result:
    target: str
    path: str
    connections: int
    seconds: float
    requests: int
    errors: int
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    server_cpu_ms: float  # CPU time the server process spent per request
    client_cpu_ms: float  # CPU time this client spent per request


def bundled_copy() -> Path:
    """The bundled project, copied and built under bench/.cache/web/project."""
    from tendik.build import build_project
    from tendik.project import BUNDLED_PROJECT, load_project

    root = CACHE / "project"
    if not (root / "tendik.toml").is_file():
        shutil.copytree(BUNDLED_PROJECT, root, ignore=shutil.ignore_patterns("warehouse*"))
    build_project(load_project(root))
    return root


def serve(root: str, port: int, cache: bool) -> None:
    """The server process: the project at ``root`` on 127.0.0.1:``port``, as `tendik serve`
    runs it."""
    from tendik.project import load_project
    from tendik.web import make_server

    server = make_server(load_project(Path(root)), port=port, log_level="warning",
                         access_log=False)
    if not cache:
        server.config.app.state.tendik.reader.cache_size = 0
    server.run()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server at {base} did not come up within {timeout:.0f} s")


def _worker(base: str, path: str, until: float, latencies: list[float],
            errors: list[str]) -> None:
    """One connection: request ``path`` again and again until ``until``."""
    with httpx.Client(base_url=base, timeout=30.0) as client:
        request = client.build_request("GET", path)  # built once: a GET has no body to re-read
        while (start := time.perf_counter()) < until:
            try:
                response = client.send(request)
                if response.status_code != 200:
                    errors.append(f"HTTP {response.status_code}")
            except httpx.HTTPError as error:
                errors.append(type(error).__name__)
            latencies.append(time.perf_counter() - start)


def hammer(base: str, path: str, connections: int, seconds: float) -> tuple[
        list[float], list[str], float]:
    """Latencies and errors of ``connections`` clients requesting ``path`` for ``seconds``."""
    latencies: list[float] = []  # list.append is atomic: the threads share the lists
    errors: list[str] = []
    started = time.perf_counter()
    threads = [threading.Thread(target=_worker, args=(
        base, path.format(n=index % PAGES + 1), started + seconds, latencies, errors))
        for index in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def measure(base: str, target: str, connections: int, seconds: float, warmup: float,
            server_pid: int) -> Result:
    path = TARGETS[target]
    if warmup > 0:
        hammer(base, path, connections, warmup)
    server_before, client_before = process_cpu(server_pid), time.process_time()
    latencies, errors, elapsed = hammer(base, path, connections, seconds)
    server_cpu = process_cpu(server_pid) - server_before
    client_cpu = time.process_time() - client_before
    done = max(1, len(latencies))
    ordered = sorted(latencies)
    return Result(
        target=target, path=path, connections=connections, seconds=round(elapsed, 2),
        requests=len(latencies), errors=len(errors),
        requests_per_second=round(len(latencies) / elapsed, 1),
        p50_ms=round(statistics.median(ordered) * 1000, 1) if ordered else float("nan"),
        p90_ms=round(percentile(ordered, 90) * 1000, 1),
        p99_ms=round(percentile(ordered, 99) * 1000, 1),
        max_ms=round(ordered[-1] * 1000, 1) if ordered else float("nan"),
        server_cpu_ms=round(server_cpu / done * 1000, 3),
        client_cpu_ms=round(client_cpu / done * 1000, 3),
    )


WRK = shutil.which("wrk")
_DURATION = re.compile(r"^\s*(\d+)%\s+([\d.]+)(us|ms|s)\s*$")
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk_summary(output: str) -> dict[str, float]:
    """Percentiles (ms), requests, seconds and errors from ``wrk --latency`` output."""
    found: dict[str, float] = {"errors": 0.0}
    for line in output.splitlines():
        match = _DURATION.match(line)
        if match:
            found[f"p{match.group(1)}"] = float(match.group(2)) * _UNITS[match.group(3)]
        requests = re.match(r"^\s*(\d+) requests in ([\d.]+)(ms|s)", line)
        if requests:
            found["requests"] = float(requests.group(1))
            found["seconds"] = float(requests.group(2)) * _UNITS[requests.group(3)] / 1000
        if "Non-2xx or 3xx responses" in line:
            found["errors"] += float(line.rsplit(":", 1)[1])
        if "Socket errors" in line:
            found["errors"] += sum(float(n) for n in re.findall(r"\d+", line))
        maximum = re.match(r"^\s*Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s)", line)
        if maximum:
            found["max"] = float(maximum.group(1)) * _UNITS[maximum.group(2)]
    return found


def measure_wrk(base: str, target: str, connections: int, seconds: float, warmup: float,
                server_pid: int) -> Result:
    """The same load from wrk, a C client that spends far less CPU per request than Python
    threads, so that on a 2-core machine the server, not the client, is what is measured."""
    assert WRK is not None
    url = base + TARGETS[target].format(n=1)
    if warmup > 0:
        subprocess.run([WRK, "-t2", f"-c{connections}", f"-d{max(1, int(warmup))}s", url],
                       capture_output=True, check=True)
    server_before = process_cpu(server_pid)
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([WRK, "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--latency",
                           url], capture_output=True, text=True, check=True)
    client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = process_cpu(server_pid) - server_before
    client_cpu = (client_after.ru_utime + client_after.ru_stime
                  - client_before.ru_utime - client_before.ru_stime)
    summary = _wrk_summary(done.stdout)
    requests = int(summary.get("requests", 0))
    elapsed = summary.get("seconds", seconds)
    per = max(1, requests)
    return Result(
        target=target, path=TARGETS[target].format(n=1), connections=connections,
        seconds=round(elapsed, 2), requests=requests, errors=int(summary["errors"]),
        requests_per_second=round(requests / elapsed, 1), p50_ms=summary.get("p50", math.nan),
        p90_ms=summary.get("p90", math.nan), p99_ms=summary.get("p99", math.nan),
        max_ms=summary.get("max", math.nan), server_cpu_ms=round(server_cpu / per * 1000, 3),
        client_cpu_ms=round(client_cpu / per * 1000, 3),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per target")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before measuring")
    parser.add_argument("--project", type=Path, help="a built project (default: bundled)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS),
                        help="what to load (repeatable; default: page and api)")
    parser.add_argument("--no-cache", action="store_true", help="disable the server's cache")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--client", choices=["wrk", "threads"],
                        default="wrk" if WRK else "threads",
                        help="the load generator: Debian's wrk (default when installed; one URL "
                        "per target) or Python threads with httpx (pages rotate)")
    args = parser.parse_args(argv)

    root = args.project.resolve() if args.project else bundled_copy()
    port = free_port()
    context = multiprocessing.get_context("spawn")
    server = context.Process(target=serve, args=(str(root), port, not args.no_cache),
                             daemon=True)
    server.start()
    base = f"http://127.0.0.1:{port}"
    results = []
    try:
        wait_until_up(base)
        for target in args.target or ["page", "api"]:
            run = measure_wrk if args.client == "wrk" else measure
            results.append(run(base, target, args.connections, args.duration, args.warmup,
                               server.pid or 0))
    finally:
        server.terminate()
        server.join(10)
    print(f"{'target':<12} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8} {'requests':>9} {'errors':>7} {'server CPU ms/req':>18} "
          f"{'client CPU ms/req':>18}")
    for r in results:
        print(f"{r.target:<12} {r.requests_per_second:>8.1f} {r.p50_ms:>8.1f} {r.p90_ms:>8.1f} "
              f"{r.p99_ms:>8.1f} {r.max_ms:>8.1f} {r.requests:>9} {r.errors:>7} "
              f"{r.server_cpu_ms:>18.3f} {r.client_cpu_ms:>18.3f}")
    print(f"client: {args.client}; load average while measuring: {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
