"""Audit checks on small hand-made observation tables."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ningbo_openness.ingest import checks


def obs(rows: list[dict]) -> pd.DataFrame:
    base = {"geo": "ningbo", "partner": "world", "unit": "cny_100m", "unit_printed": "亿元", "yoy_printed": "",
            "qualifier": "exact", "vintage": "", "source_id": "s1", "locator": "l", "note": "", "kind": "reported",
            "formula": "", "_file": "f.csv"}
    out = []
    for i, r in enumerate(rows):
        row = base | {"_line": i + 2} | r
        row.setdefault("value_printed", f"{row['value']:g}")
        out.append(row)
    frame = pd.DataFrame(out)
    frame["yoy_pct"] = pd.to_numeric(frame["yoy_printed"].replace("", None)).astype(float)
    return frame


def test_growth_statuses():
    frame = obs([
        {"indicator": "trade_total", "period": "2024", "value": 120.0, "value_printed": "120.0", "yoy_printed": "20.0"},
        {"indicator": "trade_total", "period": "2023", "value": 100.0, "value_printed": "100.0", "source_id": "s1"},
        {"indicator": "trade_total", "period": "2023", "value": 100.5, "value_printed": "100.5", "source_id": "s2"},
        {"indicator": "trade_total", "period": "2023", "value": 90.0, "value_printed": "90.0", "source_id": "s3"},
    ])
    growth = checks.growth_vs_base(frame)
    status = dict(zip(growth["detail"].str.extract(r"\[(s\d)")[0], growth["status"], strict=True))
    # 120/100 = 20 % exactly; 120/100.5 = 19.40 % (0.6 pp off); 120/90 = 33.3 %, from another source
    assert status == {"s1": "ok", "s2": "note", "s3": "warn"}
    assert checks.contradictions(growth).empty  # one base agrees


def test_bases_from_other_sources_get_a_revision_allowance():
    frame = obs([
        {"indicator": "exports", "period": "2023", "value": 23.77, "value_printed": "23.77", "yoy_printed": "0.6", "source_id": "a"},
        {"indicator": "exports", "period": "2022", "value": 23.97, "value_printed": "23.97", "source_id": "b"},
    ])
    # 23.77 / 23.97 - 1 = -0.83 %: 1.43 pp below the stated 0.6 %, plausible for a revised base
    assert checks.growth_vs_base(frame)["status"].tolist() == ["note"]
    same_source = frame.assign(source_id="a")
    assert checks.growth_vs_base(same_source)["status"].tolist() == ["contradiction"]


def test_contradiction_when_no_base_agrees():
    frame = obs([
        {"indicator": "trade_total", "period": "2024", "value": 120.0, "value_printed": "120.0", "yoy_printed": "20.0"},
        {"indicator": "trade_total", "period": "2023", "value": 90.0, "value_printed": "90.0"},
    ])
    bad = checks.contradictions(checks.growth_vs_base(frame))
    assert bad["_line"].tolist() == [2]
    assert bad["expected"].iloc[0] == pytest.approx(100 / 3)


def test_a_base_from_another_source_only_disagrees():
    # 39.2 stated +40.4 % against 29.52 printed elsewhere a year before: +32.8 %
    frame = obs([
        {"indicator": "trade_total", "partner": "cee", "period": "2021", "value": 392.0, "value_printed": "39.2",
         "yoy_printed": "40.4", "source_id": "speech"},
        {"indicator": "trade_total", "partner": "cee", "period": "2020", "value": 295.2, "value_printed": "29.52",
         "source_id": "news"},
    ])
    growth = checks.growth_vs_base(frame)
    assert growth["status"].tolist() == ["warn"]
    assert checks.contradictions(growth).empty
    # a second base from the speech itself that contradicts too stops the build
    own = pd.concat([frame, obs([{"indicator": "trade_total", "partner": "cee", "period": "2020", "value": 250.0,
                                  "source_id": "speech", "locator": "other"}])], ignore_index=True)
    assert checks.contradictions(checks.growth_vs_base(own))["status"].tolist() == ["contradiction"]


def test_floors_are_not_growth_checked():
    frame = obs([
        {"indicator": "trade_total", "period": "2024", "value": 120.0, "yoy_printed": "20", "qualifier": "floor"},
        {"indicator": "trade_total", "period": "2023", "value": 90.0},
    ])
    assert checks.growth_vs_base(frame).empty


def test_part_exceeding_whole_fails():
    frame = obs([
        {"indicator": "exports", "period": "2024", "value": 80.0},
        {"indicator": "trade_total", "period": "2024", "value": 70.0},
        {"indicator": "trade_total", "period": "2024", "partner": "asean", "value": 75.0},
    ])
    result = checks.parts_vs_wholes(frame)
    assert sorted(zip(result["indicator"], result["partner"], result["status"], strict=True)) == [
        ("exports", "world", "fail"), ("trade_total", "asean", "fail")]


def test_across_sources_uses_printed_precision():
    frame = obs([
        {"indicator": "trade_total", "period": "2024", "value": 1876.9, "value_printed": "1876.9", "source_id": "a"},
        {"indicator": "trade_total", "period": "2024", "value": 1877.0, "value_printed": "1877", "source_id": "b"},
        {"indicator": "exports", "period": "2024", "value": 1002.8, "value_printed": "1002.8", "source_id": "a"},
        {"indicator": "exports", "period": "2024", "value": 1010.0, "value_printed": "1010.0", "source_id": "b"},
    ])
    result = checks.across_sources(frame)
    assert set(result.loc[result["indicator"] == "trade_total", "status"]) == {"ok"}
    assert set(result.loc[result["indicator"] == "exports", "status"]) == {"warn"}


def test_across_sources_reads_trailing_zeros_of_an_approximate_figure_as_rounding():
    frame = obs([
        {"indicator": "patent_grants", "period": "2017", "value": 72800.0, "value_printed": "72800",
         "qualifier": "approx", "source_id": "about"},
        {"indicator": "patent_grants", "period": "2017", "value": 72806.0, "value_printed": "72806", "source_id": "exact"},
        {"indicator": "patent_grants", "period": "2018", "value": 72800.0, "value_printed": "72800", "source_id": "about"},
        {"indicator": "patent_grants", "period": "2018", "value": 72806.0, "value_printed": "72806", "source_id": "exact"},
    ])
    result = checks.across_sources(frame)
    assert set(result.loc[result["period"] == "2017", "status"]) == {"ok"}  # about 72,800: to the hundred
    assert set(result.loc[result["period"] == "2018", "status"]) == {"warn"}  # 72,800 as an exact count


def test_across_sources_reads_floors_as_lower_bounds():
    frame = obs([
        {"indicator": "port_cargo_throughput", "period": "2024", "value": 13.7, "value_printed": "13.7", "source_id": "page"},
        {"indicator": "port_cargo_throughput", "period": "2024", "value": 13.77, "value_printed": "13.77", "source_id": "port"},
        {"indicator": "port_cargo_throughput", "period": "2024", "value": 13.7, "value_printed": "1.37",
         "qualifier": "floor", "source_id": "wire"},
        {"indicator": "port_cargo_throughput", "period": "2024", "value": 13.0, "value_printed": "13",
         "qualifier": "floor", "source_id": "other"},
    ])
    result = checks.across_sources(frame)
    pairs = {(r["source_id"], r["detail"].split("[")[1].split(",")[0]): r["status"] for _, r in result.iterrows()}
    assert pairs[("page", "port")] == "warn"  # 13.7 cannot be 13.77 rounded
    assert pairs[("page", "wire")] == "ok" and pairs[("port", "wire")] == "ok"
    assert ("wire", "other") not in pairs  # two floors say nothing about each other


def test_across_sources_reads_nearly_as_an_upper_bound():
    frame = obs([
        {"indicator": "trade_total", "period": "2024", "value": 70000.0, "value_printed": "7", "qualifier": "nearly",
         "source_id": "near"},
        {"indicator": "trade_total", "period": "2024", "value": 69820.0, "value_printed": "69820", "source_id": "below"},
        {"indicator": "trade_total", "period": "2024", "value": 71000.0, "value_printed": "71000", "source_id": "above"},
        {"indicator": "trade_total", "period": "2024", "value": 69000.0, "value_printed": "6.9", "qualifier": "floor",
         "source_id": "floor"},
    ])
    result = checks.across_sources(frame)
    pairs = {frozenset((r["source_id"], r["detail"].split("[")[1].split(",")[0])): r["status"] for _, r in result.iterrows()}
    assert pairs[frozenset(("near", "below"))] == "ok" and pairs[frozenset(("near", "above"))] == "warn"
    assert pairs[frozenset(("near", "floor"))] == "ok"  # more than 6.9 and nearly 7 fit together


def test_across_sources_tells_revisions_from_disagreements():
    frame = obs([
        {"indicator": "rd_expenditure", "period": "2021", "value": 27864.0, "vintage": "preliminary", "source_id": "early"},
        {"indicator": "rd_expenditure", "period": "2021", "value": 27956.3, "vintage": "final", "source_id": "late"},
        {"indicator": "rd_expenditure", "period": "2021", "value": 27900.0, "source_id": "blog"},
    ])
    result = checks.across_sources(frame)
    pairs = {(r["source_id"], r["detail"].split("[")[1].split(",")[0]): r["status"] for _, r in result.iterrows()}
    assert pairs[("early", "late")] == pairs[("late", "early")] == "revision"
    # a figure whose vintage is not stated cannot be called a revision of another
    assert pairs[("blog", "late")] == pairs[("early", "blog")] == "warn"
    detail = result.loc[result["source_id"] == "early", "detail"].iloc[0]
    assert detail.startswith("preliminary figure; the final one is rd_expenditure")


def test_definitions_across_years():
    frame = obs([
        {"indicator": "cbec_trade", "period": "2023", "value": 2301.8},
        {"indicator": "cbec_exports", "period": "2024", "value": 450.0, "qualifier": "floor"},
        {"indicator": "cbec_imports", "period": "2024", "value": 257.4},
    ])
    result = checks.definitions_across_years(frame)
    row = result.iloc[0]
    assert row["status"] == "warn"
    assert row["stated"] == pytest.approx(707.4)
    assert "2044.4" in row["detail"]
    consistent = frame.assign(value=[700.0, 450.0, 257.4])
    assert checks.definitions_across_years(consistent)["status"].tolist() == ["ok"]
    later_total = pd.concat([frame, obs([{"indicator": "cbec_trade", "period": "2024", "value": 707.4}])], ignore_index=True)
    assert checks.definitions_across_years(later_total).empty  # the later total is compared directly instead


def test_unchecked_marks_only_untouched_claims():
    frame = obs([
        {"indicator": "exports", "period": "2024", "value": 60.0},
        {"indicator": "trade_total", "period": "2024", "value": 70.0},
        {"indicator": "patent_grants", "period": "2023", "value": 5.0, "partner": "none"},
    ])
    checked = checks.parts_vs_wholes(frame)
    result = checks.unchecked(frame, checked)
    assert result["indicator"].tolist() == ["trade_total", "patent_grants"]
    assert np.isnan(result["expected"]).all()
