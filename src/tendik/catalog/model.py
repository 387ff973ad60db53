"""Indicator definitions, as a user writes them in indicators/*.yaml (validated with pydantic)."""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

Language = Literal["en", "ru", "kk"]
LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")
# percent: a share or rate in %; percentage-points: a difference of percentages; persons, seats,
# count (things: centres, projects, orders): counts; money: an amount in ``currency``; ratio: a
# ratio (women's pay as a share of men's is percent); rate: per so many (``per``); years.
# "tenge" is money in KZT, kept for definitions written before money had a currency.
Unit = Literal[
    "percent", "percentage-points", "persons", "seats", "count", "money", "ratio", "rate",
    "years", "number", "tenge",
]  # fmt: skip
Theme = Literal["civil-service", "parliament", "management", "justice-security", "other"]

COUNT_UNITS: frozenset[str] = frozenset({"persons", "seats", "count", "number"})

# Column names in the source -> SDMX-style dimension names in the warehouse, where they differ.
DIMENSION_NAMES: dict[str, str] = {"age_group": "AGE", "sex": "SEX", "urbanisation": "URBANISATION"}


# The SDMX UNIT_MEASURE code of each unit (money: its currency).
UNIT_CODES: dict[str, str] = {
    "percent": "PT",
    "percentage-points": "PP",
    "persons": "NUMBER",
    "seats": "NUMBER",
    "count": "NUMBER",
    "number": "NUMBER",
    "ratio": "RATIO",
    "rate": "RATE",
    "years": "YR",
    "tenge": "KZT",
}


def dimension_name(column: str) -> str:
    return DIMENSION_NAMES.get(column, column.upper())


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Labels(Strict):
    """Text in the three languages; English is required, the others fall back to it."""

    en: str
    ru: str | None = None
    kk: str | None = None

    def get(self, language: str) -> str:
        return getattr(self, language, None) or self.en


class Synonyms(Strict):
    en: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    kk: list[str] = Field(default_factory=list)


class Target(Strict):
    value: float
    year: int
    direction: Literal["increase", "decrease", "parity"]


class SeriesSelector(Strict):
    """A published series in a source: a code in a series-shaped source, or columns of a table."""

    code: str | None = None  # SERIES value in wdi/unsdg/owid/opensdg sources
    area: str | None = None  # table sources: the column with the area
    period: str | None = None  # table sources: the column with the period
    value: str | None = None  # table sources: the column with the value
    area_codes: dict[str, str] = Field(default_factory=dict)  # publisher's area name -> code
    where: str | None = None  # a filter (SQL boolean) over the source's columns


class Aggregate(Strict):
    """One side of a ratio: an aggregate of a column over rows matching ``where``."""

    agg: Literal["count", "sum", "mean", "median"]
    column: str | None = None
    where: str | None = None


class Measure(Strict):
    """Exactly one of share, count, sum, mean, median, ratio; ``among`` filters the rows."""

    share: str | None = None  # numerator condition; the denominator is the rows ``among``
    count: str | None = None  # a condition; "true" counts every row ``among``
    sum: str | None = None  # a column
    mean: str | None = None
    median: str | None = None
    ratio: tuple[Aggregate, Aggregate] | None = None  # numerator, denominator
    among: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Measure:
        given = [
            k for k in ("share", "count", "sum", "mean", "median", "ratio") if getattr(self, k)
        ]
        if len(given) != 1:
            raise ValueError(
                "a measure has exactly one of share, count, sum, mean, median, ratio "
                f"(found: {', '.join(given) or 'none'})"
            )
        return self

    @property
    def kind(self) -> str:
        return next(
            k for k in ("share", "count", "sum", "mean", "median", "ratio") if getattr(self, k)
        )


class Breakdown(Strict):
    """One grouping: one or several source columns crossed."""

    columns: tuple[str, ...]

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(dimension_name(c) for c in self.columns)


class Indicator(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: Labels
    description: Labels | None = None
    unit: Unit
    theme: Theme = "other"
    source: str
    series: SeriesSelector | None = None
    measure: Measure | None = None
    period: str | None = None  # records: the column that gives the period
    period_format: Literal["year", "date"] = "year"
    breakdowns: tuple[Breakdown, ...] = ()
    target: Target | None = None
    sdg: str | None = None  # SDG indicator, e.g. "5.5.1"
    sdmx_series: str | None = None  # SDG/SDMX series code, e.g. SG_GEN_PARL
    headline_area: str | None = None  # defaults to the project's area
    reference_date: str | None = None  # what year t means, e.g. "as of 1 January of t"
    notes: Labels | None = None
    synonyms: Synonyms = Field(default_factory=Synonyms)
    decimals: int = 1
    currency: str | None = Field(  # ISO 4217, for money
        default=None, pattern=r"^[A-Z]{3}$", validate_default=True
    )
    scale: int = Field(default=0, ge=0, le=12)  # shown in 10^scale: 9 = billions
    per: str | None = None  # a rate's base ("100000") or a period ("month")
    population: Labels | None = None  # who or what is counted: "SMEs headed by a woman"

    @field_validator("breakdowns", mode="before")
    @classmethod
    def _breakdowns(cls, value: object) -> object:
        if not isinstance(value, list | tuple):
            return value
        out = []
        for item in value:
            if isinstance(item, str):
                out.append({"columns": [item]})
            elif isinstance(item, list | tuple):
                out.append({"columns": list(item)})
            else:
                out.append(item)
        return out

    @model_validator(mode="after")
    def _series_or_measure(self) -> Indicator:
        if (self.series is None) == (self.measure is None):
            raise ValueError("an indicator has either 'series' or 'measure', not both or neither")
        if self.measure is not None and self.period is None:
            raise ValueError(
                "a records indicator ('measure') needs 'period': the column of the period"
            )
        return self

    @field_validator("currency")
    @classmethod
    def _money_has_a_currency(cls, value: str | None, info: ValidationInfo) -> str | None:
        unit = info.data.get("unit")
        if unit == "money" and value is None:
            raise ValueError("an indicator in money needs 'currency' (ISO 4217, e.g. KZT)")
        if unit not in (None, "money", "tenge") and value is not None:
            raise ValueError(f"'currency' is for money; this indicator is in {unit}")
        return value

    @property
    def is_series(self) -> bool:
        return self.series is not None

    @property
    def unit_code(self) -> str:
        """The SDMX UNIT_MEASURE of its values: PT, NUMBER, KZT, ..."""
        if self.unit == "money":
            assert self.currency is not None
            return self.currency
        return UNIT_CODES[self.unit]

    def definition_hash(self) -> str:
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
