"""The catalogue: indicator definitions, their labels in en/ru/kk, targets and expressions."""

from tendik.catalog.load import Catalogue, load_catalogue, load_indicator
from tendik.catalog.model import Indicator, Labels, Target

__all__ = ["Catalogue", "Indicator", "Labels", "Target", "load_catalogue", "load_indicator"]
