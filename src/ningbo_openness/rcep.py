"""RCEP partners against other partners: same-window growth gaps and their change once RCEP
was in force for China.

A published growth rate compares one window (a year, a quarter, January to August) with the
same window a year earlier. Two partners' rates for the same reporter, window and currency
are therefore like for like, and in log points their difference does not depend on the
currency (a common exchange-rate change cancels). Which partners are RCEP members is data
(``partners.csv``, column ``rcep``); when RCEP entered into force for China is data too
(``agreements.csv``).

Assumptions, said once: a difference in differences on growth rates reads a change in how
much faster member trade grew than other trade as the agreement's effect only if nothing
else changed that gap at the same time (parallel trends), and it looks for a change in the
growth rate, not a one-off step in the level (which would show only in windows that compare
an in-force window with a window before it).
"""
from __future__ import annotations

import math
from datetime import date

import pandas as pd

from . import bounds, models, periods
from .load import load_indicators, names

TRADE_FLOWS = ["trade_total", "trade_total_usd"]
#: The reporters whose partner rates are compared: the city, its province, the country.
REPORTERS = ["ningbo", "zhejiang", "china"]
#: Where partners of both kinds are held, the member side is the RCEP group as a whole when a
#: source gives it (its members other than China), else the mean over the member partners held.
MEMBER_GROUP = "rcep"


def in_force(agreement: str = "rcep") -> date:
    """The day the agreement entered into force for China (``agreements.csv``)."""
    return date.fromisoformat(names("agreements").at[agreement, "in_force_china"])


def partner_growth(reporters=REPORTERS) -> pd.DataFrame:
    """Published growth rates of trade with RCEP members and non-members, one row per reporter,
    flow, window and partner: ``growth_pct`` as published and ``log_growth`` = 100 ln(1 + g/100)
    in log points. Where sources print different rates for one cell, their log mean is kept and
    ``sources`` lists them all. Groups that hold members and non-members (the world, the Belt
    and Road countries) are left out."""
    rows = load_indicators(indicator=TRADE_FLOWS, geo=list(reporters), kind="reported")
    rows = rows[rows["yoy_pct"].notna()].copy()
    rows["side"] = rows["partner"].astype(str).map(names("partners")["rcep"])
    rows = rows[rows["side"].isin(["member", "non_member"])]
    rows["log_growth"] = 100 * (1 + rows["yoy_pct"] / 100).map(math.log)
    keys = ["geo", "indicator", "period", "partner", "side"]
    rows[keys[:-1]] = rows[keys[:-1]].astype(str)
    cells = rows.groupby(keys, sort=True).agg(
        log_growth=("log_growth", "mean"),
        sources=("source_id", lambda s: ";".join(sorted(set(map(str, s))))),
    ).reset_index()
    cells["growth_pct"] = cells["log_growth"].map(lambda v: (math.exp(v / 100) - 1) * 100)
    start = cells["period"].map(lambda p: periods.bounds(p)[0])
    cells["phase"] = (start >= in_force()).map({True: "in force", False: "before"})
    return cells[["geo", "indicator", "period", "phase", "partner", "side", "growth_pct", "log_growth", "sources"]]


def window_gaps(growth: pd.DataFrame, comparators: dict[str, set[str]] | None = None) -> pd.DataFrame:
    """One row per reporter, flow and window with both a member and a non-member rate:
    ``member`` (the RCEP group's log growth, or the mean over member partners held),
    ``others`` (mean log growth over the non-members held, or only over ``comparators[geo]``),
    and ``gap`` = member - others, in log points; ``partners`` names both sides."""
    rows = []
    for (geo, indicator, period, phase), window in growth.groupby(["geo", "indicator", "period", "phase"], sort=True):
        members = window[window["side"] == "member"]
        if MEMBER_GROUP in set(members["partner"]):
            members = members[members["partner"] == MEMBER_GROUP]
        others = window[window["side"] == "non_member"]
        if comparators is not None:
            others = others[others["partner"].isin(comparators.get(geo, set()))]
        if members.empty or others.empty:
            continue
        member, other = members["log_growth"].mean(), others["log_growth"].mean()
        rows.append({"geo": geo, "indicator": indicator, "period": period, "phase": phase,
                     "member": member, "others": other, "gap": member - other,
                     "partners": f"{', '.join(members['partner'])} vs {', '.join(others['partner'])}"})
    return pd.DataFrame(rows, columns=["geo", "indicator", "period", "phase", "member", "others", "gap", "partners"])


def common_comparators(growth: pd.DataFrame) -> dict[str, set[str]]:
    """Per reporter, the non-member partners with a rate both before and once RCEP is in force
    (in windows that also hold a member rate), so that the comparison group does not change."""
    gaps = window_gaps(growth)
    windows = gaps.set_index(["geo", "indicator", "period"]).index
    others = growth[(growth["side"] == "non_member")
                    & growth.set_index(["geo", "indicator", "period"]).index.isin(windows)]
    phases = others.groupby(["geo", "partner"])["phase"].nunique()
    both = phases[phases == 2].reset_index()
    return {geo: set(group["partner"]) for geo, group in both.groupby("geo")}


def difference_in_differences(gaps: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Per reporter: windows before and once RCEP is in force, the mean gap in each phase, and
    their difference (in force - before, log points) with a Welch interval where each phase
    has at least two windows (blank otherwise). Windows are treated as independent draws;
    a province's windows overlap its city's, so reporters are not pooled."""
    rows = []
    for geo, group in gaps.groupby("geo", sort=False):
        before = group.loc[group["phase"] == "before", "gap"]
        after = group.loc[group["phase"] == "in force", "gap"]
        row = {"geo": geo, "n before": len(before), "n in force": len(after),
               "gap before": before.mean(), "gap in force": after.mean(),
               "difference": after.mean() - before.mean(), "low": math.nan, "high": math.nan}
        if len(before) >= 2 and len(after) >= 2:
            row["difference"], row["low"], row["high"], _ = models.welch_difference(before, after, level)
        rows.append(row)
    order = {geo: i for i, geo in enumerate(REPORTERS)}
    table = pd.DataFrame(rows)
    return table.sort_values("geo", key=lambda s: s.map(order), ignore_index=True) if rows else table


def utilisation_floor(covered: bounds.Range, trade_part: bounds.Range, part_months: int, window_months: int,
                      pace: float = 1.0) -> bounds.Range:
    """A lower bound, in per cent, on the share of exports to RCEP members in a window that
    RCEP certificates of origin cover, when only trade with the members over the first
    ``part_months`` of the window is published.

    ``covered``: goods value covered by certificates over the window; ``trade_part``: exports
    plus imports with the members over its first ``part_months`` (same unit). The window's
    trade is taken as ``trade_part`` plus the remaining months at ``pace`` times the part's
    monthly average (1: the same pace), an assumption the caller states. Since exports are
    at most exports plus imports, covered / trade is at most covered / exports: a floor.
    The rounding of both inputs is carried through.
    """
    scale = (part_months + pace * (window_months - part_months)) / part_months
    return bounds.share_pct(covered, bounds.propagate(lambda t: t * scale, t=trade_part))
