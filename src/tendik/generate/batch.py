"""One batch of the register: a set of whole careers, expanded to one row per snapshot."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tendik.generate import positions as pos
from tendik.generate.calibrate import SexModel, base_log_odds, draw_sex
from tendik.generate.careers import YEAR_DAYS, People, Snapshots, draw_people, grade_at
from tendik.generate.careers import snapshot_span as span

MAX_ROWS_PER_PERSON_SLACK = 64  # draw a little beyond the target so an exact fit can be found
AGE_BOUNDS = np.array([30, 40, 50, 60])
CATEGORY_PAY = pos.category_pay()
POLITICAL_PAY = np.asarray(pos.POLITICAL_PAY, dtype=np.float64)


@dataclass
class Batch:
    """Rows of one batch in snapshot order, and the people they belong to."""

    people: People
    female: np.ndarray  # per person
    person: np.ndarray  # per row: index into people
    snapshot: np.ndarray  # per row: index into the snapshot years
    status: np.ndarray
    category: np.ndarray
    managerial: np.ndarray
    region: np.ndarray
    age_group: np.ndarray
    new_hire: np.ndarray
    salary: np.ndarray

    def __len__(self) -> int:
        return len(self.person)


def make_batch(
    rng: np.random.Generator, rows: int, snaps: Snapshots, targets: tuple[float, float]
) -> Batch:
    """Exactly ``rows`` rows of whole careers; sex calibrated on the last snapshot."""
    people, first, count = _fitting_people(rng, rows, snaps)
    person = np.repeat(np.arange(len(people)), count)
    starts = np.cumsum(count) - count
    snapshot = first[person] + (np.arange(len(person)) - starts[person])
    cols = _row_columns(people, person, snapshot, snaps)
    model = _sex_model(people, person, snapshot, cols, snaps)
    female = draw_sex(model, rng.random(len(people)), targets)
    order = np.argsort(snapshot, kind="stable")
    return Batch(
        people=people,
        female=female,
        person=person[order],
        snapshot=snapshot[order].astype(np.int16),
        **{k: v[order] for k, v in cols.items()},
    )


def _fitting_people(
    rng: np.random.Generator, rows: int, snaps: Snapshots
) -> tuple[People, np.ndarray, np.ndarray]:
    """People whose rows add up to exactly ``rows``, with their first snapshot and row count."""
    people = _draw_enough(rng, rows, snaps)
    first, count = span(people.hire_day, people.exit_day, snaps)
    chosen = select_exact(count, rows)
    while chosen is None:  # practically never: draw more careers to choose from
        people = People.concat([people, _draw_enough(rng, MAX_ROWS_PER_PERSON_SLACK, snaps)])
        first, count = span(people.hire_day, people.exit_day, snaps)
        chosen = select_exact(count, rows)
    return people.take(chosen), first[chosen], count[chosen]


def _sex_model(
    people: People,
    person: np.ndarray,
    snapshot: np.ndarray,
    cols: dict[str, np.ndarray],
    snaps: Snapshots,
) -> SexModel:
    """Who counts towards the targets (active in the last snapshot) and their log-odds."""
    active_final = (snapshot == len(snaps.years) - 1) & (cols["status"] == pos.ACTIVE)
    in_all = np.zeros(len(people), dtype=bool)
    in_all[person[active_final]] = True
    in_mgr = np.zeros(len(people), dtype=bool)
    in_mgr[person[active_final & cols["managerial"]]] = True
    whole_career = people.exit_day - 1 - people.hire_day
    top_grade = grade_at(people, np.arange(len(people)), whole_career)
    managerial = top_grade < people.managerial_grades
    took_leave = (people.leave_end > 0) & (people.leave_start < people.exit_day)
    years_before = snaps.years[-1] - (1970 + people.hire_day / YEAR_DAYS)
    base = base_log_odds(
        people.corps, people.level, people.territory, years_before, managerial, took_leave
    )
    return SexModel(base, managerial, in_all, in_mgr)


def _draw_enough(rng: np.random.Generator, rows: int, snaps: Snapshots) -> People:
    """Draw careers until those with at least one snapshot row cover ``rows`` with room."""
    parts: list[People] = []
    total = 0
    per_draw = 0.5  # rows per drawn career; refined after the first draw
    while total < rows + MAX_ROWS_PER_PERSON_SLACK:
        n = int((rows + MAX_ROWS_PER_PERSON_SLACK - total) / per_draw * 1.03) + 256
        drawn = draw_people(rng, n, snaps)
        rows_drawn = int(span(drawn.hire_day, drawn.exit_day, snaps)[1].sum())
        parts.append(drawn)
        total += rows_drawn
        per_draw = max(rows_drawn / n, 0.05)
    return People.concat(parts)


def select_exact(count: np.ndarray, rows: int) -> np.ndarray | None:
    """Indices of people, in drawing order, whose row counts sum to exactly ``rows``.

    Takes everyone up to the last person who still fits, then fills what is left from the
    people after them: one whose count is exactly what is left if there is one, else greedily
    in order. None if that cannot make up the exact number.
    """
    cumulative = np.cumsum(count)
    k = int(np.searchsorted(cumulative, rows, side="right"))
    left = rows - (int(cumulative[k - 1]) if k else 0)
    head = np.arange(k)
    if left == 0:
        return head
    later = np.flatnonzero(count[k:] == left)
    if len(later):
        return np.append(head, k + later[0])
    fill: list[int] = []
    for i in np.flatnonzero(count[k:] < left) + k:
        if count[i] <= left:
            fill.append(int(i))
            left -= int(count[i])
            if left == 0:
                return np.append(head, fill)
    return None


def _row_columns(
    people: People, person: np.ndarray, snapshot: np.ndarray, snaps: Snapshots
) -> dict[str, np.ndarray]:
    """Everything about each row that does not depend on sex."""
    day = snaps.days[snapshot + 1]
    exit_day = people.exit_day[person]
    exited = exit_day <= day
    position_day = np.where(exited, exit_day - 1, day)
    tenure = position_day - people.hire_day[person]
    grade = grade_at(people, person, tenure)
    category = people.category_top[person] + grade
    on_leave = (
        ~exited
        & (people.leave_start[person] <= position_day)
        & (position_day < people.leave_end[person])
    )
    status = np.where(exited, pos.EXITED, np.where(on_leave, pos.LEAVE, pos.ACTIVE))
    territory = people.territory[person]
    age = snaps.years[snapshot] - 1 - people.birth_year[person]
    pay_year = snapshot + 1 - exited  # index into snaps.days: exits are paid at last year's rate
    return {
        "status": status.astype(np.int8),
        "category": category.astype(np.int8),
        "managerial": grade < people.managerial_grades[person],
        "region": snaps.region_at[snapshot, territory],
        "age_group": np.searchsorted(AGE_BOUNDS, age, side="right").astype(np.int8),
        "new_hire": people.hire_day[person] >= snaps.days[snapshot],
        "salary": _salary(people, person, category, tenure, pay_year, snaps),
    }


def _salary(
    people: People,
    person: np.ndarray,
    category: np.ndarray,
    tenure_days: np.ndarray,
    pay_year: np.ndarray,
    snaps: Snapshots,
) -> np.ndarray:
    """Monthly salary in tenge: the post's pay, the year's pay level, seniority, region."""
    political = people.corps[person] == pos.POLITICAL
    base = np.where(political, POLITICAL_PAY[people.level[person]], CATEGORY_PAY[category])
    seniority = 1.0 + 0.01 * np.minimum(tenure_days / YEAR_DAYS, 25.0)
    level = snaps.pay_level[pay_year]
    region = pos.REGION_PAY[people.territory[person]]
    pay = base * level * seniority * region * people.pay_factor[person]
    return np.rint(pay).astype(np.int64)
