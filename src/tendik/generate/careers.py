"""Careers: who is hired when, into which post, how they rise, take leave and leave the service.

A batch of people is drawn from a stationary process (hiring spread evenly over the decades
before and during the snapshot years, each career lasting a drawn number of years), so every
annual snapshot holds about the same number of people. Positions are drawn before sex; the
sex of each person is drawn afterwards (see ``calibrate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from tendik.generate import positions as pos

YEAR_DAYS = 365.25
EPOCH = date(1970, 1, 1)
HISTORY_YEARS = 45  # careers may start this long before the first snapshot
RETIREMENT_AGE = 63

# Share of new hires by corps (political, A, B): chosen so that the stock in service is about
# 1.3% political, 1.7% corps A and 97% corps B, given how long each kind of career lasts.
HIRE_CORPS_P = np.array([0.031, 0.026, 0.943])
# Level of the post by corps (central, regional, district).
LEVEL_P = np.array([[0.20, 0.30, 0.50], [0.35, 0.40, 0.25], [0.28, 0.37, 0.35]])
MEAN_CAREER_YEARS = np.array([4.5, 7.0, 14.0])  # political, A, B (long careers in B)
SHORT_CAREER_P, SHORT_CAREER_YEARS = 0.25, 2.5  # corps B: a quarter leave within a few years
LEAVE_P, LEAVE_MAX_HIRE_AGE = 0.30, 34  # parental leave among those hired young


def day_number(d: date) -> int:
    """Days since 1970-01-01 (the Arrow date32 value)."""
    return (d - EPOCH).days


@dataclass(frozen=True)
class Snapshots:
    """The 1 January snapshot days, with the year before the first one in front."""

    years: np.ndarray  # int, the snapshot years
    days: np.ndarray  # int64, day numbers of 1 January of years[0]-1 .. years[-1]
    region_at: np.ndarray  # [snapshot, territory] -> region index in force that day
    pay_level: np.ndarray  # pay level relative to 2025 of years[0]-1 .. years[-1]

    @classmethod
    def of(cls, first: int, last: int) -> Snapshots:
        years = np.arange(first, last + 1)
        days = np.array([day_number(date(int(y), 1, 1)) for y in range(first - 1, last + 1)])
        pay = np.array([pos.year_pay(y) for y in range(first - 1, last + 1)])
        return cls(years, days, _region_table(years), pay)


def _region_table(years: np.ndarray) -> np.ndarray:
    """Territories of regions formed after a snapshot report under the region they left."""
    from tendik.reference.kz_regions import KZ_REGIONS

    codes = [r.code for r in KZ_REGIONS]
    table = np.tile(np.arange(len(codes), dtype=np.int8), (len(years), 1))
    for t, r in enumerate(KZ_REGIONS):
        if r.established is not None and r.formed_from is not None:
            before = np.array([date(int(y), 1, 1) < r.established for y in years])
            table[before, t] = codes.index(r.formed_from)
    return table


@dataclass
class People:
    """One batch of careers, one entry per person (numpy arrays of equal length)."""

    hire_day: np.ndarray
    exit_day: np.ndarray  # first day no longer in service
    birth_year: np.ndarray
    corps: np.ndarray
    level: np.ndarray
    territory: np.ndarray
    body: np.ndarray
    category_top: np.ndarray  # category index of grade 0 of the person's ladder
    entry_grade: np.ndarray
    ceiling: np.ndarray  # highest grade (lowest number) the career reaches
    managerial_grades: np.ndarray  # grades below this number are managerial posts
    promotion_days: np.ndarray
    leave_start: np.ndarray
    leave_end: np.ndarray
    pay_factor: np.ndarray

    def __len__(self) -> int:
        return len(self.hire_day)

    def take(self, index: np.ndarray) -> People:
        return People(**{k: v[index] for k, v in vars(self).items()})

    @staticmethod
    def concat(parts: list[People]) -> People:
        keys = vars(parts[0]).keys()
        return People(**{k: np.concatenate([vars(p)[k] for p in parts]) for k in keys})


def draw_people(rng: np.random.Generator, n: int, snaps: Snapshots) -> People:
    """Draw ``n`` careers hired from HISTORY_YEARS before the first snapshot to the last one.

    Only the careers that reach at least one snapshot are kept and given posts.
    """
    start = snaps.days[0] - int(HISTORY_YEARS * YEAR_DAYS)
    hire_day = rng.integers(start, snaps.days[-1], size=n)
    corps = rng.choice(3, size=n, p=HIRE_CORPS_P).astype(np.int8)
    hire_age = _draw_hire_age(rng, corps)
    exit_day = hire_day + _draw_career_days(rng, corps, hire_age)
    keep = np.flatnonzero(snapshot_span(hire_day, exit_day, snaps)[1] > 0)
    hire_day, exit_day, corps, hire_age = (a[keep] for a in (hire_day, exit_day, corps, hire_age))
    m = len(keep)
    level = _draw_by_group(rng, corps, LEVEL_P)
    territory = np.where(
        level == pos.CENTRAL, pos.CAPITAL_INDEX, rng.choice(20, size=m, p=pos.TERRITORY_P)
    ).astype(np.int8)
    body, ladder = _draw_body(rng, corps, level)
    grades = _draw_grades(rng, corps, level, ladder)
    leave_start, leave_end = _draw_leave(rng, corps, hire_age, hire_day)
    return People(
        hire_day=hire_day,
        exit_day=exit_day,
        birth_year=np.floor(1970 + hire_day / YEAR_DAYS - hire_age).astype(np.int16),
        corps=corps,
        level=level,
        territory=territory,
        body=body,
        leave_start=leave_start,
        leave_end=leave_end,
        pay_factor=rng.lognormal(0.0, 0.05, size=m),
        **grades,
    )


def _draw_by_group(rng: np.random.Generator, group: np.ndarray, p: np.ndarray) -> np.ndarray:
    """For each element, a category drawn from the row of ``p`` its group selects."""
    groups, k = p.shape
    cumulative = np.cumsum(p, axis=1)
    cumulative[:, -1] = 1.0
    edges = (np.arange(groups)[:, None] + cumulative).ravel()
    key = group + rng.random(len(group))
    drawn = np.searchsorted(edges, key, side="right") - group.astype(np.int64) * k
    return np.minimum(drawn, k - 1).astype(np.int8)


def _draw_hire_age(rng: np.random.Generator, corps: np.ndarray) -> np.ndarray:
    base = np.array([36.0, 31.0, 21.0])[corps]
    scale = np.array([4.5, 4.0, 4.0])[corps]
    return np.minimum(base + rng.gamma(2.0, 1.0, size=len(corps)) * scale, 58.0)


def _draw_career_days(
    rng: np.random.Generator, corps: np.ndarray, hire_age: np.ndarray
) -> np.ndarray:
    """Length of service in days, short or long, and never past the retirement age."""
    n = len(corps)
    mean = MEAN_CAREER_YEARS[corps]
    short = (corps == pos.CORPS_B) & (rng.random(n) < SHORT_CAREER_P)
    years = rng.exponential(1.0, size=n) * np.where(short, SHORT_CAREER_YEARS, mean)
    years = np.minimum(years, RETIREMENT_AGE - hire_age)
    return np.maximum((years * YEAR_DAYS).astype(np.int64), 30)


def _draw_body(
    rng: np.random.Generator, corps: np.ndarray, level: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The body (index into BODIES) and, for corps B, the ladder its staff follow."""
    n = len(corps)
    central = rng.choice(len(pos.CENTRAL_BODY_P), size=n, p=pos.CENTRAL_BODY_P)
    regional = rng.choice(len(pos.REGIONAL_BODY_P), size=n, p=pos.REGIONAL_BODY_P)
    district = rng.choice(len(pos.DISTRICT_BODY_P), size=n, p=pos.DISTRICT_BODY_P)
    political = corps == pos.POLITICAL
    regional = np.where(political, 0, regional)  # akims and their deputies sit in akimats
    district = np.where(political, 0, district)
    local = np.choose(level, [central, regional, district])
    body = (np.asarray(pos.BODY_OFFSETS)[level] + local).astype(np.int16)
    ladder = np.choose(
        level, [pos.LADDER_B, pos.REGIONAL_BODY_LADDER[regional], pos.LADDER_E]
    ).astype(np.int8)
    return body, ladder


