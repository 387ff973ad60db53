"""The shape of Kazakhstan's civil service as the register generator models it.

Levels, corps, position categories, bodies and pay scales, kept as small tables so that the
generator itself holds only the mechanics. Categories follow the register of civil-service
positions: political posts; corps A (A-1..A-5, administrative executives, all managerial);
corps B graded by the level of the body: B-1..B-6 in central bodies, C-1..C-4 in territorial
departments of central bodies and D-1..D-4 in oblast and city akimats and maslikhats at the
regional level, E-1..E-3 in district and rural akimats. Grade 1 is the highest in each ladder.
Pay figures are plausible monthly salaries in tenge for 2025, not an official scale.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tendik.reference.kz_regions import CAPITAL, KZ_REGIONS

LEVELS: tuple[str, ...] = ("central", "regional", "district")
CENTRAL, REGIONAL, DISTRICT = 0, 1, 2

CORPS: tuple[str, ...] = ("political", "A", "B")
POLITICAL, CORPS_A, CORPS_B = 0, 1, 2

STATUSES: tuple[str, ...] = ("active", "leave", "exited")
ACTIVE, LEAVE, EXITED = 0, 1, 2

SEXES: tuple[str, ...] = ("F", "M")
AGE_GROUPS: tuple[str, ...] = ("<30", "30-39", "40-49", "50-59", "60+")


@dataclass(frozen=True)
class Ladder:
    """A corps B career ladder: its grades from the highest down, and how many manage."""

    prefix: str
    grades: int
    managerial: int  # the top ``managerial`` grades are managerial posts
    pay: tuple[int, ...]  # monthly salary in tenge, 2025, highest grade first
    ceiling: tuple[float, ...]  # probability that a career tops out at each grade


LADDERS: tuple[Ladder, ...] = (
    Ladder(
        "B",
        6,
        3,
        (780_000, 650_000, 550_000, 450_000, 380_000, 310_000),
        (0.06, 0.12, 0.22, 0.25, 0.22, 0.13),
    ),
    Ladder("C", 4, 2, (520_000, 430_000, 350_000, 290_000), (0.10, 0.25, 0.35, 0.30)),
    Ladder("D", 4, 2, (550_000, 450_000, 370_000, 300_000), (0.10, 0.25, 0.35, 0.30)),
    Ladder("E", 3, 1, (400_000, 300_000, 240_000), (0.25, 0.45, 0.30)),
)
LADDER_B, LADDER_C, LADDER_D, LADDER_E = 0, 1, 2, 3

# Corps A categories by level (the first is the senior one), with their pay.
A_CATEGORIES: tuple[tuple[str, ...], ...] = (("A-1", "A-2"), ("A-3", "A-4"), ("A-5",))
A_PAY: dict[str, int] = {
    "A-1": 1_050_000,
    "A-2": 900_000,
    "A-3": 750_000,
    "A-4": 620_000,
    "A-5": 500_000,
}
POLITICAL_PAY: tuple[int, ...] = (1_600_000, 1_100_000, 750_000)  # by level


def _category_names() -> tuple[str, ...]:
    names: list[str] = ["political", *A_PAY]
    for ladder in LADDERS:
        names.extend(f"{ladder.prefix}-{g}" for g in range(1, ladder.grades + 1))
    return tuple(names)


CATEGORIES: tuple[str, ...] = _category_names()
CATEGORY_INDEX: dict[str, int] = {name: i for i, name in enumerate(CATEGORIES)}


def ladder_category(ladder: int, grade: int) -> int:
    """The index in CATEGORIES of grade ``grade`` (0 = highest) of a corps B ladder."""
    return CATEGORY_INDEX[f"{LADDERS[ladder].prefix}-{grade + 1}"]


# Bodies by level, with a relative staff weight and the corps B ladder their staff follow.
# Codes are short, name-like: MF = Ministry of Finance, ...-SRD = its state revenue departments.
CENTRAL_BODIES: tuple[tuple[str, float], ...] = (
    ("MF", 9.0),
    ("MNE", 4.0),
    ("MJ", 3.0),
    ("MFA", 3.5),
    ("MH", 3.0),
    ("MEDU", 3.0),
    ("MSHE", 2.0),
    ("MLSPP", 3.0),
    ("MA", 3.5),
    ("MEN", 2.0),
    ("MIC", 3.0),
    ("MT", 2.5),
    ("MDDIAI", 2.5),
    ("MCI", 2.0),
    ("MTS", 1.5),
    ("MENR", 2.5),
    ("MES", 1.5),
    ("MTI", 2.5),
    ("MWRI", 1.5),
    ("ACSA", 1.5),
    ("ACA", 2.0),
    ("ASPR", 3.0),
    ("ARDFM", 1.5),
    ("APA", 1.5),
    ("AFM", 2.0),
)
REGIONAL_BODIES: tuple[tuple[str, float, int], ...] = (
    ("OBL-AKIMAT", 10.0, LADDER_D),
    ("OBL-MASLIKHAT", 1.0, LADDER_D),
    ("MF-SRD", 8.0, LADDER_C),
    ("MF-TREASURY", 2.0, LADDER_C),
    ("MJ-DJ", 2.0, LADDER_C),
    ("MLSPP-DLI", 1.5, LADDER_C),
    ("MENR-DE", 1.5, LADDER_C),
    ("MA-TI", 2.0, LADDER_C),
    ("MEDU-DQ", 1.5, LADDER_C),
    ("MH-SEC", 2.5, LADDER_C),
    ("ACSA-D", 0.5, LADDER_C),
)
DISTRICT_BODIES: tuple[tuple[str, float], ...] = (
    ("DIST-AKIMAT", 9.0),
    ("DIST-MASLIKHAT", 1.0),
    ("RURAL-AKIMAT", 6.0),
    ("MF-SRD-DIST", 4.0),
)

BODIES: tuple[str, ...] = tuple(
    [b for b, _ in CENTRAL_BODIES]
    + [b for b, _, _ in REGIONAL_BODIES]
    + [b for b, _ in DISTRICT_BODIES]
)
BODY_OFFSETS: tuple[int, ...] = (0, len(CENTRAL_BODIES), len(CENTRAL_BODIES) + len(REGIONAL_BODIES))
REGIONAL_BODY_LADDER: np.ndarray = np.array([ladder for _, _, ladder in REGIONAL_BODIES])


def weights(values: tuple[float, ...] | list[float]) -> np.ndarray:
    """Normalised probabilities from relative weights."""
    w = np.asarray(values, dtype=np.float64)
    return w / w.sum()


CENTRAL_BODY_P = weights([w for _, w in CENTRAL_BODIES])
REGIONAL_BODY_P = weights([w for _, w, _ in REGIONAL_BODIES])
DISTRICT_BODY_P = weights([w for _, w in DISTRICT_BODIES])

# Staff of regional and district bodies by territory (ISO order of KZ_REGIONS): population in
# millions (2024, rounded) with a floor, since every region keeps a full set of bodies.
REGION_CODES: tuple[str, ...] = tuple(r.code for r in KZ_REGIONS)
_POPULATION: dict[str, float] = {
    "KZ-10": 0.60,
    "KZ-11": 0.79,
    "KZ-15": 0.93,
    "KZ-19": 1.50,
    "KZ-23": 0.70,
    "KZ-27": 0.69,
    "KZ-31": 1.22,
    "KZ-33": 0.69,
    "KZ-35": 1.13,
    "KZ-39": 0.83,
    "KZ-43": 0.83,
    "KZ-47": 0.78,
    "KZ-55": 0.75,
    "KZ-59": 0.53,
    "KZ-61": 2.10,
    "KZ-62": 0.22,
    "KZ-63": 0.72,
    "KZ-71": 1.42,
    "KZ-75": 2.23,
    "KZ-79": 1.22,
}
TERRITORY_P = weights([0.45 + _POPULATION[c] for c in REGION_CODES])
CAPITAL_INDEX: int = REGION_CODES.index(CAPITAL)

# Regional pay coefficients (western oil regions and the ecological-disaster zones pay more).
_PAY_COEFFICIENT: dict[str, float] = {
    "KZ-23": 1.12,
    "KZ-47": 1.12,
    "KZ-43": 1.06,
    "KZ-10": 1.05,
    "KZ-62": 1.05,
    "KZ-71": 1.06,
    "KZ-75": 1.05,
}
REGION_PAY = np.array([_PAY_COEFFICIENT.get(c, 1.0) for c in REGION_CODES])

# Pay level of each year relative to 2025 (indexation and the factor-point pay reform).
YEAR_PAY: dict[int, float] = {
    2015: 0.46,
    2016: 0.49,
    2017: 0.52,
    2018: 0.55,
    2019: 0.60,
    2020: 0.66,
    2021: 0.71,
    2022: 0.78,
    2023: 0.86,
    2024: 0.93,
    2025: 1.00,
}


def year_pay(year: int) -> float:
    """Pay level of ``year`` relative to 2025, extended at 7% a year outside the table."""
    if year in YEAR_PAY:
        return YEAR_PAY[year]
    edge = min(YEAR_PAY) if year < min(YEAR_PAY) else max(YEAR_PAY)
    return YEAR_PAY[edge] * 1.07 ** (year - edge)


def category_pay() -> np.ndarray:
    """2025 monthly pay by category index (political pay is set by level, separately)."""
    pay = np.zeros(len(CATEGORIES), dtype=np.float64)
    for name, value in A_PAY.items():
        pay[CATEGORY_INDEX[name]] = value
    for index, ladder in enumerate(LADDERS):
        for grade in range(ladder.grades):
            pay[ladder_category(index, grade)] = ladder.pay[grade]
    return pay
