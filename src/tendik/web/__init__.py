"""The dashboard (HTML pages in Kazakh, Russian and English), the JSON API and the static site."""

from __future__ import annotations

import uvicorn

from tendik.project import Project
from tendik.web.app import create_app
from tendik.web.site import SiteReport, build_site


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the dashboard and API of ``project`` until interrupted."""
    uvicorn.run(create_app(project), host=host, port=port, log_level="info")


__all__ = ["SiteReport", "build_site", "create_app", "serve"]
