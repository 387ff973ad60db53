"""The normalised long "series" table that the wdi, unsdg, owid and opensdg readers share.

Each reader maps its file onto a SeriesDraft; ``finish`` drops rows without a value, parses the
values, checks shares (every value in percent, "PT", is a share: 0-100, unless the format
says otherwise) and the key
(SERIES, REF_AREA, TIME_PERIOD, breakdowns), and returns SERIES_COLUMNS + breakdowns + "_row".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import EmptyFile, FormatMismatch, MissingValue, ShareOutOfRange, WrongType
from tendik.sources.base import RawTable, first_true
from tendik.sources.keys import check_unique
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS
from tendik.sources.values import BadValue, convert

PERCENT = "PT"
KEY = ["SERIES", "REF_AREA", "TIME_PERIOD"]
REQUIRED = ("SERIES", "REF_AREA", "TIME_PERIOD")


@dataclass
class SeriesDraft:
    """A series file mapped onto the series columns, values still as text.

    ``fields`` maps each of SERIES_COLUMNS but OBS_VALUE to an array, a constant or None;
    ``origin`` names the file column each field came from (for messages); ``value_column`` is
    the file column of each value (one name, or one per row where values come from many).
    """

    file: str
    rows: pa.Array
    values: pa.Array
    value_column: str | pa.Array
    fields: dict[str, pa.Array | str | None]
    origin: dict[str, str] = field(default_factory=dict)
    breakdowns: dict[str, pa.Array] = field(default_factory=dict)
    decimal_comma: bool = False
    header_row: int | None = None
    check_shares: bool = True  # every value in percent is a share (0-100)
    unit_in_key: bool = False  # one series may give each value in several units (Open SDG)


def require_columns(raw: RawTable, names: list[str], what: str) -> None:
    """Refuse a file that lacks a column its format always has (it is not that format)."""
    for name in names:
        if name not in raw.table.column_names:
            raise FormatMismatch(
                f"the file has no '{name}' column, so it is not {what}; its columns are: "
                + ", ".join(raw.table.column_names),
                file=raw.file,
                row=raw.header_row,
                column=name,
            )


def finish(draft: SeriesDraft) -> pa.Table:
    """The validated series table of a draft."""
    keep = pc.is_valid(draft.values)
    if not pc.any(keep).as_py():
        raise EmptyFile("the file holds no values", file=draft.file, row=draft.header_row)
    rows = draft.rows.filter(keep)
    columns = {name: _field(draft, name, keep) for name in SERIES_COLUMNS if name != "OBS_VALUE"}
    for name in REQUIRED:
        index = first_true(pc.is_null(columns[name]))
        if index is not None:
            raise MissingValue(
                "a value is required here, but the cell is blank",
                file=draft.file,
                row=int(rows[index].as_py()),
                column=draft.origin.get(name, name),
            )
    value_column = draft.value_column
    if isinstance(value_column, pa.Array):
        value_column = value_column.filter(keep)
    values = _parse_values(draft.values.filter(keep), draft, rows, value_column)
    columns["OBS_VALUE"] = values
    if draft.check_shares:
        _check_shares(values, columns["UNIT_MEASURE"], draft.file, rows, value_column)
    breakdowns = {name: array.filter(keep) for name, array in draft.breakdowns.items()}
    table = pa.table(
        {
            **{name: columns[name] for name in SERIES_COLUMNS},
            **breakdowns,
            ROW_COLUMN: rows,
        }
    )
    units = ["UNIT_MEASURE"] if draft.unit_in_key else []
    check_unique(table, [*KEY, *units, *breakdowns], draft.file, draft.header_row)
    return table


def _field(draft: SeriesDraft, name: str, keep: pa.Array) -> pa.Array:
    source = draft.fields.get(name)
    size = len(draft.values)
    if source is None or isinstance(source, str):
        array = pa.array([source] * size, pa.string())
    else:
        array = source if pa.types.is_string(source.type) else source.cast(pa.string())
    return array.filter(keep)


def _column_at(value_column: str | pa.Array, index: int) -> str:
    if isinstance(value_column, str):
        return value_column
    return str(value_column[index].as_py())


def _parse_values(
    strings: pa.Array, draft: SeriesDraft, rows: pa.Array, value_column: str | pa.Array
) -> pa.Array:
    try:
        return convert(strings, "number", decimal_comma=draft.decimal_comma)
    except BadValue as exc:
        raise WrongType(
            str(exc),
            file=draft.file,
            row=int(rows[exc.index].as_py()),
            column=_column_at(value_column, exc.index),
        ) from None


def _check_shares(
    values: pa.Array, units: pa.Array, file: str, rows: pa.Array, value_column: str | pa.Array
) -> None:
    is_share = pc.equal(units, PERCENT)
    outside = pc.and_(is_share, pc.or_(pc.less(values, 0), pc.greater(values, 100)))
    index = first_true(outside)
    if index is not None:
        raise ShareOutOfRange(
            f"value {values[index].as_py()} is a percentage share and must lie between 0 and 100",
            file=file,
            row=int(rows[index].as_py()),
            column=_column_at(value_column, index),
        )


def percent_if(names: pa.Array) -> pa.Array:
    """'PT' where a name or unit text says percent ("(%)", "%", "percent"), else null. A yearly
    rate of change ("Inflation, consumer prices (annual %)", "Population growth (annual %)") is
    not a share and may be negative or above 100: null, the indicator's unit applies."""
    lower = pc.utf8_lower(names)
    says = pc.and_(
        pc.or_(
            pc.match_substring(lower, "%"),
            pc.match_substring_regex(lower, r"^\s*percent(age)?\s*$|^pt$"),
        ),
        pc.invert(pc.match_substring(lower, "annual %")),
    )
    return pc.if_else(says, pa.scalar(PERCENT), pa.scalar(None, pa.string()))


def melt(raw: RawTable, value_columns: list[str]) -> tuple[pa.Array, pa.Array, pa.Array]:
    """Wide to long over ``value_columns``, non-blank cells only, in file (row-major) order.

    Returns the raw-table index of each cell's row, the name of its column, and its text.
    """
    parts = []
    for position, name in enumerate(value_columns):
        cells = raw.column(name)
        present = pc.is_valid(cells)
        index = pc.indices_nonzero(present).cast(pa.int64())
        parts.append(
            pa.table(
                {
                    "index": index,
                    "position": pa.array([position] * len(index), pa.int32()),
                    "value": cells.filter(present),
                }
            )
        )
    long = pa.concat_tables(parts)
    order = pc.sort_indices(long, sort_keys=[("index", "ascending"), ("position", "ascending")])
    long = long.take(order)
    names = pa.array(value_columns, pa.string()).take(long["position"].combine_chunks())
    return long["index"].combine_chunks(), names, long["value"].combine_chunks()