def _draw_grades(
    rng: np.random.Generator, corps: np.ndarray, level: np.ndarray, ladder: np.ndarray
) -> dict[str, np.ndarray]:
    """Entry grade, ceiling and promotion pace; corps A and political posts stay put."""
    n = len(corps)
    grades = np.array([lad.grades for lad in pos.LADDERS])[ladder]
    ceiling_p = np.zeros((len(pos.LADDERS), max(lad.grades for lad in pos.LADDERS)))
    for i, lad in enumerate(pos.LADDERS):
        ceiling_p[i, : lad.grades] = lad.ceiling
    ceiling = _draw_by_group(rng, ladder, ceiling_p)
    step_up = rng.choice(3, size=n, p=[0.75, 0.20, 0.05])
    entry = np.maximum(grades - 1 - step_up, ceiling)
    top = np.array([pos.ladder_category(i, 0) for i in range(len(pos.LADDERS))])[ladder]
    managerial = np.array([lad.managerial for lad in pos.LADDERS])[ladder]
    fixed = corps != pos.CORPS_B
    return {
        "category_top": np.where(fixed, _fixed_category(rng, corps, level), top).astype(np.int8),
        "entry_grade": np.where(fixed, 0, entry).astype(np.int8),
        "ceiling": np.where(fixed, 0, ceiling).astype(np.int8),
        "managerial_grades": np.where(fixed, 1, managerial).astype(np.int8),
        "promotion_days": (1.5 + rng.gamma(2.0, 1.0, size=n)) * YEAR_DAYS,
    }


