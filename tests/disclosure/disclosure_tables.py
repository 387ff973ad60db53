"""Count tables for the disclosure tests: cells with margins, and an independent attacker."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np
from scipy.optimize import linprog

from tendik.disclosure import Cell

Counts = Mapping[tuple[str, ...], tuple[int, int]]


def with_margins(
    counts: Counts, dims: Sequence[str], breakdowns: Iterable[Collection[str]] | None = None
) -> list[Cell]:
    """The cells of a GROUPING SETS query over a table of (women, men) by full key.

    ``breakdowns`` lists the grouping sets (every subset of ``dims`` when None); as in SQL, a
    group with nobody in it yields no cell.
    """
    if breakdowns is None:
        breakdowns = [
            subset for r in range(len(dims) + 1) for subset in itertools.combinations(dims, r)
        ]
    cells = []
    for breakdown in breakdowns:
        sums: dict[tuple[str | None, ...], list[int]] = {}
        for key, (women, men) in counts.items():
            margin = tuple(v if d in breakdown else None for d, v in zip(dims, key, strict=True))
            total = sums.setdefault(margin, [0, 0])
            total[0] += women
            total[1] += women + men
        for margin, (women, persons) in sums.items():
            if persons > 0:
                cells.append(Cell(dict(zip(dims, margin, strict=True)), women, persons))
    return cells


def find(cells: Sequence[Cell], **key: str | None) -> int:
    """The position of the cell with this key (dimensions left out are totals)."""
    for position, cell in enumerate(cells):
        if all(cell.key.get(d) == key.get(d) for d in cell.key):
            return position
    raise KeyError(key)


def oracle(
    cells: Sequence[Cell], hidden: Collection[int], dims: Sequence[str], target: int
) -> dict[str, tuple[float, float]]:
    """The attacker over the full cross-classification, written independently of the package.

    Unknowns are the counts of every combination of the dimensions' values (women and men
    apart); each published cell fixes the sum of the combinations inside it, and each breakdown
    that is present fixes at zero the combinations it has no cell for.
    """
    values = [sorted({c.key[d] for c in cells if c.key[d] is not None}) or [None] for d in dims]
    combos = list(itertools.product(*values))
    present = {tuple(c.key[d] for d in dims): i for i, c in enumerate(cells)}
    breakdowns = {tuple(v is not None for v in key) for key in present}
    rows, women, men = [], [], []
    target_row = None
    for shape in breakdowns:
        axes = [vals if on else [None] for vals, on in zip(values, shape, strict=True)]
        for margin in itertools.product(*axes):
            inside = [_within(margin, combo) for combo in combos]
            position = present.get(margin)
            if position == target:
                target_row = np.array(inside, dtype=float)
            if position in hidden:
                continue
            cell = cells[position] if position is not None else None
            rows.append(inside)
            women.append(cell.numerator if cell else 0)
            men.append(cell.denominator - cell.numerator if cell else 0)
    a_eq = np.array(rows, dtype=float)
    found = {}
    for name, rhs in (("numerator", women), ("complement", men)):
        low = linprog(target_row, A_eq=a_eq, b_eq=rhs, bounds=(0, None), method="highs")
        high = linprog(-target_row, A_eq=a_eq, b_eq=rhs, bounds=(0, None), method="highs")
        found[name] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return found


def _within(margin: tuple, combo: tuple) -> bool:
    return all(m is None or m == c for m, c in zip(margin, combo, strict=True))


def personnel(seed: int, persons: int = 6000) -> dict[tuple[str, str, str], tuple[int, int]]:
    """Women and men by 20 regions x 3 levels x 3 corps, drawn like a civil-service register:
    regions of very unequal size, few people at the top level, fewer women the higher the level.
    """
    rng = np.random.default_rng(seed)
    regions = [f"KZ-{i:02d}" for i in range(20)]
    region_share = rng.lognormal(0.0, 0.7, len(regions))
    region_share /= region_share.sum()
    levels = {"A": (0.08, 0.25), "B": (0.27, 0.40), "C": (0.65, 0.55)}  # share, women's share
    corps = {"political": 0.15, "administrative": 0.35, "special": 0.50}
    counts = {}
    for (region, r_share), (level, (l_share, women_share)), (kind, c_share) in itertools.product(
        zip(regions, region_share, strict=True), levels.items(), corps.items()
    ):
        size = int(rng.poisson(persons * r_share * l_share * c_share))
        women = int(rng.binomial(size, women_share))
        counts[region, level, kind] = (women, size - women)
    return counts
