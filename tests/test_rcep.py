"""Same-window growth gaps between RCEP members and other partners, against hand-worked values."""
import math
from datetime import date

import pandas as pd
import pytest

from ningbo_openness import bounds, rcep


def log_points(pct: float) -> float:
    return 100 * math.log(1 + pct / 100)


def frame(rows) -> pd.DataFrame:
    """A growth table in ``partner_growth``'s shape from (period, phase, partner, side, growth %)."""
    return pd.DataFrame([{"geo": "x", "indicator": "trade_total", "period": period, "phase": phase, "partner": partner,
                          "side": side, "growth_pct": pct, "log_growth": log_points(pct), "sources": "s"}
                         for period, phase, partner, side, pct in rows])


TOY = frame([
    ("2021", "before", "asean", "member", 10.0), ("2021", "before", "eu", "non_member", 5.0),
    ("2021", "before", "usa", "non_member", 0.0),
    ("2024", "in force", "asean", "member", 9.0), ("2024", "in force", "rcep", "member", 8.0),
    ("2024", "in force", "eu", "non_member", 2.0),
    ("2025", "in force", "asean", "member", 3.0),  # no non-member rate: not a window
])


def test_gap_is_member_less_mean_of_others_in_log_points_and_prefers_the_group():
    gaps = rcep.window_gaps(TOY).set_index("period")
    assert list(gaps.index) == ["2021", "2024"]
    assert gaps.at["2021", "gap"] == pytest.approx(9.5310 - (4.8790 + 0.0) / 2, abs=1e-4)
    assert gaps.at["2024", "gap"] == pytest.approx(7.6961 - 1.9803, abs=1e-4)
    assert gaps.at["2024", "partners"] == "rcep vs eu"


def test_difference_in_differences_by_hand():
    did = rcep.difference_in_differences(rcep.window_gaps(TOY)).iloc[0]
    assert (did["n before"], did["n in force"]) == (1, 1)
    assert did["difference"] == pytest.approx((7.6961 - 1.9803) - (9.5310 - 2.4395), abs=1e-4)
    assert math.isnan(did["low"]) and math.isnan(did["high"])  # one window a side: no interval


def test_two_windows_a_side_give_a_welch_interval_around_the_difference():
    toy = frame([(p, ph, partner, side, pct) for p, ph in (("2020", "before"), ("2021", "before"),
                                                            ("2023", "in force"), ("2024", "in force"))
                 for partner, side, pct in (("asean", "member", {"2020": 4, "2021": 6, "2023": 9, "2024": 13}[p]),
                                            ("eu", "non_member", 2.0))])
    did = rcep.difference_in_differences(rcep.window_gaps(toy)).iloc[0]
    gaps = rcep.window_gaps(toy)["gap"].to_numpy()
    assert did["difference"] == pytest.approx((gaps[2] + gaps[3]) / 2 - (gaps[0] + gaps[1]) / 2)
    assert did["low"] < did["difference"] < did["high"]


def test_common_comparators_keep_partners_seen_on_both_sides():
    assert rcep.common_comparators(TOY) == {"x": {"eu"}}
    matched = rcep.window_gaps(TOY, rcep.common_comparators(TOY)).set_index("period")
    assert matched.at["2021", "gap"] == pytest.approx(9.5310 - 4.8790, abs=1e-4)


def test_rcep_dates_and_membership_come_from_the_reference_tables():
    assert rcep.in_force() == date(2022, 1, 1)
    growth = rcep.partner_growth()
    assert not growth["partner"].isin(["world", "belt_and_road"]).any()
    cell = growth[(growth["geo"] == "ningbo") & (growth["period"] == "2024Q1") & (growth["partner"] == "rcep")].iloc[0]
    assert (cell["side"], cell["phase"]) == ("member", "in force")
    assert cell["log_growth"] == pytest.approx(log_points(7.9))
    before = growth[(growth["geo"] == "ningbo") & (growth["period"] == "2021M01-M08")]
    assert set(before["phase"]) == {"before"}


def test_utilisation_floor_by_hand():
    """30 covered over five months against 600 of trade in three: at the same pace the window's
    trade is 1000, so the floor is 3 %; if the last two months ran at half the pace, 800 and 3.75 %."""
    covered, trade = bounds.exact(30.0), bounds.exact(600.0)
    assert rcep.utilisation_floor(covered, trade, 3, 5).value == pytest.approx(3.0)
    assert rcep.utilisation_floor(covered, trade, 3, 5, pace=0.5).value == pytest.approx(3.75)
    # printed 30 and 600 to the unit's half: 29.5-30.5 over 595-605 x 5/3 = 991.67-1008.33
    rounded = rcep.utilisation_floor(bounds.printed(30.0, half=0.5), bounds.printed(600.0, half=5), 3, 5)
    assert (rounded.low, rounded.high) == pytest.approx((29.5 / 1008.3333 * 100, 30.5 / 991.6667 * 100), rel=1e-4)
