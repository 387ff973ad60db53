"""Synthetic data for demos, tests and benchmarks, always labelled as synthetic."""

from tendik.generate.register import (
    DEFAULT_ROWS,
    RegisterSummary,
    generate_register,
    read_register_metadata,
)

__all__ = ["DEFAULT_ROWS", "RegisterSummary", "generate_register", "read_register_metadata"]
