"""Parquet in object storage (s3a://, gs://, abfss://, hdfs://, file://), read by Spark only.

tendik never downloads such a source: it asks Spark for its schema, checks the declared columns
(presence, type, blanks, code lists, shares, counts, the key) with Spark SQL on the cluster, and
runs the plan there. A finding names the source and column (and the offending value); Spark does
not number rows, so no row is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from tendik.errors import (
    DuplicateKey,
    EmptyFile,
    MissingColumn,
    MissingValue,
    NegativeCount,
    ShareOutOfRange,
    UnknownCode,
    WrongType,
)
from tendik.sources.parquet_scan import TYPE_CHECKS
from tendik.sources.spec import SourceSpec

URL_SCHEMES = ("s3a://", "s3://", "gs://", "abfss://", "wasbs://", "hdfs://", "file://")


def is_remote(path: str) -> bool:
    """Whether a source's path is a URL that only Spark reads."""
    return path.startswith(URL_SCHEMES)


@dataclass(frozen=True)
class RemoteParquet:
    """A Parquet source that stays where it is; Spark reads it."""

    url: str
    schema: pa.Schema
    num_rows: int


def _q(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _one(spark: Any, sql: str) -> Any:
    return spark.sql(sql).collect()[0][0]


def check_remote_parquet(spec: SourceSpec, spark: Any) -> RemoteParquet:
    """Validate a remote Parquet source with Spark; the same checks as a local file."""
    from pyspark.sql.pandas.types import to_arrow_schema

    frame = spark.read.parquet(spec.path)
    schema = to_arrow_schema(frame.schema)
    view = "tendik_remote_source"
    frame.createOrReplaceTempView(view)
    rows = _one(spark, f"SELECT count(*) FROM {view}")
    if rows == 0:
        raise EmptyFile("the Parquet source has no rows", file=spec.path)
    for name, column in spec.columns.items():
        if name not in schema.names:
            raise MissingColumn(
                f"the declared column '{name}' is not in the source", file=spec.path, column=name
            )
        kind = schema.field(name).type
        if not TYPE_CHECKS[column.type](kind):
            raise WrongType(
                f"the column holds {kind}, but the source declares {column.type}",
                file=spec.path,
                column=name,
            )
        quoted = _q(name)
        if column.required and _one(spark, f"SELECT count(*) FROM {view} WHERE {quoted} IS NULL"):
            raise MissingValue(
                "a value is required, but some cells are blank", file=spec.path, column=name
            )
        if column.codes is not None:
            codes = ", ".join("'" + c.replace("'", "\\'") + "'" for c in column.codes)
            found = spark.sql(
                f"SELECT CAST({quoted} AS STRING) FROM {view} WHERE {quoted} IS NOT "
                f"NULL AND CAST({quoted} AS STRING) NOT IN ({codes}) LIMIT 1"
            ).collect()
            if found:
                raise UnknownCode(
                    f"value {found[0][0]!r} is not one of the allowed codes",
                    file=spec.path,
                    column=name,
                )
        if column.kind == "share" and _one(
            spark, f"SELECT count(*) FROM {view} WHERE {quoted} < 0 OR {quoted} > 100"
        ):
            raise ShareOutOfRange("a share must lie between 0 and 100", file=spec.path, column=name)
        if column.kind == "count" and _one(
            spark, f"SELECT count(*) FROM {view} WHERE {quoted} < 0"
        ):
            raise NegativeCount("a count cannot be negative", file=spec.path, column=name)
    if spec.key:
        keys = ", ".join(_q(k) for k in spec.key)
        found = spark.sql(
            f"SELECT {keys} FROM {view} GROUP BY {keys} HAVING count(*) > 1 LIMIT 1"
        ).collect()
        if found:
            shown = ", ".join(str(v) for v in found[0])
            raise DuplicateKey(
                f"two rows have the same key ({', '.join(spec.key)}) = ({shown})",
                file=spec.path,
                column=", ".join(spec.key),
            )
    return RemoteParquet(url=spec.path, schema=schema, num_rows=rows)
