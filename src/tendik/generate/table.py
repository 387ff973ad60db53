"""A batch of register rows as an Arrow table with the register's schema."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from tendik.generate import positions as pos
from tendik.generate.batch import Batch
from tendik.generate.careers import Snapshots
from tendik.reference.kz_regions import KZ_REGIONS

REGISTER_SCHEMA = pa.schema(
    [
        pa.field("person_id", pa.string(), nullable=False),
        pa.field("snapshot_date", pa.date32(), nullable=False),
        pa.field("year", pa.int16(), nullable=False),
        pa.field("sex", pa.string(), nullable=False),
        pa.field("birth_year", pa.int16(), nullable=False),
        pa.field("age_group", pa.string(), nullable=False),
        pa.field("region", pa.string(), nullable=False),
        pa.field("level", pa.string(), nullable=False),
        pa.field("body", pa.string(), nullable=False),
        pa.field("corps", pa.string(), nullable=False),
        pa.field("category", pa.string(), nullable=False),
        pa.field("is_managerial", pa.bool_(), nullable=False),
        pa.field("hire_date", pa.date32(), nullable=False),
        pa.field("is_new_hire", pa.bool_(), nullable=False),
        pa.field("status", pa.string(), nullable=False),
        pa.field("monthly_salary", pa.int64(), nullable=False),
    ]
)

_REGION_CODES = pa.array([r.code for r in KZ_REGIONS])


def person_ids(first: int, count: int, width: int) -> pa.StringArray:
    """Pseudonymous ids "P" + ``width`` digits for the people numbered first .. first+count-1."""
    numbers = np.arange(first, first + count, dtype=np.int64)
    chars = np.empty((count, width + 1), dtype=np.uint8)
    chars[:, 0] = ord("P")
    for k in range(width):
        chars[:, width - k] = numbers // 10**k % 10 + ord("0")
    offsets = np.arange(0, (count + 1) * (width + 1), width + 1, dtype=np.int32)
    return pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(chars))


def _labels(index: np.ndarray, labels: tuple[str, ...] | pa.Array) -> pa.Array:
    """Strings looked up from small integer codes."""
    return pa.array(labels, pa.string()).take(pa.array(index))


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype(np.int32)).view(pa.date32())


def batch_table(batch: Batch, snaps: Snapshots, first_id: int, id_width: int) -> pa.Table:
    """The rows of ``batch``; its people are numbered from ``first_id``."""
    people, person = batch.people, batch.person
    sex = np.where(batch.female, 0, 1)[person]
    columns = [
        person_ids(first_id, len(people), id_width).take(pa.array(person)),
        _dates(snaps.days[batch.snapshot + 1]),
        pa.array(snaps.years[batch.snapshot].astype(np.int16)),
        _labels(sex, pos.SEXES),
        pa.array(people.birth_year[person].astype(np.int16)),
        _labels(batch.age_group, pos.AGE_GROUPS),
        _labels(batch.region, _REGION_CODES),
        _labels(people.level[person], pos.LEVELS),
        _labels(people.body[person], pos.BODIES),
        _labels(people.corps[person], pos.CORPS),
        _labels(batch.category, pos.CATEGORIES),
        pa.array(batch.managerial),
        _dates(people.hire_day[person]),
        pa.array(batch.new_hire),
        _labels(batch.status, pos.STATUSES),
        pa.array(batch.salary),
    ]
    return pa.Table.from_arrays(columns, schema=REGISTER_SCHEMA)
