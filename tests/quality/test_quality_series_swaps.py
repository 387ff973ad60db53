"""Two series exchanged against their independent sources, found with the default settings: the
Kazakhstan national SDG platform's 5.5.1 file (real) against the bundled World Bank, UN and
Our World in Data series."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from tendik.build import build_project
from tendik.errors import QualityConfigError
from tendik.project import BUNDLED_PROJECT, Project, load_project
from tendik.quality import LabelsLookSwapped, SourcesDisagree, parse_quality, validate_project

SAMPLES = Path(__file__).parents[1] / "fixtures" / "open-sdg-samples" / "kazakhstan"
REFERENCES = {  # indicator -> (source id, path in the bundled project, format)
    "parliament-women-share": (
        "wdi-parliament",
        "sources/wdi-women-in-parliament/API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv",
        "wdi",
    ),
    "parliament-women-share-un": (
        "un-parliament",
        "sources/un-minimum-set-public-life/7100__IV_2__I836a1d80__S5867152a.tsv",
        "unsdg",
    ),
    "local-government-women-share": (
        "un-local-government",
        "sources/un-minimum-set-public-life/7200__IV_2__I836a1d80__S37241f88.tsv",
        "unsdg",
    ),
    "local-government-women-share-owid": (
        "owid-local-government",
        "sources/owid-women-in-local-government/WomenInLocalGov.csv",
        "owid",
    ),
}
PLATFORM = ("kz-local-government", "kz-parliament")
MAZHILIS = "национальный парламент (Мажилис)"
MASLIKHAT = "местные органы власти (Маслихат)"
COLUMN = "Доля мест, занимаемых женщинами"


def platform_project(
    root: Path,
    data: str,
    parliament: dict[str, str],
    local: dict[str, str],
    references: tuple[str, ...] = tuple(REFERENCES),
) -> Project:
    """The platform's file (text ``data``) beside the bundled series in ``references``; its two
    series declared as the project's own SG_GEN_PARL and SG_GEN_LOCGELS, outliers off."""
    (root / "indicators").mkdir(parents=True)
    toml = '[project]\nname = "Platform"\narea = "KAZ"\n\n[quality.outliers]\nenabled = false\n'
    for indicator in references:
        source, path, fmt = REFERENCES[indicator]
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BUNDLED_PROJECT / path, root / path)
        shutil.copy(BUNDLED_PROJECT / "indicators" / f"{indicator}.yaml", root / "indicators")
        toml += f'\n[sources.{source}]\npath = "{path}"\nformat = "{fmt}"\n'
    (root / "indicator_5-5-1.csv").write_text(data, encoding="utf-8")
    toml += '\n[sources.kazstat]\npath = "indicator_5-5-1.csv"\nformat = "opensdg"\narea = "KAZ"\n'
    (root / "tendik.toml").write_text(toml, encoding="utf-8")
    for name, series, sdmx in (
        ("kz-parliament", parliament, "SG_GEN_PARL"),
        ("kz-local-government", local, "SG_GEN_LOCGELS"),
    ):
        selector = ", ".join(f'{k}: "{v}"' for k, v in series.items())
        (root / "indicators" / f"{name}.yaml").write_text(
            f"id: {name}\ntitle: {{en: {name}}}\nunit: percent\nsource: kazstat\n"
            f"series: {{{selector}}}\nsdmx_series: {sdmx}\n",
            encoding="utf-8",
        )
    project = load_project(root)
    build_project(project)
    return project


def swaps(project: Project) -> list[LabelsLookSwapped]:
    found = validate_project(project).of_type("labels-look-swapped")
    assert all(isinstance(f, LabelsLookSwapped) for f in found)
    return found  # type: ignore[return-value]


def current_file() -> str:
    return (SAMPLES / "indicator_5-5-1.csv").read_text(encoding="utf-8")


def file_of_2019() -> str:
    return (SAMPLES / "2019-09" / "indicator_5-5-1.csv").read_text(encoding="utf-8")


