"""Trade figures by currency, against hand-worked values."""
import pytest

from ningbo_openness.trade import currency_pairs


def test_currency_pairs_by_hand():
    pairs = currency_pairs().set_index(["geo", "partner", "period"])
    africa = pairs.loc[("china", "africa", "2023")]  # customs: +7.1 % in yuan, +1.5 % in dollars
    assert (africa["yuan %"], africa["dollar %"]) == pytest.approx((7.1, 1.5))
    assert africa["gap (points)"] == pytest.approx(5.6)
    assert africa["implied CNY per USD change %"] == pytest.approx((1.071 / 1.015 - 1) * 100)
    cee = pairs.loc[("ningbo", "cee", "2017")]  # +26.8 % in yuan, +23.5 % in dollars
    assert cee["implied CNY per USD change %"] == pytest.approx((1.268 / 1.235 - 1) * 100)
