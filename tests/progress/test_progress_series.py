"""Series points: sorting, duplicate years, bad points and the default base year."""

from decimal import Decimal

import numpy as np
import pytest

from tendik.errors import DuplicateYear, InvalidPoint
from tendik.progress.series import default_base_year, normalise, window


def test_points_are_sorted_by_year() -> None:
    assert normalise([(2020, 25), (2015, 20), (2017, 22.5)]) == [
        (2015, 20.0),
        (2017, 22.5),
        (2020, 25.0),
    ]


def test_a_year_given_twice_is_a_typed_error_naming_the_year() -> None:
    with pytest.raises(DuplicateYear) as caught:
        normalise([(2015, 20), (2016, 21), (2016, 21.5)])
    error = caught.value
    assert error.type == "duplicate-year"
    assert error.key == "2016"
    assert str(error) == (
        "key '2016': point 3: the year 2016 appears twice in the series (values 21 and 21.5)"
    )


def test_non_finite_values_and_fractional_years_are_refused() -> None:
    with pytest.raises(InvalidPoint, match="the value nan for 2016 is not a finite number"):
        normalise([(2015, 20), (2016, float("nan"))])
    with pytest.raises(InvalidPoint, match=r"the year 2015\.5 is not a whole number"):
        normalise([(2015.5, 20)])
    with pytest.raises(InvalidPoint, match="the value '20' for 2015"):
        normalise([(2015, "20")])


def test_default_base_year_is_the_first_from_2015_else_the_first() -> None:
    assert default_base_year([(2010, 1), (2012, 2), (2015, 3), (2020, 4)]) == 2015
    assert default_base_year([(2012, 2), (2016, 3), (2020, 4)]) == 2016
    assert default_base_year([(2005, 1), (2012, 2)]) == 2005
    assert default_base_year([]) is None


def test_window_moves_a_base_year_without_data_forward_and_cuts_at_the_current_year() -> None:
    points = [(2010, 1.0), (2012, 2.0), (2015, 3.0), (2018, 4.0), (2020, 5.0)]
    assert window(points, base_year=2013) == [(2015, 3.0), (2018, 4.0), (2020, 5.0)]
    assert window(points, current_year=2019) == [(2015, 3.0), (2018, 4.0)]
    # With data only up to 2014 the default base is the first year.
    assert window(points, current_year=2014) == [(2010, 1.0), (2012, 2.0)]
    assert window(points, base_year=2021) == []


def test_numpy_and_decimal_numbers_are_accepted() -> None:
    # What DuckDB and numpy hand back: DECIMAL columns as Decimal, arrays as numpy scalars.
    points = normalise([(np.int64(2016), np.float64(27.1)), (2015.0, Decimal("26.17"))])
    assert points == [(2015, 26.17), (2016, 27.1)]
    assert all(type(year) is int and type(value) is float for year, value in points)
    with pytest.raises(InvalidPoint, match="the value True for 2015"):
        normalise([(2015, True)])
