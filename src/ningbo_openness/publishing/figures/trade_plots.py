"""Figures of the trade-growth notebook (01)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from ...annual import annual_series
from ...claims import SEED
from ...growth import share_pct
from ...load import load_indicators
from ...models import growth_against_trend
from ...peers import growth_against_peers, ranks
from ...trade import PARTIAL_PERIODS, PARTNER_YEAR, PARTNERS_2024, ningbo_total_and_share
from .. import style
from . import register

TEXT = {
    "reported": {"en": "published", "zh": "公布值"},
    "derived": {"en": "implied by next year's growth", "zh": "由次年增速推算"},
    "share": {"en": "Share of China's goods trade (%)", "zh": "占全国货物进出口比重（%）"},
    "growth": {"en": "Growth in 2024 (%)", "zh": "2024年同比增速（%）"},
    "band": {"en": "Ningbo total trade, trend {first}–{last}:\n95% range for one year's growth",
             "zh": "宁波进出口总额：{first}—{last}年趋势增速及单年95%区间"},
    "share_of_total": {"en": "Share of Ningbo's trade (%)", "zh": "占宁波进出口总额比重（%）"},
    "rank": {"en": "Ningbo's rank among the cities held (1 = largest trade)", "zh": "宁波在所收录城市中的位次（1为贸易额最大）"},
    "cities_held": {"en": "cities held (the last place)", "zh": "所收录城市数（即末位）"},
    "peer_range": {"en": "range of the peers held", "zh": "所收录同类城市的区间"},
    "peer_median": {"en": "peers' median", "zh": "同类城市中位数"},
    "ningbo": {"en": "Ningbo", "zh": "宁波"},
    "peer_growth": {"en": "Growth of goods trade (%)", "zh": "货物进出口增速（%）"},
    "peer_count": {"en": "n={n}", "zh": "{n}城"},
    "periods": {"2021M01-M08": {"en": "Jan–Aug 2021", "zh": "2021年1—8月"}, "2024Q1": {"en": "Q1 2024", "zh": "2024年一季度"}},
}
@register("trade_long_run", "01_trade_growth",
          "Ningbo's goods trade by year (hatched: implied by the following year's published growth rate) "
          "and its share of China's goods trade.", width="single")
def trade_long_run(lang: str):
    data = ningbo_total_and_share()
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, height_ratios=[2, 1], figsize=(6.4, 6.0))
    for kind, hatch, colour in (("reported", "", style.PALETTE[0]), ("derived", "///", style.PALETTE[4])):
        part = data[data["kind"] == kind]
        top.bar(part.index, part["value"], color=colour, hatch=hatch, edgecolor="white", label=TEXT[kind][lang])
    top.set_title(style.label("trade_total", lang, wrap=40), loc="left")
    fig.legend(loc="outside upper center", ncols=2)
    bottom.plot(data.index, data["share_of_china_pct"], color=style.PALETTE[1], marker="o")
    bottom.set_title(TEXT["share"][lang], loc="left")
    style.year_ticks(bottom, data.index)
    bottom.set_ylim(0, data["share_of_china_pct"].max() * 1.2)
    bottom.yaxis.set_major_locator(MaxNLocator(nbins=4, min_n_ticks=3))
    sources = set(data["source_id"]) | set(data["china_source_id"].dropna())
    return fig, sorted(sources)


@register("partner_growth_vs_trend", "01_trade_growth",
          "Growth of Ningbo's 2024 trade with three partner regions (points) against the range one year's "
          "growth of Ningbo's total trade would fall in under its log-linear trend up to 2023.", width="single")
def partner_growth_vs_trend(lang: str):
    annual = annual_series("trade_total")
    total = annual["value"]
    rows = load_indicators(indicator="trade_total", partner=PARTNERS_2024, kind="reported", source_id=SEED)
    rates = rows.set_index("partner")["yoy_pct"].astype(float).loc[PARTNERS_2024]
    band = growth_against_trend(total, PARTNER_YEAR, observed_pct=0.0)
    fitted = total.index[total.index < PARTNER_YEAR]
    fig, ax = plt.subplots()
    ax.axvspan(band.low_pct, band.high_pct, color=style.PALETTE[4], alpha=0.35,
               label=TEXT["band"][lang].format(first=fitted.min(), last=fitted.max()))
    ax.axvline(band.trend_pct, color=style.PALETTE[4], linestyle="--")
    y = np.arange(len(rates))
    ax.scatter(rates.to_numpy(), y, color=style.PALETTE[0], zorder=3)
    for yi, rate in zip(y, rates, strict=True):
        ax.annotate(f"{rate:g}%", (rate, yi), textcoords="offset points", xytext=(6, 0), va="center", fontsize=7)
    ax.set_yticks(y, [style.name(p, "partners", lang) for p in rates.index])
    ax.set_ylim(-0.7, len(rates) - 0.3)
    ax.set_xlabel(TEXT["growth"][lang])
    fig.legend(loc="outside upper center")
    return fig, sorted(set(annual["source_id"]) | set(rows["source_id"].astype(str)))


@register("partner_shares_partial_years", "01_trade_growth",
          "Shares of Ningbo's main partners in its goods trade in the two part-year periods for which the "
          "sources give a breakdown (partners overlap: EU and Belt and Road countries share members).", width="single")
def partner_shares_partial_years(lang: str):
    partners = ["eu", "usa", "asean", "rcep", "belt_and_road"]
    rows = load_indicators(indicator="trade_total", geo="ningbo", partner=["world", *partners], kind="reported")
    rows = rows[rows["period"].isin(PARTIAL_PERIODS)]
    wide = rows.pivot_table(index="partner", columns="period", values="value", observed=True)
    shares = share_pct(wide.drop(index="world"), wide.loc["world"]).reindex(partners)
    fig, ax = plt.subplots()
    y = np.arange(len(partners))
    for i, period in enumerate(PARTIAL_PERIODS):
        ax.barh(y + (i - 0.5) * 0.4, shares[period], 0.4, color=style.PALETTE[i], hatch=style.HATCHES[i],
                edgecolor="white", label=TEXT["periods"][period][lang])
    ax.set_yticks(y, [style.name(p, "partners", lang) for p in partners])
    ax.invert_yaxis()
    ax.set_xlabel(TEXT["share_of_total"][lang])
    fig.legend(loc="outside upper center", ncols=2)
    return fig, sorted(rows["source_id"].astype(str).unique())


@register("peer_growth_range", "01_trade_growth",
          "Growth of Ningbo's goods trade against the range and median of the other leading trading cities "
          "held for the same year (only years with at least three peers; n, the number of peers, stands under each year).",
          width="single")
def peer_growth_range(lang: str):
    table = growth_against_peers()
    fig, ax = plt.subplots()
    years = table.index.to_numpy()
    ax.vlines(years, table["peer_low"], table["peer_high"], color=style.PALETTE[4], linewidth=6, alpha=0.6,
              label=TEXT["peer_range"][lang])
    ax.scatter(years, table["peer_median"], marker="_", s=200, color=style.PALETTE[1], zorder=3,
               label=TEXT["peer_median"][lang])
    ax.scatter(years, table["growth"], color=style.PALETTE[0], zorder=4, label=TEXT["ningbo"][lang])
    ax.axhline(0, color="#999999", linewidth=0.6)
    ax.set_ylabel(TEXT["peer_growth"][lang])
    ax.set_xticks(years, [f"{y}\n" + TEXT["peer_count"][lang].format(n=n) for y, n in table["peers"].items()])
    fig.legend(loc="outside upper center", ncols=2)
    return fig, sorted({s for v in table["sources"] for s in v.split(";")})


@register("peer_rank_over_time", "01_trade_growth",
          "Ningbo's rank by goods trade among the leading trading cities held each year (a bar where rounding "
          "or a figure printed as a floor leaves the rank open), and how many cities that is.", width="single")
def peer_rank_over_time(lang: str):
    table = ranks()
    fig, ax = plt.subplots()
    years = table.index.to_numpy()
    ax.plot(years, table["peers"] + 1, color=style.PALETTE[4], linestyle="--", marker=".", label=TEXT["cities_held"][lang])
    ax.vlines(years, table["best_rank"], table["worst_rank"], color=style.PALETTE[0], linewidth=4)
    ax.scatter(years, table["best_rank"], color=style.PALETTE[0], zorder=3, label=TEXT["rank"][lang])
    ax.invert_yaxis()
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    style.year_ticks(ax, years)
    fig.legend(loc="outside upper center", ncols=1)
    sources = {s for city in ["ningbo", *sorted({p for v in table["peer_ids"] for p in v.split(", ") if p})]
               for s in annual_series("trade_total", geo=city)["source_id"]}
    return fig, sorted(sources)
