"""The same table in UTF-8, UTF-8 with BOM, UTF-16 and Windows-1251 reads the same."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from tendik.errors import EncodingProblem
from tendik.sources.spec import ColumnSpec

WDI = "wdi-women-in-parliament/API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
# Central Asia in Russian (Windows-1251 has these letters) and in Kazakh (it has not: Қ, Ө, Ү).
RUSSIAN = {
    "KAZ": "Казахстан",
    "KGZ": "Кыргызстан",
    "TJK": "Таджикистан",
    "TKM": "Туркменистан",
    "UZB": "Узбекистан",
}
KAZAKH = {
    "KAZ": "Қазақстан",
    "KGZ": "Қырғызстан",
    "TJK": "Тәжікстан",
    "TKM": "Түрікменстан",
    "UZB": "Өзбекстан",
}
COLUMNS = {
    "Страна": ColumnSpec(),
    "Код": ColumnSpec(codes=sorted(RUSSIAN)),
    "Доля женщин, %": ColumnSpec(type="number", kind="share"),
}
ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "cp1251": "cp1251"}


def central_asia_2024(read, bundled: Path, names: dict[str, str]) -> str:
    """A small CSV of the real 2024 WDI shares of women in parliament, with local names."""
    wdi = read(bundled, WDI, "wdi")
    rows = wdi.filter(
        pc.and_(
            pc.is_in(wdi["REF_AREA"], pa.array(list(names))), pc.equal(wdi["TIME_PERIOD"], "2024")
        )
    )
    lines = ['Страна,Код,"Доля женщин, %"']
    for row in rows.to_pylist():
        lines.append(f"{names[row['REF_AREA']]},{row['REF_AREA']},{row['OBS_VALUE']!r}")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("declared", [False, True])
def test_russian_table_in_four_encodings(
    read, bundled: Path, tmp_path: Path, declared: bool
) -> None:
    text = central_asia_2024(read, bundled, RUSSIAN)
    tables = {}
    for name, codec in ENCODINGS.items():
        (tmp_path / f"{name}.csv").write_bytes(text.encode(codec))
        encoding = name if declared else "auto"
        tables[name] = read(tmp_path, f"{name}.csv", "csv", columns=COLUMNS, encoding=encoding)
    reference = tables.pop("utf-8")
    assert reference.num_rows == 5
    kaz = reference.filter(pc.equal(reference["Код"], "KAZ")).to_pylist()[0]
    assert kaz == {
        "Страна": "Казахстан",
        "Код": "KAZ",
        "Доля женщин, %": 19.3877551020408,
        "_row": 2,
    }
    for name, table in tables.items():
        assert table.equals(reference), name


def test_kazakh_table_in_unicode_encodings(read, bundled: Path, tmp_path: Path) -> None:
    text = central_asia_2024(read, bundled, KAZAKH)
    columns = {**COLUMNS, "Код": ColumnSpec(codes=sorted(KAZAKH))}
    tables = []
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"):
        (tmp_path / f"{codec}.csv").write_bytes(text.encode(codec))
        tables.append(read(tmp_path, f"{codec}.csv", "csv", columns=columns))
    assert set(tables[0]["Страна"].to_pylist()) == set(KAZAKH.values())
    assert sum(tables[0]["Доля женщин, %"].to_pylist()) == pytest.approx(
        19.3877551020408 + 21.1111111111111 + 26.984126984127 + 25.6 + 38
    )
    for table in tables[1:]:
        assert table.equals(tables[0])


def test_latin1_text_is_not_taken_for_cyrillic(read, samples: Path, tmp_path: Path) -> None:
    """UK 5.5.1 saved as Windows-1252: "Pàrlamaid" is neither UTF-8 nor Cyrillic words."""
    text = (samples / "uk/indicator_5-5-1.csv").read_text("utf-8")
    (tmp_path / "uk.csv").write_bytes(text.encode("cp1252"))
    with pytest.raises(EncodingProblem) as caught:
        read(tmp_path, "uk.csv", "opensdg")
    error = caught.value
    assert error.type == "encoding-error"
    assert (error.file, error.row, error.column) == ("uk.csv", 99, "Legislative authority")
    assert "0xe0" in error.message
