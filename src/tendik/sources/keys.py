"""The key check shared by every reader: no two rows may carry the same key."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import DuplicateKey, MissingColumn
from tendik.sources.spec import ROW_COLUMN


def check_unique(table: pa.Table, key: list[str], file: str, header_row: int | None = None) -> None:
    """Raise DuplicateKey naming both rows of the first repeated key (by its second row)."""
    if not key or table.num_rows < 2:
        return
    for name in key:
        if name not in table.column_names:
            raise MissingColumn(
                f"the key column '{name}' is not in the file",
                file=file,
                row=header_row,
                column=name,
            )
    grouped = (
        table.select([*key, ROW_COLUMN])
        .group_by(key, use_threads=False)
        .aggregate([(ROW_COLUMN, "count"), (ROW_COLUMN, "list")])
    )
    repeated = grouped.filter(pc.greater(grouped[f"{ROW_COLUMN}_count"], 1))
    if repeated.num_rows == 0:
        return
    best: tuple[int, int, dict[str, object]] | None = None
    for group in repeated.to_pylist():
        first, second = sorted(group[f"{ROW_COLUMN}_list"])[:2]
        if best is None or second < best[1]:
            best = (first, second, group)
    assert best is not None
    first, second, group = best
    values = [group[name] for name in key]
    shown = ", ".join("(total)" if v is None else str(v) for v in values)
    raise DuplicateKey(
        f"rows {first} and {second} have the same key ({', '.join(key)}) = ({shown})",
        file=file,
        row=second,
        column=", ".join(key),
        key="|".join("" if v is None else str(v) for v in values),
    )
