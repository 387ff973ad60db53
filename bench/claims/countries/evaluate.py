"""Claim checking on country statistics: identification precision and recall, value error.

    uv run python bench/claims/countries/evaluate.py [--project DIR] [--errors dev|heldout]

Builds the country-statistics project (./project, World Bank WDI) in a temporary folder unless a
built one is given, checks every labelled sentence (its `context` first, when it has one, as the
text before it; the page's date as the text's date) and compares what the checker linked with
the labels (see README.md):

- a claim is *identified* when the checker links it to an indicator; it is *right* when a label
  of the sentence has the same number (its span overlaps the claim's, values within 0.5%) and
  the same indicator and area. Labels of targets and forecasts are left out, and so are the
  claims on them.
- precision = right / identified; recall = right / labels. Also with the indicator alone (area
  not compared), and the year agreement of the right ones (where the label has a year).
- value error: for the right identifications, the claim's value against the label's (extraction)
  and against the warehouse's value for the label's indicator, area and year (how far the press
  is from WDI: a property of the data, for reading the verdicts).
- verdicts on what the data decide (consistent / inconsistent / ambiguous) beside the share of
  unverifiable.

A trivial answer is scored beside it: every number with a percent sign, a currency or a count
word linked to the indicator most labels of its kind have in the development part (inflation,
GDP, population), about the first country named in its sentence (else the project's area).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PARTS = ("dev", "heldout")


@dataclass(frozen=True)
class Label:
    span: tuple[int, int]
    text: str
    indicator: str
    area: str
    year: int | None
    value: float
    kind: str


@dataclass
class Sentence:
    part: str
    url: str
    language: str
    published: date | None
    text: str  # context + sentence, what the checker reads
    start: int  # where the sentence begins in `text`
    labels: list[Label]


@dataclass
class Tally:
    labels: int = 0
    identified: int = 0
    right: int = 0
    right_indicator: int = 0
    years: int = 0
    years_right: int = 0
    extracted_value_errors: list[float] = field(default_factory=list)
    data_errors: list[float] = field(default_factory=list)
    verdicts: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in ("labels", "identified", "right", "right_indicator",
                     "years", "years_right"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.extracted_value_errors += other.extracted_value_errors
        self.data_errors += other.data_errors
        self.verdicts.update(other.verdicts)


def load(part: str) -> list[Sentence]:
    out = []
    path = HERE / f"sentences-{part}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        context = raw.get("context")
        prefix = f"{context}\n\n" if context else ""
        start = len(prefix)
        labels, cursor = [], 0
        for lab in raw["labels"]:
            at = raw["text"].index(lab["text"], cursor)
            cursor = at + len(lab["text"])
            labels.append(
                Label(
                    (start + at, start + cursor), lab["text"], lab["indicator"], lab["area"],
                    lab["year"], float(lab["value"]), lab["kind"],
                )
            )
        published = date.fromisoformat(raw["published"]) if raw["published"] else None
        out.append(Sentence(part, raw["url"], raw["language"], published,
                            prefix + raw["text"], start, labels))  # fmt: skip
    return out


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) + 1e-9


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Link:
    """What a checker said of one number: where, its value, the indicator and area (or None)."""

    span: tuple[int, int]
    value: float
    indicator: str | None
    area: str | None
    year: int | None
    verdict: str


def _label_for(link: Link, labels: Sequence[Label]) -> Label | None:
    for lab in labels:
        if overlaps(link.span, lab.span) and close(link.value, lab.value):
            return lab
    for lab in labels:  # a change read as its end point, a range as its midpoint
        if overlaps(link.span, lab.span):
            return lab
    return None


def score(sentence: Sentence, links: Iterable[Link], data: Any, errors: list[str]) -> Tally:
    t = Tally()
    scored = [lab for lab in sentence.labels if lab.kind != "target"]
    targets = [lab for lab in sentence.labels if lab.kind == "target"]
    t.labels = len(scored)
    matched: set[int] = set()
    matched_indicator: set[int] = set()
    for link in links:
        if link.span[1] <= sentence.start or link.indicator is None:
            continue
        if any(overlaps(link.span, lab.span) for lab in targets):
            continue
        t.identified += 1
        lab = _label_for(link, [x for i, x in enumerate(scored) if i not in matched])
        if lab is None:
            errors.append(f"  extra: {link.indicator}/{link.area} {link.value:g} "
                          f"in {sentence.text[sentence.start:][:140]!r}")  # fmt: skip
            continue
        index = scored.index(lab)
        if lab.indicator == link.indicator:
            if index not in matched_indicator:
                matched_indicator.add(index)
                t.right_indicator += 1
            if lab.area == link.area:
                matched.add(index)
                t.right += 1
                t.verdicts[link.verdict] += 1
                t.extracted_value_errors.append(abs(link.value - lab.value) / abs(lab.value or 1))
                if lab.year is not None:
                    t.years += 1
                    t.years_right += link.year == lab.year
                held = data(lab) if data else None
                if held is not None and lab.kind == "level":
                    t.data_errors.append(abs(lab.value - held) / abs(held or 1))
                continue
        errors.append(f"  wrong: {link.indicator}/{link.area} for {lab.indicator}/{lab.area} "
                      f"{lab.text!r} in {sentence.text[sentence.start:][:140]!r}")  # fmt: skip
    for i, lab in enumerate(scored):
        if i not in matched:
            errors.append(f"  missed: {lab.indicator}/{lab.area} {lab.text!r} "
                          f"in {sentence.text[sentence.start:][:140]!r}")  # fmt: skip
    return t


def checker_links(checker: Any, sentence: Sentence) -> list[Link]:
    report = checker.check(sentence.text, published=sentence.published)
    links = []
    for v in report.verdicts:
        period = v.claim.period
        links.append(Link(v.claim.span, v.claim.value, v.indicator, v.area,
                          period.year if period else None, v.kind.value))  # fmt: skip
    return links


def trivial_links(sentence: Sentence, area_default: str) -> list[Link]:
    """The trivial answer: the commonest indicator of the number's kind, the first place named."""
    from tendik.claims.areas import find_areas
    from tendik.claims.extract import extract_claims

    language = sentence.language if sentence.language in ("en", "ru") else "ru"
    claims = extract_claims(sentence.text, language=language, published=sentence.published)
    places = [a for a in find_areas(sentence.text) if a.start >= sentence.start]
    area = places[0].code if places else area_default
    kinds = {"percent": "inflation", "currency": "gdp", "count": "population"}
    return [
        Link(c.span, c.value, kinds.get(c.unit), area, c.period.year if c.period else None, "")
        for c in claims
    ]


