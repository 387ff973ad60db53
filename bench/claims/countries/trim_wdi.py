"""Copy World Bank WDI bulk CSVs keeping the years from 1990: the file as published, fewer columns.

    uv run python bench/claims/countries/trim_wdi.py UPSTREAM.csv [...]

Metadata lines and rows are kept as they are; every year column before 1990 is dropped. The
copies go to bench/claims/countries/project/sources/wdi/ under their upstream names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from pathlib import Path

FIRST_YEAR = 1990
TARGET = Path(__file__).parent / "project" / "sources" / "wdi"


def trim(text: str) -> str:
    lines = text.splitlines()
    header = next(
        i for i, line in enumerate(lines) if line.lstrip('\ufeff"').startswith("Country Name")
    )
    rows = list(csv.reader(lines[header:]))
    keep = [i for i, name in enumerate(rows[0]) if not (name.isdigit() and int(name) < FIRST_YEAR)]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for row in rows:
        if row:
            writer.writerow([row[i] for i in keep if i < len(row)])
    return "\n".join(lines[:header]) + "\n" + out.getvalue()


def main(paths: list[str]) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in paths:
        raw = Path(name).read_bytes()
        text = trim(raw.decode("utf-8-sig"))
        (TARGET / Path(name).name).write_text(text, encoding="utf-8")
        print(f"{Path(name).name}  upstream sha256 {hashlib.sha256(raw).hexdigest()}  "
              f"{len(raw)} -> {len(text.encode())} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
