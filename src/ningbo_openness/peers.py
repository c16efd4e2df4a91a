"""Ningbo among China's leading trading cities: its rank, its growth and its patenting against
the peers held.

Peers are the reporters of kind ``city`` in ``data/geos.csv`` other than the city compared.
Coverage is uneven (``coverage`` counts each city's years) and the set of peers changes from
year to year, so every result says how many peers it rests on, and ``paired_growth`` compares
with the same peer every year. A rank is a range: a peer is surely above the city when the
low end of its figure (rounding, floors) lies above the high end of the city's, and possibly
above when only its high end does. Growth is the published rate where a reported calendar-year
row prints one (customs compare on a revised, like-for-like base), else the change between
the two chosen annual levels, with their rounding carried through.
"""
from __future__ import annotations

import statistics

import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from . import bounds
from .annual import annual_series
from .growth import half_unit_of_value
from .load import load_indicators, names, sources
from .qualifiers import SIDE
from .scopes import latest_basis

#: Fewer peers with a growth rate than this in a year and no comparison is made.
MIN_PEERS = 3


def peer_ids(geo: str = "ningbo") -> list[str]:
    """The cities other than ``geo`` in the reporters table."""
    geos = names("geos")
    return sorted(g for g in geos.index[geos["kind"] == "city"] if g != geo)


def coverage(indicator: str = "trade_total", partner: str = "world", geo: str = "ningbo") -> pd.DataFrame:
    """Per city (``geo`` and its peers with any calendar-year figure): how many years are
    ``reported`` (printed by a source) and how many only ``implied`` (by the next year's
    growth rate), the ``first`` and ``last`` year and the ``sources``; most reported first."""
    rows = []
    for city in [geo, *peer_ids(geo)]:
        series = _annual(indicator, city, partner)
        if series is None:
            continue
        reported = series[series["kind"] == "reported"]
        rows.append({"geo": city, "reported": len(reported), "implied": len(series) - len(reported),
                     "first": series.index.min(), "last": series.index.max(),
                     "sources": series["source_id"].nunique()})
    return pd.DataFrame(rows).sort_values(["reported", "geo"], ascending=[False, True]).set_index("geo")


def sign_test(table: pd.DataFrame, column: str = "growth") -> dict:
    """Years in ``table`` (``against_peers`` output, ``column`` the city's value) above and below
    the peers' median, and the two-sided sign-test p-value that either is as likely (years at
    the median dropped). It treats years as independent draws and the changing sets of peers
    as one population: a small p says the city beat the cities held more often than chance
    would, not that it outgrew China's leading cities."""
    above = int((table[column] > table["peer_median"]).sum())
    below = int((table[column] < table["peer_median"]).sum())
    return _sign(above, below, len(table))


def sign_test_beyond_rounding(table: pd.DataFrame) -> dict:
    """``sign_test`` on the years whose ``side`` (``growth_against_peers``) is settled whatever
    the rounding of the rates: years marked ``open`` count as ties and are dropped."""
    return _sign(int((table["side"] == "above").sum()), int((table["side"] == "below").sum()), len(table))


def _sign(above: int, below: int, years: int) -> dict:
    """Counts above and below, and the two-sided binomial p-value that either is as likely."""
    p = stats.binomtest(above, above + below).pvalue if above + below else float("nan")
    return {"above": above, "below": below, "years": years, "p_value": float(p)}


def median_side(city: bounds.Range, median: bounds.Range) -> str:
    """``above`` or ``below`` the peers' median when the city's range lies wholly on that side
    of the median's range, else ``open`` (rounding could put it on either side)."""
    if city.low > median.high:
        return "above"
    if city.high < median.low:
        return "below"
    return "open"


def rank_range(city: bounds.Range, peers: dict[str, bounds.Range]) -> tuple[int, int]:
    """Best and worst rank (1 = largest) of ``city`` among itself and ``peers``."""
    surely = sum(p.low > city.high for p in peers.values())
    possibly = sum(p.high > city.low and not p.low > city.high for p in peers.values())
    return 1 + surely, 1 + surely + possibly


def position(city: float, peers: list[float]) -> str:
    """Where a growth rate stands against the peers' rates: below, within or above their range."""
    if city < min(peers):
        return "below"
    if city > max(peers):
        return "above"
    return "within"


def _annual(indicator: str, geo: str, partner: str = "world") -> pd.DataFrame | None:
    """``annual_series`` of ``geo``, or None if it holds no calendar-year figure."""
    try:
        return annual_series(indicator, geo=geo, partner=partner)
    except KeyError:
        return None


def ranks(indicator: str = "trade_total", geo: str = "ningbo") -> pd.DataFrame:
    """Per year with a figure for ``geo``: the peers held that year and its best and worst rank."""
    city = annual_series(indicator, geo=geo)
    peers = {p: s for p in peer_ids(geo) if (s := _annual(indicator, p)) is not None}
    rows = []
    for year in city.index:
        held = {p: bounds.of_year(s, year) for p, s in peers.items() if year in s.index}
        best, worst = rank_range(bounds.of_year(city, year), held)
        rows.append({"year": year, "peers": len(held), "best_rank": best, "worst_rank": worst,
                     "peer_ids": ", ".join(sorted(held))})
    return pd.DataFrame(rows).set_index("year")