def _fixed_category(rng: np.random.Generator, corps: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Political posts, and corps A: A-1/A-2 central, A-3/A-4 regional, A-5 district."""
    upper = np.array([pos.CATEGORY_INDEX[names[0]] for names in pos.A_CATEGORIES])[level]
    lower = np.array([pos.CATEGORY_INDEX[names[-1]] for names in pos.A_CATEGORIES])[level]
    a_category = np.where(rng.random(len(corps)) < 0.4, upper, lower)
    return np.where(corps == pos.POLITICAL, pos.CATEGORY_INDEX["political"], a_category)


def _draw_leave(
    rng: np.random.Generator, corps: np.ndarray, hire_age: np.ndarray, hire_day: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One spell of parental or long leave for some of those hired young."""
    n = len(corps)
    takes = (corps != pos.POLITICAL) & (hire_age <= LEAVE_MAX_HIRE_AGE) & (rng.random(n) < LEAVE_P)
    start = hire_day + (rng.uniform(0.3, 7.0, size=n) * YEAR_DAYS).astype(np.int64)
    length = (rng.uniform(0.8, 3.0, size=n) * YEAR_DAYS).astype(np.int64)
    start = np.where(takes, start, 0)
    return start, np.where(takes, start + length, 0)


def snapshot_span(
    hire_day: np.ndarray, exit_day: np.ndarray, snaps: Snapshots
) -> tuple[np.ndarray, np.ndarray]:
    """First snapshot index and number of snapshot rows of each career (0 when none).

    A career has a row in every snapshot it spans and, if it ends within the 12 months
    before a snapshot, an "exited" row in that snapshot.
    """
    last_index = len(snaps.days) - 1
    a = np.searchsorted(snaps.days, hire_day, side="left")
    b = np.searchsorted(snaps.days, exit_day, side="left")
    first = np.maximum(a, 1)
    last = np.minimum(b, last_index)
    return first - 1, np.maximum(last - first + 1, 0)


def grade_at(people: People, index: np.ndarray, tenure_days: np.ndarray) -> np.ndarray:
    """Grade (0 = highest) of the people at ``index`` after ``tenure_days`` in service."""
    promotions = (tenure_days / people.promotion_days[index]).astype(np.int64)
    return np.maximum(people.ceiling[index], people.entry_grade[index] - promotions)
