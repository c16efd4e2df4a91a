from datetime import date

import pytest

from ningbo_openness import periods


@pytest.mark.parametrize("label, first, last", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024H1", date(2024, 1, 1), date(2024, 6, 30)),
    ("2024H2", date(2024, 7, 1), date(2024, 12, 31)),
    ("2024Q1", date(2024, 1, 1), date(2024, 3, 31)),
    ("2023M02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2024M02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025M01-M05", date(2025, 1, 1), date(2025, 5, 31)),
    ("2025-06-18", date(2025, 6, 18), date(2025, 6, 18)),
])
def test_bounds(label, first, last):
    assert periods.bounds(label) == (first, last)


@pytest.mark.parametrize("label", ["24", "2024H3", "2024Q5", "2024M13", "2025M05-M01", "2024-02-30", "2024 ", "2024h1", ""])
def test_invalid_labels(label):
    assert not periods.is_valid(label)
    with pytest.raises(ValueError):
        periods.bounds(label)


@pytest.mark.parametrize("label, previous", [
    ("2024", "2023"), ("2025M01-M05", "2024M01-M05"), ("2024H1", "2023H1"),
    ("2025-06-18", "2024-06-18"), ("2024-02-29", "2023-02-28"),
])
def test_previous_and_next_year(label, previous):
    assert periods.previous_year(label) == previous
    if label != "2024-02-29":
        assert periods.next_year(previous) == label
