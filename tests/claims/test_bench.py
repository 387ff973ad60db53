"""The labelled claim set: its shape, the data it cites, and the extraction score on it."""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

import tendik
from tendik.claims.model import QUALIFIERS

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "claims"
SOURCES = Path(tendik.__file__).parent / "bundled" / "kazakhstan" / "sources"
INDICATORS = {
    "parliament-women-share",
    "parliament-women-share-un",
    "local-government-women-share",
    "local-government-women-share-owid",
    "managers-women-share",
    "senior-middle-managers-women-share",
    "ministers-women-share",
    "police-women-share",
    "judges-women-share",
    "senior-administrators-women-share",
    "civil-service-women",
    "civil-service-women-managerial",
}
VERDICTS = {"consistent", "inconsistent", "ambiguous", "unverifiable"}


@cache
def evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_evaluate", BENCH / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@cache
def raw_records() -> list[dict]:
    lines = (BENCH / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_size_and_languages() -> None:
    records = raw_records()
    claims = [(r["language"], r["split"]) for r in records for _ in r["claims"]]
    assert len(records) == 67
    assert len(claims) == 330
    assert Counter(lang for lang, _ in claims) == {"en": 171, "ru": 159}
    assert Counter(split for _, split in claims) == {"dev": 214, "test": 73, "test2": 43}


def test_every_record_is_sourced_and_well_formed() -> None:
    ids = set()
    for record in raw_records():
        assert record["id"] not in ids
        ids.add(record["id"])
        assert record["language"] in ("en", "ru")
        assert record["split"] in ("dev", "test", "test2")
        source = record["source"]
        assert source["title"] and source["url"].startswith(("http://", "https://"))
        assert source["date"] or source.get("date_note")
        for claim in record["claims"]:
            assert claim["text"] in record["text"]
            assert claim["unit"] in ("percent", "count", "currency", "ratio")
            assert claim["qualifier"] is None or claim["qualifier"] in QUALIFIERS
            assert claim["indicator"] is None or claim["indicator"] in INDICATORS
            assert claim["verdict"] in VERDICTS and claim["note"]


def test_verdicts_include_known_problems() -> None:
    verdicts = Counter(c["verdict"] for r in raw_records() for c in r["claims"])
    assert verdicts == {"unverifiable": 298, "consistent": 20, "ambiguous": 7, "inconsistent": 5}
    notes = " ".join(c["note"] for r in raw_records() for c in r["claims"])
    for problem in ("wrong period", "chamber mix-up", "beyond rounding", "synthetic"):
        assert problem in notes


def test_civil_service_claims_are_unverifiable_because_only_synthetic_data_bear_on_them() -> None:
    civil = [
        c
        for r in raw_records()
        for c in r["claims"]
        if (c["indicator"] or "").startswith("civil-service")
    ]
    assert len(civil) == 25
    assert all(c["verdict"] == "unverifiable" and "synthetic" in c["note"] for c in civil)


# --- the figures cited in the notes are the bundled ones --------------------------------------
def _wdi() -> dict[tuple[str, int], float]:
    path = SOURCES / "wdi-women-in-parliament" / "API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    header = next(r for r in rows if r and r[0] == "Country Name")
    out = {}
    for row in rows:
        if len(row) > 4 and row[0] != "Country Name":
            for col, cell in enumerate(row[4:], start=4):
                if cell and header[col].isdigit():
                    out[(row[1], int(header[col]))] = float(cell)
    return out


def _un(prefix: str) -> dict[tuple[str, int], float]:
    folder = SOURCES / "un-minimum-set-public-life"
    path = next(folder.glob(f"{prefix}__*.tsv"))
    out = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            area = row["ISO3"] or ("WLD" if row["REF_AREA_DESC"] == "World" else "")
            if area:
                out[(area, int(row["TIME_PERIOD"]))] = float(row["OBS_VALUE"])
    return out


def _owid() -> dict[tuple[str, int], float]:
    path = SOURCES / "owid-women-in-local-government" / "WomenInLocalGov.csv"
    with path.open(encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        return {(row[1], int(row[2])): float(row[3]) for row in reader if row[1]}


SERIES = {
    ("parliament-women-share", "WDI"): _wdi,
    ("parliament-women-share", "UN"): lambda: _un("7100"),
    ("parliament-women-share-un", "UN"): lambda: _un("7100"),
    ("parliament-women-share-un", "WDI"): _wdi,
    ("local-government-women-share", "UN"): lambda: _un("7200"),
    ("local-government-women-share", "OWID"): _owid,
    ("local-government-women-share-owid", "OWID"): _owid,
}
CITATION = re.compile(r"\b(WDI|UN|OWID) (\d{4})(?:-(\d{4}))? (\d+(?:\.(\d+))?)")


def _citations() -> list[tuple[str, str, str, int, float, int]]:
    found = []
    for record in raw_records():
        for claim in record["claims"]:
            for m in CITATION.finditer(claim["note"]):
                key = (claim["indicator"], m.group(1))
                first, last = int(m.group(2)), int(m.group(3) or m.group(2))
                decimals = len(m.group(5) or "")
                for year in range(first, last + 1):
                    found.append((*key, claim["area"], year, float(m.group(4)), decimals))
    return found


def test_notes_cite_the_bundled_figures() -> None:
    citations = _citations()
    assert len(citations) == 68
    loaded = {key: load() for key, load in SERIES.items()}
    for indicator, series, area, year, value, decimals in citations:
        data = loaded[(indicator, series)]
        assert (area, year) in data, (indicator, series, area, year)
        assert abs(data[(area, year)] - value) <= 0.5 * 10**-decimals + 1e-9, (area, year)


# --- the extraction score --------------------------------------------------------------------
def test_extraction_scores_on_the_labelled_set() -> None:
    ev = evaluate()
    tallies = ev.evaluate_extraction(ev.load(BENCH / "claims.jsonl"))
    everything = tallies[("all", "all")]
    assert (everything.tp, everything.fp, everything.fn) == (330, 2, 0)
    assert everything.f1 >= 0.95
    for split in ("dev", "test", "test2"):
        assert tallies[(split, "all")].f1 >= 0.95
    assert tallies[("all", "ru")].tp == 159


def test_the_report_says_when_verdicts_cannot_be_scored() -> None:
    ev = evaluate()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert ev.main([]) == 0
    report = out.getvalue()
    assert "330 labelled claims" in report and "precision" in report
    if ev.find_checker() is None:
        assert "matching/verdicts: not available" in report
    else:
        assert "Matching and verdicts" in report


@pytest.mark.parametrize(
    ("label", "claim", "expected"),
    [
        ((0, 5, "55.8%", 55.8), ((0, 5), "55.8%", 55.8, "x 55.8%"), True),
        ((0, 5, "55.8%", 55.8), ((10, 15), "55.8%", 55.8, "other"), False),
        ((0, 5, "55.8%", 55.8), ((0, 5), "55.8%", 55.9, "x"), False),
        ((0, 12, "over 16,000", 16000), ((5, 11), "16,000", 16000, "over 16,000 women"), True),
    ],
)
def test_matching_rule(label: tuple, claim: tuple, expected: bool) -> None:
    ev = evaluate()
    from tendik.claims import Claim

    lab = ev.Label((label[0], label[1]), label[2], label[3], "percent", None, None, "x")
    got = Claim("c1", claim[0], claim[1], claim[2], "percent", claim[3], "en")
    assert ev.matches(lab, got) is expected


def test_a_label_missing_from_its_passage_names_file_row_and_claim(tmp_path: Path) -> None:
    from tendik.errors import ClaimsError

    record = dict(raw_records()[0])
    record["claims"] = [dict(record["claims"][0], text="99.9%")]
    bad = tmp_path / "claims.jsonl"
    bad.write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ClaimsError) as raised:
        evaluate().load(bad)
    assert (raised.value.row, raised.value.key) == (2, "99.9%")
    assert str(raised.value).startswith(f"{bad}, row 2, key '99.9%'")
