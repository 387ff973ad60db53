"""Read national Open SDG data repositories file by file: what reads, what is refused and why,
and how long tendik's reader takes against parsing the same files with pyarrow.csv alone.

Give the folders of clones of the platforms' data repositories (each with its data/ folder),
e.g. github.com/kazstat/sdg-data-kazstat, montestat/data, rs-statistika-sdg/sdg-data-rs,
armstat/sdg-data-armenia, uaukrstat/data-ukraine-sdg, sdg-kyrgyzstan/open-sdg-data-starter:

    uv run python bench/sources/opensdg_repos.py CLONE [CLONE ...]

For each: the data files, those with values that read, those without values (skipped when a
repository is read whole), the refusals by error type with the first of each, the values read,
and the time of tendik's reader (decode, header roles, units, keys, types) over the time of
pyarrow.csv.read_csv with every column as text (the parse alone), in the same run.
"""

from __future__ import annotations

import argparse
import collections
import io
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from tendik.errors import EmptyFile, TendikError
from tendik.sources.opensdg import read_indicator_file
from tendik.sources.opensdg_repo import data_files
from tendik.sources.spec import SourceSpec


def _baseline(path: Path) -> None:
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    header = data.split(b"\n", 1)[0].decode("utf-8", "replace").split(",")
    types = {name: pa.string() for name in header}
    try:
        pacsv.read_csv(io.BytesIO(data), convert_options=pacsv.ConvertOptions(column_types=types))
    except pa.ArrowInvalid:
        pass


def survey(folder: Path) -> None:
    spec = SourceSpec(id="bench", path=folder.name, format="opensdg", area="_Z")
    files = data_files(spec, folder, {})
    read = empty = values = 0
    refused: collections.Counter[str] = collections.Counter()
    first: dict[str, str] = {}
    started = time.perf_counter()
    for path in files:
        shown = f"{folder.name}/{path.relative_to(folder).as_posix()}"
        try:
            values += read_indicator_file(spec.model_copy(update={"path": shown}), path).num_rows
            read += 1
        except EmptyFile:
            empty += 1
        except TendikError as error:
            refused[error.type] += 1
            first.setdefault(error.type, str(error)[:150])
    tendik_s = time.perf_counter() - started
    started = time.perf_counter()
    for path in files:
        _baseline(path)
    arrow_s = time.perf_counter() - started
    with_values = len(files) - empty
    print(
        f"{folder.name}: {len(files)} data files, {with_values} with values, {read} read "
        f"({values:,} values), {sum(refused.values())} refused {dict(refused)}; "
        f"tendik {tendik_s:.2f} s, pyarrow.csv alone {arrow_s:.2f} s, "
        f"ratio {tendik_s / max(arrow_s, 1e-9):.1f}"
    )
    for type_id, message in first.items():
        print(f"    first {type_id}: {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    for folder in parser.parse_args().folders:
        survey(folder)


if __name__ == "__main__":
    main()
