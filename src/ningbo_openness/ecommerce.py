"""Cross-border e-commerce (跨境电商) figures: which can be compared, and what the
arithmetic says where definitions may differ.

Sources use different scopes: all modes including business-to-business exports
(customs codes 9710, 9810), retail only (1210 bonded and 9610 direct purchase),
or a single mode. ``reconciliation`` puts every pair of Ningbo figures that a reader
might set side by side into one table with the arithmetic that tests them.
"""
from __future__ import annotations

import pandas as pd

from .growth import cagr_pct, share_pct
from .ingest.checks import DEFINITION_BREAK_RATIO
from .load import load_indicators, meta, reported_row
from .periods import bounds


def published_values() -> pd.DataFrame:
    """Every reported cross-border e-commerce figure with its scope (from the indicator)."""
    rows = load_indicators(kind="reported")
    rows = rows[rows["indicator"].astype(str).str.startswith("cbec_")
                & ~rows["indicator"].astype(str).str.contains("rank|parks|brands|firms|share")].copy()
    rows["scope"] = rows["indicator"].astype(str).map(_scope)
    rows["name"] = rows["indicator"].map(lambda i: meta(i)["name_en"])
    return rows[["name", "indicator", "geo", "period", "value", "unit", "qualifier", "yoy_pct", "scope", "source_id", "note"]]


def _scope(indicator: str) -> str:
    if "special_zone" in indicator:
        return "special customs supervision areas only"
    if "bonded" in indicator:
        return "bonded retail imports only"
    return "retail only" if "retail" in indicator else f"{UNSTATED} (all modes or unknown)"


UNSTATED = "not stated"


def _same_scope(left, right) -> str:
    """``yes`` or ``no`` where every figure's scope is stated, ``not stated`` otherwise: two
    figures whose sources give no scope are not known to share one."""
    scopes = [{_scope(str(r["indicator"])) for r in side} for side in (left, right)]
    if any(s.startswith(UNSTATED) for side in scopes for s in side):
        return UNSTATED
    return "yes" if scopes[0] == scopes[1] else "no"


def _window(period: str) -> str:
    first, last = bounds(period)
    return "calendar year" if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) else "part of a year"


def _years_between(a: str, b: str) -> float:
    """Years between the ends of two periods."""
    return (pd.Timestamp(bounds(b)[1]) - pd.Timestamp(bounds(a)[1])).days / 365.25


def reconciliation() -> pd.DataFrame:
    """The comparisons a reader of the source page would make, with their arithmetic.

    Columns: ``comparison``, ``left``, ``right`` (the figures, with sources),
    ``same_scope`` (``yes``, ``no``, or ``not stated`` where a source gives no scope) and
    ``same_window`` (whether the two sides cover windows of the same kind), ``arithmetic``
    (a number) and ``meaning``. Only a pair with a stated, shared scope and the same window
    is like for like.
    """
    total_2023 = reported_row("cbec_trade", "ningbo", "2023")
    exports_2024 = reported_row("cbec_exports", "ningbo", "2024")
    imports_2024 = reported_row("cbec_imports", "ningbo", "2024")
    retail_imports_2018 = reported_row("cbec_retail_imports", "ningbo", "2018M01-M11")
    province_retail_2019 = reported_row("cbec_retail_trade", "zhejiang", "2019")
    sales_618 = reported_row("cbec_618_sales", "ningbo", "2025-06-18")

    parts_2024 = exports_2024["value"] + imports_2024["value"]
    ratio = parts_2024 / total_2023["value"]
    years = _years_between(retail_imports_2018["period"], imports_2024["period"])
    import_growth = cagr_pct(retail_imports_2018["value"], imports_2024["value"], years)
    city_vs_province = total_2023["value"] / province_retail_2019["value"]
    share_618 = share_pct(sales_618["value"], imports_2024["value"] + exports_2024["value"])

    def cite(row) -> str:
        floor = "more than " if row["qualifier"] == "floor" else ""
        return f"{row['indicator']} {row['geo']} {row['period']} = {floor}{row['value']:g} 亿元 [{row['source_id']}]"

    def pair(comparison, left, right, arithmetic, meaning):
        return {"comparison": comparison, "left": " + ".join(cite(r) for r in left), "right": " + ".join(cite(r) for r in right),
                "same_scope": _same_scope(left, right),
                "same_window": {_window(r["period"]) for r in left} == {_window(r["period"]) for r in right},
                "arithmetic": arithmetic, "meaning": meaning}

    province_growth = cagr_pct(province_retail_2019["value"], total_2023["value"], 4)
    return pd.DataFrame([
        pair("2023 total vs 2024 exports + imports", [total_2023], [exports_2024, imports_2024], ratio * 100,
             f"the 2024 parts sum to {ratio * 100:.0f}% of the 2023 total (exports a floor); under one definition the total "
             f"would have fallen by up to {(1 - ratio) * 100:.0f}% in a year"
             + (", so the two years cannot share a definition" if ratio < DEFINITION_BREAK_RATIO else "")),
        pair("Ningbo 2023 total vs Zhejiang 2019 retail e-commerce", [total_2023], [province_retail_2019], city_vs_province,
             f"the city's 2023 figure is {city_vs_province:.1f} times the whole province's 2019 retail figure; for the city "
             f"alone to fit inside the province's retail total, that total would have had to grow {province_growth:.0f}% a year"),
        pair("Ningbo 2024 imports vs 2018 retail imports (1 Jan-11 Nov)", [imports_2024], [retail_imports_2018], import_growth,
             f"{import_growth:.1f}% a year over {years:.1f} years (an upper bound: the 2018 base misses seven weeks); "
             "a plausible pace if the 2024 figure also counts retail imports"),
        pair("618 festival sales vs 2024 exports + imports", [sales_618], [exports_2024, imports_2024], share_618,
             f"sales in the festival window equal {share_618:.0f}% of the 2024 parts (at most, exports being a floor); "
             "a comparison of scale only"),
    ])
