"""Figures of the rule-alignment notebook (03)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from ... import alignment
from ...ingest.rule_tables import STAGES
from ...load import agreement_provisions, names, ningbo_measures
from .. import style
from . import register

AGREEMENTS = ["cptpp", "depa", "rcep", "cafta_3", "wto_ecommerce_jsi", "wto_tfa"]
STATUS_COLOURS = {"absent": "#F0F0F0", "best_endeavour": "#56B4E9", "binding": "#0072B2"}
TEXT = {
    "binding": {"en": "binding", "zh": "约束性"}, "best_endeavour": {"en": "best endeavour", "zh": "尽力而为"},
    "absent": {"en": "absent", "zh": "未涉及"},
    "unknown": {"en": "unknown (text or dispute settlement not read)", "zh": "未知（未读到条文或争端解决条款）"},
    "coverage": {"en": "Commitments Ningbo pilots or beyond", "zh": "宁波已试点及以上的承诺占比"},
    "range": {"en": "range over weights and stage thresholds", "zh": "不同权重与阶段门槛下的区间"},
    "default": {"en": "default (best endeavour 0.5, pilot)", "zh": "默认（尽力而为0.5，试点）"},
    "stages": {"list": {"en": "list", "zh": "条目"}, "scenario": {"en": "scenario", "zh": "场景"}, "pilot": {"en": "pilot", "zh": "试点"},
               "evaluation": {"en": "evaluation", "zh": "评估"}, "roll-out": {"en": "roll-out", "zh": "推广"}},
}


def short(agreement: str, lang: str) -> str:
    """The agreement's short name in ``lang`` (``data/agreements.csv``)."""
    return names("agreements").loc[agreement, f"short_{lang}"]


def _sources(*tables) -> list[str]:
    return sorted({s for t in tables for s in t["source_id"] if s})


@register("provisions_heatmap", "03_rule_alignment",
          "How six agreements treat 27 provisions: binding, best endeavour, absent, or unknown "
          "(white: the provision's text or its chapter's dispute settlement could not be read).", width="double")
def provisions_heatmap(lang: str):
    cells = agreement_provisions()
    provisions = names("provisions").sort_values(["domain", "provision"])
    codes = {"absent": 0, "best_endeavour": 1, "binding": 2}
    matrix = cells.assign(code=cells["status"].map(codes)).pivot(index="provision", columns="agreement", values="code")
    matrix = matrix.reindex(index=provisions.index, columns=AGREEMENTS).astype(float)
    fig, ax = plt.subplots(figsize=(7.0, 8.0))
    cmap = ListedColormap([STATUS_COLOURS[s] for s in ("absent", "best_endeavour", "binding")])
    ax.imshow(np.ma.masked_invalid(matrix.to_numpy()), cmap=cmap, vmin=-0.5, vmax=2.5, aspect="auto")
    for (i, j) in zip(*np.where(matrix.isna().to_numpy()), strict=True):
        ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white", edgecolor="#BBBBBB", hatch="///", linewidth=0))
    ax.set_xticks(range(len(AGREEMENTS)), [short(a, lang) for a in AGREEMENTS])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(provisions)), [provisions.loc[p, "name_zh" if lang == "zh" else "name_en"] for p in provisions.index])
    ax.set_xticks(np.arange(-0.5, len(AGREEMENTS)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(provisions)), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = [Patch(facecolor=STATUS_COLOURS[s], edgecolor="#BBBBBB", label=TEXT[s][lang])
               for s in ("binding", "best_endeavour", "absent")]
    handles.append(Patch(facecolor="white", edgecolor="#BBBBBB", hatch="///", label=TEXT["unknown"][lang]))
    fig.legend(handles=handles, loc="outside lower center", ncols=4)
    return fig, _sources(cells)


@register("measures_pipeline", "03_rule_alignment",
          "Ningbo's measures on the pipeline list - scenario - pilot - evaluation - roll-out: the furthest stage "
          "any source shows for each measure.", width="double")
def measures_pipeline(lang: str):
    measures = ningbo_measures()
    furthest = alignment.measure_stages(measures).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.0, 6.5))
    y = np.arange(len(furthest))
    ax.hlines(y, 0, furthest["rank"], color=style.PALETTE[4], linewidth=2)
    ax.scatter(furthest["rank"], y, color=style.PALETTE[0], zorder=3)
    label = "name_zh" if lang == "zh" else "name_en"
    ax.set_yticks(y, [n if len(n) <= 60 else n[:57] + "..." for n in furthest[label]])
    ax.set_xticks(range(len(STAGES)), [TEXT["stages"][s][lang] for s in STAGES])
    ax.set_xlim(-0.3, len(STAGES) - 0.7)
    ax.grid(axis="x", color="#DDDDDD")
    return fig, _sources(measures)


@register("coverage_sensitivity", "03_rule_alignment",
          "Share of each agreement's commitments (binding weight 1, best endeavour 0.5) for which a Ningbo measure "
          "has reached the pilot stage, with the range over best-endeavour weights 0-1 and thresholds scenario/pilot/roll-out.")
def coverage_sensitivity(lang: str):
    cells, measures = agreement_provisions(), ningbo_measures()
    default = alignment.coverage(cells, measures)["coverage"].dropna().sort_values()
    grid = alignment.sensitivity(cells, measures)
    spread = grid.groupby("agreement")["coverage"].agg(["min", "max"]).loc[default.index]
    fig, ax = plt.subplots()
    y = np.arange(len(default))
    ax.hlines(y, spread["min"] * 100, spread["max"] * 100, color=style.PALETTE[4], linewidth=4, label=TEXT["range"][lang])
    ax.scatter(default * 100, y, color=style.PALETTE[0], zorder=3, label=TEXT["default"][lang])
    ax.set_yticks(y, [short(a, lang) for a in default.index])
    ax.set_xlim(0, 100)
    ax.set_xlabel(TEXT["coverage"][lang] + " (%)")
    fig.legend(loc="outside upper center", ncols=1)
    return fig, _sources(cells, measures)


COUNTS = {
    "rtas_in_force": {"en": "Regional trade agreements in force (WTO)", "zh": "生效的区域贸易协定（WTO统计）"},
    "china_ftas_signed": {"en": "Free trade agreements signed by China", "zh": "中国已签署的自贸协定"},
    "china_fta_partners": {"en": "China's free-trade partners", "zh": "中国自贸伙伴（国家和地区）"},
}


@register("agreements_over_time", "03_rule_alignment",
          "Regional trade agreements in force worldwide (WTO counts) and China's signed free trade agreements and "
          "partners, at the dates the sources give.", width="single")
def agreements_over_time(lang: str):
    counts = alignment.agreement_counts()
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(6.4, 5.6))
    world = counts[counts["indicator"] == "rtas_in_force"]
    top.plot(world["date"], world["value"], color=style.PALETTE[0], marker="o")
    top.set_title(COUNTS["rtas_in_force"][lang], loc="left")
    top.set_ylim(0, world["value"].max() * 1.15)
    for i, indicator in enumerate(("china_ftas_signed", "china_fta_partners")):
        part = counts[counts["indicator"] == indicator]
        bottom.plot(part["date"], part["value"], color=style.PALETTE[i + 1], marker=style.MARKERS[i + 1],
                    linestyle=style.LINESTYLES[i + 1], label=COUNTS[indicator][lang])
    bottom.set_ylim(0, counts.loc[counts["indicator"] != "rtas_in_force", "value"].max() * 1.25)
    bottom.legend(loc="lower right")
    return fig, _sources(counts)
