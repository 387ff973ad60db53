"""A plain CSV source with a column named SERIES is a table, not a series file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa

from tendik.catalog.model import Indicator
from tendik.engine.series import compute_series, is_series_table

SAMPLES = Path(__file__).parents[1] / "fixtures" / "open-sdg-samples"
KAZAKHSTAN_5_5_1 = SAMPLES / "kazakhstan" / "indicator_5-5-1.csv"


def test_a_csv_with_a_series_column_gives_a_clear_error(tmp_path: Path) -> None:
    """Kazakhstan's 5.5.1 file declared as format = "csv": series.code is refused in one
    sentence naming the indicator file and key, exit 2 (a definition error), no traceback."""
    shutil.copy(KAZAKHSTAN_5_5_1, tmp_path / "indicator_5-5-1.csv")
    (tmp_path / "indicators").mkdir()
    (tmp_path / "tendik.toml").write_text(
        '[project]\nname = "t"\narea = "KAZ"\n\n[sources.k]\npath = "indicator_5-5-1.csv"\n'
        'format = "csv"\n',
        encoding="utf-8",
    )
    (tmp_path / "indicators" / "parliament.yaml").write_text(
        "id: parliament\ntitle: {en: Parliament}\nunit: percent\nsource: k\n"
        "series: {code: SG_GEN_PARL}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tendik", "build", "--project", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    output = done.stderr + done.stdout
    assert "parliament.yaml, key 'series.area'" in output
    assert "series.code picks a series in a wdi, unsdg, owid or opensdg source" in output


def test_a_table_with_a_series_column_picks_rows_with_where() -> None:
    """SYNTHETIC table (three rows typed here): SERIES is an ordinary column of a table."""
    table = pa.table(
        {
            "geo": ["KAZ", "KAZ", "KAZ"],
            "Year": ["2022", "2023", "2023"],
            "SERIES": ["SG_GEN_PARL", "SG_GEN_PARL", "SG_GEN_LOCG"],
            "Value": [23.0, 23.0, 18.4],
            "_row": [2, 3, 4],
        }
    )
    assert not is_series_table(table)
    indicator = Indicator.model_validate(
        {
            "id": "t",
            "title": {"en": "t"},
            "unit": "percent",
            "source": "s",
            "series": {
                "area": "geo",
                "period": "Year",
                "value": "Value",
                "where": "SERIES = 'SG_GEN_LOCG'",
            },
        }
    )
    observations, dims = compute_series(indicator, table)
    assert dims == []
    assert observations.select(["TIME_PERIOD", "OBS_VALUE"]).to_pylist() == [
        {"TIME_PERIOD": "2023", "OBS_VALUE": 18.4}
    ]
