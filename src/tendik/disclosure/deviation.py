"""The cheapest pair of other tables, alike in all that stays published, that set a cell apart.

For hidden cell ``s`` and one count layer with values ``x``, find deviations ``y_up`` and
``y_down`` of the whole table such that ``x + y_up`` and ``x + y_down`` both keep every margin
relation, leave no count negative and known-empty combinations empty, and
``y_up[s] - y_down[s] = protection`` with ``y_up[s] >= 0 >= y_down[s]``. The cost is the sum over
nodes of their price times the deviation through them; every node either deviation moves must be
hidden, and then both tables fit everything published, so an attacker cannot place ``s``'s count
within less than ``protection``. Splitting the protection between a rise and a fall lets a cell
near zero, or one whose neighbours are near zero, be protected without hiding more.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import block_diag, csr_matrix, hstack, vstack

from tendik.disclosure.structure import NodeKind, Structure

Bound = tuple[float, float | None]

#: the lowering table costs a little more, so the programme splits the protection between a rise
#: and a fall only when a rise alone cannot be had as cheaply
FALL_PREMIUM = 1.01


@dataclass(frozen=True)
class Shift:
    """Two deviations of every node: one that raises the cell, one that lowers it."""

    up: np.ndarray
    down: np.ndarray

    def moved(self) -> np.ndarray:
        """How far each node moves in either table."""
        return np.abs(self.up) + np.abs(self.down)

    def spread(self) -> np.ndarray:
        """The width of the range each node's count takes over the three tables."""
        zero = np.zeros_like(self.up)
        high = np.maximum(zero, np.maximum(self.up, self.down))
        low = np.minimum(zero, np.minimum(self.up, self.down))
        return high - low


class DeviationProblem:
    """The linear programme for one structure; solved once per cell and layer."""

    def __init__(self, structure: Structure, costs: np.ndarray, protection: float) -> None:
        self.size = structure.size
        self.costs = costs
        self.protection = protection
        self.empty = [n for n, kind in enumerate(structure.kinds) if kind is NodeKind.ZERO]
        matrix = structure.matrix()
        one = hstack([matrix, -matrix])
        self.balance = block_diag([one, one], format="csr")

    def solve(
        self,
        node: int,
        values: np.ndarray,
        cheap: Collection[int],
        frozen: Collection[int],
        cheap_cost: float,
    ) -> Shift | None:
        """The cheapest shift for ``node``; ``cheap`` nodes cost ``cheap_cost``, ``frozen`` ones
        cannot move. None when no shift exists."""
        n = self.size
        cost = self.costs.copy()
        cost[list(cheap)] = cheap_cost
        rise: list[Bound] = [(0.0, None)] * n
        fall: list[Bound] = [(0.0, float(v)) for v in values]
        for other in [*self.empty, *frozen]:
            rise[other] = fall[other] = (0.0, 0.0)
        p = self.protection
        up_rise, up_fall, down_rise, down_fall = list(rise), list(fall), list(rise), list(fall)
        up_rise[node], up_fall[node] = (0.0, p), (0.0, 0.0)
        down_rise[node], down_fall[node] = (0.0, 0.0), (0.0, min(p, float(values[node])))
        split = csr_matrix(([1.0, 1.0], ([0, 0], [node, 3 * n + node])), shape=(1, 4 * n))
        result = linprog(
            np.concatenate([cost, cost, FALL_PREMIUM * cost, FALL_PREMIUM * cost]),
            A_eq=vstack([self.balance, split], format="csr"),
            b_eq=np.concatenate([np.zeros(self.balance.shape[0]), [p]]),
            bounds=up_rise + up_fall + down_rise + down_fall,
            method="highs",
        )
        if result.status != 0:
            return None
        x = result.x
        return Shift(up=x[:n] - x[n : 2 * n], down=x[2 * n : 3 * n] - x[3 * n :])
