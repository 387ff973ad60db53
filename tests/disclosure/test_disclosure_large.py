"""A register-sized publication: 20 regions x 3 levels x 3 corps with every margin."""

from __future__ import annotations

import time

from disclosure_tables import find, personnel, with_margins

from tendik.disclosure import suppress

DIMS = ["region", "level", "corps"]


def test_full_cross_classification_with_every_margin() -> None:
    counts = personnel(seed=7)
    cells = with_margins(counts, DIMS)
    assert len(cells) == 334  # 1 + 20 + 3 + 3 + 60 + 60 + 9 + 178 non-empty three-way cells
    assert sum(c.denominator for c in cells if all(v is None for v in c.key.values())) == 6019
    started = time.process_time()
    result = suppress(cells, dims=DIMS)
    elapsed = time.process_time() - started  # CPU seconds, steady on a busy machine
    assert result.n_primary == 77
    assert 60 <= result.n_complementary <= 90  # 76 with the solver this project pins
    assert result.audit.passed
    assert len(result.audit.cells) == result.n_primary + result.n_complementary
    assert find(cells) not in result.suppressed
    assert elapsed < 10


def test_two_way_margins_without_the_three_way_table() -> None:
    counts = personnel(seed=7)
    two_way = [
        ("region", "level"),
        ("region", "corps"),
        ("level", "corps"),
        ("region",),
        ("level",),
        ("corps",),
        (),
    ]
    cells = with_margins(counts, DIMS, two_way)
    assert len(cells) == 156
    result = suppress(cells, dims=DIMS)
    assert result.audit.cross_classified
    assert result.n_primary == 10
    assert 8 <= result.n_complementary <= 16  # 12 with the solver this project pins
    assert result.audit.passed
