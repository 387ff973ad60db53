"""SQL injection through every place a user writes an expression or a column name is refused,
naming the file and the key, before anything runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml

from tendik.catalog import load_indicator
from tendik.engine.plan import build_records_plan
from tendik.errors import EngineError, ExpressionRefused, InvalidField

COLUMNS = pa.table({
    "sex": ["F"], "status": ["active"], "salary": [1], "region": ["KZ-71"],
    "snapshot_date": [dt.date(2025, 1, 1)],
}).schema

PAYLOADS = [
    "sex = 'F'; DROP TABLE observations",
    "sex = 'F' OR 1 IN (SELECT 1)",
    "sex = 'F' UNION SELECT * FROM sources",
    "sex = 'F' -- AND status = 'active'",
    "sex = 'F' /* */",
    "read_parquet('/etc/passwd') IS NOT NULL",
    "sex = (SELECT value FROM meta LIMIT 1)",
    "\"sex\" = 'F'); COPY observations TO '/tmp/x.csv' (",
    "secret_column = 1",
]


def base() -> dict[str, Any]:
    return {"id": "x", "title": {"en": "x"}, "unit": "percent", "source": "register",
            "period": "snapshot_date", "measure": {"share": "sex = 'F'"}}


def place(definition: dict[str, Any], where: str, payload: str) -> dict[str, Any]:
    """Put the payload at one place a user writes SQL or a column name."""
    measure = definition["measure"]
    if where in ("share", "among"):
        measure[where] = payload
    elif where == "count":
        definition["measure"] = {"count": payload}
    elif where in ("sum", "mean", "median"):
        definition["measure"] = {where: payload}
    elif where.startswith("ratio."):
        side, field = where.split(".")[1:]
        sides = [{"agg": "median", "column": "salary", "where": "sex = 'F'"},
                 {"agg": "median", "column": "salary", "where": "sex = 'M'"}]
        sides[int(side)][field] = payload
        definition["measure"] = {"ratio": sides}
    elif where == "breakdowns":
        definition["breakdowns"] = [payload]
    elif where == "period":
        definition["period"] = payload
    return definition


PLACES = {
    "share": "measure.share", "among": "measure.among", "count": "measure.count",
    "sum": "measure.sum", "mean": "measure.mean", "median": "measure.median",
    "ratio.0.where": "measure.ratio.0.where", "ratio.1.where": "measure.ratio.1.where",
    "ratio.0.column": "measure.ratio.0.column", "breakdowns": "breakdowns.0",
    "period": "period",
}


@pytest.mark.parametrize("where", sorted(PLACES))
@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_is_refused_everywhere(tmp_path: Path, where: str, payload: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(place(base(), where, payload), allow_unicode=True),
                    encoding="utf-8")
    with pytest.raises((ExpressionRefused, EngineError, InvalidField)) as caught:
        indicator = load_indicator(path)  # refused when the definition loads...
        build_records_plan("register", [indicator], {f.name: f.type for f in COLUMNS},
                           files={"x": path})  # ...or, for column names, when it is planned
    assert caught.value.key == PLACES[where], str(caught.value)
    assert caught.value.file == path


def test_series_filter_injection(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    for payload in PAYLOADS[:-1]:
        definition = {"id": "s", "title": {"en": "s"}, "unit": "percent", "source": "wdi",
                      "series": {"code": "SG.GEN.PARL.ZS", "where": payload}}
        path.write_text(yaml.safe_dump(definition), encoding="utf-8")
        with pytest.raises(ExpressionRefused) as caught:
            load_indicator(path)
        assert caught.value.key == "series.where" and caught.value.file == path
