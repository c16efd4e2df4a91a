"""House style for figures in papers: bilingual labels, an offline CJK font, colours that
survive grayscale printing, and the current language.

The CJK font is Noto Sans CJK SC (SIL Open Font License), shipped inside the
``mplfonts`` package, so Chinese labels render on a machine with no system fonts. Figures
use a TrueType-outline subset of it (``fonts``), which PDF preflight tools accept.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import mplfonts
import seaborn as sns
from cycler import cycler
from matplotlib import font_manager

from ..load import meta, names
from .fonts import truetype_copy

CJK_FONT = "Noto Sans CJK SC"
CJK_FONT_FILE = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
LATIN_FONT = "DejaVu Sans"
#: Okabe-Ito colours, ordered so neighbours also differ in lightness (grayscale prints).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES = ["-", "--", ":", "-.", "-", "--", ":", "-."]
HATCHES = ["", "///", "...", "xxx", "\\\\\\", "ooo", "---", "+++"]
LANGS = ("en", "zh")
#: Fixed salt for the ids matplotlib writes into SVG files, so they are the same on every run.
SVG_HASH_SALT = "ningbo-openness"
PNG_DPI = 300


def register_fonts() -> None:
    """Make the TrueType copy of the bundled CJK font known to matplotlib, and only that copy
    (idempotent; the copy is made on first use)."""
    manager = font_manager.fontManager
    copy = str(truetype_copy(CJK_FONT_FILE))
    others = [f for f in manager.ttflist if f.name == CJK_FONT and f.fname != copy]
    for entry in others:
        manager.ttflist.remove(entry)
    if not any(f.fname == copy for f in manager.ttflist):
        manager.addfont(copy)


register_fonts()


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def use_style(lang: str = "en") -> None:
    """Apply the house style: seaborn 'ticks' at paper scale, 8 pt text, colour-blind-safe
    colours paired with markers and line styles, CJK-capable fonts for ``lang="zh"``,
    TrueType fonts embedded in PDF; in SVG, text stays text in English and becomes outlines in
    Chinese, so the file looks the same on a machine without CJK fonts."""
    check_lang(lang)
    fonts = [CJK_FONT, LATIN_FONT] if lang == "zh" else [LATIN_FONT, CJK_FONT]
    sns.set_theme(context="paper", style="ticks", palette=PALETTE, font=fonts[0], rc={
        "font.family": "sans-serif",
        "font.sans-serif": fonts,
        "font.size": 8, "axes.titlesize": 9, "axes.labelsize": 8,
        "xtick.labelsize": 7, "ytick.labelsize": 7, "legend.fontsize": 7,
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=PALETTE) + cycler(marker=MARKERS) + cycler(linestyle=LINESTYLES),
        "axes.unicode_minus": lang != "zh",
        "legend.frameon": False,
        "lines.linewidth": 1.2, "lines.markersize": 4,
        "figure.dpi": 150, "figure.constrained_layout.use": True,
        "savefig.dpi": PNG_DPI, "savefig.bbox": "standard",
        "pdf.fonttype": 42, "ps.fonttype": 42,
        "svg.fonttype": "path" if lang == "zh" else "none", "svg.hashsalt": SVG_HASH_SALT,
    })
    global _LANG
    _LANG = lang


_LANG = "en"


def current_lang() -> str:
    """The language of the last ``use_style`` call."""
    return _LANG


def label(indicator: str, lang: str | None = None, wrap: int | None = None) -> str:
    """Axis label from the indicator metadata: name and unit in English or Chinese, broken
    into lines of at most ``wrap`` characters if given (English only). A name that already
    ends in parentheses takes the unit inside them ("Goods trade (imports + exports; 100
    million yuan)"), never a second pair."""
    lang = check_lang(lang or _LANG)
    m = meta(indicator)
    if lang == "zh":
        name_zh = m["name_zh"]
        return f"{name_zh[:-1]}；{m['unit_zh']}）" if name_zh.endswith("）") else f"{name_zh}（{m['unit_zh']}）"
    name_en = m["name_en"]
    text = f"{name_en[:-1]}; {m['unit_en']})" if name_en.endswith(")") else f"{name_en} ({m['unit_en']})"
    return textwrap.fill(text, wrap) if wrap else text


def name(identifier: str, table: str = "partners", lang: str | None = None, short: bool = False) -> str:
    """Display name of a partner, geo, provision or agreement id in ``lang``; ``short`` drops
    the bracketed kind of an English geo name ("Ningbo (city)" -> "Ningbo")."""
    lang = check_lang(lang or _LANG)
    full = names(table).loc[identifier, "name_zh" if lang == "zh" else "name_en"]
    return full.split(" (")[0] if short else full



def year_ticks(ax, years) -> None:
    """A tick at every year, labelled every other year when there are more than six (so that
    labels of a single-column figure never run together)."""
    years = sorted(int(y) for y in years)
    step = 2 if len(years) > 6 else 1
    ax.set_xticks([y for y in years if (y - years[-1]) % step == 0])
    ax.set_xticks(years, minor=True)
