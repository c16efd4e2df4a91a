import pytest

from ningbo_openness import ecommerce


def test_published_values_carry_their_scope():
    table = ecommerce.published_values()
    scopes = dict(zip(table["indicator"].astype(str), table["scope"], strict=True))
    assert scopes["cbec_retail_trade"] == "retail only"
    assert scopes["cbec_trade"].startswith("not stated")
    assert scopes["cbec_special_zone_exports"] == "special customs supervision areas only"


def test_reconciliation_by_hand():
    table = ecommerce.reconciliation().set_index("comparison")
    first = table.loc["2023 total vs 2024 exports + imports"]
    assert first["arithmetic"] == pytest.approx((450 + 257.4) / 2301.8 * 100)
    assert first["same_scope"] == "not stated" and bool(first["same_window"])  # the page states no scope
    assert "cannot share a definition" in first["meaning"]
    province = table.loc["Ningbo 2023 total vs Zhejiang 2019 retail e-commerce"]
    assert province["arithmetic"] == pytest.approx(2301.8 / 1051.5)
    assert province["same_scope"] == "not stated"
    imports = table.loc["Ningbo 2024 imports vs 2018 retail imports (1 Jan-11 Nov)"]
    years = (31 + 365 * 6 + 2) / 365.25  # 2018-11-30 to 2024-12-31: December 2018, six years, two leap days
    assert imports["arithmetic"] == pytest.approx(((257.4 / 130) ** (1 / years) - 1) * 100)
    assert not imports["same_window"]
    festival = table.loc["618 festival sales vs 2024 exports + imports"]
    assert festival["arithmetic"] == pytest.approx(45.9 / 707.4 * 100)
