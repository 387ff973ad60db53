"""What a publication wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PublishReport:
    """The files one format wrote, the observation rows in them, and how long it took.

    ``left_out`` maps an indicator id to the reason it is not in this format's files.
    """

    format: str
    out: Path
    files: list[Path] = field(default_factory=list)
    rows: int = 0
    seconds: float = 0.0
    left_out: dict[str, str] = field(default_factory=dict)

    def add(self, path: Path, rows: int = 0) -> None:
        self.files.append(path)
        self.rows += rows
