"""One value per calendar year from a table that may hold several sources and
implied (derived) values for the same year."""
from __future__ import annotations

import math

import pandas as pd

from . import bounds
from .growth import implied_base, significant_digits
from .load import load_indicators, sources


def annual_series(indicator: str, geo: str = "ningbo", partner: str = "world") -> pd.DataFrame:
    """Calendar-year values of one indicator, one row per year.

    Choice per year: exact reported figures first, then floors or approximate
    reported figures, then values derived from a later year's growth rate; among
    equals a final or revised figure first, a preliminary one last (a restated series,
    such as a population revised on census results, wins over the first print), then the source of the
    best tier (1 official, 2 news, 3 reprint), then the most precisely printed figure
    (most significant digits), then one printed with its growth rate (which the audit
    can check), then the source id.
    Columns: ``value``, ``low`` and ``high`` (the ends of ``value_range``), ``kind``,
    ``qualifier``, ``vintage``, ``source_id``, ``tier``, ``candidates`` (how many figures the year
    had); index: integer year.
    """
    rows = load_indicators(indicator=indicator, geo=geo, partner=partner)
    rows = rows[rows["period"].str.fullmatch(r"\d{4}")].copy()
    if rows.empty:
        raise KeyError(f"no calendar-year {indicator} for {geo} / {partner}")
    rows["year"] = rows["period"].astype(int)
    rows["rank_kind"] = (rows["kind"] == "derived").astype(int) * 2 + (rows["qualifier"] != "exact").astype(int)
    rows["vintage_rank"] = rows["vintage"].map({"final": 0, "revised": 0, "preliminary": 2}).fillna(1)
    rows["digits"] = rows["value"].map(significant_digits)
    rows["no_growth"] = rows["yoy_pct"].isna()
    rows["source_id"] = rows["source_id"].astype(str)
    rows["tier"] = rows["source_id"].map(sources().set_index("source_id")["tier"]).astype(int)
    rows = rows.sort_values(["year", "rank_kind", "vintage_rank", "tier", "digits", "no_growth", "source_id"],
                            ascending=[True, True, True, True, False, True, True])
    counts = rows.groupby("year").size().rename("candidates")
    best = rows.drop_duplicates("year").set_index("year")
    out = best[["value", "kind", "qualifier", "vintage", "source_id", "tier"]].join(counts)
    for column in ("kind", "qualifier", "vintage"):
        out[column] = out[column].astype(str)
    reported = rows[rows["kind"] == "reported"]
    ranges = [value_range(r, reported) for r in best.itertuples()]
    out.insert(1, "low", [r.low for r in ranges])
    out.insert(2, "high", [r.high for r in ranges])
    return out


def value_range(row, reported: pd.DataFrame) -> bounds.Range:
    """Where the true value of one chosen row lies. A printed figure: its rounding and
    qualifier (``bounds.printed``). A value implied by the next year's growth rate: the range of
    level / (1 + rate / 100) over the rounding of the printed level and rate of the row it comes
    from (same source and locator). Any other derived value (a difference or a ratio, which no
    level comparison here uses) is left unbounded rather than given the width of its stored digits."""
    if row.kind != "derived":
        return bounds.printed(float(row.value), row.qualifier)
    parent = reported[(reported["year"] == row.Index + 1) & (reported["source_id"] == row.source_id)
                      & (reported["locator"] == row.locator) & reported["yoy_pct"].notna()]
    if parent.empty:
        return bounds.Range(float(row.value), -math.inf, math.inf)
    source = parent.iloc[0]
    return bounds.propagate(implied_base, value=bounds.printed(float(source["value"]), source["qualifier"]),
                            yoy_pct=bounds.printed(float(source["yoy_pct"])))
