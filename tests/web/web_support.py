"""Helpers for the web tests: a small project of real and example data, and live servers."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn

from tendik.project import BUNDLED_PROJECT, Project, load_project
from tendik.web import CheckLimits, make_server

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"

# A small project: the World Bank's women-in-parliament file (as bundled) and a staff list made
# up here, whose indicator (women among managers) has a department breakdown.
MINI_TOML = """\
[project]
name = "Mini"
area = "KAZ"
area_name = "Kazakhstan"
languages = ["en", "ru", "kk"]
compare_areas = ["KGZ", "UZB", "WLD"]
disclosure_k = {k}

[sources.wdi-parliament]
path = "sources/wdi.csv"
format = "wdi"
title = "World Bank WDI: Proportion of seats held by women in national parliaments (%)"
publisher = "World Bank (data from the Inter-Parliamentary Union)"
licence = "CC BY 4.0"

[sources.staff]
path = "sources/staff.csv"
format = "csv"
title = "Staff list made up for the tests (synthetic, not real people)"
synthetic = true
key = ["person_id", "year"]

[sources.staff.columns]
person_id = {{ type = "string" }}
year = {{ type = "integer" }}
sex = {{ type = "string", codes = ["F", "M"] }}
department = {{ type = "string", codes = ["finance", "health", "education"] }}
is_manager = {{ type = "boolean" }}
"""

MANAGERS_YAML = """\
id: women-managers
title:
  en: Women's share of managers
  ru: Доля женщин среди руководителей
  kk: Басшылар арасындағы әйелдердің үлесі
unit: percent
theme: civil-service
source: staff
measure:
  share: "sex = 'F'"
  among: "is_manager"
period: year
breakdowns: [department]
target: {value: 50, year: 2030, direction: parity}
"""

# Managers (women, men) by year and department. Women's shares: 2023 finance 20, health 50,
# education 65 (total 27 of 60, 45); 2024 25, 55, 70 (30 of 60, 50); 2025 30, 60, 75
# (33 of 60, 55). Every department also has 3 women who are not managers.
MANAGERS: dict[int, dict[str, tuple[int, int]]] = {
    2023: {"finance": (4, 16), "health": (10, 10), "education": (13, 7)},
    2024: {"finance": (5, 15), "health": (11, 9), "education": (14, 6)},
    2025: {"finance": (6, 14), "health": (12, 8), "education": (15, 5)},
}


def staff_csv() -> str:
    lines = ["person_id,year,sex,department,is_manager"]
    for year, departments in MANAGERS.items():
        number = 0
        for department, (women, men) in departments.items():
            people = [("F", "true")] * women + [("M", "true")] * men + [("F", "false")] * 3
            for sex, manager in people:
                lines.append(f"P{number:04d},{year},{sex},{department},{manager}")
                number += 1
    return "\n".join(lines) + "\n"


def make_mini_project(root: Path, *, disclosure_k: int = 1) -> Project:
    """Write the small project into ``root`` (not built); with ``disclosure_k`` = 1 every
    department cell shows."""
    (root / "indicators").mkdir(parents=True)
    (root / "sources").mkdir()
    wdi = BUNDLED_PROJECT / "sources" / "wdi-women-in-parliament"
    shutil.copy(next(wdi.glob("API_SG.GEN.PARL.ZS_*.csv")), root / "sources" / "wdi.csv")
    shutil.copy(BUNDLED_PROJECT / "indicators" / "parliament-women-share.yaml", root / "indicators")
    (root / "tendik.toml").write_text(MINI_TOML.format(k=disclosure_k), encoding="utf-8")
    (root / "sources" / "staff.csv").write_text(staff_csv(), encoding="utf-8")
    (root / "indicators" / "women-managers.yaml").write_text(MANAGERS_YAML, encoding="utf-8")
    return load_project(root)


@dataclass
class LiveServer:
    """A uvicorn server in a thread, serving one project's app."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def client(self, **options: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **options)  # type: ignore[arg-type]

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_server(project: Project, *, limits: CheckLimits | None = None) -> LiveServer:
    """Serve ``project`` on a free port of 127.0.0.1, as `tendik serve` does."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = make_server(project, port=port, limits=limits, log_level="warning",
                         access_log=False)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)
