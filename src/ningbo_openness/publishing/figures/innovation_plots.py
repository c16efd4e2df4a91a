"""Figures of the innovation-output notebook (02)."""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from ...annual import annual_series
from ...growth import share_pct
from ...load import meta
from ...peers import per_10k
from .. import style
from . import plot_annual, register

TEXT = {
    "share": {"en": "Invention share of patent grants (%)", "zh": "发明专利占专利授权量比重（%）"},
    "open": {"en": "open markers: implied by the next year's growth, or published as 'more than'",
             "zh": "空心点：由次年增速推算或公布为“超过”某值"},
    "count": {"en": "Number (log scale)", "zh": "数量（件，对数坐标）"},
    "intensity": {"en": "R&D intensity (% of GDP)", "zh": "R&D经费投入强度（%）"},
    "per_10k": {"en": "Invention grants\nper 10,000 residents", "zh": "每万常住人口\n发明专利授权量（件）"},
}


@register("patents_decade", "02_innovation_output",
          "Ningbo's patent grants and invention patent grants by year (log scale; open markers implied by the next "
          "year's published growth) and the invention share of grants.")
def patents_decade(lang: str):
    grants = annual_series("patent_grants", partner="none")
    inventions = annual_series("invention_patent_grants", partner="none")
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, height_ratios=[2, 1], figsize=(6.4, 6.0))
    name = "name_zh" if lang == "zh" else "name_en"
    plot_annual(top, grants, style.PALETTE[0], "o", meta("patent_grants")[name])
    plot_annual(top, inventions, style.PALETTE[1], "s", meta("invention_patent_grants")[name])
    top.set_yscale("log")
    top.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    top.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    top.yaxis.set_minor_formatter(NullFormatter())
    top.set_ylabel(TEXT["count"][lang])
    fig.legend(loc="outside upper center", ncols=2, title=TEXT["open"][lang], title_fontsize=6)
    years = range(min(grants.index.min(), inventions.index.min()), max(grants.index.max(), inventions.index.max()) + 1)
    share = share_pct(inventions["value"].reindex(years), grants["value"].reindex(years))
    bottom.plot(years, share, color=style.PALETTE[2], marker="^")
    bottom.set_title(TEXT["share"][lang], loc="left")
    bottom.set_ylim(0, share.max() * 1.3)
    bottom.yaxis.set_major_locator(MaxNLocator(nbins=4, min_n_ticks=3))
    return fig, sorted(set(grants["source_id"]) | set(inventions["source_id"]))


@register("rd_intensity_compared", "02_innovation_output",
          "R&D expenditure as a share of GDP: Ningbo, Zhejiang and China, in the years the sources give "
          "(lines join consecutive years only; open markers are approximate or preliminary estimates).")
def rd_intensity_compared(lang: str):
    fig, ax = plt.subplots()
    sources = set()
    for i, geo in enumerate(["ningbo", "zhejiang", "china"]):
        data = annual_series("rd_intensity", geo=geo, partner="none")
        plot_annual(ax, data, style.PALETTE[i], style.MARKERS[i], style.name(geo, "geos", lang),
                    style.LINESTYLES[i])
        sources |= set(data["source_id"])
    ax.set_ylabel(TEXT["intensity"][lang])
    ax.set_ylim(0, None)
    ax.legend(loc="lower right")
    return fig, sorted(sources)


@register("peer_invention_density", "02_innovation_output",
          "Invention patent grants per 10,000 year-end residents: Ningbo and the peer cities held, in the years "
          "both counts are held (populations on the 2020 census basis; lines join consecutive years only; "
          "open marker: a lower bound, the count printed as 'more than').")
def peer_invention_density(lang: str):
    table = per_10k()
    wide = table.pivot(index="year", columns="geo", values="per_10k")
    years = list(range(wide.index.min(), wide.index.max() + 1))
    latest = wide.drop(columns="ningbo").apply(lambda s: s.dropna().iloc[-1]).sort_values(ascending=False)
    colours = [c for c in style.PALETTE if c != "#000000"]
    fig, ax = plt.subplots()
    one_sided = table[table["high"] == float("inf")]
    for i, city in enumerate(["ningbo", *latest.index]):
        ningbo = city == "ningbo"
        colour, marker = "#000000" if ningbo else colours[(i - 1) % len(colours)], style.MARKERS[i % len(style.MARKERS)]
        ax.plot(years, wide[city].reindex(years), color=colour, marker=marker, linewidth=2.0 if ningbo else 1.0,
                label=style.name(city, "geos", lang, short=True))
        bound = one_sided[one_sided["geo"] == city]
        ax.scatter(bound["year"], bound["per_10k"], facecolor="white", edgecolor=colour, marker=marker, zorder=3)
    ax.set_ylabel(TEXT["per_10k"][lang])
    ax.set_ylim(0, None)
    style.year_ticks(ax, years)
    fig.legend(loc="outside upper center", ncols=3)
    return fig, sorted({s for v in table["sources"] for s in v.split(";")})
