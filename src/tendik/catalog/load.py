"""Read indicators/*.yaml into a catalogue; every problem names the file and the key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from tendik.catalog.expressions import parse_expression
from tendik.catalog.model import Indicator
from tendik.errors import CatalogueError, InvalidField, MissingField, UnknownKey


@dataclass
class Catalogue:
    """The project's indicators, in file-name order, with the file each came from."""

    indicators: dict[str, Indicator] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators.values())

    def __len__(self) -> int:
        return len(self.indicators)

    def __getitem__(self, indicator_id: str) -> Indicator:
        return self.indicators[indicator_id]

    def by_source(self, source_id: str) -> list[Indicator]:
        return [i for i in self if i.source == source_id]


def _key(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc if not str(p).startswith("function-"))


def _from_validation_error(error: ValidationError, path: Path) -> CatalogueError:
    first = error.errors()[0]
    key = _key(first["loc"])
    kind = first["type"]
    if kind == "extra_forbidden":
        return UnknownKey(f"unknown key '{key}'", file=path, key=key)
    if kind == "missing":
        return MissingField(f"missing field '{key}'", file=path, key=key)
    message = first["msg"].removeprefix("Value error, ")
    return InvalidField(f"invalid value for '{key or 'indicator'}': {message}", file=path, key=key)


def load_indicator(path: Path) -> Indicator:
    """Read and validate one definition file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise CatalogueError(f"not valid YAML: {error}", file=path, row=row) from None
    except UnicodeDecodeError:
        raise CatalogueError("not UTF-8 text", file=path) from None
    if not isinstance(raw, dict):
        raise CatalogueError("an indicator file holds one mapping (key: value lines)", file=path)
    try:
        indicator = Indicator.model_validate(raw)
    except ValidationError as error:
        raise _from_validation_error(error, path) from None
    _check_expressions(indicator, path)
    return indicator


def expressions_of(indicator: Indicator) -> Iterator[tuple[str, str]]:
    """(key, SQL) for every expression a user wrote in a definition."""
    if indicator.series is not None and indicator.series.where:
        yield "series.where", indicator.series.where
    measure = indicator.measure
    if measure is None:
        return
    for name in ("share", "count", "among"):
        value = getattr(measure, name)
        if value:
            yield f"measure.{name}", value
    for name in ("sum", "mean", "median"):
        value = getattr(measure, name)
        if value:
            yield f"measure.{name}", value
    if measure.ratio:
        for side, aggregate in zip(("0", "1"), measure.ratio, strict=True):
            if aggregate.column:
                yield f"measure.ratio.{side}.column", aggregate.column
            if aggregate.where:
                yield f"measure.ratio.{side}.where", aggregate.where


def _check_expressions(indicator: Indicator, path: Path) -> None:
    """Refuse what is outside the allow-list now; columns are checked against the source later."""
    for key, sql in expressions_of(indicator):
        parse_expression(sql, None, file=path, key=key)


def load_catalogue(directory: Path) -> Catalogue:
    """Every *.yaml / *.yml file in a folder, one indicator each; ids must be unique."""
    catalogue = Catalogue()
    if not directory.is_dir():
        raise CatalogueError("the indicators folder does not exist", file=directory)
    paths = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    for path in paths:
        indicator = load_indicator(path)
        if indicator.id in catalogue.indicators:
            other = catalogue.files[indicator.id]
            raise InvalidField(
                f"indicator id '{indicator.id}' is already defined in {other}", file=path, key="id"
            )
        catalogue.indicators[indicator.id] = indicator
        catalogue.files[indicator.id] = path
    return catalogue
