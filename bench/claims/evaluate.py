"""Score claim extraction, indicator matching and verdicts against the labelled set.

    uv run python bench/claims/evaluate.py [--file PATH] [--errors] [--project DIR]

Extraction: a predicted claim matches a labelled one when the values agree within 1e-6
(relative) and the predicted span overlaps the labelled span, or the labelled text contains
the predicted text. Each labelled claim matches at most one prediction. Precision, recall and
F1 are printed overall and per language, with the agreement of unit and qualifier on the
matched pairs, and (with --errors) every miss and every spurious claim.

Matching and verdicts are scored against a built project: the one given with --project, else
the bundled Kazakhstan project copied and built in a temporary folder (about ten seconds). Each
passage goes through ``tendik.claims.check.Checker.check(text, published=...)`` (what
``check_text`` does, on one open warehouse); each verdict carries ``claim``, ``indicator`` (an
id or None) and ``verdict`` (consistent / inconsistent / ambiguous / unverifiable). A labelled
claim is matched when the indicator agrees (None included), and judged right when the verdict
agrees; a label whose claim was not extracted counts as wrong on both. Scores are printed per
split and language, with the confusion of verdicts and (with --errors) every disagreement.
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tendik.claims import Claim, extract_claims
from tendik.errors import ClaimsError

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "claims.jsonl"
VERDICTS = ("consistent", "inconsistent", "ambiguous", "unverifiable")


@dataclass(frozen=True)
class Label:
    """One labelled claim, located in its passage."""

    span: tuple[int, int]
    text: str
    value: float
    unit: str
    qualifier: str | None
    indicator: str | None
    verdict: str


@dataclass(frozen=True)
class Record:
    id: str
    split: str  # "dev": labelled while the extractor was written; "test": labelled before it ran
    language: str
    text: str
    published: date | None
    labels: tuple[Label, ...]


@dataclass
class Tally:
    """Counts for one group of passages (a language, or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    unit_agree: int = 0
    qualifier_agree: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.unit_agree += other.unit_agree
        self.qualifier_agree += other.qualifier_agree
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load(path: Path) -> list[Record]:
    """Read the labelled set; each claim's span is found in order of the passage."""
    records = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        records.append(_record(raw, path, line_no))
    return records


def _record(raw: dict[str, Any], path: Path, line_no: int) -> Record:
    text = raw["text"]
    labels = []
    cursor = 0
    for claim in raw["claims"]:
        start = text.find(claim["text"], cursor)
        if start < 0:
            raise ClaimsError(
                "a labelled claim is not in the passage text", path, line_no, key=claim["text"]
            )
        cursor = start + len(claim["text"])
        labels.append(
            Label(
                (start, cursor),
                claim["text"],
                float(claim["value"]),
                claim["unit"],
                claim.get("qualifier"),
                claim.get("indicator"),
                claim["verdict"],
            )
        )
    published = date.fromisoformat(raw["published"]) if raw.get("published") else None
    split = raw.get("split", "dev")
    return Record(raw["id"], split, raw["language"], text, published, tuple(labels))


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def matches(label: Label, claim: Claim) -> bool:
    """The matching rule: equal values, and overlapping spans or contained text.

    Containment counts within the claim's own sentence only, so that the "45" of "45 место"
    cannot stand in for the "45%" of another sentence.
    """
    if not same_value(label.value, claim.value):
        return False
    overlap = claim.span[0] < label.span[1] and label.span[0] < claim.span[1]
    return overlap or (claim.text in label.text and label.text in claim.sentence)


def align(labels: Sequence[Label], claims: Sequence[Claim]) -> list[tuple[Label, Claim | None]]:
    """Pair each label with the first unused matching prediction (None when missed)."""
    used: set[int] = set()
    pairs: list[tuple[Label, Claim | None]] = []
    for label in labels:
        found = None
        for i, claim in enumerate(claims):
            if i not in used and matches(label, claim):
                used.add(i)
                found = claim
                break
        pairs.append((label, found))
    return pairs


def score(record: Record, claims: Sequence[Claim]) -> Tally:
    tally = Tally()
    pairs = align(record.labels, claims)
    matched = {id(c) for _, c in pairs if c is not None}
    for label, claim in pairs:
        if claim is None:
            tally.fn += 1
            tally.errors.append(f"{record.id}: missed {label.text!r} ({label.value:g})")
            continue
        tally.tp += 1
        tally.unit_agree += claim.unit == label.unit
        tally.qualifier_agree += claim.qualifier == label.qualifier
        for what, want, got in (
            ("unit", label.unit, claim.unit),
            ("qualifier", label.qualifier, claim.qualifier),
        ):
            if want != got:
                tally.errors.append(f"{record.id}: {label.text!r} {what} {got!r}, not {want!r}")
    for claim in claims:
        if id(claim) not in matched:
            tally.fp += 1
            tally.errors.append(f"{record.id}: spurious {claim.text!r} ({claim.value:g})")
    return tally


def evaluate_extraction(records: Sequence[Record]) -> dict[tuple[str, str], Tally]:
    """Tallies per (split, language), per split, per language and for everything."""
    tallies: dict[tuple[str, str], Tally] = {}
    for record in records:
        claims = extract_claims(record.text, published=record.published)
        tally = score(record, claims)
        for key in (
            (record.split, record.language),
            (record.split, "all"),
            ("all", record.language),
            ("all", "all"),
        ):
            tallies.setdefault(key, Tally()).add(tally)
    return tallies


def _order(key: tuple[str, str]) -> tuple[bool, str, bool, str]:
    split, language = key
    return (split == "all", split, language == "all", language)


def print_extraction(tallies: dict[tuple[str, str], Tally], show_errors: bool) -> None:
    print("Extraction")
    header = f"{'split':<7}{'language':<10}{'labels':>7}{'found':>7}{'tp':>6}{'fp':>5}{'fn':>5}"
    print(header + f"{'precision':>11}{'recall':>8}{'F1':>7}{'unit':>7}{'qualifier':>11}")
    for key in sorted(tallies, key=_order):
        t = tallies[key]
        unit = t.unit_agree / t.tp if t.tp else 0.0
        qual = t.qualifier_agree / t.tp if t.tp else 0.0
        print(
            f"{key[0]:<7}{key[1]:<10}{t.tp + t.fn:>7}{t.tp + t.fp:>7}{t.tp:>6}{t.fp:>5}{t.fn:>5}"
            f"{t.precision:>11.3f}{t.recall:>8.3f}{t.f1:>7.3f}{unit:>7.3f}{qual:>11.3f}"
        )
    if show_errors:
        print("\nErrors")
        for line in tallies[("all", "all")].errors:
            print("  " + line)


# --- matching and verdicts ------------------------------------------------------------------
def find_checker() -> Callable[..., Any] | None:
    """tendik.claims.check.check_text, when that module exists."""
    try:
        module = importlib.import_module("tendik.claims.check")
    except ModuleNotFoundError as exc:
        if exc.name in ("tendik.claims.check",):
            return None
        raise
    return getattr(module, "check_text", None)


def build_bundled(folder: Path) -> Any:
    """The bundled Kazakhstan project, copied into `folder` and built there."""
    from tendik.build import build_project
    from tendik.project import BUNDLED_PROJECT, load_project

    root = folder / "kazakhstan"
    shutil.copytree(BUNDLED_PROJECT, root, ignore=shutil.ignore_patterns("warehouse*"))
    project = load_project(root)
    build_project(project)
    return project


def _indicator_id(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return getattr(value, "id", None)


def _verdict_name(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    for attr in ("verdict", "type", "value"):
        inner = getattr(value, attr, None)
        if isinstance(inner, str):
            return inner
    return None


@dataclass
class CheckTally:
    """Matching and verdict agreement for one group of labels."""

    labels: int = 0
    indicator: int = 0
    verdict: int = 0

    def add(self, indicator_ok: bool, verdict_ok: bool) -> None:
        self.labels += 1
        self.indicator += indicator_ok
        self.verdict += verdict_ok


def evaluate_checking(
    records: Sequence[Record], check_text: Callable[..., Any], show_errors: bool = False
) -> dict[tuple[str, str], CheckTally]:
    """Indicator-matching accuracy and verdict accuracy over every label, per split and
    language; a label whose claim was not found counts as wrong on both."""
    tallies: dict[tuple[str, str], CheckTally] = {}
    confusion: dict[tuple[str, str], int] = {}
    errors: list[str] = []
    for record in records:
        results = list(check_text(record.text, published=record.published))
        claims = [r.claim for r in results]
        by_claim = {id(r.claim): r for r in results}
        for label, claim in align(record.labels, claims):
            result = by_claim.get(id(claim)) if claim is not None else None
            indicator = _indicator_id(getattr(result, "indicator", None)) if result else None
            verdict = _verdict_name(getattr(result, "verdict", None)) if result else "missed"
            ok_indicator = result is not None and indicator == label.indicator
            ok_verdict = verdict == label.verdict
            for key in ((record.split, record.language), (record.split, "all"),
                        ("all", record.language), ("all", "all")):  # fmt: skip
                tallies.setdefault(key, CheckTally()).add(ok_indicator, ok_verdict)
            confusion[(label.verdict, verdict or "none")] = (
                confusion.get((label.verdict, verdict or "none"), 0) + 1
            )
            if not (ok_indicator and ok_verdict):
                why = getattr(result, "explanation", "") if result else ""
                errors.append(
                    f"{record.id}: {label.text!r} {verdict} / {indicator} "
                    f"(labelled {label.verdict} / {label.indicator}) {why}"
                )
    print("\nMatching and verdicts")
    print(f"{'split':<7}{'language':<10}{'labels':>8}{'indicator':>11}{'verdict':>9}")
    for key in sorted(tallies, key=_order):
        t = tallies[key]
        print(f"{key[0]:<7}{key[1]:<10}{t.labels:>8}{t.indicator / t.labels:>11.3f}"
              f"{t.verdict / t.labels:>9.3f}")  # fmt: skip
    print("\nVerdicts (expected -> given: count)")
    for (expected, given), count in sorted(confusion.items()):
        print(f"  {expected} -> {given}: {count}")
    if show_errors:
        print("\nMatching and verdict errors")
        for line in errors:
            print("  " + line)
    return tallies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--errors", action="store_true", help="list every miss and extra claim")
    parser.add_argument("--project", type=Path, help="a built project (default: build the bundled)")
    args = parser.parse_args(argv)
    records = load(args.file)
    labels = sum(len(r.labels) for r in records)
    print(f"{len(records)} passages, {labels} labelled claims ({args.file.name})\n")
    print_extraction(evaluate_extraction(records), args.errors)
    if find_checker() is None:
        print("\nmatching/verdicts: not available")
        return 0
    from tendik.claims.check import Checker
    from tendik.project import load_project
    from tendik.store.query import Warehouse

    with tempfile.TemporaryDirectory() as folder:
        if args.project:
            project = load_project(args.project)
        else:
            print("\nbuilding the bundled project in a temporary folder...")
            project = build_bundled(Path(folder))
        with Warehouse(project.warehouse_path) as warehouse:
            checker = Checker(warehouse, area=project.area, project=project.name)
            evaluate_checking(records, checker_results(checker), args.errors)
    return 0


def checker_results(checker: Any) -> Callable[..., Any]:
    """check_text's results for a text, from one open warehouse (a CheckReport's verdicts)."""

    def run(text: str, *, published: date | None = None) -> list[Any]:
        return list(checker.check(text, published=published).verdicts)

    return run


if __name__ == "__main__":
    sys.exit(main())
