"""Target: the parity band default and the checks on band and value."""

import pytest
from pydantic import ValidationError

from tendik.progress import DEFAULT_PARITY_BAND, Target


def test_parity_gets_the_default_band_and_other_directions_none() -> None:
    assert Target(value=50, year=2030, direction="parity").band == DEFAULT_PARITY_BAND == 2.5
    assert Target(value=30, year=2030, direction="increase").band == 0.0
    assert Target(value=50, year=2030, direction="parity", band=0).band == 0.0


def test_band_on_a_non_parity_target_is_refused() -> None:
    with pytest.raises(ValidationError, match="band applies to parity targets only"):
        Target(value=30, year=2030, direction="increase", band=1)


def test_negative_band_and_unknown_direction_are_refused() -> None:
    with pytest.raises(ValidationError, match="band must be zero or more"):
        Target(value=50, year=2030, direction="parity", band=-1)
    with pytest.raises(ValidationError, match="direction"):
        Target(value=50, year=2030, direction="up")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="finite"):
        Target(value=float("nan"), year=2030, direction="increase")


def test_describe() -> None:
    assert Target(value=30, year=2030, direction="increase").describe() == "30 by 2030"
    parity = Target(value=50, year=2030, direction="parity")
    assert parity.describe() == "parity (50 ± 2.5) by 2030"
