"""Scope and basis of a series: where it changes (``data/scope_breaks.csv``) and which of
its values share one basis, so that a share, a per-head figure or a growth rate never
divides across a break without saying so."""
from __future__ import annotations

import pandas as pd

from . import periods
from .load import scope_breaks


def breaks(indicator: str, geo: str, partner: str) -> pd.DataFrame:
    """The scope breaks that apply to one series, earliest first."""
    table = scope_breaks()
    applies = ((table["indicator"].isin(["", indicator])) & (table["geo"].isin(["", geo]))
               & (table["partner"] == partner))
    rows = table[applies].copy()
    rows["start"] = rows["from_period"].map(lambda p: periods.bounds(p)[0])
    return rows.sort_values("start", kind="stable").drop(columns="start").reset_index(drop=True)


def latest_basis(series: pd.DataFrame, indicator: str, geo: str, partner: str) -> pd.DataFrame:
    """The years of an annual series (``annual_series`` output) on the basis of its latest
    break: years from the break on, and earlier years whose ``vintage`` marks them restated
    on that basis. The series is returned whole if it has no break."""
    found = breaks(indicator, geo, partner)
    if found.empty:
        return series
    last = found.iloc[-1]
    first_year = periods.bounds(last["from_period"])[0].year
    restated = (series["vintage"] == last["restated"]) if last["restated"] else False
    return series[(series.index >= first_year) | restated]


def scope_by_year(years, indicator: str, geo: str, partner: str) -> pd.Series:
    """The scope each year falls in (the ``after`` of the latest break up to that year, or the
    first break's ``before``), indexed by year; blank where the series has no break."""
    found = breaks(indicator, geo, partner)
    starts = [periods.bounds(p)[0].year for p in found["from_period"]]
    labels = {}
    for year in years:
        passed = [i for i, start in enumerate(starts) if start <= year]
        labels[year] = found["after"].iloc[passed[-1]] if passed else (found["before"].iloc[0] if starts else "")
    return pd.Series(labels, name="scope", dtype=str)
