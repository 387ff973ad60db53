"""Cross-source reconciliation on the real files, and labels that look swapped."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

import pytest
from quality_helpers import Hand, MakeProject

from tendik.build import build_project
from tendik.project import BUNDLED_PROJECT, Project, load_project
from tendik.quality import (
    LabelsLookSwapped,
    QualityReport,
    Reconciliation,
    ShiftSuggested,
    SourcesDisagree,
    reference_anchor,
    validate_project,
)

PARLIAMENT = ("parliament-women-share", "parliament-women-share-un")
LOCAL = ("local-government-women-share", "local-government-women-share-owid")


def pair(report: QualityReport, a: str, b: str) -> Reconciliation:
    return next(r for r in report.reconciliations if (r.a, r.b) == (a, b))


def test_reference_dates_give_the_shift() -> None:
    assert reference_anchor("as of 1 January of year t (1 February before 2020)") == "start"
    assert reference_anchor("about the end of year t (World Bank WDI convention)") == "end"
    assert reference_anchor("31 December of year t") == "end"
    assert reference_anchor("the year of the survey") is None
    assert reference_anchor(None) is None


def test_wdi_and_un_parliament_agree_for_88_percent(bundled_report: QualityReport) -> None:
    """Paired automatically by SG_GEN_PARL; WDI "end of t" vs UN "as of 1 January of t" gives
    shift 1: WDI(t−1) against UN(t), within 0.05 points, for 3,511 of 3,974 country-years."""
    wdi_un = pair(bundled_report, *PARLIAMENT)
    assert (wdi_un.source_a, wdi_un.source_b) == ("wdi-parliament", "un-parliament")
    assert (wdi_un.shift, wdi_un.tolerance, wdi_un.origin) == (1, 0.05, "sdmx_series")
    assert (wdi_un.compared, wdi_un.agreeing) == (3974, 3511)
    assert wdi_un.share == pytest.approx(0.8835, abs=1e-4)
    disagree = [
        f
        for f in bundled_report.of_type("sources-disagree")
        if isinstance(f, SourcesDisagree) and (f.a, f.b) == PARLIAMENT
    ]
    assert len(disagree) == 3974 - 3511
    kaz = [
        (f.period_a, f.period_b, round(f.value_a, 2), f.value_b)
        for f in disagree
        if f.area == "KAZ"
    ]
    # 2012: the UN's 1 February figure already counts the Mazhilis elected in January 2012
    assert kaz == [
        ("1999", "2000", 10.81, 10.39),
        ("2011", "2012", 17.76, 24.3),
        ("2013", "2014", 24.3, 25.22),
        ("2014", "2015", 25.22, 26.17),
    ]
    assert disagree[0].severity == "warning"
    assert [f for f in disagree if f.area == "KAZ"][1].message == (
        "KAZ: 'parliament-women-share' (wdi-parliament) 2011 = 17.757 but "
        "'parliament-women-share-un' (un-parliament) 2012 = 24.3; they differ by 6.543, "
        "beyond 0.05"
    )


def test_local_government_suggests_a_shift_of_one(bundled_report: QualityReport) -> None:
    """UN and OWID publish the same SG_GEN_LOCGELS, without reference dates: compared year for
    year, 44 of 54 agree; OWID's year t is the UN's t−1 (KAZ: UN 2018 = OWID 2019 = 22.19),
    which agrees for 64 of 72, and the report says so."""
    local = pair(bundled_report, *LOCAL)
    assert (local.shift, local.compared, local.agreeing) == (0, 54, 44)
    (suggestion,) = bundled_report.of_type("shift-suggested")
    assert isinstance(suggestion, ShiftSuggested)
    assert (suggestion.a, suggestion.b, suggestion.suggested) == (*LOCAL, 1)
    assert (suggestion.suggested_compared, round(suggestion.suggested_share, 3)) == (72, 0.889)
    assert suggestion.severity == "info"
    assert "declare shift = 1" in suggestion.message


def test_declared_pairs_replace_the_automatic_ones(built_kazakhstan: Project) -> None:
    quality = {
        "reconcile": {
            "pairs": [
                {"a": LOCAL[0], "b": LOCAL[1], "shift": 1},
                {"a": PARLIAMENT[0], "b": PARLIAMENT[1], "shift": 0, "tolerance": 0.5},
            ]
        },
        "outliers": {"enabled": False},
    }
    report = validate_project(dataclasses.replace(built_kazakhstan, quality=quality))
    assert [(r.a, r.origin, r.shift, r.compared, r.agreeing) for r in report.reconciliations] == [
        (LOCAL[0], "declared", 1, 72, 64),
        (PARLIAMENT[0], "declared", 0, 3985, 3006),
    ]
    # WDI(t) against UN(t) is the worse alignment even within 0.5 points
    (suggestion,) = report.of_type("shift-suggested")
    assert (suggestion.a, suggestion.suggested) == (PARLIAMENT[0], 1)  # type: ignore[attr-defined]
    no_auto = {"reconcile": {"auto": False}, "outliers": {"enabled": False}}
    report = validate_project(dataclasses.replace(built_kazakhstan, quality=no_auto))
    assert report.reconciliations == [] and report.findings == []


def _swapped_copy(root: Path) -> Project:
    """The two parliament sources, the WDI file edited: Kazakhstan's values replaced by men's
    share (100 − women's) and the codes of Kyrgyzstan and Uzbekistan exchanged."""
    root.mkdir()
    (root / "indicators").mkdir()
    for name in PARLIAMENT:
        shutil.copy(BUNDLED_PROJECT / "indicators" / f"{name}.yaml", root / "indicators")
    for folder in ("wdi-women-in-parliament", "un-minimum-set-public-life"):
        shutil.copytree(BUNDLED_PROJECT / "sources" / folder, root / "sources" / folder)
    wdi = root / "sources/wdi-women-in-parliament/API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
    lines = wdi.read_text(encoding="utf-8-sig").split("\n")
    for n, line in enumerate(lines):
        if line.startswith('"Kazakhstan"'):
            cells = next(csv.reader([line]))
            men = [f"{100 - float(c)}" if c else "" for c in cells[4:-1]]
            lines[n] = ",".join(f'"{c}"' for c in cells[:4] + men) + ","
        elif line.startswith('"Kyrgyz Republic"'):
            lines[n] = line.replace('"KGZ"', '"UZB"')
        elif line.startswith('"Uzbekistan"'):
            lines[n] = line.replace('"UZB"', '"KGZ"')
    wdi.write_text("\ufeff" + "\n".join(lines), encoding="utf-8")
    (root / "tendik.toml").write_text(
        '[project]\nname = "Swapped"\narea = "KAZ"\n\n'
        "[sources.wdi-parliament]\n"
        f'path = "{wdi.relative_to(root).as_posix()}"\nformat = "wdi"\n\n'
        "[sources.un-parliament]\n"
        'path = "sources/un-minimum-set-public-life/7100__IV_2__I836a1d80__S5867152a.tsv"\n'
        'format = "unsdg"\n\n[quality.outliers]\nenabled = false\n',
        encoding="utf-8",
    )
    project = load_project(root)
    build_project(project)
    return project


def test_swapped_labels_are_caught(tmp_path: Path) -> None:
    report = validate_project(_swapped_copy(tmp_path / "swapped"))
    assert report.has_errors
    complement, areas = report.of_type("labels-look-swapped")
    assert isinstance(complement, LabelsLookSwapped) and isinstance(areas, LabelsLookSwapped)
    assert (complement.kind, complement.areas, complement.indicators) == (
        "complement",
        ("KAZ",),
        PARLIAMENT,
    )
    # every UN year where the two series agreed before now agrees with 100 − WDI: 18 of 22
    assert len(complement.periods) == 18
    assert complement.periods[:2] == ("2001", "2002") and complement.periods[-1] == "2021"
    assert complement.severity == "error"
    assert complement.message.startswith(
        "'parliament-women-share' and 'parliament-women-share-un' look like complements "
        "(a ≈ 100 − b) for KAZ: one may report men's share where women's is meant (periods "
    )
    assert "2000 89.6104 vs 2001 10.39; 2001 89.6104 vs 2002 10.39;" in complement.message
    assert complement.message.endswith("and 13 more)")
    assert (areas.kind, areas.areas, len(areas.periods)) == ("areas", ("KGZ", "UZB"), 18)
    assert "2002: KGZ 7.2/10, UZB 10/7.2" in areas.message
    # the area-years a swap explains are not reported a second time as disagreements: what is
    # left for KGZ and UZB are years where one of them already disagreed with the UN
    left = [
        (f.area, f.period_b)
        for f in report.of_type("sources-disagree")
        if isinstance(f, SourcesDisagree) and f.area in ("KAZ", "KGZ", "UZB")
    ]
    assert left == [
        ("KAZ", "2000"),
        ("KAZ", "2012"),
        ("KAZ", "2014"),
        ("KAZ", "2015"),  # the four years WDI and UN never agreed (see above)
        ("KGZ", "2015"),
        ("KGZ", "2020"),
        ("KGZ", "2021"),
        ("UZB", "2000"),
        ("UZB", "2015"),
        ("UZB", "2020"),
        ("UZB", "2021"),
    ]
    assert len(areas.rows) == 2 * 18 * 2  # two areas, 18 years, both sources
    wdi_un = pair(report, *PARLIAMENT)
    assert (wdi_un.compared, wdi_un.agreeing) == (3974, 3454)  # 3,511 before the edits


def test_the_real_files_have_no_swapped_labels(bundled_report: QualityReport) -> None:
    """Austria's WDI 2013 (33.33) is Slovenia's UN 2014 (33.33) and the other way round, to
    0.01: one year of coincidence is not a swap, so it stays two disagreements."""
    assert bundled_report.of_type("labels-look-swapped") == []
    coincidence = [
        (f.area, f.period_b)
        for f in bundled_report.of_type("sources-disagree")
        if f.area in ("AUT", "SVN") and f.period_b == "2014"  # type: ignore[attr-defined]
    ]
    assert coincidence == [("AUT", "2014"), ("SVN", "2014")]
    assert not bundled_report.has_errors


def test_two_indicators_interchanged(hand_project: MakeProject) -> None:
    """Two series published by two sources each; one source has the two interchanged for KAZ
    in 2020 and 2021 (the ministers' figure under parliament and the other way round)."""
    years = ("2019", "2020", "2021")
    parl = {"KAZ": (27.1, 27.1, 27.4), "KGZ": (19.2, 19.2, 20.5)}
    mins = {"KAZ": (10.0, 9.5, 11.1), "KGZ": (11.1, 11.8, 6.7)}

    def rows(values: dict[str, tuple[float, ...]], swap: dict[str, tuple[float, ...]] | None):
        out = []
        for area, series in values.items():
            for n, year in enumerate(years):
                value = swap[area][n] if swap and area == "KAZ" and year != "2019" else series[n]
                out.append((area, year, {}, value, None, None))
        return out

    project = hand_project(
        Hand("parl-a", rows(parl, None), sdmx_series="S1", source="one"),
        Hand("parl-b", rows(parl, mins), sdmx_series="S1", source="two"),
        Hand("mins-a", rows(mins, None), sdmx_series="S2", source="one"),
        Hand("mins-b", rows(mins, parl), sdmx_series="S2", source="two"),
        quality={"outliers": {"enabled": False}},
    )
    report = validate_project(project)
    (finding,) = report.findings
    assert isinstance(finding, LabelsLookSwapped)
    assert finding.kind == "indicators"
    # one source against one: the exchange may be in either source, and the finding says so
    assert finding.indicators == ("mins-a", "parl-a")
    assert finding.alternative == ("mins-b", "parl-b")
    assert finding.against == (("mins-b",), ("parl-b",))
    assert (finding.areas, finding.periods, finding.first_period) == (
        ("KAZ",),
        ("2020", "2021"),
        "2020",
    )
    assert finding.message == (
        "'mins-a' and 'parl-a' look exchanged for KAZ from 2020 on: 'mins-a' agrees with "
        "'parl-b' and 'parl-a' with 'mins-b' rather than with their own; or 'mins-b' and "
        "'parl-b' are, one source against one cannot tell which pair (2 periods, "
        "'mins-a'/'parl-a' against the references of each: "
        "2020: 9.5/27.1 against 27.1/9.5; 2021: 11.1/27.4 against 27.4/11.1)"
    )
    assert len(finding.rows) == 8  # two years, four series
    assert [(r.compared, r.agreeing) for r in report.reconciliations] == [(6, 4), (6, 4)]


def test_the_bundled_project_declares_both_shifts(built_kazakhstan: Project) -> None:
    """The bundled tendik.toml declares WDI(t-1)~UN(t) and UN(t-1)~OWID(t)."""
    report = validate_project(built_kazakhstan)
    found = {
        (r.a, r.b): (r.origin, r.shift, r.compared, r.agreeing) for r in report.reconciliations
    }
    assert found[PARLIAMENT] == ("declared", 1, 3974, 3511)
    assert found[LOCAL] == ("declared", 1, 72, 64)
    assert report.of_type("shift-suggested") == []
