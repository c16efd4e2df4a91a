"""Figures of the overview notebook (00): the source page's claims."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ...claims import SEED, STATUS_ORDER, claims
from ...load import load_indicators, meta
from .. import style
from . import register

TEXT = {
    "implied_2023": {"en": "2023 (implied by the stated growth)", "zh": "2023年（由同比增速推算）"},
    "reported_2024": {"en": "2024 (reported)", "zh": "2024年（公布值）"},
    "claims": {"en": "Published figures", "zh": "公布数字个数"},
    # status -> (colour, hatch): semantic colours; hatching marks problems in grayscale
    "status_style": {"fail": ("#D55E00", "xxx"), "warn": ("#E69F00", "///"), "revision": ("#CC79A7", "\\\\\\"),
                     "note": ("#56B4E9", "..."), "ok": ("#009E73", ""), "unchecked": ("#BBBBBB", "")},
    "themes": {
        "trade": {"en": "Trade", "zh": "贸易"}, "overseas": {"en": "Overseas parks", "zh": "海外园区"},
        "port": {"en": "Port", "zh": "港口"}, "digital_trade": {"en": "Digital trade", "zh": "数字贸易"},
        "innovation": {"en": "Innovation", "zh": "科技创新"}, "rules": {"en": "Rules", "zh": "制度规则"},
    },
    "status": {
        "fail": {"en": "fails", "zh": "不成立"}, "warn": {"en": "inconsistent", "zh": "不一致"},
        "revision": {"en": "revised since", "zh": "其后已修订"},
        "note": {"en": "agrees after revision", "zh": "修订后一致"}, "ok": {"en": "confirmed", "zh": "核对一致"},
        "unchecked": {"en": "nothing to check against", "zh": "无可核对数据"},
    },
}


@register("partner_trade_2024", "00_overview_and_audit",
          "Ningbo's goods trade with ASEAN, Central & Eastern Europe and Africa: 2024 as published, "
          "2023 implied by the published growth rate (labels: growth in %).")
def partner_trade_2024(lang: str):
    partners = ["asean", "africa", "cee"]  # by 2024 value
    rows = load_indicators(indicator="trade_total", geo="ningbo", partner=partners, source_id=SEED)
    wide = rows.pivot_table(index="partner", columns="period", values="value", observed=True).loc[partners]
    growth = rows[rows["kind"] == "reported"].set_index("partner")["yoy_pct"].astype(float)
    fig, ax = plt.subplots()
    x = np.arange(len(partners))
    ax.bar(x - 0.2, wide["2023"], 0.4, label=TEXT["implied_2023"][lang], color=style.PALETTE[4],
           hatch=style.HATCHES[1], edgecolor="white")
    bars_new = ax.bar(x + 0.2, wide["2024"], 0.4, label=TEXT["reported_2024"][lang], color=style.PALETTE[0])
    ax.bar_label(bars_new, labels=[f"+{growth[p]:g}%" for p in partners], padding=2, fontsize=7)
    ax.set_xticks(x, [textwrap.fill(style.name(p, "partners", lang), 16) for p in partners])
    ax.set_title(style.label("trade_total", lang, wrap=40), loc="left")
    fig.legend(loc="outside upper center", ncols=2)
    ax.margins(y=0.15)
    return fig, sorted(rows["source_id"].astype(str).unique())


@register("claims_by_theme", "00_overview_and_audit",
          "The source page's published figures by theme and by what the audit could establish about them.")
def claims_by_theme(lang: str):
    table = claims(SEED)
    table["theme"] = table["indicator"].map(lambda i: meta(i)["theme"])
    counts = pd.crosstab(table["theme"], table["status"]).reindex(columns=STATUS_ORDER, fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    fig, ax = plt.subplots()
    left = np.zeros(len(counts))
    for status in STATUS_ORDER:
        if counts[status].sum() == 0:
            continue
        colour, hatch = TEXT["status_style"][status]
        ax.barh(range(len(counts)), counts[status], left=left, color=colour, hatch=hatch,
                edgecolor="white", label=TEXT["status"][status][lang])
        left += counts[status].to_numpy()
    ax.set_yticks(range(len(counts)), [TEXT["themes"][t][lang] for t in counts.index])
    ax.set_xlabel(TEXT["claims"][lang])
    fig.legend(loc="outside upper center", ncols=2)
    return fig, sorted(table["source_id"].unique())
