"""docs/quality.md: every setting is documented, and its snippet for the bundled project works."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

from tendik.project import Project
from tendik.quality import validate_project
from tendik.quality.config import (
    BUILTIN_CHECKS,
    OutlierConfig,
    PairConfig,
    QualityConfig,
    ReconcileConfig,
    RuleConfig,
)

DOC = Path(__file__).parents[2] / "docs" / "quality.md"


def test_every_setting_and_check_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    models = (QualityConfig, RuleConfig, OutlierConfig, PairConfig, ReconcileConfig)
    for model in models:
        for name in model.model_fields:
            assert re.search(rf"\b{name}\b", text), f"{model.__name__}.{name} is not in {DOC}"
    for check in BUILTIN_CHECKS:
        assert f"**{check}**" in text


def test_the_documented_pairs_for_the_bundled_project(built_kazakhstan: Project) -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("To settle both, add this")[1]
    snippet = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert snippet is not None
    quality = tomllib.loads(snippet.group(1))["quality"]
    quality["outliers"] = {"enabled": False}
    report = validate_project(dataclasses.replace(built_kazakhstan, quality=quality))
    summary = [(r.a, r.shift, r.compared, r.agreeing, r.origin) for r in report.reconciliations]
    assert summary == [
        ("parliament-women-share", 1, 3974, 3511, "declared"),
        ("local-government-women-share", 1, 72, 64, "declared"),
    ]
    assert report.of_type("shift-suggested") == []
    assert report.by_type == {"sources-disagree": (3974 - 3511) + (72 - 64)}
