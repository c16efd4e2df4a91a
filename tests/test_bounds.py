"""Ranges of published figures and of figures computed from them, worked by hand."""
import math

import pytest

from ningbo_openness import bounds
from ningbo_openness.bounds import Range


def test_printed_figures_by_qualifier():
    assert bounds.printed(1876.9) == Range(1876.9, pytest.approx(1876.85), pytest.approx(1876.95))
    assert bounds.printed(14200) == Range(14200, 14150, 14250)  # 1.42万亿: the nearest 100 亿元
    assert bounds.printed(5000, "floor") == Range(5000, 5000, math.inf)  # more than 5000
    assert bounds.printed(70000, "nearly") == Range(70000, 0.0, 70000, least=0.0)  # nearly 7万亿
    assert bounds.printed(70000, "nearly").describe() == "at most 70000.0"
    assert bounds.printed(80, "approx", half=5) == Range(80, 75, 85)


def test_growth_of_rounded_levels():
    # 12700 and 11900 printed to the nearest 100: (12650/11950 - 1) and (12750/11850 - 1)
    result = bounds.growth_pct(bounds.printed(12700, half=50), bounds.printed(11900, half=50))
    assert (result.low, result.high) == pytest.approx((100 * (12650 / 11950 - 1), 100 * (12750 / 11850 - 1)))


def test_per_unit_of_a_rounded_population():
    # 9372 grants over 969.7万 residents printed to 0.1万: 9372/969.75 to 9372/969.65 per 10,000
    result = bounds.per_unit(bounds.exact(9372), bounds.printed(969.7))
    assert (result.low, result.value, result.high) == pytest.approx((9372 / 969.75, 9372 / 969.7, 9372 / 969.65))


def test_a_floor_below_the_line_gives_an_upper_bound_and_nearly_a_lower_one():
    share = bounds.share_pct(bounds.exact(3930), bounds.printed(5000, "floor"))
    assert share.high == pytest.approx(78.6) and share.low == 0 and share.describe() == "at most 78.6"
    cagr = bounds.cagr_pct(bounds.printed(200, "nearly"), bounds.exact(561.3), 7)
    assert cagr.low == pytest.approx(100 * ((561.3 / 200) ** (1 / 7) - 1)) and math.isinf(cagr.high)
    assert cagr.describe() == "at least 15.9"


def test_a_floor_at_the_start_caps_growth():
    result = bounds.cagr_pct(bounds.printed(46000, "floor"), bounds.exact(64110), 8)
    assert result.high == pytest.approx(100 * ((64110 / 46000) ** (1 / 8) - 1)) and result.describe(2) == "at most 4.24"


def test_undefined_corners_open_both_sides():
    result = bounds.propagate(lambda a, b: a / b, a=bounds.printed(1, "floor"), b=bounds.printed(1, "floor"))
    assert result.describe() == "unbounded"


def test_shift_share_over_the_rounding_of_every_level_by_hand():
    local_before = {"a": bounds.exact(60), "total": bounds.exact(100)}
    local_after = {"a": bounds.exact(72), "total": bounds.exact(112)}
    bench_before = {"a": Range(500, 490, 510), "total": bounds.exact(1000)}
    bench_after = {"a": Range(550, 540, 560), "total": bounds.exact(1050)}
    result = bounds.shift_share(local_before, local_after, bench_before, bench_after)
    # mix is largest with a at 490 -> 560 (other 510 -> 490): 0.6*(100*70/490 - 5) + 0.4*(-100*20/510 - 5)
    # and smallest with a at 510 -> 540 (other 490 -> 510): 0.6*(100*30/510 - 5) + 0.4*(100*20/490 - 5)
    assert result.loc["mix", "high"] == pytest.approx(2.0028, abs=1e-4)
    assert result.loc["mix", "low"] == pytest.approx(0.1621, abs=1e-4)
    assert result.loc["mix", "value"] == pytest.approx(0.6 * 5 + 0.4 * -5)
    assert result.loc["total", "low"] == result.loc["total", "high"] == pytest.approx(12)
    assert result.loc["within", "high"] == pytest.approx(12 - 5 - 0.1621, abs=1e-4)


def test_the_rounding_of_the_reporters_own_total_moves_its_growth_and_within():
    local_before = {"a": bounds.exact(60), "total": Range(100, 99.5, 100.5)}
    local_after = {"a": bounds.exact(72), "total": Range(112, 111.5, 112.5)}
    bench = {"a": bounds.exact(500), "total": bounds.exact(1000)}
    bench_after = {"a": bounds.exact(550), "total": bounds.exact(1050)}
    result = bounds.shift_share(local_before, local_after, bench, bench_after)
    assert (result.loc["total", "low"], result.loc["total", "high"]) == pytest.approx(
        (100 * (111.5 / 100.5 - 1), 100 * (112.5 / 99.5 - 1)))
    assert result.loc["within", "high"] - result.loc["within", "low"] > 0.5


def test_one_year_of_an_annual_series():
    import pandas as pd

    series = pd.DataFrame({"value": [46000.0, 64110.0], "qualifier": ["floor", "exact"]}, index=[2015, 2023])
    assert bounds.of_year(series, 2015) == Range(46000.0, 46000.0, math.inf)
    assert bounds.of_year(series, 2023) == bounds.printed(64110.0)
