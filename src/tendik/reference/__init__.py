"""Reference data: code lists and names that indicators, sources and generators share."""

from tendik.reference.kz_regions import (
    KZ_REGIONS,
    Region,
    canonical_region_code,
    region,
    region_name,
)

__all__ = ["KZ_REGIONS", "Region", "canonical_region_code", "region", "region_name"]
