"""Ningbo's goods trade: its total against China's and the partner figures of the source page."""
from __future__ import annotations

from .annual import annual_series
from .growth import share_pct

#: The partner regions whose 2024 growth the source page gives, and that year.
PARTNERS_2024 = ["asean", "africa", "cee"]
PARTNER_YEAR = 2024
#: The part-year periods for which sources break Ningbo's trade down by partner.
PARTIAL_PERIODS = ["2021M01-M08", "2024Q1"]


def ningbo_total_and_share():
    """Ningbo's total trade by year (one value per year) with its share of China's."""
    ningbo = annual_series("trade_total")
    china = annual_series("trade_total", geo="china")
    ningbo["share_of_china_pct"] = share_pct(ningbo["value"], china["value"].reindex(ningbo.index))
    ningbo["china_source_id"] = china["source_id"].reindex(ningbo.index)
    return ningbo