def warehouse_values(warehouse: Any) -> Any:
    cache: dict[tuple[str, str], dict[str, float]] = {}

    def value(label: Label) -> float | None:
        if label.year is None:
            return None
        key = (label.indicator, label.area)
        if key not in cache:
            rows = warehouse.observations(label.indicator, area=label.area).to_pylist()
            cache[key] = {
                r["TIME_PERIOD"]: r["OBS_VALUE"] for r in rows if r["OBS_VALUE"] is not None
            }
        return cache[key].get(str(label.year))

    return value


def report(name: str, tallies: dict[tuple[str, str], Tally]) -> None:
    print(f"\n{name}")
    head = f"{'part':<8}{'lang':<5}{'labels':>7}{'linked':>7}{'right':>6}{'prec':>7}{'recall':>7}"
    print(head + f"{'prec(ind)':>10}{'rec(ind)':>9}{'year ok':>8}{'value=':>7}{'|press-WDI|':>12}")
    for key in sorted(tallies):
        t = tallies[key]
        p = t.right / t.identified if t.identified else float("nan")
        r = t.right / t.labels if t.labels else float("nan")
        pi = t.right_indicator / t.identified if t.identified else float("nan")
        ri = t.right_indicator / t.labels if t.labels else float("nan")
        yr = f"{t.years_right / t.years:.2f}" if t.years else "-"
        exact = (sum(e < 1e-6 for e in t.extracted_value_errors) / len(t.extracted_value_errors)
                 if t.extracted_value_errors else float("nan"))  # fmt: skip
        med = f"{statistics.median(t.data_errors):.1%}" if t.data_errors else "-"
        print(f"{key[0]:<8}{key[1]:<5}{t.labels:>7}{t.identified:>7}{t.right:>6}{p:>7.3f}"
              f"{r:>7.3f}{pi:>10.3f}{ri:>9.3f}{yr:>8}{exact:>7.2f}{med:>12}")  # fmt: skip


def verdicts(tallies: dict[tuple[str, str], Tally]) -> None:
    print("\nVerdicts on the right identifications")
    for part in PARTS:
        t = tallies.get((part, "all"))
        if not t or not t.right:
            continue
        decided = sum(t.verdicts[k] for k in ("consistent", "inconsistent", "ambiguous"))
        shares = ", ".join(f"{k} {n}" for k, n in sorted(t.verdicts.items()))
        print(f"  {part}: {shares}; decided by the data {decided}/{t.right} "
              f"({decided / t.right:.0%}), unverifiable {t.verdicts['unverifiable'] / t.right:.0%}")


def build(folder: Path) -> Any:
    from tendik.build import build_project
    from tendik.project import load_project

    root = folder / "countries"
    shutil.copytree(HERE / "project", root, ignore=shutil.ignore_patterns("warehouse*"))
    project = load_project(root)
    build_project(project)
    return project


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="a built copy of ./project")
    parser.add_argument("--errors", choices=PARTS, help="list the errors of one part")
    args = parser.parse_args(argv)
    from tendik.claims.check import Checker
    from tendik.project import load_project
    from tendik.store.query import Warehouse

    sentences = [s for part in PARTS for s in load(part)]
    counts = Counter((s.part, s.language) for s in sentences)
    print("sentences: " + ", ".join(f"{p}/{lang} {n}" for (p, lang), n in sorted(counts.items())))
    with tempfile.TemporaryDirectory() as folder:
        project = load_project(args.project) if args.project else build(Path(folder))
        with Warehouse(project.warehouse_path) as warehouse:
            checker = Checker(warehouse, area=project.area, project=project.name)
            data = warehouse_values(warehouse)
            ours: dict[tuple[str, str], Tally] = {}
            trivial: dict[tuple[str, str], Tally] = {}
            errors: list[str] = []
            for s in sentences:
                mine = score(s, checker_links(checker, s), data,
                             errors if args.errors == s.part else [])  # fmt: skip
                base = score(s, trivial_links(s, project.area), None, [])
                for key in ((s.part, s.language), (s.part, "all")):
                    ours.setdefault(key, Tally()).add(mine)
                    trivial.setdefault(key, Tally()).add(base)
    report("The checker", ours)
    verdicts(ours)
    report("Trivial answer (commonest indicator of the number's kind, first place named)", trivial)
    if args.errors:
        print(f"\nErrors ({args.errors})")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
