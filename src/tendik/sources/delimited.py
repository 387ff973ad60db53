"""Parse delimited text (CSV, TSV, ...) into a RawTable of trimmed string cells.

pyarrow.csv does the parsing; Python's csv module takes over for the odd shapes pyarrow refuses
or where its records do not map one-to-one onto lines (rows of uneven length, values with line
breaks), so that every row keeps the row number a person sees in an editor.
"""

from __future__ import annotations

import csv
import io

import pyarrow as pa
import pyarrow.csv as pacsv

from tendik.errors import EmptyFile, ExtraCell, FormatMismatch, SourceError
from tendik.sources.base import RawTable, make_raw

DELIMITERS = ",;\t|"
SNIFF_LINES = 20


def detect_delimiter(sample: str) -> str:
    """The delimiter of a text whose first line is a header: one of , ; tab |."""
    lines = sample.splitlines()[:SNIFF_LINES]
    header = lines[0] if lines else ""
    try:
        found: str | None = csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = None
    if found and found in header:
        return found
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_delimited(
    text: str, *, file: str, delimiter: str | None = None, header_row: int | None = None
) -> RawTable:
    """Parse text whose header is at ``header_row`` (1-based; None = first non-blank line)."""
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")  # old Mac line ends
    start, header_line = _header_start(text, header_row, file)
    header_end = _record_end(text, start)
    if delimiter is None:
        delimiter = detect_delimiter(text[start : start + 65536])
    elif len(delimiter) != 1:
        raise SourceError(f"the delimiter must be one character, not {delimiter!r}", file=file)
    names = _header_names(text[start:header_end], delimiter)
    body = text[header_end:]
    last_header_line = header_line + max(0, text.count("\n", start, header_end) - 1)
    arrays, rows = _parse_fast(body, len(names), delimiter, last_header_line)
    if arrays is None:
        arrays, rows = _parse_slow(body, len(names), delimiter, last_header_line, file)
    return make_raw(names, arrays, rows, header_line, file, decimal_comma=delimiter == ";")


def _header_start(text: str, header_row: int | None, file: str) -> tuple[int, int]:
    """Offset and 1-based line number of the header line."""
    pos, line = 0, 1
    while header_row is None or line < header_row:
        end = text.find("\n", pos)
        if header_row is None and text[pos : end if end >= 0 else None].strip():
            return pos, line
        if end < 0:
            where = f"row {header_row}" if header_row else "any row"
            raise EmptyFile(f"the file has no header at {where}", file=file, row=line)
        pos, line = end + 1, line + 1
    return pos, line


def _record_end(text: str, start: int) -> int:
    """Offset just past the record starting at ``start`` (a quoted value may hold line breaks)."""
    end = text.find("\n", start)
    while end >= 0 and text.count('"', start, end) % 2 == 1:
        end = text.find("\n", end + 1)
    return len(text) if end < 0 else end + 1


def _header_names(header: str, delimiter: str) -> list[str]:
    record = next(csv.reader(io.StringIO(header, newline=""), delimiter=delimiter), [])
    return [name.strip().lstrip("\ufeff").strip() for name in record]


def _parse_fast(
    body: str, width: int, delimiter: str, last_header_line: int
) -> tuple[list[pa.Array] | None, pa.Array | None]:
    names = [f"c{i}" for i in range(width)]
    if not body:
        return [pa.array([], pa.string()) for _ in names], pa.array([], pa.int64())
    try:
        table = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, ignore_empty_lines=False, newlines_in_values=True
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid:
        return None, None
    lines = body.count("\n") + (0 if body.endswith("\n") else 1)
    if table.num_rows != lines:  # a value spans lines: row numbers need the slow path
        return None, None
    rows = pa.array(range(last_header_line + 1, last_header_line + 1 + lines), pa.int64())
    return [table.column(i).combine_chunks() for i in range(width)], rows


def _parse_slow(
    body: str, width: int, delimiter: str, last_header_line: int, file: str
) -> tuple[list[pa.Array], pa.Array]:
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    columns: list[list[str]] = [[] for _ in range(width)]
    rows: list[int] = []
    consumed = 0
    try:
        for record in reader:
            row, consumed = last_header_line + consumed + 1, reader.line_num
            if not record:
                continue
            if len(record) > width:
                _check_extra(record, width, row, file)
            record.extend([""] * (width - len(record)))
            for column, cell in zip(columns, record, strict=False):
                column.append(cell)
            rows.append(row)
    except csv.Error as exc:
        raise FormatMismatch(
            f"the text cannot be parsed as delimited rows: {exc}",
            file=file,
            row=last_header_line + consumed + 1,
        ) from None
    return [pa.array(c, pa.string()) for c in columns], pa.array(rows, pa.int64())


def _check_extra(record: list[str], width: int, row: int, file: str) -> None:
    for index in range(width, len(record)):
        if record[index].strip():
            raise ExtraCell(
                f"cell {index + 1} holds {record[index].strip()!r}, but the header names only "
                f"{width} columns",
                file=file,
                row=row,
            )
