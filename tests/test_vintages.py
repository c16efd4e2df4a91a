"""Revisions between preliminary and later figures, checked by hand."""
from __future__ import annotations

import pytest

from ningbo_openness.vintages import revisions


def test_revision_of_china_rd_spending_2021():
    table = revisions("rd_expenditure").set_index(["geo", "period"])
    row = table.loc[("china", "2021")]
    # preliminary 27864 亿元 (January 2022), final 27956.3 亿元 (September 2022 bulletin)
    assert row["preliminary"] == 27864 and row["later"] == pytest.approx(27956.3)
    assert row["revision"] == pytest.approx(92.3)
    assert row["revision_pct"] == pytest.approx(100 * 92.3 / 27864)
    assert row["later_vintage"] == "final"


def test_census_revision_and_unpaired_estimates():
    table = revisions()
    gdp = table[(table["indicator"] == "gdp") & (table["geo"] == "zhejiang")]
    assert gdp[["period", "preliminary", "later", "later_vintage"]].values.tolist() == [["2023", 82553, 85620, "revised"]]
    # Ningbo's 2017 R&D intensity is a preliminary estimate with no later figure: no pair
    assert table[(table["geo"] == "ningbo") & (table["period"] == "2017")].empty
    assert set(table["later_vintage"]) <= {"final", "revised"}
