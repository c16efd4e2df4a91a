"""The qualifier of a figure computed from qualified figures, worked by hand."""
import pytest

from ningbo_openness.qualifiers import combine


@pytest.mark.parametrize("terms, expected", [
    ((("exact", 1), ("exact", 1)), "exact"),
    ((("floor", 1), ("exact", 1)), "floor"),            # more than 100 plus 20: more than 120
    ((("floor", 1), ("exact", -1)), "floor"),           # more than 100 less 20: more than 80
    ((("exact", 1), ("floor", -1)), "nearly"),          # 100 less more than 20: less than 80
    ((("exact", 1), ("nearly", -1)), "floor"),          # 100 over nearly 20: more than 5
    ((("nearly", 1), ("nearly", 1)), "nearly"),
    ((("floor", 1), ("nearly", 1)), "approx"),          # the sides conflict
    ((("floor", 1), ("floor", -1)), "approx"),
    ((("approx", 1), ("exact", 1)), "approx"),
    ((("floor", 1), ("nearly", -1)), "floor"),          # more than a over nearly b: more than a / b
])
def test_combine(terms, expected):
    assert combine(*terms) == expected
