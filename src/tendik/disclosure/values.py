"""The counts at every node of a structure, and the check that the cells add up.

Counts come in layers that are additive and not negative on their own: with a numerator, the
``numerator`` and the ``complement`` (denominator minus numerator); without one, the
``denominator``. The constraint ``numerator <= denominator`` is exactly ``complement >= 0``, so an
attacker's problem splits into one independent problem per layer.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from tendik.disclosure.cells import Cell, format_key
from tendik.disclosure.structure import (
    NodeKind,
    Relation,
    Structure,
    mask_of,
    project,
    submasks,
)
from tendik.errors import InconsistentMargins

#: relative tolerance when checking that margins add up
TOLERANCE = 1e-6


def layer_names(cells: Sequence[Cell]) -> tuple[str, ...]:
    """``("numerator", "complement")`` for cells with a numerator, else ``("denominator",)``."""
    if cells and cells[0].numerator is not None:
        return ("numerator", "complement")
    return ("denominator",)


def known_values(cells: Sequence[Cell], structure: Structure) -> dict[str, np.ndarray]:
    """Each layer's count at every node; latent nodes are NaN."""
    names = layer_names(cells)
    layers = {name: np.full(structure.size, np.nan) for name in names}
    for node, kind in enumerate(structure.kinds):
        if kind is NodeKind.ZERO:
            for values in layers.values():
                values[node] = 0.0
    for position, cell in enumerate(cells):
        node = structure.node_of[position]
        if cell.numerator is None:
            layers["denominator"][node] = float(cell.denominator)
        else:
            layers["numerator"][node] = float(cell.numerator)
            layers["complement"][node] = float(cell.denominator) - float(cell.numerator)
    return layers


def complete(cells: Sequence[Cell], structure: Structure) -> dict[str, np.ndarray]:
    """Counts at every node, latent margins included, after checking that the cells add up."""
    layers = known_values(cells, structure)
    for values in layers.values():
        if structure.cross_classified:
            _fill_cross_classification(structure, values)
        _fill_margins(structure, values)
    _check(structure, layers)
    return layers


def _fill_margins(structure: Structure, values: np.ndarray) -> None:
    """Latent margins from the nodes that refine them, the most detailed first."""
    first: dict[int, tuple[int, ...]] = {}
    for relation in structure.relations:
        first.setdefault(relation.parent, relation.children)
    order = sorted(range(structure.size), key=lambda node: -structure.masks[node].bit_count())
    for node in order:
        if np.isnan(values[node]) and node in first:
            values[node] = values[list(first[node])].sum()


def _fill_cross_classification(structure: Structure, values: np.ndarray) -> None:
    """One table of counts, not negative, of which every known node is a margin."""
    full = max(structure.masks)
    cross = [n for n, m in enumerate(structure.masks) if m == full]
    known = [n for n, kind in enumerate(structure.kinds) if kind is not NodeKind.LATENT]
    row_of = {node: row for row, node in enumerate(known)}
    index = {structure.keys[node]: node for node in range(structure.size)}
    rows: list[int] = []
    cols: list[int] = []
    for col, node in enumerate(cross):
        key = structure.keys[node]
        for sub in submasks(mask_of(key)):
            target = index.get(project(key, sub))
            if target is not None and target in row_of:
                rows.append(row_of[target])
                cols.append(col)
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(known), len(cross)))
    result = linprog(
        np.zeros(len(cross)),
        A_eq=matrix.tocsr(),
        b_eq=values[known],
        bounds=(0, None),
        method="highs",
    )
    if result.status != 0:
        raise InconsistentMargins(
            "the cells cannot all be margins of one table of counts that are not negative"
        )
    values[cross] = result.x


def _check(structure: Structure, layers: dict[str, np.ndarray]) -> None:
    checks = dict(layers)
    if "complement" in layers:
        checks = {
            "denominator": layers["numerator"] + layers["complement"],
            "numerator": layers["numerator"],
        }
    # a missing row is the most telling mismatch, so it is reported first
    ordered = sorted(structure.relations, key=lambda r: structure.kinds[r.parent] != NodeKind.ZERO)
    for column, values in checks.items():
        for relation in ordered:
            total = float(values[list(relation.children)].sum())
            stated = float(values[relation.parent])
            if abs(total - stated) > TOLERANCE * max(1.0, abs(stated)):
                raise _mismatch(structure, relation, column, stated, total)


def _mismatch(
    structure: Structure, relation: Relation, column: str, stated: float, total: float
) -> InconsistentMargins:
    dims = structure.dims
    key = format_key(structure.keys[relation.parent], dims)
    dim = dims[relation.dim]
    kind = structure.kinds[relation.parent]
    if kind is NodeKind.CELL:
        said = f"the cell has {column} {stated:g}"
    elif kind is NodeKind.ZERO:
        said = "the breakdown has no such cell, so it is empty"
    else:
        said = f"other breakdowns give {column} {stated:g}"
    return InconsistentMargins(
        f"{said}, but the cells that refine it over '{dim}' sum to {total:g}",
        column=column,
        key=key,
    )
