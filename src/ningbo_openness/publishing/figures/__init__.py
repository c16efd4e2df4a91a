"""The project's figures: each a function of the language, registered with its
caption and notebook so that ``make figures`` can redraw every one in English
and Chinese. Notebooks call ``export`` to draw, save and show a figure.

The drawing functions live in one module per notebook theme (``innovation_plots``, ``overview_plots``,
``port_plots``, ``rule_plots``, ``trade_plots``); importing this package registers them all.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd

from ...load import sources
from .. import figure_manifest, style
from ..export import save_figure
from .captions_zh import CAPTIONS_ZH


@dataclass(frozen=True)
class FigureSpec:
    """A registered figure: ``draw(lang)`` returns the figure and the source ids drawn."""

    name: str
    notebook: str
    caption: str
    width: str
    draw: Callable[[str], tuple[plt.Figure, list[str]]]

    def caption_in(self, lang: str) -> str:
        """The caption in ``lang`` (Chinese captions in ``captions_zh``)."""
        return CAPTIONS_ZH[self.name] if lang == "zh" else self.caption


REGISTRY: dict[str, FigureSpec] = {}


def register(name: str, notebook: str, caption: str, width: str = "single"):
    """Decorator adding a drawing function to ``REGISTRY``."""
    def add(draw):
        REGISTRY[name] = FigureSpec(name, notebook, caption, width, draw)
        return draw
    return add


def plot_annual(ax, data: pd.DataFrame, colour: str, marker: str = "o", label: str | None = None,
                linestyle: str = "-") -> None:
    """Draw an ``annual_series`` table: a line through consecutive years (broken where a
    year is missing, never bridged), filled markers for exact published figures and open
    markers for floors, "nearly" figures, approximations and values implied by growth rates."""
    years = range(data.index.min(), data.index.max() + 1)
    ax.plot(years, data["value"].reindex(years), color=colour, marker="none", linestyle=linestyle, label=label)
    solid = (data["kind"] == "reported") & (data["qualifier"] == "exact")
    ax.scatter(data.index[solid], data.loc[solid, "value"], color=colour, marker=marker, zorder=3)
    ax.scatter(data.index[~solid], data.loc[~solid, "value"], facecolor="white", edgecolor=colour, marker=marker, zorder=3)


def export(name: str, lang: str = "en", out_dir=None, width: str | float | None = None, height_mm: float | None = None,
           source_line: bool = False) -> plt.Figure:
    """Draw a registered figure in ``lang``, save it (PDF, SVG, PNG, manifest) and return it.

    ``out_dir`` defaults to ``build/figures``; ``width`` to the figure's registered width
    (``"single"`` 85 mm, ``"double"`` 178 mm, or mm); ``source_line`` adds "Source: ..." under
    the figure. The manifest rows written carry the registered caption, notebook and sources.
    The figure is closed in pyplot, so a notebook shows it once, as the cell's value.
    """
    spec = REGISTRY[name]
    style.use_style(lang)
    fig, drawn_from = spec.draw(lang)
    save_figure(fig, name, width or spec.width, height_mm, lang=lang, caption=spec.caption_in(lang), sources=drawn_from,
                notebook=spec.notebook, out_dir=out_dir, source_line=source_line)
    plt.close(fig)
    return fig


def export_all(out_dir=None) -> int:
    """Every registered figure in every language; returns the number of figures drawn."""
    count = 0
    for name in sorted(REGISTRY):
        for lang in style.LANGS:
            export(name, lang, out_dir)
            count += 1
    return count


def figure_sources(notebook: str, out_dir=None, lang: str | None = None) -> pd.DataFrame:
    """The registered sources behind every figure a notebook saved (from the manifest), in
    ``lang`` (default: the current style's language). One language only, so that a notebook
    run, which refreshes its own figures in its language, never lists sources of older
    drawings in the other language."""
    drawn = figure_manifest.read(out_dir)
    mine = (drawn["notebook"] == notebook) & (drawn["lang"] == (lang or style.current_lang()))
    used = set(";".join(drawn.loc[mine, "sources"]).split(";")) - {""}
    table = sources()
    return table[table["source_id"].isin(used)].reset_index(drop=True)


from . import innovation_plots, overview_plots, port_plots, rule_plots, trade_plots  # noqa: E402, F401  (last: each registers its figures here)
