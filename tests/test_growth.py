import math

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
