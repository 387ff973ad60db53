"""SDMX-ML 2.1 publication: read back with sdmx1 to the warehouse's values."""

from __future__ import annotations

from pathlib import Path

import pytest
import sdmx
from sdmx import message

from tendik.project import Project
from tendik.publish import PublishReport
from tendik.publish.sdmx_ids import code_ids


@pytest.fixture(scope="module")
def kz_structure(kz_published: dict[str, PublishReport]) -> message.StructureMessage:
    return sdmx.read_sdmx(kz_published["sdmx"].out / "structure.xml")


@pytest.fixture(scope="module")
def uk_structure(uk_published: dict[str, PublishReport]) -> message.StructureMessage:
    return sdmx.read_sdmx(uk_published["sdmx"].out / "structure.xml")


def read_cells(out: Path, structure: message.StructureMessage,
               indicator: str) -> dict[tuple, tuple[float | None, str]]:
    """The data message's observations, codes turned back into values through the codelists."""
    code = indicator.upper().replace("-", "_")
    dsd = structure.structure[f"DSD_{code}"]
    data = sdmx.read_sdmx(out / "data" / f"{indicator}.xml", structure=dsd)
    names = {}
    for dim in dsd.dimensions:
        codelist = dim.local_representation.enumerated if dim.local_representation else None
        if codelist is not None:
            names[dim.id] = {c.id: (None if c.id == "_T" else str(c.name)) for c in codelist}
    result = {}
    for obs in data.data[0].obs:
        values = {k.id: names[k.id][k.value] if k.id in names else k.value
                  for k in obs.key.values.values()}
        breakdowns = [v for k, v in values.items() if k not in ("REF_AREA", "TIME_PERIOD")]
        key = (values["REF_AREA"], values["TIME_PERIOD"], *breakdowns)
        value = None if obs.value is None else float(obs.value)
        result[key] = (value, obs.attached_attribute["OBS_STATUS"].value)
    return result


def test_one_dataflow_and_structure_per_indicator(kz_structure: message.StructureMessage,
                                                  kz_published: dict[str, PublishReport],
                                                  kz_indicators: dict[str, int]) -> None:
    assert len(kz_structure.dataflow) == len(kz_indicators)
    assert len(kz_structure.structure) == len(kz_indicators)
    flow = kz_structure.dataflow["DF_PARLIAMENT_WOMEN_SHARE"]
    assert flow.name.localizations["ru"] == (
        "Доля мест, занимаемых женщинами в национальном парламенте (нижняя палата)")
    assert [a.text.localizations["en"] for a in flow.annotations] == [
        "parliament-women-share", "5.5.1"]
    dsd = kz_structure.structure["DSD_PARLIAMENT_WOMEN_SHARE"]
    assert [d.id for d in dsd.dimensions] == ["REF_AREA", "TIME_PERIOD"]
    assert [a.id for a in dsd.attributes] == ["UNIT_MEASURE", "OBS_STATUS", "COMMENT_OBS"]
    assert {"CL_AREA", "CL_OBS_STATUS", "CL_UNIT_MEASURE"} <= set(kz_structure.codelist)
    assert [str(c.name) for c in kz_structure.codelist["CL_OBS_STATUS"]] == [
        "Normal value", "Provisional value", "Estimated value", "Confidential value (suppressed)"]
    areas = kz_structure.codelist["CL_AREA"]
    assert str(areas["KAZ"].description) == "Kazakhstan"
    assert len(kz_published["sdmx"].files) == len(kz_indicators) + 1


def test_data_read_back_equals_the_warehouse(kz_published: dict[str, PublishReport],
                                             kz_structure: message.StructureMessage,
                                             kz_indicators: dict[str, int],
                                             built_kazakhstan: Project, cells) -> None:
    for indicator in kz_indicators:
        published = read_cells(kz_published["sdmx"].out, kz_structure, indicator)
        assert published == cells(built_kazakhstan, indicator), indicator


def test_kazakhstan_parliament_2024(kz_published: dict[str, PublishReport],
                                    kz_structure: message.StructureMessage) -> None:
    published = read_cells(kz_published["sdmx"].out, kz_structure, "parliament-women-share")
    assert len(published) == 6360
    assert published["KAZ", "2024"] == (19.3877551020408, "A")


def test_breakdowns_have_codelists_with_totals(uk_structure: message.StructureMessage) -> None:
    dsd = uk_structure.structure["DSD_MANAGERS_WOMEN_SHARE"]
    assert [d.id for d in dsd.dimensions] == [
        "REF_AREA", "AGE", "DISABILITY_STATUS", "REGION", "TIME_PERIOD"]
    regions = uk_structure.codelist["CL_REGION"]
    assert len(regions) == 13  # 12 regions and nations, and the total
    assert str(regions["YORKSHIRE_AND_THE_HUMBER"].name) == "Yorkshire and the Humber"
    assert str(regions["_T"].name) == "Total"
    ages = uk_structure.codelist["CL_AGE"]
    assert str(ages["16_TO_24"].name) == "16 to 24"
    authorities = uk_structure.codelist["CL_LEGISLATIVE_AUTHORITY"]
    assert str(authorities["SCOTTISH_PARLIAMENT_P_RLAMAID_NA_H-ALBA"].name) == (
        "Scottish Parliament/Pàrlamaid na h-Alba")


@pytest.mark.parametrize("indicator", ["managers-women-share", "devolved-women-share"])
def test_breakdown_data_read_back(uk_published: dict[str, PublishReport],
                                  uk_structure: message.StructureMessage,
                                  uk_suppressed: Project, cells, indicator: str) -> None:
    published = read_cells(uk_published["sdmx"].out, uk_structure, indicator)
    expected = {k: (None if s == "C" else v, s)
                for k, (v, s) in cells(uk_suppressed, indicator).items()}
    assert published == expected


def test_code_ids_are_valid_and_unique() -> None:
    assert code_ids(["KAZ", "KZ-71", "16 to 24", "16-to-24", "Алматы", "Астана", "16_TO_24"]) == {
        "KAZ": "KAZ",
        "KZ-71": "KZ-71",
        "16 to 24": "16_TO_24",
        "16-to-24": "16-TO-24",
        "Алматы": "V1",
        "Астана": "V2",
        "16_TO_24": "V3",
    }
