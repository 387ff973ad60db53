"""Small-cell suppression with complementary suppression, checked by the attacker's audit.

Primary suppression hides every cell the threshold rule of ``cells`` flags. Hiding a cell alone
protects nothing when its margin is published: the margin minus the published cells gives it
back. Complementary suppression hides more cells until, for every hidden cell, the published
figures fit tables whose counts for that cell lie at least ``protection`` apart.

The method is the linear-programming heuristic for cell suppression (after Kelly, Golden and
Assad, and Fischetti and Salazar's protection-level model), one hidden cell and one count layer
(numerator, complement) at a time, and an audit to close:

1. For hidden cell ``s`` and layer ``q``, find the cheapest pair of deviations of the whole table
   (``deviation``): each keeps every margin relation, leaves no count negative and known-empty
   combinations empty; one raises ``s``, the other lowers it, by ``protection`` together. The
   cost is the price of each published cell times the deviation through it; unpublished margins
   deviate free and cells already hidden nearly free, so later cells reuse what earlier ones hid.
   In a two-dimensional table the answer is a cycle: the cell, a cell of its row, a cell of its
   column and the cell where they cross.
2. Hide every published cell either deviation moves. The published figures then fit the true
   table and both deviated ones, so ``s`` ranges over at least ``protection``; hiding more later
   only widens that. Every hidden cell the deviations spread over ``protection`` or more is
   protected by the same argument and needs no programme of its own.
3. Repeat for every hidden cell not yet protected, complementary ones included, until none is
   left; then run the audit (``attacker``), which must pass.

The grand total (the cell that totals over every dimension) is held fixed in step 1 and freed
only when no deviation exists without it. The default price of a cell is 1 plus the number of
dimensions it totals over, so among patterns of equal size the most detailed cells are hidden and
the margins most readers use stay published. The pattern is good, not minimal: cells are
protected one after another, and a cell hidden for an early one is never given back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from tendik.disclosure.attacker import AuditReport, attack
from tendik.disclosure.cells import Cell, format_key, is_primary, key_tuple, normalise
from tendik.disclosure.deviation import DeviationProblem
from tendik.disclosure.structure import Structure, build
from tendik.disclosure.values import complete
from tendik.errors import DisclosureError, InvalidCell

#: cost per unit of deviation through a cell that is already hidden
HIDDEN_COST = 1e-3
#: a deviation smaller than this is no deviation
MOVED = 1e-7


class Reason(StrEnum):
    PRIMARY = "primary"
    COMPLEMENTARY = "complementary"


@dataclass(frozen=True)
class SuppressionResult:
    """Which cells to hide and why, with the audit of the publication that results."""

    cells: tuple[Cell, ...]
    dims: tuple[str, ...]
    reasons: tuple[Reason | None, ...]
    audit: AuditReport
    k: int
    protection: float

    @property
    def suppressed(self) -> frozenset[int]:
        """Positions of the hidden cells in the input."""
        return frozenset(i for i, reason in enumerate(self.reasons) if reason is not None)

    @property
    def primary(self) -> frozenset[int]:
        return frozenset(i for i, r in enumerate(self.reasons) if r is Reason.PRIMARY)

    @property
    def complementary(self) -> frozenset[int]:
        return frozenset(i for i, r in enumerate(self.reasons) if r is Reason.COMPLEMENTARY)

    @property
    def n_primary(self) -> int:
        return len(self.primary)

    @property
    def n_complementary(self) -> int:
        return len(self.complementary)

    def reason(self, key: Mapping[str, str | None] | Sequence[str | None]) -> Reason | None:
        """Why the cell with this key is hidden, or None when it is published."""
        wanted = key_tuple(key, self.dims)
        for cell, reason in zip(self.cells, self.reasons, strict=True):
            if key_tuple(cell.key, self.dims) == wanted:
                return reason
        raise KeyError(key)

    def published(self) -> list[Cell]:
        """The cells that stay published."""
        return [c for c, r in zip(self.cells, self.reasons, strict=True) if r is None]


def suppress(
    cells: Sequence[Cell],
    *,
    dims: Sequence[str],
    k: int = 5,
    protection: float | None = None,
    weight: Callable[[Cell], float] | None = None,
    sensitive: Collection[int] = (),
) -> SuppressionResult:
    """Hide the small cells and enough others that none of them can be recovered.

    ``protection`` (default ``k``) is the least width of the interval an attacker can narrow each
    hidden cell's numerator and complement to; ``weight`` prices hiding a cell (see the module
    docstring for the default); ``sensitive`` names positions of cells that another rule (the
    dominance rule of a magnitude) makes primary as well.
    """
    p = float(k if protection is None else protection)
    if not p > 0:
        raise DisclosureError(f"the protection must be a positive number of persons, not {p}")
    keys = normalise(cells, dims)
    structure = build(keys, [cell.denominator > 0 for cell in cells], dims)
    layers = complete(cells, structure)
    costs = _costs(cells, structure, weight)
    extra = set(sensitive)
    primary = [i for i, cell in enumerate(cells) if i in extra or is_primary(cell, k)]
    protector = _Protector(structure, layers, costs, p)
    protector.protect(sorted(primary, key=lambda i: (-_detail(structure, i), i)))
    report = attack(structure, layers, protector.hidden, p)
    for _ in range(3):
        if report.passed:
            break
        protector.forget([cell.index for cell in report.exposed])
        protector.protect([cell.index for cell in report.exposed])
        report = attack(structure, layers, protector.hidden, p)
    reasons: list[Reason | None] = [None] * len(cells)
    for position in protector.hidden:
        reasons[position] = Reason.COMPLEMENTARY
    for position in primary:
        reasons[position] = Reason.PRIMARY
    return SuppressionResult(tuple(cells), tuple(dims), tuple(reasons), report, k, p)


def _detail(structure: Structure, position: int) -> int:
    """How many dimensions the cell at this position breaks down by."""
    return structure.masks[structure.node_of[position]].bit_count()


def _costs(
    cells: Sequence[Cell], structure: Structure, weight: Callable[[Cell], float] | None
) -> np.ndarray:
    """The price of hiding each node; unpublished margins cost nothing."""
    used = 0
    for mask in structure.masks:
        used |= mask
    costs = np.zeros(structure.size)
    for position, cell in enumerate(cells):
        node = structure.node_of[position]
        if weight is None:
            costs[node] = 1.0 + (used & ~structure.masks[node]).bit_count()
        else:
            costs[node] = float(weight(cell))
            if not costs[node] > 0:
                raise InvalidCell(
                    f"cell {position + 1}: the weight {costs[node]:g} is not positive",
                    key=format_key(structure.keys[node], structure.dims),
                )
    return costs


class _Protector:
    """Grows the set of hidden cells until each is protected in every layer."""

    def __init__(
        self,
        structure: Structure,
        layers: dict[str, np.ndarray],
        costs: np.ndarray,
        protection: float,
    ) -> None:
        self.structure = structure
        self.layers = layers
        self.protection = protection
        self.problem = DeviationProblem(structure, costs, protection)
        priced = costs[costs > 0]
        self.cheap_cost = HIDDEN_COST * (float(priced.min()) if priced.size else 1.0)
        self.hidden: set[int] = set()
        self.safe: dict[str, set[int]] = {name: set() for name in layers}
        self.total = structure.grand_total()

    def forget(self, positions: Sequence[int]) -> None:
        for safe in self.safe.values():
            safe.difference_update(positions)

    def protect(self, queue: Sequence[int]) -> None:
        """Protect the cells at these positions and every cell hidden on the way."""
        self.hidden.update(queue)
        pending = list(queue)
        while pending:
            for position in pending:
                for name in self.layers:
                    if position not in self.safe[name]:
                        self._protect_one(position, name)
            pending = sorted(
                p for p in self.hidden if any(p not in safe for safe in self.safe.values())
            )

    def _protect_one(self, position: int, name: str) -> None:
        node_of = self.structure.node_of
        node = node_of[position]
        cheap = [node_of[p] for p in self.hidden]
        keep = [] if self.total is None or self.total in cheap else [self.total]
        values = self.layers[name]
        shift = self.problem.solve(node, values, cheap, keep, self.cheap_cost)
        if shift is None and keep:
            shift = self.problem.solve(node, values, cheap, [], self.cheap_cost)
        if shift is None:
            self.safe[name].add(position)  # nothing can protect it; the audit will say so
            return
        moved = shift.moved()[list(node_of)]
        spread = shift.spread()[list(node_of)]
        for other in np.flatnonzero(moved > MOVED):
            self.hidden.add(int(other))
        for other in np.flatnonzero(spread >= self.protection * (1 - 1e-9)):
            self.safe[name].add(int(other))
