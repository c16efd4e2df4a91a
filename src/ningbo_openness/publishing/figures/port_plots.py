"""Figures of the port and digital-trade notebook (04)."""
from __future__ import annotations

import matplotlib.pyplot as plt

from ...annual import annual_series
from ...port import COMPARATORS, PORT
from .. import style
from . import plot_annual, register

TEXT = {
    "exact": {"en": "published figure", "zh": "公布值"},
    "floor": {"en": "published as 'more than'", "zh": "公布为“超过”某值"},
}


@register("port_tonnage_and_boxes", "04_port_and_digital_trade",
          "Ningbo-Zhoushan Port: cargo throughput and container throughput by year "
          "(open markers: published only as 'more than' the value).")
def port_tonnage_and_boxes(lang: str):
    cargo = annual_series("port_cargo_throughput", geo=PORT, partner="none")
    boxes = annual_series("port_container_throughput", geo=PORT, partner="none")
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(6.4, 6.0))
    plot_annual(top, cargo, style.PALETTE[0])
    top.set_title(style.label("port_cargo_throughput", lang, wrap=40), loc="left")
    plot_annual(bottom, boxes, style.PALETTE[1], marker="s")
    bottom.set_title(style.label("port_container_throughput", lang, wrap=40), loc="left")
    bottom.set_xticks(range(min(cargo.index.min(), boxes.index.min()), max(cargo.index.max(), boxes.index.max()) + 1, 2))
    for ax in (top, bottom):
        ax.set_ylim(0, None)
    top.scatter([], [], color="grey", label=TEXT["exact"][lang])
    top.scatter([], [], facecolor="white", edgecolor="grey", label=TEXT["floor"][lang])
    top.legend(loc="lower right")
    return fig, sorted(set(cargo["source_id"]) | set(boxes["source_id"]))


@register("container_ports_compared", "04_port_and_digital_trade",
          "Container throughput of Ningbo-Zhoushan, Shanghai and Singapore by year (open markers: 'more than').")
def container_ports_compared(lang: str):
    fig, ax = plt.subplots()
    sources = set()
    for i, geo in enumerate(COMPARATORS):
        data = annual_series("port_container_throughput", geo=geo, partner="none")
        plot_annual(ax, data, style.PALETTE[i], style.MARKERS[i], style.name(geo, "geos", lang))
        sources |= set(data["source_id"])
    ax.set_ylabel(style.label("port_container_throughput", lang))
    ax.set_ylim(0, None)
    ax.legend(loc="lower right")
    return fig, sorted(sources)


@register("sea_rail_volume", "04_port_and_digital_trade",
          "Sea-rail intermodal volume of Ningbo-Zhoushan Port by year (hatched: published only as 'more than' or 'about').")
def sea_rail_volume(lang: str):
    data = annual_series("sea_rail_volume", geo=PORT, partner="none")
    fig, ax = plt.subplots()
    exact = data["qualifier"] == "exact"
    ax.bar(data.index[exact], data.loc[exact, "value"], color=style.PALETTE[2], edgecolor="white", label=TEXT["exact"][lang])
    ax.bar(data.index[~exact], data.loc[~exact, "value"], color=style.PALETTE[4], hatch="///", edgecolor="white",
           label={"en": "published as 'more than' or 'about'", "zh": "公布为“超过”或“约”某值"}[lang])
    ax.set_ylabel(style.label("sea_rail_volume", lang))
    ax.set_xticks(data.index)
    fig.legend(loc="outside upper center")
    return fig, sorted(data["source_id"])
