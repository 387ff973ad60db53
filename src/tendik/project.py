"""A tendik project folder: tendik.toml, indicators/ and sources/."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tendik.errors import ProjectError
from tendik.sources.spec import SourceSpec

PROJECT_FILE = "tendik.toml"
BUNDLED_DIR = Path(__file__).parent / "bundled"
BUNDLED_PROJECT = BUNDLED_DIR / "kazakhstan"


class ProjectSettings(BaseModel):
    """The [project] table of tendik.toml."""

    model_config = ConfigDict(extra="forbid")

    name: str
    area: str = "_Z"  # ISO 3166-1 alpha-3 code of the country the project is about
    area_name: str | None = None
    languages: list[str] = Field(default_factory=lambda: ["en", "ru", "kk"])
    indicators: str = "indicators"
    warehouse: str = "warehouse.duckdb"
    parity_band: float = 2.5
    disclosure_k: int = Field(default=5, ge=1)  # cells with fewer contributors are suppressed
    disclosure_protection: float | None = None  # least interval width of a hidden cell; None = k
    compare_areas: list[str] = Field(default_factory=list)


class DisclosureSettings(BaseModel):
    """The [disclosure] table of tendik.toml: the dominance rule and the declared hierarchies."""

    model_config = ConfigDict(extra="forbid")

    rule: Literal["p%", "nk", "none"] = "p%"  # the dominance rule for magnitudes
    p: float = Field(default=10.0, gt=0, le=100)  # p of the p% rule
    n: int = Field(default=2, ge=1, le=2)  # n of the (n, k) rule
    k: float = Field(default=85.0, gt=0, lt=100)  # k (percent) of the (n, k) rule
    # nesting of breakdown columns, e.g. "category within corps"; more are found in the data
    hierarchies: list[str] = Field(default_factory=list)


@dataclass
class Project:
    root: Path
    settings: ProjectSettings
    sources: dict[str, SourceSpec] = field(default_factory=dict)
    warehouse_override: Path | None = None
    quality: dict[str, Any] = field(default_factory=dict)  # [quality], read by tendik.quality
    disclosure: DisclosureSettings = field(default_factory=DisclosureSettings)

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def area(self) -> str:
        return self.settings.area

    @property
    def indicators_dir(self) -> Path:
        return self.root / self.settings.indicators

    @property
    def warehouse_path(self) -> Path:
        if self.warehouse_override is not None:
            return self.warehouse_override
        return self.root / self.settings.warehouse

    def source_path(self, source_id: str) -> Path:
        return self.root / self.sources[source_id].path


def _location(error: ValidationError) -> tuple[str, str]:
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"])
    return key, first["msg"]


def load_project(root: Path, *, warehouse: Path | None = None) -> Project:
    """Read ROOT/tendik.toml; errors name the file and the key."""
    config_path = root / PROJECT_FILE
    if not config_path.is_file():
        raise ProjectError(f"no {PROJECT_FILE} here: not a tendik project folder", file=root)
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ProjectError(f"not valid TOML: {error}", file=config_path) from None
    unknown = set(raw) - {"project", "sources", "quality", "disclosure"}
    if unknown:
        key = sorted(unknown)[0]
        raise ProjectError(f"unknown table [{key}]", file=config_path, key=key)
    try:
        settings = ProjectSettings.model_validate(raw.get("project", {}))
    except ValidationError as error:
        key, message = _location(error)
        raise ProjectError(message, file=config_path, key=f"project.{key}") from None
    sources: dict[str, SourceSpec] = {}
    for source_id, table in (raw.get("sources") or {}).items():
        try:
            sources[source_id] = SourceSpec.model_validate({"id": source_id, **table})
        except ValidationError as error:
            key, message = _location(error)
            raise ProjectError(
                message, file=config_path, key=f"sources.{source_id}.{key}"
            ) from None
    try:
        disclosure = DisclosureSettings.model_validate(raw.get("disclosure") or {})
    except ValidationError as error:
        key, message = _location(error)
        raise ProjectError(message, file=config_path, key=f"disclosure.{key}") from None
    quality = raw.get("quality") or {}
    if not isinstance(quality, dict):
        raise ProjectError("[quality] must be a table", file=config_path, key="quality")
    return Project(
        root=root.resolve(),
        settings=settings,
        sources=sources,
        warehouse_override=warehouse,
        quality=quality,
        disclosure=disclosure,
    )


def find_project(start: Path | None = None) -> Path | None:
    """The nearest folder at or above START holding a tendik.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None


def tendik_home() -> Path:
    """Where the bundled project's warehouse lives: TENDIK_HOME, else ~/.local/share/tendik."""
    configured = os.environ.get("TENDIK_HOME")
    if configured:
        return Path(configured)
    return Path.home() / ".local" / "share" / "tendik"


def bundled_project() -> Project:
    """The Kazakhstan project shipped with tendik; its warehouse lives under tendik_home()."""
    return load_project(
        BUNDLED_PROJECT, warehouse=tendik_home() / "kazakhstan" / "warehouse.duckdb"
    )
