"""Kazakhstan's first-level subdivisions as coded in ISO 3166-2:KZ, with names in en, ru and kk.

The codes are the numeric ones ISO 3166-2 has used since its 2020 revision (KZ-71 for Astana,
formerly KZ-AST); the three regions formed on 8 June 2022 (Abai, Jetisu, Ulytau) carry the codes
ISO added for them. ``former_code`` keeps the earlier letter code so that older files still map.
English names follow ISO 3166-2 with "Region" added for the oblasts, which keeps Almaty Region
apart from the city of Almaty. Kazakh names are in Cyrillic, as used in official documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from tendik.errors import UnknownCode

RegionKind = Literal["region", "city"]
Lang = Literal["en", "ru", "kk"]


@dataclass(frozen=True)
class Region:
    """One ISO 3166-2:KZ subdivision: an oblast (region) or a city of republican significance."""

    code: str  # ISO 3166-2 code, e.g. "KZ-71"
    name_en: str
    name_ru: str
    name_kk: str
    kind: RegionKind
    former_code: str | None = None  # ISO 3166-2 letter code before the 2020 revision
    established: date | None = None  # when it became a first-level unit, if after 2015
    formed_from: str | None = None  # the code of the unit it was separated from

    def name(self, lang: Lang = "en") -> str:
        """The name in ``lang`` (en, ru or kk)."""
        if lang == "en":
            return self.name_en
        if lang == "ru":
            return self.name_ru
        if lang == "kk":
            return self.name_kk
        raise UnknownCode(f"unknown language '{lang}'; expected en, ru or kk", key=str(lang))


_JUNE_2022 = date(2022, 6, 8)

KZ_REGIONS: tuple[Region, ...] = (
    Region(
        "KZ-10",
        "Abai Region",
        "Абайская область",
        "Абай облысы",
        "region",
        None,
        _JUNE_2022,
        "KZ-63",
    ),
    Region("KZ-11", "Akmola Region", "Акмолинская область", "Ақмола облысы", "region", "KZ-AKM"),
    Region("KZ-15", "Aktobe Region", "Актюбинская область", "Ақтөбе облысы", "region", "KZ-AKT"),
    Region("KZ-19", "Almaty Region", "Алматинская область", "Алматы облысы", "region", "KZ-ALM"),
    Region("KZ-23", "Atyrau Region", "Атырауская область", "Атырау облысы", "region", "KZ-ATY"),
    Region(
        "KZ-27",
        "West Kazakhstan Region",
        "Западно-Казахстанская область",
        "Батыс Қазақстан облысы",
        "region",
        "KZ-ZAP",
    ),
    Region("KZ-31", "Jambyl Region", "Жамбылская область", "Жамбыл облысы", "region", "KZ-ZHA"),
    Region(
        "KZ-33",
        "Jetisu Region",
        "Жетысуская область",
        "Жетісу облысы",
        "region",
        None,
        _JUNE_2022,
        "KZ-19",
    ),
    Region(
        "KZ-35",
        "Karaganda Region",
        "Карагандинская область",
        "Қарағанды облысы",
        "region",
        "KZ-KAR",
    ),
    Region(
        "KZ-39", "Kostanay Region", "Костанайская область", "Қостанай облысы", "region", "KZ-KUS"
    ),
    Region(
        "KZ-43",
        "Kyzylorda Region",
        "Кызылординская область",
        "Қызылорда облысы",
        "region",
        "KZ-KZY",
    ),
    Region(
        "KZ-47", "Mangystau Region", "Мангистауская область", "Маңғыстау облысы", "region", "KZ-MAN"
    ),
    Region(
        "KZ-55", "Pavlodar Region", "Павлодарская область", "Павлодар облысы", "region", "KZ-PAV"
    ),
    Region(
        "KZ-59",
        "North Kazakhstan Region",
        "Северо-Казахстанская область",
        "Солтүстік Қазақстан облысы",
        "region",
        "KZ-SEV",
    ),
    # Named South Kazakhstan Region (Южно-Казахстанская область) until 19 June 2018.
    Region(
        "KZ-61", "Turkistan Region", "Туркестанская область", "Түркістан облысы", "region", "KZ-YUZ"
    ),
    Region(
        "KZ-62",
        "Ulytau Region",
        "Улытауская область",
        "Ұлытау облысы",
        "region",
        None,
        _JUNE_2022,
        "KZ-35",
    ),
    Region(
        "KZ-63",
        "East Kazakhstan Region",
        "Восточно-Казахстанская область",
        "Шығыс Қазақстан облысы",
        "region",
        "KZ-VOS",
    ),
    Region("KZ-71", "Astana", "Астана", "Астана", "city", "KZ-AST"),
    Region("KZ-75", "Almaty", "Алматы", "Алматы", "city", "KZ-ALA"),
    Region("KZ-79", "Shymkent", "Шымкент", "Шымкент", "city", "KZ-SHY", date(2018, 6, 19), "KZ-61"),
)

_BY_CODE: dict[str, Region] = {r.code: r for r in KZ_REGIONS}
_FORMER: dict[str, str] = {r.former_code: r.code for r in KZ_REGIONS if r.former_code}

REGION_CODES: frozenset[str] = frozenset(_BY_CODE)
CAPITAL: str = "KZ-71"


def canonical_region_code(code: str) -> str:
    """The current ISO 3166-2:KZ code for ``code``, which may be a former letter code."""
    key = code.strip().upper()
    if key in _BY_CODE:
        return key
    if key in _FORMER:
        return _FORMER[key]
    raise UnknownCode(f"'{code}' is not an ISO 3166-2:KZ region code", key=code)


def region(code: str) -> Region:
    """The region with this code (current or former ISO 3166-2:KZ code)."""
    return _BY_CODE[canonical_region_code(code)]


def region_name(code: str, lang: Lang = "en") -> str:
    """The name of the region with this code in ``lang`` (en, ru or kk)."""
    return region(code).name(lang)


def regions_on(day: date) -> tuple[Region, ...]:
    """The regions that existed as first-level units on ``day``."""
    return tuple(r for r in KZ_REGIONS if r.established is None or r.established <= day)
