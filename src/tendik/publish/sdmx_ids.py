"""SDMX identifiers of what tendik publishes: agency, dataflows, structures, codelists, codes.

SDMX ids allow only ASCII letters, digits, "_", "@", "$" and "-"; tendik uses upper case and "_"
as SDMX registries do. Each value of a dimension gets a code: the value itself in upper case where
that is a valid id ("KAZ", "KZ-71"), else one made from it ("16 to 24" -> "16_TO_24"), or a
numbered one ("V1", "V2"...) when nothing ASCII is left or two values would share one. The
value itself is always the code's name, so the codelist maps every code back to it.
"""

from __future__ import annotations

import re

from tendik.publish.table import TOTAL

AGENCY = "TENDIK"
VERSION = "1.0"
_NOT_ID = re.compile(r"[^A-Za-z0-9_]+")
_NOT_CODE = re.compile(r"[^A-Za-z0-9_-]+")


def indicator_code(indicator_id: str) -> str:
    """'parliament-women-share' -> 'PARLIAMENT_WOMEN_SHARE'."""
    return _NOT_ID.sub("_", indicator_id).strip("_").upper()


def dataflow_id(indicator_id: str) -> str:
    return f"DF_{indicator_code(indicator_id)}"


def structure_id(indicator_id: str) -> str:
    return f"DSD_{indicator_code(indicator_id)}"


def dataflow_ref(indicator_id: str) -> str:
    """The DATAFLOW cell of SDMX-CSV: AGENCY:ID(VERSION)."""
    return f"{AGENCY}:{dataflow_id(indicator_id)}({VERSION})"


def codelist_id(concept: str) -> str:
    return f"CL_{concept}"


def code_ids(values: list[str]) -> dict[str, str]:
    """A unique SDMX code id for each distinct value (the value itself where it is a valid id)."""
    ids: dict[str, str] = {}
    taken = {TOTAL}
    numbered = 0
    for value in values:
        if value in ids:
            continue
        candidate = _NOT_CODE.sub("_", value.strip()).strip("_-").upper()
        if not candidate or candidate in taken:
            numbered += 1
            candidate = f"V{numbered}"
            while candidate in taken:
                numbered += 1
                candidate = f"V{numbered}"
        ids[value] = candidate
        taken.add(candidate)
    return ids
