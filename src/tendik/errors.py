"""Typed errors with stable ids: every failure names what it concerns (file, row, column, key)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar


@dataclass
class TendikError(Exception):
    """Base of every error tendik reports to a user.

    ``type`` is a stable, machine-readable id; ``row`` is the 1-based row of the file as a
    person counts it in an editor or spreadsheet (the header of a CSV is row 1).
    """

    type: ClassVar[str] = "tendik-error"

    message: str
    file: str | Path | None = None
    row: int | None = None
    column: str | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def location(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(str(self.file))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.key is not None:
            parts.append(f"key '{self.key}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "message": self.message,
            "file": str(self.file) if self.file is not None else None,
            "row": self.row,
            "column": self.column,
            "key": self.key,
        }


# --- project ---------------------------------------------------------------------------------
class ProjectError(TendikError):
    type = "project-error"


# --- sources: reading and validation -----------------------------------------------------------
class SourceError(TendikError):
    type = "source-error"


class SourceFileMissing(SourceError):
    type = "source-file-missing"


class EmptyFile(SourceError):
    type = "empty-file"


class FormatMismatch(SourceError):
    """The file is not what the source declares (an HTML page named .csv, a zip named .xlsx...)."""

    type = "format-mismatch"


class EncodingProblem(SourceError):
    type = "encoding-error"


class MissingColumn(SourceError):
    type = "missing-column"


class WrongType(SourceError):
    type = "wrong-type"


class MissingValue(SourceError):
    type = "missing-value"


class UnknownCode(SourceError):
    type = "unknown-code"


class DuplicateKey(SourceError):
    type = "duplicate-key"


class ShareOutOfRange(SourceError):
    type = "share-out-of-range"


class NegativeCount(SourceError):
    type = "negative-count"


# --- sources: published figures (a ledger of cited figures) ------------------------------------
class MissingCitation(SourceError):
    """A published figure without the body that published it or the address it was read at."""

    type = "missing-citation"


class InvalidCitation(SourceError):
    """A published figure's address is not a web address (http or https)."""

    type = "invalid-citation"


class BadDate(SourceError):
    """A date that cannot be read as a day, month, quarter, year or range of them."""

    type = "bad-date"


class UnknownUnit(SourceError):
    """A unit whose words tendik does not know (see tendik.units)."""

    type = "unknown-unit"


# --- catalogue -------------------------------------------------------------------------------
class CatalogueError(TendikError):
    type = "catalogue-error"


class UnknownKey(CatalogueError):
    type = "unknown-key"


class MissingField(CatalogueError):
    type = "missing-field"


class InvalidField(CatalogueError):
    type = "invalid-field"


class ExpressionRefused(CatalogueError):
    """A filter or measure expression reaches outside the allow-list."""

    type = "expression-refused"


# --- engine and warehouse --------------------------------------------------------------------
class EngineError(TendikError):
    type = "engine-error"


class WarehouseError(TendikError):
    type = "warehouse-error"


class NotFound(TendikError):
    type = "not-found"


# --- progress: targets, status and projections -----------------------------------------------
class ProgressError(TendikError):
    type = "progress-error"


class DuplicateYear(ProgressError):
    """A series gives two values for the same year."""

    type = "duplicate-year"


class InvalidPoint(ProgressError):
    """A series point whose year is not a whole number or whose value is not a finite number."""

    type = "invalid-point"


# --- sources: structure of a file (more) -------------------------------------------------------
class DuplicateColumn(SourceError):
    """Two columns of a header carry the same name."""

    type = "duplicate-column"


class ExtraCell(SourceError):
    """A row has a non-blank cell beyond the last named column of the header."""

    type = "extra-cell"


class SheetMissing(SourceError):
    """The workbook has no sheet of the declared name."""

    type = "sheet-missing"


# --- disclosure control: small cells and complementary suppression ---------------------------
class DisclosureError(TendikError):
    type = "disclosure-error"


class InvalidCell(DisclosureError):
    """A cell handed to disclosure control has an unknown dimension or an impossible count."""

    type = "invalid-cell"


class DuplicateCell(DisclosureError):
    """Two cells of one publication carry the same key."""

    type = "duplicate-cell"


class InconsistentMargins(DisclosureError):
    """The cells do not add up: a margin differs from the sum of the cells that refine it."""

    type = "inconsistent-margins"


class TableTooLarge(DisclosureError):
    """The unpublished cross-classification an audit needs has too many cells to model."""

    type = "disclosure-table-too-large"


# --- generators ------------------------------------------------------------------------------
class GeneratorError(TendikError):
    """A synthetic-data generator was asked for something it cannot make."""

    type = "generator-error"


# --- web: dashboard and JSON API ---------------------------------------------------------------
class WebError(TendikError):
    """A request the server refuses; ``status`` is the HTTP status it answers with."""

    type = "web-error"
    status: ClassVar[int] = 400


class InvalidParameter(WebError):
    """A parameter or field of a request is malformed or out of range; ``key`` names it."""

    type = "invalid-parameter"


class MissingParameter(WebError):
    """A required parameter or field of a request is absent; ``key`` names it."""

    type = "missing-parameter"


class UnknownParameter(WebError):
    """A request carries a parameter or field the endpoint does not take; ``key`` names it."""

    type = "unknown-parameter"


class UnsupportedMediaType(WebError):
    """A request body is of a type the endpoint does not take (415)."""

    type = "unsupported-media-type"
    status = 415


class TooLarge(WebError):
    """A request body, or a field of it, is longer than the server takes (413)."""

    type = "too-large"
    status = 413


class TooManyNumbers(WebError):
    """A text to check holds more numbers than one request may check (422)."""

    type = "too-many-numbers"
    status = 422


class FormRefused(WebError):
    """A form was posted without this server's token: from another site, or an old page (403)."""

    type = "form-refused"
    status = 403


class CheckUnavailable(WebError):
    """A claim check could not finish: over its time budget, the server busy or stopping (503)."""

    type = "check-unavailable"
    status = 503


class CheckTimeout(CheckUnavailable):
    type = "check-timeout"


class ServerBusy(CheckUnavailable):
    type = "server-busy"


class ShuttingDown(CheckUnavailable):
    type = "shutting-down"


# --- publishing: open-data files from the warehouse ------------------------------------------
class PublishError(TendikError):
    type = "publish-error"


class UnknownPublishFormat(PublishError):
    """A publication was asked for in a format tendik does not write."""

    type = "unknown-publish-format"


class SheetTooLarge(PublishError):
    """An indicator has more observations than one worksheet can hold."""

    type = "sheet-too-large"


# --- quality: validation rules, outliers and reconciliation ----------------------------------
class QualityConfigError(ProjectError):
    """The [quality] table of tendik.toml is malformed: an unknown key, a bad rule, a bad pair."""

    type = "quality-config-error"


# --- claims: numeric claims in texts ---------------------------------------------------------
class ClaimsError(TendikError):
    type = "claims-error"


class UnsupportedLanguage(ClaimsError):
    """Claims were asked for in a language tendik does not read; ``key`` names it."""

    type = "unsupported-language"