def growth(indicator: str = "trade_total", geo: str = "ningbo") -> pd.DataFrame:
    """Calendar-year growth of ``geo`` in percent (``value``, ``low``, ``high``), its ``basis``
    (``published``: a reported row's rate, best tier first; ``levels``: two chosen levels) and
    the ``sources`` it rests on (';'-separated). A change between levels where either is
    one-sided (a floor or a "nearly" figure) is only a bound on the rate and is left out."""
    columns = ["value", "low", "high", "basis", "sources"]
    levels = _annual(indicator, geo)
    if levels is None:
        return pd.DataFrame(columns=columns)
    rows = load_indicators(indicator=indicator, geo=geo, partner="world", kind="reported")
    rows = rows[rows["period"].str.fullmatch(r"\d{4}") & rows["yoy_pct"].notna()].copy()
    rows["year"] = rows["period"].astype(int)
    rows["order"] = rows["source_id"].map(sources().set_index("source_id")["tier"])
    published = rows.sort_values(["year", "order", "source_id"]).drop_duplicates("year").set_index("year")
    out = {}
    for year in levels.index:
        if year in published.index:
            rate = float(published.loc[year, "yoy_pct"])
            half = half_unit_of_value(rate)
            out[year] = (rate, rate - half, rate + half, "published", published.loc[year, "source_id"])
        elif year - 1 in levels.index:
            if SIDE.get(levels.loc[year, "qualifier"]) or SIDE.get(levels.loc[year - 1, "qualifier"]):
                continue
            change = bounds.growth_pct(bounds.of_year(levels, year), bounds.of_year(levels, year - 1))
            used = sorted({levels.loc[year, "source_id"], levels.loc[year - 1, "source_id"]})
            out[year] = (change.value, change.low, change.high, "levels", ";".join(used))
    return pd.DataFrame.from_dict(out, orient="index", columns=columns).rename_axis("year")


def against_peers(own: pd.Series, peers: dict[str, pd.Series], min_peers: int = MIN_PEERS) -> pd.DataFrame:
    """Per year of ``own`` (values by year) with at least ``min_peers`` peer values: ``value``,
    how many ``peers``, their median, lowest and highest value, the ``position`` of ``value``
    against them and the ``peer_ids``."""
    columns = ["value", "peers", "peer_median", "peer_low", "peer_high", "position", "peer_ids"]
    rows = {}
    for year, value in own.items():
        held = {p: float(s[year]) for p, s in peers.items() if year in s.index}
        if len(held) < min_peers:
            continue
        values = list(held.values())
        rows[year] = (value, len(held), statistics.median(values), min(values), max(values), position(value, values),
                      ", ".join(sorted(held)))
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns).rename_axis("year")


def growth_against_peers(indicator: str = "trade_total", geo: str = "ningbo") -> pd.DataFrame:
    """``against_peers`` for growth rates (central values, ``growth``), with ``geo``'s ``basis``,
    the rounding: ``geo``'s range (``growth_low``, ``growth_high``), the median's range
    (``median_low``, ``median_high``: the median of the peers' low ends and of their high ends,
    since a median never falls when one of its values rises) and the ``median_side`` of ``geo``;
    and the ``sources`` of every rate compared."""
    city = growth(indicator, geo)
    rates = {p: growth(indicator, p) for p in peer_ids(geo)}
    table = against_peers(city["value"], {p: r["value"] for p, r in rates.items()})
    for end in ("low", "high"):
        table[f"growth_{end}"] = city[end].reindex(table.index)
        table[f"median_{end}"] = against_peers(city[end], {p: r[end] for p, r in rates.items()})["peer_median"]
    table["side"] = [median_side(bounds.Range(r.value, r.growth_low, r.growth_high),
                                 bounds.Range(r.peer_median, r.median_low, r.median_high))
                     for r in table.itertuples()]
    table["sources"] = [";".join(sorted({s for rate in [city, *(rates[p] for p in ids.split(", "))]
                                         for s in rate.loc[year, "sources"].split(";")}))
                        for year, ids in table["peer_ids"].items()]
    table["basis"] = city["basis"].reindex(table.index)
    return table.rename(columns={"value": "growth"})[
        ["growth", "growth_low", "growth_high", "basis", "peers", "peer_median", "median_low", "median_high",
         "peer_low", "peer_high", "position", "side", "peer_ids", "sources"]]


