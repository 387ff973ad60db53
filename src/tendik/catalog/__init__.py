"""The catalogue: indicator definitions, their labels in en/ru/kk, targets and expressions.

The names below are imported on first use, so that reading a definition's model does not load
the SQL parser.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tendik.catalog.load import Catalogue, load_catalogue, load_indicator
    from tendik.catalog.model import Indicator, Labels, Target

__all__ = ["Catalogue", "Indicator", "Labels", "Target", "load_catalogue", "load_indicator"]

_HOMES = {
    "Catalogue": "tendik.catalog.load",
    "load_catalogue": "tendik.catalog.load",
    "load_indicator": "tendik.catalog.load",
    "Indicator": "tendik.catalog.model",
    "Labels": "tendik.catalog.model",
    "Target": "tendik.catalog.model",
}


def __getattr__(name: str) -> object:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
