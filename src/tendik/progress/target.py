"""A target an indicator is tracked against: a value, a year and the way the value must move."""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

Direction = Literal["increase", "decrease", "parity"]

# Half-width, around the parity point, of the band that counts as parity when a target names none
# (shares in percent: 47.5-52.5).
DEFAULT_PARITY_BAND = 2.5
# The parity point of a share in percent; used where a parity direction comes without a target.
PARITY_CENTRE = 50.0


class Target(BaseModel):
    """``value`` by ``year``. For ``parity`` the value is the parity point (50 for a share in
    percent) and ``band`` the half-width around it that counts as parity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    year: int
    direction: Direction
    band: float = 0.0

    @model_validator(mode="before")
    @classmethod
    def _default_parity_band(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("direction") == "parity" and "band" not in data:
            return {**data, "band": DEFAULT_PARITY_BAND}
        return data

    @field_validator("value", "band")
    @classmethod
    def _finite(cls, number: float) -> float:
        if not math.isfinite(number):
            raise ValueError("must be a finite number")
        return number

    @model_validator(mode="after")
    def _band_fits_direction(self) -> Target:
        if self.band < 0:
            raise ValueError("band must be zero or more")
        if self.band and self.direction != "parity":
            raise ValueError(f"band applies to parity targets only, not to '{self.direction}'")
        return self

    def describe(self) -> str:
        """Short text such as "30 by 2030" or "parity (50 ± 2.5) by 2030"."""
        if self.direction == "parity":
            return f"parity ({self.value:g} ± {self.band:g}) by {self.year}"
        return f"{self.value:g} by {self.year}"
