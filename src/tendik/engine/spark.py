"""Run a records plan on Spark: the same grouping-sets query, transpiled to Spark SQL.

Spark is the engine for users who outgrow one machine. tendik starts a session from a master
URL (``local[2]``, ``spark://host:7077``, ``yarn``...) or connects to a Spark Connect server
(``sc://host:15002``), reads the same Parquet (a local path or object storage such as
``s3a://bucket/register/``), runs the plan, and hands the small aggregated result back as Arrow.
Install with the extra ``tendik[spark]``; Spark needs Java 17.
"""

from __future__ import annotations

import os
from typing import Any

import pyarrow as pa

from tendik.engine.plan import RecordsPlan
from tendik.errors import EngineError

DEFAULT_MASTER = "local[2]"


def spark_session(master: str | None = None, *, app_name: str = "tendik") -> Any:
    """A Spark session: Spark Connect for ``sc://`` URLs, else a classic session on ``master``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:  # pragma: no cover - depends on the installed extra
        raise EngineError("Spark is not installed: pip install 'tendik[spark]'") from None
    master = master or os.environ.get("TENDIK_SPARK_MASTER") or DEFAULT_MASTER
    builder = SparkSession.builder.appName(app_name)
    if master.startswith("sc://"):
        return builder.remote(master).getOrCreate()
    builder = builder.master(master).config("spark.ui.enabled", "false")
    builder = builder.config("spark.sql.session.timeZone", "UTC")
    builder = builder.config("spark.sql.ansi.enabled", "false")
    if master.startswith("local"):
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1")
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    return builder.getOrCreate()


def run_plan_spark(plan: RecordsPlan, parquet: str, spark: Any) -> pa.Table:
    """Execute the plan on Spark over Parquet at ``parquet`` (a file, folder or store URL)."""
    frame = spark.read.parquet(parquet)
    frame.createOrReplaceTempView("source")
    result = spark.sql(plan.sql("spark"))
    table = result.toArrow()
    # Spark returns 32-bit GROUPING_ID and counts as int64; align with DuckDB's result types.
    return table.set_column(
        table.schema.get_field_index("_gid"), "_gid", table.column("_gid").cast(pa.int64())
    )