def test_the_platforms_swapped_labels_are_an_error(tmp_path: Path) -> None:
    """SG_GEN_PARL holds the maslikhat series and SG_GEN_LOCG the Mazhilis one in every year:
    one error, naming both series, their references and 2011, the first year both have a
    value; the disagreements it explains are not reported again."""
    project = platform_project(
        tmp_path, current_file(), {"code": "SG_GEN_PARL"}, {"code": "SG_GEN_LOCG"}
    )
    report = validate_project(project)
    assert report.has_errors
    (swap,) = report.of_type("labels-look-swapped")
    assert isinstance(swap, LabelsLookSwapped)
    assert (swap.severity, swap.kind, swap.indicators) == ("error", "indicators", PLATFORM)
    assert swap.first_period == "2011"
    assert swap.periods == ("2011", "2012", "2014", "2015", "2016", "2017", "2018", "2019", "2023")
    assert swap.against == (
        ("local-government-women-share", "local-government-women-share-owid"),
        ("parliament-women-share", "parliament-women-share-un"),
    )
    assert swap.alternative == ()
    assert swap.message.startswith(
        "'kz-local-government' and 'kz-parliament' look exchanged for KAZ from 2011 on: "
        "'kz-local-government' agrees with 'parliament-women-share', "
        "'parliament-women-share-un' and 'kz-parliament' with 'local-government-women-share', "
        "'local-government-women-share-owid' rather than with their own (9 periods, "
        "'kz-local-government'/'kz-parliament' against the references of each: "
        "2011: 17.8/16.9 against –/17.757,17.76; 2012: 23.8/17 against –/24.2991,24.3;"
    )
    assert swap.message.endswith("and 4 more)")
    left = [
        (f.a, f.b, f.period_b)
        for f in report.of_type("sources-disagree")
        if isinstance(f, SourcesDisagree) and {f.a, f.b} & set(PLATFORM)
    ]
    assert len(left) == 10  # 29 before: the 19 the exchange explains are not repeated
    assert all(period in ("2013", "2020", "2021", "2022") for _, _, period in left)


def test_with_the_world_bank_and_the_un_local_series_alone(tmp_path: Path) -> None:
    """One reference each, as a smaller project would have them: still caught from 2011."""
    project = platform_project(
        tmp_path,
        current_file(),
        {"code": "SG_GEN_PARL"},
        {"code": "SG_GEN_LOCG"},
        references=("parliament-women-share", "local-government-women-share"),
    )
    (swap,) = swaps(project)
    assert swap.indicators == PLATFORM and swap.first_period == "2011"
    assert swap.against == (("local-government-women-share",), ("parliament-women-share",))


def test_the_same_numbers_under_the_right_labels_pass(tmp_path: Path) -> None:
    """The platform's 2019 file: the same numbers under Russian labels that say what they are."""
    where = f'\\"{COLUMN}\\" = '
    project = platform_project(
        tmp_path,
        file_of_2019(),
        {"code": "5-5-1", "where": f"{where}'{MAZHILIS}'"},
        {"code": "5-5-1", "where": f"{where}'{MASLIKHAT}'"},
    )
    assert swaps(project) == []


def test_exchanged_from_some_period_on(tmp_path: Path) -> None:
    """The 2019 file EDITED here: its two series' values exchanged from 2016 on (not published
    data). The error gives 2016 as the first period: before it the labels fit."""
    rows = list(csv.reader(io.StringIO(file_of_2019())))
    values = {(r[0], r[2]): r[3] for r in rows[1:]}
    for row in rows[1:]:
        other = MASLIKHAT if row[2] == MAZHILIS else MAZHILIS
        if row[0] >= "2016" and (row[0], other) in values:
            row[3] = values[(row[0], other)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    where = f'\\"{COLUMN}\\" = '
    project = platform_project(
        tmp_path,
        out.getvalue(),
        {"code": "5-5-1", "where": f"{where}'{MAZHILIS}'"},
        {"code": "5-5-1", "where": f"{where}'{MASLIKHAT}'"},
    )
    (swap,) = swaps(project)
    assert swap.indicators == PLATFORM
    assert swap.first_period == "2016"
    assert swap.periods[0] == "2016" and "2015" not in swap.periods


def test_swap_ratio_is_checked() -> None:
    with pytest.raises(QualityConfigError) as caught:
        parse_quality({"reconcile": {"swap_ratio": 1}})
    assert caught.value.key == "quality.reconcile.swap_ratio"
    assert parse_quality({}).reconcile.swap_ratio == 4.0
    assert parse_quality({}).reconcile.swap_min_periods == 2
