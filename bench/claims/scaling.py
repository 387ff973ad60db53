"""Time per kilobyte of claim checking, from 1 KB to 1 MB: it must stay flat.

    uv run python bench/claims/scaling.py [--max-kb 1024] [--project DIR]

Three texts, each cut to 1, 4, 16, 64, 256 and 1024 KB and checked whole by one
``Checker.check`` against the bundled warehouse (built in a temporary folder unless --project
names a built one):

- ``prose``: the labelled passages of claims.jsonl (real public text), copied as often as the
  size needs; every sentence of copy *k* begins with a made-up word of its own ("Zqb"), so no
  sentence repeats another (a repeated sentence is read once and its claims marked repeated);
- ``"1 " x n``: one number after another with no punctuation, the text that took 73 s of CPU
  for 8 KB when each number was read against its whole sentence;
- ``percentages``: "0.1% 0.2% 0.3% ...", all different: a claim every 5 characters, each judged.

Time is CPU time of the check alone (the best of several runs below 64 KB, enough runs to take
a second), printed as milliseconds per KB and as a ratio against the same text's 1 KB figure:
flat (a ratio near 1) is linear.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES_KB = (1, 4, 16, 64, 256, 1024)
_CONSONANTS = "bcdfghjklmnpqrstvwxz"


def _tag(k: int) -> str:
    """A made-up word for copy `k`: "Zqb", "Zqc", ... (letters only, so it is no number)."""
    out = ""
    while True:
        out = _CONSONANTS[k % len(_CONSONANTS)] + out
        k //= len(_CONSONANTS)
        if not k:
            return "Zq" + out


def prose(size: int) -> str:
    """The labelled passages, tagged copy by copy, cut at a sentence end near `size` chars."""
    from tendik.claims.sentences import split_sentences

    passages = [json.loads(line)["text"] for line in (HERE / "claims.jsonl").open()]
    base = "\n\n".join(passages)
    spans = split_sentences(base)
    out: list[str] = []
    length, k = 0, 0
    while length < size:
        tag, cursor = _tag(k), 0
        for a, b in spans:
            piece = f"{base[cursor:a]}{tag} {base[a:b]}"
            if length + len(piece) > size and length:
                return "".join(out)
            out.append(piece)
            length += len(piece)
            cursor = b
        out.append("\n\n")
        length += 2
        k += 1
    return "".join(out)


def ones(size: int) -> str:
    return "1 " * (size // 2)


def percentages(size: int) -> str:
    out: list[str] = []
    length, i = 0, 1
    while length < size:
        item = f"{i // 10}.{i % 10}% "
        out.append(item)
        length += len(item)
        i += 1
    return "".join(out)


TEXTS: dict[str, Callable[[int], str]] = {
    "prose": prose,
    '"1 " x n': ones,
    "percentages": percentages,
}


def measure(check: Callable[[str], int], text: str) -> tuple[float, int]:
    """(CPU seconds of the best run, claims found); small texts are run until a second passes."""
    best, claims, spent, runs = float("inf"), 0, 0.0, 0
    while runs < 1 or (len(text) < 64 * 1024 and spent < 1.0 and runs < 50):
        start = time.process_time()
        claims = check(text)
        took = time.process_time() - start
        best, spent, runs = min(best, took), spent + took, runs + 1
    return best, claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1024)
    parser.add_argument("--project", type=Path, help="a built project (default: build the bundled)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from evaluate import build_bundled

    from tendik.claims.check import Checker
    from tendik.project import load_project
    from tendik.store.query import Warehouse

    with tempfile.TemporaryDirectory() as folder:
        project = load_project(args.project) if args.project else build_bundled(Path(folder))
        with Warehouse(project.warehouse_path) as warehouse:
            checker = Checker(warehouse, area=project.area, project=project.name)

            def check(text: str) -> int:
                return len(checker.check(text, published=date(2025, 1, 1)).verdicts)

            check(prose(64 * 1024))  # warm the observation cache
            print(f"{'text':<14}{'KB':>6}{'claims':>9}{'seconds':>10}{'ms/KB':>9}{'ratio':>7}")
            for name, make in TEXTS.items():
                first: float | None = None
                for kb in (s for s in SIZES_KB if s <= args.max_kb):
                    text = make(kb * 1024)
                    seconds, claims = measure(check, text)
                    per_kb = 1000 * seconds / (len(text) / 1024)
                    first = per_kb if first is None else first
                    print(
                        f"{name:<14}{kb:>6}{claims:>9}{seconds:>10.3f}{per_kb:>9.2f}"
                        f"{per_kb / first:>7.2f}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
