"""Figures of the innovation-output notebook (02)."""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from ...annual import annual_series
from ...growth import share_pct
from ...load import meta
from .. import style
from . import plot_annual, register

TEXT = {
    "share": {"en": "Invention share of patent grants (%)", "zh": "发明专利占专利授权量比重（%）"},
    "open": {"en": "open markers: implied by the next year's growth, or published as 'more than'",
             "zh": "空心点：由次年增速推算或公布为“超过”某值"},
    "count": {"en": "Number (log scale)", "zh": "数量（件，对数坐标）"},
    "intensity": {"en": "R&D intensity (% of GDP)", "zh": "R&D经费投入强度（%）"},
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
