"""Derived figures, each with the formula that produced it.

Three kinds, applied in this order to the reported rows of each source:

1. the previous period implied by a stated year-on-year growth rate;
2. the missing member of an accounting identity ``total = exports + imports``
   (reported inputs preferred, implied bases used where nothing was reported);
3. ratios a reader wants (value per certificate, area per warehouse, shares).

A derived row keeps the ``source_id`` and ``locator`` of its first input.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import periods
from ..growth import implied_base
from ..qualifiers import combine
from ..schema import INDICATOR_COLUMNS, ref

GROUP = ["geo", "partner", "period", "source_id"]


@dataclass(frozen=True)
class Identity:
    """``total = first + second`` for flows of one reporter, partner, period and source."""

    total: str
    first: str
    second: str


@dataclass(frozen=True)
class Ratio:
    """``result = numerator / denominator * scale`` within one reporter, partner, period and source."""

    result: str
    numerator: str
    denominator: str
    scale: float


IDENTITIES = (
    Identity("trade_total", "exports", "imports"),
    Identity("cbec_trade", "cbec_exports", "cbec_imports"),
    Identity("cbec_retail_trade", "cbec_retail_exports", "cbec_retail_imports"),
)
RATIOS = (
    # 亿元 per certificate -> 万元 per certificate
    Ratio("rcep_co_value_per_certificate", "rcep_co_value", "rcep_co_certificates", 1e4),
    # 万平方米 per warehouse -> 平方米 per warehouse
    Ratio("overseas_warehouse_area_per_warehouse", "overseas_warehouse_area", "overseas_warehouses", 1e4),
    Ratio("overseas_warehouses_per_firm", "overseas_warehouses", "overseas_warehouse_firms", 1),
    # 亿元 per order -> 元 per order
    Ratio("cbec_618_avg_order_value", "cbec_618_sales", "cbec_618_orders", 1e8),
    Ratio("invention_share_of_grants", "invention_patent_grants", "patent_grants", 100),
    Ratio("high_value_share_of_valid_inventions", "high_value_invention_patents", "valid_invention_patents", 100),
)


def _row(template, indicator: str, value: float, unit: str, formula: str, qualifier: str, period: str | None = None) -> dict:
    return {
        "indicator": indicator, "geo": template["geo"], "partner": template["partner"],
        "period": period or template["period"], "value": value, "unit": unit, "yoy_pct": np.nan,
        "qualifier": qualifier, "vintage": "", "kind": "derived", "formula": formula,
        "source_id": template["source_id"], "locator": template["locator"], "note": "",
    }


def implied_bases(reported: pd.DataFrame) -> pd.DataFrame:
    """Previous-year values implied by each stated growth rate."""
    rows = [
        _row(r, r["indicator"], implied_base(r["value"], r["yoy_pct"]), r["unit"],
             f"{ref(r)} / (1 + {r['yoy_pct']:g} / 100)", r["qualifier"], periods.previous_year(r["period"]))
        for _, r in reported[reported["yoy_pct"].notna()].iterrows()
    ]
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def _by_group(pool: pd.DataFrame, indicators: set[str], distinct: int | None = None):
    """Per (geo, partner, period, source): the row of each indicator, reported preferred.

    With ``distinct``, only groups holding exactly that many of ``indicators`` (filtered
    before the loop, so large inputs with complete groups cost little).
    """
    subset = pool[pool["indicator"].isin(indicators)].sort_values("kind", ascending=False, kind="stable")
    if distinct is not None:
        subset = subset[subset.groupby(GROUP, sort=False)["indicator"].transform("nunique") == distinct]
    for _, group in subset.groupby(GROUP, sort=True):
        yield group.drop_duplicates("indicator").set_index("indicator", drop=False)


def identities(pool: pd.DataFrame) -> pd.DataFrame:
    """The missing member of each identity where the other two are known."""
    rows = []
    for ident in IDENTITIES:
        for g in _by_group(pool, {ident.total, ident.first, ident.second}, distinct=2):
            have = set(g.index)
            if ident.total not in have:
                a, b = g.loc[ident.first], g.loc[ident.second]
                rows.append(_row(a, ident.total, a["value"] + b["value"], a["unit"],
                                 f"{ref(a)} + {ref(b)}",
                                 combine((a["qualifier"], 1), (b["qualifier"], 1))))
                continue
            missing = ({ident.first, ident.second} - have).pop()
            known = ({ident.first, ident.second} & have).pop()
            t, k = g.loc[ident.total], g.loc[known]
            rows.append(_row(t, missing, t["value"] - k["value"], t["unit"],
                             f"{ref(t)} - {ref(k)}",
                             combine((t["qualifier"], 1), (k["qualifier"], -1))))
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def ratios(reported: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Each ratio of ``RATIOS`` wherever one source reports both inputs (and the denominator is not zero)."""
    rows = []
    for ratio in RATIOS:
        for g in _by_group(reported, {ratio.numerator, ratio.denominator, ratio.result}):
            if ratio.result in g.index or not {ratio.numerator, ratio.denominator} <= set(g.index) \
                    or g.at[ratio.denominator, "value"] == 0:
                continue
            n, d = g.loc[ratio.numerator], g.loc[ratio.denominator]
            scale = f" * {ratio.scale:.0f}" if ratio.scale != 1 else ""
            rows.append(_row(n, ratio.result, n["value"] / d["value"] * ratio.scale, units[ratio.result],
                             f"{ref(n)} / {ref(d)}{scale}",
                             combine((n["qualifier"], 1), (d["qualifier"], -1))))
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def derive(reported: pd.DataFrame, units: pd.Series, value_growth: set[str]) -> pd.DataFrame:
    """All derived rows for the reported rows (``units``: canonical unit by indicator;
    ``value_growth``: indicators whose growth rates can be inverted into a base)."""
    bases = implied_bases(reported[reported["indicator"].isin(value_growth)])
    pool = pd.concat([reported, bases], ignore_index=True)
    parts = [p for p in (bases, identities(pool), ratios(reported, units)) if not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=INDICATOR_COLUMNS)
