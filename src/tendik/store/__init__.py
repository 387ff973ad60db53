"""The warehouse: one DuckDB file of sources, observations and provenance."""

from tendik.store.query import IndicatorInfo, Warehouse

__all__ = ["IndicatorInfo", "Warehouse"]
