import pytest

from ningbo_openness import bounds
from ningbo_openness.annual import annual_series
from ningbo_openness.growth import half_unit_of_value, significant_digits


@pytest.mark.parametrize("value, digits", [(12700.0, 3), (12671.1, 6), (2156.0, 4), (0.05, 1), (13.77, 4), (976000.0, 3)])
def test_significant_digits(value, digits):
    assert significant_digits(value) == digits


def test_one_value_per_year_reported_before_derived():
    trade = annual_series("trade_total")
    assert trade.index.is_unique and trade.index.is_monotonic_increasing
    assert trade.loc[2019, "value"] == pytest.approx(9170.3) and trade.loc[2019, "kind"] == "reported"
    assert trade.loc[2019, "candidates"] >= 2
    # 2021: only implied by the 2022 growth rate (6.3 %) on the rounded 1.27 万亿元
    assert trade.loc[2021, "kind"] == "derived"
    assert trade.loc[2021, "value"] == pytest.approx(12700 / 1.063)


def test_an_implied_value_carries_the_rounding_it_comes_from():
    """2021 = 1.27 万亿元 / (1 + 6.3 %): the level is 12650 to 12750 亿元 and the rate 6.25 to
    6.35 %, so 2021 lies between 12650 / 1.0635 and 12750 / 1.0625, not at its stored digits."""
    trade = annual_series("trade_total")
    assert trade.loc[2021, ["low", "high"]].tolist() == pytest.approx([12650 / 1.0635, 12750 / 1.0625])
    assert trade.loc[2019, ["low", "high"]].tolist() == pytest.approx([9170.25, 9170.35])  # printed: its last digit
    assert bounds.of_year(trade, 2021).width == pytest.approx(12750 / 1.0625 - 12650 / 1.0635)


def test_better_tier_then_more_digits():
    boxes = annual_series("port_container_throughput", geo="ningbo_zhoushan_port", partner="none")
    # 2016: 2156 (Xinhua via a verbatim reprint, 4 digits) over 23.3 million (3 digits), both tier 2
    assert boxes.loc[2016, "value"] == 2156
    # 2022: the official NDRC page (tier 1) wins
    assert boxes.loc[2022, "tier"] == 1
    cargo = annual_series("port_cargo_throughput", geo="ningbo_zhoushan_port", partner="none")
    # exact figures beat floors: 2024 is 13.7 from the source page, not a 'more than' figure
    assert cargo.loc[2024, "qualifier"] == "exact"


def test_later_vintage_before_preliminary():
    gdp = annual_series("gdp", geo="zhejiang", partner="none")
    # 2023: the census-revised 85620 (4 digits) over the preliminary 82553 (5 digits)
    assert gdp.loc[2023, "value"] == 85620


def test_a_restated_figure_before_the_first_print():
    population = annual_series("resident_population", geo="guangzhou", partner="none")
    # 2019: the census-restated 1831.21万 (yearbook, tier 3) over the first print 1530.59万 (tier 2)
    assert population.loc[2019, "value"] == 1831.21 and population.loc[2019, "vintage"] == "revised"


def test_a_figure_with_its_growth_before_one_without():
    trade = annual_series("trade_total")
    # 2024: 1.42 万亿 in a speech write-up and 14200 亿 +11.1 % in a press release, both tier 3
    assert trade.loc[2024, "candidates"] >= 2
    assert trade.loc[2024, "source_id"] == "owra_asianet_20250521_ceec_expo"


def test_unknown_series():
    with pytest.raises(KeyError):
        annual_series("trade_total", geo="singapore_port")


def test_half_unit_of_value():
    assert half_unit_of_value(64100.0) == pytest.approx(50)  # 6.41 万亿元 in 亿元
    assert half_unit_of_value(70000.0) == pytest.approx(5000)  # "near 7 万亿元"
    assert half_unit_of_value(12.5) == pytest.approx(0.05)

