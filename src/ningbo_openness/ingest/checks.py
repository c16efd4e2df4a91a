"""Checks of the published claims against each other. The audit never edits a number.

Every check yields rows of ``COLUMNS``; ``status`` is one of

- ``ok``: the claim agrees (within the rounding of the printed figures);
- ``note``: agrees only within a documented allowance (e.g. a revised base);
- ``revision``: two vintages of one figure differ (preliminary against final or revised);
  both stay in the data, and series prefer the later vintage;
- ``warn``: does not agree and the figures cannot all hold under one definition;
- ``fail``: a part exceeds its whole;
- ``unchecked``: nothing else in the data can confirm or contradict the claim.

A stated growth rate that no recorded base can reconcile, where one of those
bases was printed by the same source, is not an audit status but bad input:
``contradictions`` returns those for the build to stop on. Against bases from
other sources only, the same gap is a disagreement between sources (``warn``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import periods
from ..growth import growth_rounding_bound, half_unit, half_unit_of_value, share_pct, yoy_pct
from ..qualifiers import SIDE
from ..schema import OBSERVATION_KEY
from .derive import IDENTITIES

COLUMNS = [
    "check", "indicator", "geo", "partner", "period", "source_id", "locator",
    "status", "stated", "expected", "difference", "detail",
]
#: Every audit status, from agreement to disagreement (see the module docstring).
STATUSES = ("ok", "note", "revision", "warn", "fail", "unchecked")
#: Gap in percentage points, beyond rounding, still accepted between a stated growth
#: rate and a base printed by the same source: offices compute growth on a comparable
#: scope (可比口径), which typically moves the rate by a few tenths of a point.
REVISION_ALLOWANCE_PP = 1.0
#: The same for a base printed by another source, usually a year earlier: the base may
#: since have been revised (China's customs revised 2022 exports by about 1.4 %).
CROSS_SOURCE_ALLOWANCE_PP = 3.0
#: (part, whole) pairs of one reporter, partner and period.
PARTS = (
    ("exports", "trade_total"),
    ("imports", "trade_total"),
    ("cbec_exports", "cbec_trade"),
    ("cbec_imports", "cbec_trade"),
    ("invention_patent_grants", "patent_grants"),
    ("domestic_invention_patent_grants", "invention_patent_grants"),
    ("high_value_invention_patents", "valid_invention_patents"),
    ("overseas_warehouse_firms", "overseas_warehouses"),
    ("sea_rail_provinces", "sea_rail_cities"),
)
#: Below this ratio of next-year components to this-year total, two years' figures
#: cannot share one definition (no aggregate here has halved in a year).
DEFINITION_BREAK_RATIO = 0.5


def _fmt(row) -> str:
    return (f"{row['indicator']}({row['geo']}, {row['partner']}, {row['period']}) = {row['value_printed']} "
            f"{row['unit_printed']} [{row['source_id']}, {row['locator']}]")


def _audit_row(check: str, row, status: str, stated, expected, detail: str) -> dict:
    difference = stated - expected if np.isfinite(stated) and np.isfinite(expected) else np.nan
    return {
        "check": check, "indicator": row["indicator"], "geo": row["geo"], "partner": row["partner"],
        "period": row["period"], "source_id": row["source_id"], "locator": row["locator"],
        "status": status, "stated": stated, "expected": expected, "difference": difference, "detail": detail,
    }


def growth_vs_base(obs: pd.DataFrame) -> pd.DataFrame:
    """Each stated growth rate against every recorded exact base (any source).

    Status ``ok`` within the rounding of the printed numbers, ``note`` within the
    allowance for comparable-scope or revised bases (``REVISION_ALLOWANCE_PP`` for a
    base from the same source, ``CROSS_SOURCE_ALLOWANCE_PP`` for another source);
    beyond, ``contradiction`` for a base from the same source and ``warn`` for one
    from another source.
    """
    exact = obs[obs["qualifier"] == "exact"]
    bases = exact.set_index(OBSERVATION_KEY)
    rows = []
    for _, r in exact[exact["yoy_pct"].notna()].iterrows():
        key = (r["indicator"], r["geo"], r["partner"], periods.previous_year(r["period"]))
        if key not in bases.index:
            continue
        for _, b in bases.loc[[key]].iterrows():
            b = b.copy()
            b["indicator"], b["geo"], b["partner"], b["period"] = key
            same_source = b["source_id"] == r["source_id"]
            allowance = REVISION_ALLOWANCE_PP if same_source else CROSS_SOURCE_ALLOWANCE_PP
            beyond = "contradiction" if same_source else "warn"
            if b["value"] == 0:
                rows.append(_audit_row("growth_vs_base", r, beyond, r["yoy_pct"], np.nan,
                                       f"no growth rate is defined over the base {_fmt(b)}")
                            | {"_file": r["_file"], "_line": r["_line"], "_tolerance": np.nan})
                continue
            computed = yoy_pct(r["value"], b["value"])
            bound = growth_rounding_bound(r["value_printed"], b["value_printed"], r["yoy_printed"])
            gap = abs(r["yoy_pct"] - computed)
            status = "ok" if gap <= bound else "note" if gap <= bound + allowance else beyond
            detail = f"growth computed from base {_fmt(b)}; rounding explains up to {bound:.3f} pp"
            if status == "note":
                detail += f", a revised or comparable-scope base up to {allowance:g} pp more"
            rows.append(_audit_row("growth_vs_base", r, status, r["yoy_pct"], computed, detail)
                        | {"_file": r["_file"], "_line": r["_line"], "_tolerance": bound + allowance})
    return pd.DataFrame(rows, columns=[*COLUMNS, "_file", "_line", "_tolerance"])


def contradictions(growth: pd.DataFrame) -> pd.DataFrame:
    """Growth rows that no recorded base reconciles, one of the bases being from the same source."""
    if growth.empty:
        return growth
    keyed = growth.assign(bad=growth["status"].isin(["contradiction", "warn"]),
                          own=growth["status"] == "contradiction")
    by_line = keyed.groupby(["_file", "_line"])
    stop = by_line["bad"].transform("all") & by_line["own"].transform("any")
    return growth[stop & keyed["own"]].drop_duplicates(["_file", "_line"])


def _rows(check: str, left: pd.DataFrame, status, stated, expected, detail) -> pd.DataFrame:
    """Audit rows for many claims at once (``left`` holds the claims' key columns)."""
    stated, expected = np.asarray(stated, dtype=float), np.asarray(expected, dtype=float)
    frame = left[["indicator", "geo", "partner", "period", "source_id", "locator"]].reset_index(drop=True)
    return frame.assign(check=check, status=status, stated=stated, expected=expected,
                        difference=stated - expected, detail=detail)[COLUMNS]


def parts_vs_wholes(reported: pd.DataFrame) -> pd.DataFrame:
    """Parts against wholes: exports vs trade, inventions vs all grants, a partner vs the world."""
    claims = reported[[*OBSERVATION_KEY, "source_id", "locator", "value"]]
    whole_columns = {"indicator": "whole_indicator", "partner": "whole_partner", "value": "whole_value", "source_id": "whole_source"}
    wholes = claims.drop(columns="locator").rename(columns=whole_columns)
    pieces = []
    for part, whole in PARTS:
        left = claims[claims["indicator"] == part].assign(whole_indicator=whole, whole_partner=lambda d: d["partner"])
        pieces.append(left.merge(wholes, on=["whole_indicator", "geo", "whole_partner", "period"]))
    left = claims[~claims["partner"].isin(["world", "none"])].assign(whole_indicator=lambda d: d["indicator"], whole_partner="world")
    pieces.append(left.merge(wholes, on=["whole_indicator", "geo", "whole_partner", "period"]))
    pairs = pd.concat(pieces, ignore_index=True)
    with np.errstate(divide="ignore", invalid="ignore"):  # a zero whole gives inf or nan, not an error
        shares = share_pct(pairs["value"].to_numpy(), pairs["whole_value"].to_numpy()).tolist()
    columns = ["whole_value", "whole_indicator", "geo", "whole_partner", "period", "whole_source"]
    detail = [
        f"{share:.1f}% of {wi}({g}, {wp}, {p}) = {wv:g} [{ws}]"
        for share, wv, wi, g, wp, p, ws in zip(shares, *(pairs[c].tolist() for c in columns), strict=True)
    ]
    status = np.where(pairs["value"] <= pairs["whole_value"], "ok", "fail")
    return _rows("part_vs_whole", pairs, status, pairs["value"], pairs["whole_value"], detail)


def repeated_figures(reported: pd.DataFrame) -> pd.DataFrame:
    """Figures one source prints more than once: the same value, or a conflict."""
    key = [*OBSERVATION_KEY, "source_id"]
    size = reported.groupby(key, sort=False)["value"].transform("size")
    repeated = reported[(size == 1) & reported["locator"].str.contains(";", regex=False)]
    pieces = [_rows("repeated_figure", repeated, "ok", repeated["value"], repeated["value"],
                    ["same value printed at " + places for places in repeated["locator"]])]
    conflicts = reported[size > 1]
    for _, group in conflicts.groupby(key, sort=True):
        values = ", ".join(f"{v:g}" for v in group["value"])
        places = "; ".join(group["locator"])
        pieces.append(_rows("repeated_figure", group, "warn", group["value"], np.full(len(group), np.nan),
                            f"one source prints different values ({values}) at {places}"))
    return pd.concat(pieces, ignore_index=True)


def _relative_rounding(row) -> float:
    """Half a unit of the last printed digit relative to the figure (0 for a printed zero, taken
    as exact). In an approximate figure ("about 72,800") trailing zeros are not significant."""
    printed = float(row["value_printed"])
    if not printed:
        return 0.0
    half = half_unit(row["value_printed"])
    if row["qualifier"] == "approx":
        half = max(half, half_unit_of_value(printed))
    return half / abs(printed)


def _agree(r, o) -> bool | None:
    """Whether two printings of one figure agree, given rounding and qualifiers.

    A floor ("more than x") agrees with any value of at least x, and "nearly x" with any
    value of at most x (less rounding); a floor and a "nearly" agree if the floor is not
    above the other; two bounds on the same side say nothing about each other (None).
    """
    sides = (SIDE.get(r["qualifier"], 0), SIDE.get(o["qualifier"], 0))
    if sides[0] and sides[0] == sides[1]:
        return None
    if sides[0] and sides[1]:
        floor, ceiling = (r, o) if sides[0] > 0 else (o, r)
        return floor["value"] <= ceiling["value"]
    if any(sides):
        bound, other = (r, o) if sides[0] else (o, r)
        slack = _relative_rounding(other)
        if SIDE[bound["qualifier"]] > 0:
            return other["value"] >= bound["value"] * (1 - slack)
        return other["value"] <= bound["value"] * (1 + slack)
    tolerance = _relative_rounding(r) + _relative_rounding(o)
    return abs(r["value"] - o["value"]) <= tolerance * max(abs(r["value"]), abs(o["value"]))


def _is_revision(r, o) -> bool:
    """Whether two printings are different, stated vintages of one figure."""
    vintages = {r["vintage"], o["vintage"]}
    return len(vintages) == 2 and "" not in vintages


def _disagreement(r, o) -> tuple[str, str]:
    """Status and detail for two printings of one figure that differ beyond rounding."""
    if _is_revision(r, o):
        return "revision", f"{r['vintage']} figure; the {o['vintage']} one is {_fmt(o)}"
    return "warn", f"disagrees with {_fmt(o)}"


def across_sources(obs: pd.DataFrame) -> pd.DataFrame:
    """The same figure from different sources: equal within the rounding of both?
    Where not, a difference between stated vintages is a ``revision``, any other a ``warn``."""
    rows = []
    several = obs[obs.groupby(OBSERVATION_KEY, sort=False)["source_id"].transform("nunique") >= 2]
    for _, group in several.groupby(OBSERVATION_KEY, sort=True):
        for _, r in group.iterrows():
            for _, o in group[group["source_id"] != r["source_id"]].iterrows():
                agree = _agree(r, o)
                if agree is None:
                    continue
                status, detail = ("ok", f"agrees with {_fmt(o)}") if agree else _disagreement(r, o)
                rows.append(_audit_row("across_sources", r, status, r["value"], o["value"], detail))
    return pd.DataFrame(rows, columns=COLUMNS)


def _first_of_each(reported: pd.DataFrame, indicator: str, suffix: str) -> pd.DataFrame:
    """Value and qualifier of the first row of ``indicator`` per reporter, partner and period,
    keyed by that period as ``later``."""
    rows = reported[reported["indicator"] == indicator].drop_duplicates(["geo", "partner", "period"])
    return rows[["geo", "partner", "period", "value", "qualifier"]].rename(
        columns={"period": "later", "value": f"value{suffix}", "qualifier": f"qualifier{suffix}"})


def definitions_across_years(reported: pd.DataFrame) -> pd.DataFrame:
    """A total in one year against its two components a year later.

    If both years used one definition, next year's total would be at least the sum of
    its components; a ratio below ``DEFINITION_BREAK_RATIO`` means the figures cannot
    share a definition (e.g. all cross-border e-commerce vs retail only). Tested only
    where the later year has both components and no total, and the total and the first
    component are not zero.
    """
    rows = []
    later_of = {p: periods.next_year(p) for p in reported["period"].unique()}
    place = ["geo", "partner", "later"]
    for ident in IDENTITIES:
        totals = reported[reported["indicator"] == ident.total]
        later_totals = totals[["geo", "partner", "period"]].drop_duplicates().rename(columns={"period": "later"})
        pairs = (totals.assign(later=totals["period"].map(later_of))
                 .merge(_first_of_each(reported, ident.first, "_1"), on=place)
                 .merge(_first_of_each(reported, ident.second, "_2"), on=place)
                 .merge(later_totals, on=place, how="left", indicator=True))
        for _, t in pairs[(pairs["_merge"] == "left_only") & (pairs["value"] > 0) & (pairs["value_1"] > 0)].iterrows():
            components = t["value_1"] + t["value_2"]
            floors = [name for name, q in ((ident.first, t["qualifier_1"]), (ident.second, t["qualifier_2"])) if q == "floor"]
            ratio = components / t["value"]
            status = "ok" if ratio >= DEFINITION_BREAK_RATIO else "warn"
            needed = t["value"] - t["value_2"]
            detail = (
                f"{ident.first} + {ident.second} in {t['later']} = {components:g}"
                + (f" (a floor: {', '.join(floors)} stated as 'more than')" if floors else "")
                + f", {ratio * 100:.1f}% of the {t['period']} total; "
                + ("consistent with one definition" if status == "ok" else
                   f"a like-for-like reading needs {t['later']} {ident.first} of at least {needed:g} if the total did not fall, "
                   f"{needed / t['value_1']:.1f} times the stated figure: the years use different definitions")
            )
            rows.append(_audit_row("definitions_across_years", t, status, components, t["value"], detail))
    return pd.DataFrame(rows, columns=COLUMNS)


def unchecked(reported: pd.DataFrame, checked: pd.DataFrame) -> pd.DataFrame:
    """Reported figures that no check touched."""
    key = [*OBSERVATION_KEY, "source_id"]
    done = checked[key].drop_duplicates()
    marked = reported[key].merge(done, on=key, how="left", indicator=True)
    rest = reported[(marked["_merge"] == "left_only").to_numpy()]
    return _rows("unchecked", rest, "unchecked", rest["value"], np.full(len(rest), np.nan),
                 "no other figure in the data to check it against")


def audit(obs: pd.DataFrame, reported: pd.DataFrame, growth: pd.DataFrame) -> pd.DataFrame:
    """All checks, sorted; ``growth`` is the output of ``growth_vs_base``."""
    parts = [
        growth[COLUMNS],
        parts_vs_wholes(reported),
        repeated_figures(reported),
        across_sources(obs),
        definitions_across_years(reported),
    ]
    parts = [p for p in parts if not p.empty]
    checked = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)
    result = pd.concat([checked, unchecked(reported, checked)], ignore_index=True)
    return result.sort_values(["check", *OBSERVATION_KEY, "source_id", "locator", "detail"], kind="stable", ignore_index=True)
