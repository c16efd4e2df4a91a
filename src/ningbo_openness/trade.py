"""Ningbo's goods trade: its total against China's and the partner figures of the source page."""
from __future__ import annotations

import pandas as pd

from .annual import annual_series
from .growth import share_pct
from .load import load_indicators

#: The partner regions whose 2024 growth the source page gives, and that year.
PARTNERS_2024 = ["asean", "africa", "cee"]
PARTNER_YEAR = 2024
#: The part-year periods for which sources break Ningbo's trade down by partner.
PARTIAL_PERIODS = ["2021M01-M08", "2024Q1"]
#: Total trade in each currency the sources print it in.
CURRENCIES = {"cny": "trade_total", "usd": "trade_total_usd"}


def ningbo_total_and_share():
    """Ningbo's total trade by year (one value per year) with its share of China's."""
    ningbo = annual_series("trade_total")
    china = annual_series("trade_total", geo="china")
    ningbo["share_of_china_pct"] = share_pct(ningbo["value"], china["value"].reindex(ningbo.index))
    ningbo["china_source_id"] = china["source_id"].reindex(ningbo.index)
    return ningbo


def currency_pairs() -> pd.DataFrame:
    """Every reporter, partner and period whose trade growth is published both in yuan and in
    US dollars, with the two rates (percent), their gap in points, and the change in the
    yuan price of a dollar they imply, (1 + g_cny) / (1 + g_usd) - 1 in percent (the average
    over that trade's timing, not an official exchange rate). Sources listed per currency."""
    rows = load_indicators(indicator=list(CURRENCIES.values()), kind="reported")
    rows = rows[rows["yoy_pct"].notna()].copy()
    rows["currency"] = rows["indicator"].astype(str).map({v: k for k, v in CURRENCIES.items()})
    keys = ["geo", "partner", "period"]
    rows[keys] = rows[keys].astype(str)
    rates = rows.groupby([*keys, "currency"]).agg(yoy_pct=("yoy_pct", "mean"),
                                                  sources=("source_id", lambda s: ";".join(sorted(set(map(str, s))))))
    wide = rates.unstack("currency").dropna()
    if wide.empty:
        return pd.DataFrame(columns=[*keys, "yuan %", "dollar %", "gap (points)", "implied CNY per USD change %",
                                     "yuan sources", "dollar sources"])
    table = pd.DataFrame({"yuan %": wide[("yoy_pct", "cny")], "dollar %": wide[("yoy_pct", "usd")]})
    table["gap (points)"] = table["yuan %"] - table["dollar %"]
    table["implied CNY per USD change %"] = ((1 + table["yuan %"] / 100) / (1 + table["dollar %"] / 100) - 1) * 100
    table["yuan sources"], table["dollar sources"] = wide[("sources", "cny")], wide[("sources", "usd")]
    return table.reset_index()
