"""The build: derived values by hand, determinism, committed outputs, atomic writes."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import digest
from ningbo_openness import paths
from ningbo_openness.ingest.build import build, run


@pytest.fixture(scope="module")
def result():
    return run(paths.DATA)


def one(table: pd.DataFrame, **key) -> pd.Series:
    rows = table
    for column, value in key.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_committed_outputs_equal_a_fresh_build(result):
    for name, text in result.outputs().items():
        assert (paths.DATA / name).read_text(encoding="utf-8") == text, name


def test_build_is_byte_stable(data_copy):
    build(data_copy)
    first = digest(data_copy / "processed")
    build(data_copy)
    assert digest(data_copy / "processed") == first


def test_contract_columns(result):
    assert list(result.indicators.columns) == [
        "indicator", "geo", "partner", "period", "value", "unit", "yoy_pct", "qualifier", "vintage",
        "kind", "formula", "source_id", "locator", "note",
    ]
    derived = result.indicators[result.indicators["kind"] == "derived"]
    assert (derived["formula"] != "").all()
    assert (result.indicators.loc[result.indicators["kind"] == "reported", "formula"] == "").all()


def test_units_are_canonical(result):
    orders = one(result.indicators, indicator="cbec_618_orders", kind="reported")
    assert orders["value"] == 13363000 and orders["unit"] == "count"  # 1336.3 万单
    titles = one(result.indicators, indicator="cee_standard_titles")
    assert titles["value"] == 976000  # 97.6 万项
    firms = one(result.indicators, indicator="cbec_firms")
    assert firms["value"] == 20000 and firms["qualifier"] == "floor"  # 超2万家


def test_implied_previous_year(result):
    row = one(result.indicators, indicator="trade_total", geo="ningbo", partner="asean", period="2023")
    assert row["kind"] == "derived"
    assert row["value"] == pytest.approx(1876.9 / 1.207)
    assert row["formula"] == "trade_total(ningbo, asean, 2024) / (1 + 20.7 / 100)"
    rcep = one(result.indicators, indicator="rcep_co_certificates", period="2024M01-M05")
    assert rcep["value"] == pytest.approx(15278 / 1.1195)


def test_imports_from_identity(result):
    imports_2024 = one(result.indicators, indicator="imports", partner="asean", period="2024")
    assert imports_2024["value"] == pytest.approx(1876.9 - 1002.8)
    imports_2023 = one(result.indicators, indicator="imports", partner="asean", period="2023")
    assert imports_2023["value"] == pytest.approx(1876.9 / 1.207 - 1002.8 / 1.242)
    assert "derived" in imports_2023["formula"]


def test_ratios(result):
    table = result.indicators[result.indicators["source_id"] == "theory_page_2025"]
    assert one(table, indicator="rcep_co_value_per_certificate")["value"] == pytest.approx(38.22e4 / 15278)
    assert one(table, indicator="overseas_warehouse_area_per_warehouse")["value"] == pytest.approx(374.7e4 / 217)
    assert one(table, indicator="overseas_warehouses_per_firm")["value"] == pytest.approx(217 / 73)
    assert one(table, indicator="cbec_618_avg_order_value")["value"] == pytest.approx(45.9e8 / 13363000)
    assert one(table, indicator="invention_share_of_grants")["value"] == pytest.approx(9372 / 64110 * 100)
    assert one(table, indicator="high_value_share_of_valid_inventions")["value"] == pytest.approx(17959 / 55794 * 100)


def test_sum_with_a_floor_is_a_floor(result):
    total = one(result.indicators, indicator="cbec_trade", period="2024")
    assert total["value"] == pytest.approx(450 + 257.4)
    assert total["qualifier"] == "floor"


def test_repeated_figure_is_one_row_with_both_locators(result):
    row = one(result.indicators, indicator="overseas_warehouses", kind="reported")
    assert row["locator"] == "lines 103-106; lines 531-533"


def test_real_growth_rates_are_neither_checked_nor_inverted(result):
    gdp = result.indicators[result.indicators["indicator"] == "gdp"]
    assert gdp["yoy_pct"].notna().any()
    assert (gdp["kind"] == "reported").all()
    assert not ((result.audit["indicator"] == "gdp") & (result.audit["check"] == "growth_vs_base")).any()


def test_build_without_anything_to_derive(data_copy):
    raw = data_copy / "raw"
    for f in raw.glob("*.csv"):
        f.unlink()
    header = "indicator,geo,partner,period,value,unit,yoy_pct,qualifier,vintage,source_id,locator,quote,note\n"
    row = "rtas_in_force,world,none,2025-05-31,375,个,,exact,,theory_page_2025,lines 472-473,375,\n"
    (raw / "one.csv").write_text(header + row, encoding="utf-8")
    manifest = data_copy / "manifest.csv"
    kept = [line for line in manifest.read_text(encoding="utf-8").splitlines() if ",observations," not in line]
    manifest.write_text("\n".join([*kept, "raw/one.csv,observations,one figure"]) + "\n", encoding="utf-8")
    result = build(data_copy)
    assert (result.indicators["kind"] == "reported").all() and len(result.indicators) == 1
    assert result.audit["status"].tolist() == ["unchecked"]
