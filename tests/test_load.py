"""The public loader API."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import ningbo_openness as no
from ningbo_openness import load

CONTRACT = ["indicator", "geo", "partner", "period", "value", "unit", "yoy_pct", "qualifier", "vintage",
            "kind", "formula", "source_id", "locator", "note"]


def test_columns_and_dtypes():
    table = no.load_indicators()
    assert [c for c in table.columns if c not in ("start", "end")] == CONTRACT
    for column in load.CATEGORICAL:
        assert isinstance(table[column].dtype, pd.CategoricalDtype), column
    assert table["value"].dtype == float and table["yoy_pct"].dtype == float
    assert table["start"].dtype.kind == "M" and (table["start"] <= table["end"]).all()


def test_filters():
    asean = no.load_indicators(indicator="trade_total", partner="asean", source_id="theory_page_2025")
    assert set(asean["period"]) == {"2023", "2024"}
    both = no.load_indicators(indicator=["trade_total", "exports"], partner=["asean"], kind="reported", source_id="theory_page_2025")
    assert sorted(both["indicator"].astype(str)) == ["exports", "trade_total"]
    assert no.load_indicators(geo="nowhere").empty


def test_period_dates():
    row = no.load_indicators(indicator="rcep_co_value", kind="reported").iloc[0]
    assert (row["start"], row["end"]) == (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-05-31"))


def test_cached_and_isolated(monkeypatch):
    no.load_indicators()
    calls = []
    monkeypatch.setattr(load.pd, "read_csv", lambda *a, **k: calls.append(a) or pd.DataFrame())
    first = no.load_indicators()
    first.loc[0, "value"] = -1.0
    assert calls == []
    assert no.load_indicators().loc[0, "value"] != -1.0


def test_series():
    s = no.series("trade_total", partner="asean", kind="derived", sources=["theory_page_2025"])
    assert s.index.tolist() == ["2023"]
    assert s.iloc[0] == pytest.approx(1876.9 / 1.207)
    years = no.series("trade_total", partner="world", sources=["guicaiba_2019_trade100", "fzxiaodu_2018_trade100"])
    assert years.to_dict() == {"2018": 8576.3, "2019": 9170.3}
    with pytest.raises(ValueError, match="several sources"):
        no.series("trade_total", partner="world")
    with pytest.raises(ValueError, match="partners"):
        no.series("trade_total")
    with pytest.raises(KeyError):
        no.series("trade_total", geo="singapore_port")


def test_meta_and_names():
    m = no.meta("patent_grants")
    assert (m["name_zh"], m["unit"], m["unit_en"], m["unit_zh"]) == ("专利授权量", "count", "number", "件")
    assert no.meta("trade_total")["unit_zh"] == "亿元"
    with pytest.raises(KeyError):
        no.meta("gdp_per_unicorn")
    assert no.names("partners").loc["asean", "name_zh"] == "东盟"
    with pytest.raises(ValueError):
        no.names("indicators")


def test_sources_and_audit():
    assert "theory_page_2025" in set(no.sources()["source_id"])
    audit = no.audit()
    assert audit["stated"].dtype == float
    assert {"ok", "unchecked", "warn"} <= set(audit["status"])


def test_works_from_any_directory(tmp_path):
    code = "import ningbo_openness as no; t = no.load_indicators(); print(t.shape[0], ','.join(t.columns))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    rows, columns = out.split()
    assert int(rows) == len(no.load_indicators())
    assert columns.split(",")[:4] == CONTRACT[:4]


def test_rule_tables():
    cells = no.agreement_provisions()
    assert set(cells["status"]) <= {"binding", "best_endeavour", "absent", "unknown"}
    assert not cells.duplicated(["agreement", "provision"]).any()
    assert len(cells) == len(no.names("agreements")) * len(no.names("provisions"))
    measures = no.ningbo_measures()
    assert (measures["quote"] != "").all() and (measures["source_id"] != "").all()
    assert no.names("provisions").loc["single_window", "name_zh"] == "单一窗口"


def test_printed_rows_keep_the_page_as_printed():
    from ningbo_openness.load import printed_rows

    page = printed_rows("theory_page_2025")
    asean = page[(page["indicator"] == "trade_total") & (page["partner"] == "asean")].iloc[0]
    assert (asean["value"], asean["unit"], asean["yoy_pct"]) == ("1876.9", "亿元", "20.7")
    assert "东盟" in asean["quote"] and asean["file"] == "raw/theory_page_2025.csv"
    assert set(page["source_id"]) == {"theory_page_2025"}
