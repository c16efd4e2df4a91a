import math

import pandas as pd
import pytest

from ningbo_openness import growth


def test_implied_base_inverts_growth():
    # 1876.9 / 1.207 = 1555.0124...
    assert growth.implied_base(1876.9, 20.7) == pytest.approx(1555.01243, abs=1e-5)
    assert growth.yoy_pct(1876.9, growth.implied_base(1876.9, 20.7)) == pytest.approx(20.7)


def test_yoy_and_share():
    assert growth.yoy_pct(110, 100) == pytest.approx(10)
    assert growth.yoy_pct(90, 100) == pytest.approx(-10)
    assert growth.share_pct(9372, 64110) == pytest.approx(14.6186, abs=1e-4)


def test_cagr():
    # doubling in 10 years: 2 ** 0.1 - 1 = 7.177 %
    assert growth.cagr_pct(100, 200, 10) == pytest.approx(7.1773, abs=1e-4)
    assert growth.cagr_pct(100, 100, 3) == 0
    with pytest.raises(ValueError):
        growth.cagr_pct(100, 200, 0)


def test_half_unit_follows_printed_precision():
    assert growth.half_unit("1876.9") == pytest.approx(0.05)
    assert growth.half_unit("21") == pytest.approx(0.5)
    assert growth.half_unit("11.95") == pytest.approx(0.005)


def test_growth_rounding_bound():
    # 110.0 over 100.0 with growth printed as 10: 0.5 (rate) + 100 * 1.1 * (0.05/110 + 0.05/100)
    expected = 0.5 + 100 * 1.1 * (0.05 / 110 + 0.05 / 100)
    assert growth.growth_rounding_bound("110.0", "100.0", "10") == pytest.approx(expected)
    assert math.isclose(growth.growth_rounding_bound("110", "100", "10.0"), 0.05 + 100 * 1.1 * (0.5 / 110 + 0.5 / 100))


def test_yoy_series_never_bridges_gaps():
    values = pd.Series([100.0, 110.0, 121.0, 150.0], index=[2015, 2016, 2017, 2019])
    result = growth.yoy_series(values)
    assert math.isnan(result[2015]) and math.isnan(result[2019])
    assert result[2016] == pytest.approx(10) and result[2017] == pytest.approx(10)


def test_contributions_add_up_to_total_growth():
    parts = pd.DataFrame({"a": [60.0, 66.0], "b": [40.0, 38.0]}, index=[2020, 2021])
    total = parts.sum(axis=1)
    result = growth.contributions_pp(parts, total)
    assert result.loc[2021, "a"] == pytest.approx(6) and result.loc[2021, "b"] == pytest.approx(-2)
    assert result.loc[2021].sum() == pytest.approx(growth.yoy_pct(104, 100))
    assert result.loc[2020].isna().all()


def test_shift_share_by_hand():
    local_before, local_after = pd.Series({"a": 60.0, "b": 40.0}), pd.Series({"a": 72.0, "b": 40.0})
    bench_before, bench_after = pd.Series({"a": 500.0, "b": 500.0}), pd.Series({"a": 550.0, "b": 500.0})
    result = growth.shift_share(local_before, local_after, bench_before, bench_after)
    # benchmark total 5 %; mix 0.6*(10-5) + 0.4*(0-5) = 1; within 0.6*(20-10) + 0.4*0 = 6; total 12 %
    assert result == pytest.approx({"total": 12, "benchmark": 5, "mix": 1, "within": 6})
    with pytest.raises(ValueError):
        growth.shift_share(local_before, local_after, bench_before.drop("b"), bench_after)


@pytest.mark.parametrize("numerator, denominator, bound", [
    ("exact", "exact", "exact"), ("floor", "exact", "lower bound"), ("exact", "floor", "upper bound"),
    ("floor", "floor", "no bound"), ("approx", "exact", "approximate"), ("exact", "approx", "approximate"),
    ("approx", "floor", "no bound"), ("floor", "approx", "no bound"),
    ("nearly", "exact", "upper bound"), ("exact", "nearly", "lower bound"), ("floor", "nearly", "lower bound"),
    ("nearly", "floor", "upper bound"), ("nearly", "nearly", "no bound"), ("nearly", "approx", "no bound"),
])
def test_ratio_bound(numerator, denominator, bound):
    # 2024: Ningbo-Zhoushan 3930 exact over Shanghai "more than 5000" (floor): 78.6 % at most
    assert growth.ratio_bound(numerator, denominator) == bound
