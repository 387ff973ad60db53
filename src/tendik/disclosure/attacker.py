"""The attacker: how closely the published cells pin down each suppressed one.

The attacker knows every published cell's numerator and denominator, that each margin equals the
sum of the cells that refine it (written from the breakdowns present, see ``structure``), that no
count is negative and that a numerator never exceeds its denominator. For each suppressed cell a
linear programme (scipy's HiGHS) gives the least and the greatest value of its numerator, of its
complement (denominator minus numerator) and of its denominator that fit all of that.

The programme is the continuous relaxation: it lets counts take fractional values. An attacker
who also uses that counts are whole numbers can only do as well or better. For one
two-dimensional table with its margins the relation matrix is that of a network and the bounds
are whole numbers already; with three or more dimensions, or several overlapping breakdowns, the
whole-number bounds can be tighter than the ones reported here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix

from tendik.disclosure.cells import Cell, Key, format_key, normalise
from tendik.disclosure.structure import NodeKind, Structure, build
from tendik.disclosure.values import complete
from tendik.errors import DisclosureError, InconsistentMargins


@dataclass(frozen=True)
class Interval:
    """The values of one count that fit everything published."""

    low: float
    high: float

    @property
    def width(self) -> float:
        return math.inf if math.isinf(self.high) else self.high - self.low

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)


@dataclass(frozen=True)
class CellAudit:
    """What an attacker learns about one suppressed cell."""

    index: int
    key: Key
    numerator: Interval | None
    complement: Interval | None
    denominator: Interval
    protected: bool


@dataclass(frozen=True)
class AuditReport:
    """The attacker's intervals for every suppressed cell, against the protection asked for.

    A cell with a numerator is protected when the interval of its numerator and that of its
    complement are each at least ``protection`` wide (so its denominator's is at least twice
    that); a cell without one, when its denominator's interval is.
    """

    dims: tuple[str, ...]
    protection: float
    cells: tuple[CellAudit, ...]
    cross_classified: bool

    @property
    def passed(self) -> bool:
        return all(cell.protected for cell in self.cells)

    @property
    def exposed(self) -> tuple[CellAudit, ...]:
        """The suppressed cells whose intervals are narrower than the protection."""
        return tuple(cell for cell in self.cells if not cell.protected)

    def of(self, index: int) -> CellAudit:
        """The audit of the cell at this position of the input."""
        for cell in self.cells:
            if cell.index == index:
                return cell
        raise KeyError(index)


def audit(
    cells: Sequence[Cell],
    suppressed: Collection[int],
    *,
    dims: Sequence[str],
    protection: float = 5.0,
) -> AuditReport:
    """Attack the publication of ``cells`` less those at the positions in ``suppressed``."""
    outside = sorted(i for i in suppressed if not 0 <= i < len(cells))
    if outside:
        raise DisclosureError(
            f"suppressed position {outside[0]} is not among the {len(cells)} cells (0-based)"
        )
    keys = normalise(cells, dims)
    structure = build(keys, [cell.denominator > 0 for cell in cells], dims)
    layers = complete(cells, structure)
    return attack(structure, layers, suppressed, protection)


def attack(
    structure: Structure,
    layers: dict[str, np.ndarray],
    suppressed: Collection[int],
    protection: float,
) -> AuditReport:
    """The audit over a structure already built and checked."""
    hidden = sorted(structure.node_of[position] for position in set(suppressed))
    bounds = {name: _bounds(structure, values, hidden) for name, values in layers.items()}
    slack = 1e-6 * max(1.0, protection)
    reports = []
    for node in hidden:
        intervals = {name: found[node] for name, found in bounds.items()}
        if "numerator" in intervals:
            numerator, complement = intervals["numerator"], intervals["complement"]
            denominator = numerator + complement
            protected = min(numerator.width, complement.width) >= protection - slack
        else:
            numerator = complement = None
            denominator = intervals["denominator"]
            protected = denominator.width >= protection - slack
        position = structure.cell_of[node]
        reports.append(
            CellAudit(position, structure.keys[node], numerator, complement, denominator, protected)
        )
    reports.sort(key=lambda report: report.index)
    return AuditReport(structure.dims, protection, tuple(reports), structure.cross_classified)


def _bounds(structure: Structure, values: np.ndarray, hidden: list[int]) -> dict[int, Interval]:
    """The least and greatest value of each hidden node, one small programme per component."""
    unknown = set(hidden) | {n for n, k in enumerate(structure.kinds) if k is NodeKind.LATENT}
    found: dict[int, Interval] = {}
    for nodes, rows in _components(structure, unknown):
        targets = [n for n in nodes if n in hidden]
        if targets:
            found.update(_solve_component(structure, values, nodes, rows, targets))
    for node in hidden:
        found.setdefault(node, Interval(0.0, math.inf))
    return found


def _components(structure: Structure, unknown: set[int]) -> list[tuple[list[int], list[int]]]:
    """Groups of unknown nodes tied by relations, each with the relations that tie them."""
    parent = {node: node for node in unknown}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    tied: list[tuple[int, list[int]]] = []
    for row, relation in enumerate(structure.relations):
        members = [n for n in (relation.parent, *relation.children) if n in unknown]
        if members:
            for other in members[1:]:
                parent[root(other)] = root(members[0])
            tied.append((row, members))
    nodes: dict[int, list[int]] = defaultdict(list)
    for node in sorted(unknown):
        nodes[root(node)].append(node)
    rows: dict[int, list[int]] = defaultdict(list)
    for row, members in tied:
        rows[root(members[0])].append(row)
    return [(nodes[r], rows[r]) for r in nodes]


def _solve_component(
    structure: Structure,
    values: np.ndarray,
    nodes: list[int],
    rows: list[int],
    targets: list[int],
) -> dict[int, Interval]:
    column = {node: col for col, node in enumerate(nodes)}
    entries: tuple[list[int], list[int], list[float]] = ([], [], [])
    rhs = np.zeros(len(rows))
    for i, row in enumerate(rows):
        relation = structure.relations[row]
        signed = [(relation.parent, 1.0)] + [(child, -1.0) for child in relation.children]
        for node, sign in signed:
            if node in column:
                entries[0].append(i)
                entries[1].append(column[node])
                entries[2].append(sign)
            else:
                rhs[i] -= sign * values[node]
    matrix = coo_matrix((entries[2], (entries[0], entries[1])), shape=(len(rows), len(nodes)))
    a_eq = matrix.tocsr()
    found = {}
    for node in targets:
        low = _optimum(a_eq, rhs, column[node], 1.0, structure, node)
        high = _optimum(a_eq, rhs, column[node], -1.0, structure, node)
        found[node] = Interval(max(0.0, low), max(max(0.0, low), high))
    return found


def _optimum(
    a_eq: csr_matrix, rhs: np.ndarray, col: int, sense: float, structure: Structure, node: int
) -> float:
    """The least (``sense`` 1) or greatest (``sense`` -1) value of one column."""
    objective = np.zeros(a_eq.shape[1])
    objective[col] = sense
    result = linprog(objective, A_eq=a_eq, b_eq=rhs, bounds=(0, None), method="highs")
    if result.status == 3:
        return math.inf
    if result.status != 0:
        raise InconsistentMargins(
            f"the published cells contradict each other around this cell: {result.message.strip()}",
            key=format_key(structure.keys[node], structure.dims),
        )
    return float(sense * result.fun)
