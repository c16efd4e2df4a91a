"""Numbers in tables, formatted for people."""
import pytest

from ningbo_openness.publishing.tables import number


@pytest.mark.parametrize("value, shown", [
    (13363000.0, "13,363,000"), (60.0, "60"), (1555.0124, "1,555.0"), (14.618, "14.62"), (0.04212, "0.042"),
    (-2.617, "-2.62"), (0.0000123, "1.2e-05"), (float("nan"), "nan"),
])
def test_number(value, shown):
    assert number(value) == shown
