"""The additive structure of one publication: every margin relation a reader can write down.

The cells of one source and period come from one GROUPING SETS query, so each breakdown (the set
of dimensions a cell does not total over) is a table of margins of one underlying table of
persons. A breakdown counts as published when at least one of its cells is present; a combination
missing from a published breakdown is empty (GROUP BY emits no row for an empty group).

The structure holds three kinds of node:

- ``CELL``: a cell handed in (published, or suppressed later);
- ``ZERO``: a combination missing from a published breakdown, known to everyone to be empty;
- ``LATENT``: a margin nobody published but everyone can form, e.g. the region totals when only
  region x level and region x corps are published. Each subset of a published breakdown is such a
  margin. When the published breakdowns form a cyclic family (region x level, level x corps and
  region x corps without region x level x corps), the full cross-classification is latent too, since
  a reader can use the fact that its unpublished counts are not negative.

A relation says that a node equals the sum of the nodes that refine it over one more dimension.
For an acyclic family, relations between margins describe every table a reader could reconstruct
(local consistency implies global consistency on acyclic hypergraphs, Vorob'ev 1962); for a cyclic
one the latent cross-classification closes the gap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from scipy.sparse import csr_matrix

from tendik.disclosure.cells import Key
from tendik.errors import TableTooLarge

#: the most latent cross-classification cells an audit will model
MAX_LATENT = 200_000


class NodeKind(IntEnum):
    CELL = 0
    ZERO = 1
    LATENT = 2


@dataclass(frozen=True)
class Relation:
    """``parent`` equals the sum of ``children``, which refine it over dimension ``dim``."""

    parent: int
    dim: int
    children: tuple[int, ...]


@dataclass(frozen=True)
class Structure:
    """Nodes (cells, known empty combinations, latent margins) and their margin relations."""

    dims: tuple[str, ...]
    keys: tuple[Key, ...]
    masks: tuple[int, ...]
    kinds: tuple[NodeKind, ...]
    cell_of: tuple[int, ...]
    node_of: tuple[int, ...]
    relations: tuple[Relation, ...]
    cross_classified: bool

    @property
    def size(self) -> int:
        return len(self.keys)

    def matrix(self) -> csr_matrix:
        """One row per relation: +1 at the parent, -1 at each child; every row sums to zero."""
        rows: list[int] = []
        cols: list[int] = []
        data: list[float] = []
        for row, relation in enumerate(self.relations):
            rows.append(row)
            cols.append(relation.parent)
            data.append(1.0)
            rows.extend([row] * len(relation.children))
            cols.extend(relation.children)
            data.extend([-1.0] * len(relation.children))
        shape = (len(self.relations), self.size)
        return csr_matrix((np.asarray(data), (rows, cols)), shape=shape)

    def grand_total(self) -> int | None:
        """The node of the cell that totals over every dimension, when one was handed in."""
        for node in self.node_of:
            if self.masks[node] == 0:
                return node
        return None


def mask_of(key: Key) -> int:
    """The breakdown of a key as a bit mask: bit j is set when dimension j is not a total."""
    return sum(1 << j for j, value in enumerate(key) if value is not None)


def project(key: Key, mask: int) -> Key:
    """The key of the margin over the dimensions in ``mask``."""
    return tuple(value if mask >> j & 1 else None for j, value in enumerate(key))


def submasks(mask: int) -> Iterator[int]:
    """Every subset of ``mask``, ``mask`` itself included."""
    sub = mask
    while True:
        yield sub
        if sub == 0:
            return
        sub = (sub - 1) & mask


def is_acyclic(breakdowns: set[int]) -> bool:
    """Whether the breakdowns form an acyclic hypergraph (Graham's reduction empties it)."""
    edges = {mask for mask in breakdowns if mask}
    while True:
        edges = {e for e in edges if not any(e != f and e & ~f == 0 for f in edges)}
        if len(edges) <= 1:
            return True
        counts: dict[int, int] = defaultdict(int)
        for e in edges:
            for j in range(e.bit_length()):
                counts[j] += e >> j & 1
        lonely = sum(1 << j for j, n in counts.items() if n == 1)
        if lonely == 0:
            return False
        edges = {e & ~lonely for e in edges} - {0}


def build(keys: Sequence[Key], populated: Sequence[bool], dims: Sequence[str]) -> Structure:
    """The structure over cells with these keys; ``populated`` marks cells with persons in them."""
    index: dict[Key, int] = {}
    node_keys: list[Key] = []
    kinds: list[NodeKind] = []
    cell_of: list[int] = []

    def add(key: Key, kind: NodeKind, cell: int = -1) -> None:
        index[key] = len(node_keys)
        node_keys.append(key)
        kinds.append(kind)
        cell_of.append(cell)

    for position, key in enumerate(keys):
        add(key, NodeKind.CELL, position)
    published = {mask_of(key) for key in keys}
    cross = not is_acyclic(published)
    if cross:
        live = [key for key, full in zip(keys, populated, strict=True) if full]
        for key in _cross_classification(live, published, len(dims)):
            add(key, NodeKind.LATENT)
    for node in range(len(node_keys)):
        key = node_keys[node]
        for sub in submasks(mask_of(key)):
            margin = project(key, sub)
            if margin not in index:
                add(margin, NodeKind.ZERO if sub in published else NodeKind.LATENT)
    masks = [mask_of(key) for key in node_keys]
    return Structure(
        dims=tuple(dims),
        keys=tuple(node_keys),
        masks=tuple(masks),
        kinds=tuple(kinds),
        cell_of=tuple(cell_of),
        node_of=tuple(range(len(keys))),
        relations=_relations(node_keys, masks, index, len(dims)),
        cross_classified=cross,
    )


def _relations(
    keys: Sequence[Key], masks: Sequence[int], index: dict[Key, int], ndims: int
) -> tuple[Relation, ...]:
    family = set(masks)
    children: dict[tuple[int, int], list[int]] = {}
    for node, mask in enumerate(masks):
        for j in range(ndims):
            if not mask >> j & 1 and mask | 1 << j in family:
                children[node, j] = []
    for node, (key, mask) in enumerate(zip(keys, masks, strict=True)):
        for j in range(ndims):
            if mask >> j & 1:
                children[index[project(key, mask & ~(1 << j))], j].append(node)
    return tuple(Relation(parent, j, tuple(kids)) for (parent, j), kids in sorted(children.items()))


def _cross_classification(keys: Sequence[Key], published: set[int], ndims: int) -> list[Key]:
    """Every combination of the dimensions that is consistent with all populated cells."""
    by_mask: dict[int, list[Key]] = defaultdict(list)
    for key in keys:
        by_mask[mask_of(key)].append(key)
    order = sorted((m for m in published if m), key=lambda m: -m.bit_count())
    partial: list[Key] = [(None,) * ndims]
    assigned = 0
    for mask in order:
        shared = assigned & mask
        lookup: dict[Key, list[Key]] = defaultdict(list)
        for key in by_mask[mask]:
            lookup[project(key, shared)].append(key)
        joined: list[Key] = []
        for row in partial:
            for key in lookup.get(project(row, shared), ()):
                joined.append(_merge(row, key))
            if len(joined) > MAX_LATENT:
                raise TableTooLarge(
                    f"modelling the unpublished cross-classification of the breakdowns needs more"
                    f" than {MAX_LATENT} cells; publish the full cross-classification or fewer"
                    f" overlapping breakdowns"
                )
        partial = joined
        assigned |= mask
    return partial


def _merge(left: Key, right: Key) -> Key:
    """Two partial keys that agree where both are set, as one."""
    return tuple(a if a is not None else b for a, b in zip(left, right, strict=True))
