"""How numbers print in the notebooks' tables, and so on the site: whole numbers without
decimals and with thousands separators (13,363,000; a count as 60), large values to one
decimal (1,555.0), ordinary values to two (14.62), small ones to three (a p-value as 0.042).
"""
from __future__ import annotations

import math

import pandas as pd


def number(value: float) -> str:
    """One number as a reader wants it in a table."""
    if not math.isfinite(value):
        return str(value)
    size = abs(value)
    if value == int(value) and size < 1e15:
        return f"{value:,.0f}"
    if size >= 1000:
        return f"{value:,.1f}"
    if size >= 1:
        return f"{value:.2f}"
    if size >= 0.001:
        return f"{value:.3f}"
    return f"{value:.1e}"


def use() -> None:
    """Print every float of every table with ``number`` (pandas' ``display.float_format``)."""
    pd.set_option("display.float_format", number)
