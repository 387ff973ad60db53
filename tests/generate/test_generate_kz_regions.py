"""ISO 3166-2:KZ reference data: codes, kinds and names in three languages."""

from __future__ import annotations

from datetime import date

import pytest

from tendik.errors import UnknownCode
from tendik.reference import KZ_REGIONS, canonical_region_code, region, region_name
from tendik.reference.kz_regions import REGION_CODES, regions_on


def test_seventeen_regions_and_three_cities() -> None:
    assert len(KZ_REGIONS) == 20
    assert len(REGION_CODES) == 20
    kinds = [r.kind for r in KZ_REGIONS]
    assert kinds.count("region") == 17
    assert {r.code for r in KZ_REGIONS if r.kind == "city"} == {"KZ-71", "KZ-75", "KZ-79"}
    assert all(r.code.startswith("KZ-") and r.code[3:].isdigit() for r in KZ_REGIONS)


def test_names_in_three_languages() -> None:
    assert region_name("KZ-71") == "Astana"
    assert region_name("KZ-75", "ru") == "Алматы"
    assert region_name("KZ-19", "en") == "Almaty Region"
    assert region_name("KZ-35", "kk") == "Қарағанды облысы"
    assert region_name("KZ-59", "kk") == "Солтүстік Қазақстан облысы"
    assert region_name("KZ-62", "ru") == "Улытауская область"
    assert region_name("KZ-33", "kk") == "Жетісу облысы"
    assert region_name("KZ-27", "ru") == "Западно-Казахстанская область"
    names_kk = {r.name_kk for r in KZ_REGIONS}
    assert len(names_kk) == 20


def test_former_letter_codes_map_to_current_ones() -> None:
    assert canonical_region_code("KZ-AST") == "KZ-71"
    assert canonical_region_code("kz-ala") == "KZ-75"
    assert canonical_region_code("KZ-SHY") == "KZ-79"
    assert canonical_region_code("KZ-YUZ") == "KZ-61"
    assert region("KZ-VOS").name_en == "East Kazakhstan Region"


def test_regions_formed_since_2015() -> None:
    assert len(regions_on(date(2015, 1, 1))) == 16
    assert len(regions_on(date(2019, 1, 1))) == 17
    assert len(regions_on(date(2023, 1, 1))) == 20
    assert region("KZ-10").formed_from == "KZ-63"
    assert region("KZ-33").formed_from == "KZ-19"
    assert region("KZ-62").formed_from == "KZ-35"
    assert region("KZ-62").established == date(2022, 6, 8)


def test_unknown_codes_and_languages_are_refused() -> None:
    with pytest.raises(UnknownCode) as error:
        region_name("KZ-99")
    assert error.value.key == "KZ-99"
    with pytest.raises(UnknownCode):
        region_name("KZ-71", "de")  # type: ignore[arg-type]
