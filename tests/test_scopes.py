"""Scope breaks: which apply to a series, and which years share the latest basis."""
import pandas as pd

import ningbo_openness as no
from ningbo_openness import scopes


def toy(vintages: dict[int, str]) -> pd.DataFrame:
    return pd.DataFrame({"value": range(len(vintages)), "vintage": list(vintages.values())}, index=list(vintages))


def test_blank_indicator_and_geo_apply_to_every_series_of_the_partner():
    for indicator, geo in (("trade_total", "ningbo"), ("trade_total_usd", "china")):
        found = scopes.breaks(indicator, geo, "cee")
        assert found["from_period"].tolist() == ["2019", "2021", "2022"]
    assert scopes.breaks("trade_total", "ningbo", "asean").empty


def test_latest_basis_keeps_years_from_the_break_and_restated_earlier_years():
    population = toy({2015: "revised", 2019: "", 2020: "", 2024: ""})
    kept = scopes.latest_basis(population, "resident_population", "ningbo", "none")
    assert kept.index.tolist() == [2015, 2020, 2024]


def test_a_series_without_a_break_is_returned_whole():
    series = toy({2019: "", 2020: ""})
    assert scopes.latest_basis(series, "resident_population", "zhejiang", "none").index.tolist() == [2019, 2020]


def test_scope_by_year_names_the_membership_in_force():
    scope = scopes.scope_by_year([2017, 2019, 2021, 2024], "trade_total", "ningbo", "cee")
    assert scope[2017].startswith("16 countries") and scope[2019].startswith("17 countries")
    assert scope[2021].startswith("16 countries") and scope[2024].startswith("14 countries")
    assert (scopes.scope_by_year([2024], "trade_total", "ningbo", "asean") == "").all()


def test_every_city_population_across_the_census_has_its_break():
    """A city whose year-end population is held both before and after 2020 needs the census break,
    or a per-head figure would divide across two bases (Shenzhen's 2019 estimate was 1343.88万, its
    census count of 1 November 2020 1756万)."""
    rows = no.load_indicators(indicator="resident_population")
    years = rows[rows["period"].str.fullmatch(r"\d{4}")].assign(year=lambda d: d["period"].astype(int))
    cities = set(no.names("geos").query("kind == 'city'").index)
    spans = years[years["geo"].isin(cities)].groupby("geo", observed=True)["year"].agg(["min", "max"])
    across = spans[(spans["min"] < 2020) & (spans["max"] >= 2020)].index
    assert len(across) > 1
    for geo in across:
        assert scopes.breaks("resident_population", geo, "none")["from_period"].tolist() == ["2020"], geo
