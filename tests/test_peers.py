"""Peer-city comparisons on hand-made ranges, and on the data held."""
from __future__ import annotations

import pandas as pd
import pytest

from ningbo_openness import bounds, peers


def test_rank_range_by_hand():
    """City 100 +- 0.5. Peer a 200 (surely above), b a floor of 90 (possibly above), c 100.2 +- 0.5
    (overlaps: possibly above), d 50 (below): best rank 2, worst 4."""
    city = bounds.printed(100.0, half=0.5)
    held = {"a": bounds.printed(200.0, half=0.5), "b": bounds.printed(90.0, "floor"),
            "c": bounds.printed(100.2, half=0.5), "d": bounds.printed(50.0, half=0.5)}
    assert peers.rank_range(city, held) == (2, 4)
    assert peers.rank_range(city, {}) == (1, 1)


@pytest.mark.parametrize(("city", "expected"), [(1.0, "below"), (2.0, "within"), (4.0, "within"), (9.0, "above")])
def test_position_by_hand(city, expected):
    assert peers.position(city, [2.0, 3.0, 4.0]) == expected


def test_growth_rests_on_enough_peers_and_names_its_sources():
    table = peers.growth_against_peers()
    assert not table.empty and (table["peers"] >= peers.MIN_PEERS).all()
    assert ((table["peer_low"] <= table["peer_median"]) & (table["peer_median"] <= table["peer_high"])).all()
    assert table["sources"].str.len().gt(0).all()
    assert set(table["basis"]) <= {"published", "levels"}


def test_growth_from_levels_is_left_out_where_a_level_is_only_a_bound():
    """Dongguan 2018 and 2020 are held only as 'more than' 1.3 and 1 trillion yuan with no rate
    printed, so the rates into and out of those years are bounds, not values: 2018, 2019 and 2020
    are left out, 2021 (published: 14.6) stays."""
    rates = peers.growth("trade_total", "dongguan")
    assert not {2018, 2019, 2020} & set(rates.index)
    assert rates.loc[2021, "value"] == pytest.approx(14.6) and rates.loc[2021, "basis"] == "published"


def test_ningbo_rank_is_among_the_cities_held():
    ranks = peers.ranks()
    assert ((ranks["best_rank"] >= 1) & (ranks["best_rank"] <= ranks["worst_rank"])).all()
    assert (ranks["worst_rank"] <= ranks["peers"] + 1).all()


def test_export_shares_are_shares_of_the_country():
    shares = peers.export_shares()
    assert not shares.empty and ((shares["low"] <= shares["share"]) & (shares["share"] <= shares["high"])).all()
    assert (shares["share"] > 0).all() and (shares["share"] < 100).all()
    assert "ningbo" in set(shares["geo"]) and len(set(shares["geo"])) > 1


def test_invention_shares_by_hand_for_ningbo_2023():
    """Ningbo 2023: 9372 inventions of 64110 grants, 14.62 per cent."""
    shares = peers.invention_shares().set_index(["geo", "year"])
    assert shares.loc[("ningbo", 2023), "share"] == pytest.approx(9372 / 64110 * 100)
    assert (shares["low"] <= shares["share"]).all() and (shares["share"] <= shares["high"]).all()


def test_per_10k_by_hand_for_ningbo_2023():
    """Ningbo 2023: 9372 invention grants over 969.7万 year-end residents, 9.66 per 10,000."""
    table = peers.per_10k().set_index(["geo", "year"])
    assert table.loc[("ningbo", 2023), "per_10k"] == pytest.approx(9372 / 969.7)
    assert (table["low"] <= table["per_10k"]).all() and (table["per_10k"] <= table["high"]).all()


def test_sign_test_by_hand():
    """Six years above the median and none below: two-sided p = 2 / 2**6; a year at the median is dropped."""
    table = pd.DataFrame({"growth": [5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 2.0], "peer_median": [2.0] * 7})
    assert peers.sign_test(table) == {"above": 6, "below": 0, "years": 7, "p_value": pytest.approx(2 / 2**6)}
    assert peers.sign_test(table.iloc[[0, 6]])["p_value"] == pytest.approx(1.0)


@pytest.mark.parametrize(("city", "expected"), [
    (bounds.Range(6.7, 6.65, 6.75), "below"),   # wholly under a median of 6.80 to 6.91
    (bounds.Range(6.9, 6.85, 6.95), "open"),    # overlaps it: rounding could put it either side
    (bounds.Range(7.0, 6.95, 7.05), "above"),
])
def test_median_side_by_hand(city, expected):
    assert peers.median_side(city, bounds.Range(6.85, 6.80, 6.91)) == expected


def test_sign_test_beyond_rounding_drops_open_years():
    """Three years above, one below, two open: the test runs on four years, p = 2 * 5 / 16."""
    table = pd.DataFrame({"side": ["above", "above", "open", "below", "above", "open"]})
    assert peers.sign_test_beyond_rounding(table) == {"above": 3, "below": 1, "years": 6,
                                                      "p_value": pytest.approx(10 / 16)}


def test_growth_ranges_hold_the_central_values():
    """The median's range comes from the peers' low and high ends; it and the city's range hold
    the central values, and a settled side agrees with the central comparison."""
    table = peers.growth_against_peers()
    assert ((table["median_low"] <= table["peer_median"]) & (table["peer_median"] <= table["median_high"])).all()
    assert ((table["growth_low"] <= table["growth"]) & (table["growth"] <= table["growth_high"])).all()
    settled = table[table["side"] != "open"]
    assert ((settled["side"] == "above") == (settled["growth"] > settled["peer_median"])).all()


def test_coverage_counts_every_year_once():
    table = peers.coverage()
    assert "ningbo" in table.index and (table["reported"] + table["implied"] > 0).all()
    assert (table["first"] <= table["last"]).all()
    assert ((table["reported"] + table["implied"]) <= table["last"] - table["first"] + 1).all()


def test_gap_summary_by_hand():
    """Gaps 1..5 points: mean 3, s = 1.5811, t(0.975, 4) = 2.7764, so 3 -+ 1.9632; five of five
    faster, sign-test p = 2 / 2**5."""
    summary = peers.gap_summary(pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=range(2019, 2024)))
    assert summary["years"] == 5 and summary["faster"] == 5 and summary["median_gap"] == 3.0
    assert (summary["ci_low"], summary["ci_high"]) == pytest.approx((3 - 1.9632, 3 + 1.9632), abs=1e-4)
    assert summary["p_value"] == pytest.approx(2 / 2**5)


def test_paired_growth_adjusts_for_testing_every_peer():
    table = peers.paired_growth()
    assert not table.empty and (table["years"] >= 5).all()
    assert (table["p_holm"] >= table["p_value"]).all() and (table["p_holm"] <= 1).all()
    assert ((table["ci_low"] <= table["mean_gap"]) & (table["mean_gap"] <= table["ci_high"])).all()
