"""Matching and verdicts scored on the labelled set (bench/claims), against the bundled
warehouse built for the session."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from tendik.claims import Checker

BENCH = Path(__file__).resolve().parents[2] / "bench" / "claims"


@cache
def evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_evaluate_checking", BENCH / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_verdict_and_matching_accuracy(checker: Checker) -> None:
    ev = evaluate()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        tallies = ev.evaluate_checking(ev.load(BENCH / "claims.jsonl"), ev.checker_results(checker))
    everything = tallies[("all", "all")]
    assert everything.labels == 330
    assert everything.verdict / everything.labels >= 0.9
    assert everything.indicator / everything.labels >= 0.9
    for split in ("dev", "test", "test2"):
        t = tallies[(split, "all")]
        assert t.verdict / t.labels >= 0.9, split
    report = out.getvalue()
    # never "consistent" where the labels say nothing real bears on the claim
    assert "unverifiable -> consistent" not in report
    assert "Matching and verdicts" in report