def paired_growth(indicator: str = "trade_total", geo: str = "ningbo", min_years: int = 5) -> pd.DataFrame:
    """``geo`` against each peer with growth rates in at least ``min_years`` of the same years:
    the same pair every year, so the changing set of peers drops out. One row per peer with
    ``gap_summary`` of the yearly gaps (``geo`` minus peer, points), the ``first`` and ``last``
    year, and ``p_holm``, the sign-test p-values adjusted (Holm) for testing every peer at
    once; largest mean gap first."""
    own = growth(indicator, geo)["value"]
    rows = {}
    for peer in peer_ids(geo):
        gap = (own - growth(indicator, peer)["value"]).dropna()
        if len(gap) >= min_years:
            rows[peer] = {"first": gap.index.min(), "last": gap.index.max(), **gap_summary(gap)}
    table = pd.DataFrame.from_dict(rows, orient="index").rename_axis("peer")
    if table.empty:
        return table
    table["p_holm"] = multipletests(table["p_value"], method="holm")[1]
    return table.sort_values("mean_gap", ascending=False)


def gap_summary(gap: pd.Series) -> dict:
    """Yearly gaps between two growth rates (points): ``years``, ``faster`` (gaps above zero),
    ``median_gap``, ``mean_gap``, a 95 per cent t-interval of the mean (``ci_low``, ``ci_high``;
    years taken as independent and the gaps as roughly normal, which a few years cannot check)
    and the two-sided sign-test ``p_value`` (``sign_test``)."""
    half = stats.t.ppf(0.975, len(gap) - 1) * gap.std(ddof=1) / len(gap) ** 0.5
    test = sign_test(pd.DataFrame({"growth": gap, "peer_median": 0.0}))
    return {"years": len(gap), "faster": test["above"], "median_gap": float(gap.median()),
            "mean_gap": float(gap.mean()), "ci_low": float(gap.mean() - half), "ci_high": float(gap.mean() + half),
            "p_value": test["p_value"]}


def export_shares(geo: str = "ningbo", country: str = "china") -> pd.DataFrame:
    """Each city's exports as a share of ``country``'s in percent, for ``geo`` and every peer,
    in the years both figures are held: ``year``, ``geo``, ``share``, ``low``, ``high`` (the
    rounding and floors of both figures carried through), sorted by year and share."""
    whole = annual_series("exports", geo=country)
    return _ratios({city: (_annual("exports", city), whole) for city in [geo, *peer_ids(geo)]})


def invention_shares(geo: str = "ningbo") -> pd.DataFrame:
    """Invention patents as a share of all patent grants, percent, for ``geo`` and every peer,
    in the years both figures are held: columns as ``export_shares``."""
    return _ratios({city: (_annual("invention_patent_grants", city, partner="none"),
                           _annual("patent_grants", city, partner="none")) for city in [geo, *peer_ids(geo)]})


def per_10k(indicator: str = "invention_patent_grants", geo: str = "ningbo") -> pd.DataFrame:
    """``indicator`` (a count over the year) per 10,000 residents at the end of that year, for
    ``geo`` and every peer, in the years both are held: ``year``, ``geo``, ``per_10k``, ``low``,
    ``high``. Year-end rather than mid-year population: a growing city's rate is understated by
    at most its population growth of that year. Populations are kept on
    the basis of their latest recorded break only (``scopes.latest_basis``: the 2020 census)."""
    pairs = {}
    for city in [geo, *peer_ids(geo)]:
        population = _annual("resident_population", city, partner="none")
        if population is not None:
            population = latest_basis(population, "resident_population", city, "none")
        pairs[city] = (_annual(indicator, city, partner="none"), population)
    return _ratios(pairs, ratio=bounds.per_unit, column="per_10k")


def per_10k_against_peers(indicator: str = "invention_patent_grants", geo: str = "ningbo",
                          min_peers: int = MIN_PEERS) -> pd.DataFrame:
    """``against_peers`` for ``per_10k`` (central values)."""
    table = per_10k(indicator, geo).pivot(index="year", columns="geo", values="per_10k")
    own = table[geo].dropna() if geo in table else pd.Series(dtype=float)
    return against_peers(own, {p: table[p].dropna() for p in table.columns if p != geo}, min_peers)


def _ratios(pairs: dict[str, tuple[pd.DataFrame | None, pd.DataFrame | None]],
            ratio=bounds.share_pct, column: str = "share") -> pd.DataFrame:
    """``ratio(part, whole)`` per city (``pairs``: city -> annual part, annual whole) and every
    year both are held, with its range, as ``column``, ``low``, ``high``, and the ``sources`` of
    both figures (';'-separated); sorted by year and value."""
    rows = []
    for city, (part, whole) in pairs.items():
        if part is None or whole is None:
            continue
        for year in part.index.intersection(whole.index):
            value = ratio(bounds.of_year(part, year), bounds.of_year(whole, year))
            used = ";".join(sorted({part.loc[year, "source_id"], whole.loc[year, "source_id"]}))
            rows.append({"year": year, "geo": city, column: value.value, "low": value.low, "high": value.high,
                         "sources": used})
    return pd.DataFrame(rows, columns=["year", "geo", column, "low", "high", "sources"]).sort_values(
        ["year", column], ascending=[True, False], ignore_index=True)
