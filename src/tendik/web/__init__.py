"""The dashboard (HTML pages in Kazakh, Russian and English), the JSON API and the static site."""

from __future__ import annotations

from tendik.project import Project
from tendik.web.app import create_app
from tendik.web.limits import CheckLimits
from tendik.web.server import HEAD_SECONDS, make_server
from tendik.web.site import SiteReport, build_site


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000,
          limits: CheckLimits | None = None, client_seconds: float = HEAD_SECONDS,
          access_log: bool = False) -> None:
    """Serve the dashboard and API of ``project`` until interrupted (Ctrl-C or SIGTERM)."""
    make_server(project, host=host, port=port, limits=limits,
                client_seconds=client_seconds, access_log=access_log).run()


__all__ = ["CheckLimits", "SiteReport", "build_site", "create_app", "make_server", "serve"]
