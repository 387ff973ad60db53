"""Year-on-year outliers: modified z-scores (Iglewicz and Hoaglin, 1993) of the changes of each
indicator's series, area by area.

    z = 0.6745 · (d − median(d)) / MAD,   MAD = median(|d − median(d)|)

where d are the changes from one observation to the next. A series that mostly stands still
(election-year steps: most changes are 0, so MAD = 0) falls back on the mean absolute deviation,
z = (d − median(d)) / (1.253314 · meanAD), as is usual for this statistic.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterator, Sequence

from tendik.quality.config import OutlierConfig
from tendik.quality.data import IndicatorData, Obs
from tendik.quality.findings import Finding, OutlierYearOnYear

MAD_SCALE = 0.6745  # the 0.75 quantile of the standard normal: MAD/0.6745 estimates sigma
MEAN_AD_SCALE = 1.253314  # sqrt(pi/2): meanAD·1.2533 estimates sigma


def modified_z_scores(values: Sequence[float]) -> list[float]:
    """The modified z-score of each value; all zeros when the values do not spread at all."""
    if not values:
        return []
    median = statistics.median(values)
    deviations = [abs(v - median) for v in values]
    mad = statistics.median(deviations)
    if mad > 0:
        return [MAD_SCALE * (v - median) / mad for v in values]
    mean_ad = statistics.fmean(deviations)
    if mean_ad > 0:
        return [(v - median) / (MEAN_AD_SCALE * mean_ad) for v in values]
    return [0.0 for _ in values]


def _value(row: Obs) -> float:
    assert row.value is not None  # _series keeps observations with a value only
    return row.value


def _series(data: IndicatorData) -> dict[str, list[Obs]]:
    by_area: dict[str, list[Obs]] = defaultdict(list)
    for row in data.totals():
        if row.value is not None:
            by_area[row.area].append(row)
    return by_area


def year_on_year_outliers(data: IndicatorData, config: OutlierConfig) -> Iterator[Finding]:
    """Changes whose |modified z| exceeds the threshold, in each area's series of totals."""
    for area, rows in sorted(_series(data).items()):
        if len(rows) - 1 < config.min_changes:
            continue
        steps = list(itertools.pairwise(rows))
        changes = [_value(after) - _value(before) for before, after in steps]
        for (before, after), change, z in zip(
            steps, changes, modified_z_scores(changes), strict=True
        ):
            if abs(z) <= config.threshold:
                continue
            yield OutlierYearOnYear(
                severity=config.severity,
                rows=(data.key(before), data.key(after)),
                indicator=data.id,
                area=area,
                period=after.period,
                dimensions={},
                previous_period=before.period,
                previous=_value(before),
                value=_value(after),
                change=change,
                z=z,
                threshold=config.threshold,
            )
