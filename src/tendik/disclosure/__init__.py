"""Disclosure control: small-cell and complementary suppression, and the attacker's audit."""

from tendik.disclosure.arrow import cells_from_arrow, mark
from tendik.disclosure.attacker import AuditReport, CellAudit, Interval, audit
from tendik.disclosure.cells import Cell, is_primary
from tendik.disclosure.suppression import Reason, SuppressionResult, suppress

__all__ = [
    "AuditReport",
    "Cell",
    "CellAudit",
    "Interval",
    "Reason",
    "SuppressionResult",
    "audit",
    "cells_from_arrow",
    "is_primary",
    "mark",
    "suppress",
]
