"""The dashboard's static files, served from memory with gzip: the stylesheet, the script and
Plotly's JavaScript, which ships inside the plotly wheel (no CDN, no network)."""

from __future__ import annotations

import gzip
import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path

from tendik.web.responses import etag_of

STATIC_DIR = Path(__file__).parent / "static"
MEDIA_TYPES: dict[str, str] = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


def plotly_js() -> Path:
    """plotly.min.js as installed with the plotly package."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the plotly package is not installed")
    return Path(spec.origin).parent / "package_data" / "plotly.min.js"


def asset_files() -> dict[str, Path]:
    """Every static file by the name it is served under."""
    files = {p.name: p for p in sorted(STATIC_DIR.iterdir()) if p.is_file()}
    files["plotly.min.js"] = plotly_js()
    return files


@dataclass(frozen=True)
class Asset:
    name: str
    body: bytes
    gzipped: bytes
    etag: str
    media_type: str


class Assets:
    """Static files loaded once, on first request, with a precompressed copy."""

    def __init__(self) -> None:
        self._files = asset_files()
        self._loaded: dict[str, Asset] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Asset | None:
        if name in self._loaded:
            return self._loaded[name]
        path = self._files.get(name)
        if path is None:
            return None
        with self._lock:
            if name not in self._loaded:
                body = path.read_bytes()
                self._loaded[name] = Asset(
                    name=name, body=body, gzipped=gzip.compress(body, compresslevel=6, mtime=0),
                    etag=etag_of(body),
                    media_type=MEDIA_TYPES.get(path.suffix, "application/octet-stream"),
                )
        return self._loaded[name]
