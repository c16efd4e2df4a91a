"""House style for figures in papers: bilingual labels, an offline CJK font,
journal sizes and byte-for-byte reproducible PDF, SVG and PNG files.

The CJK font is Noto Sans CJK SC (SIL Open Font License), shipped inside the
``mplfonts`` package, so Chinese labels render on a machine with no system fonts.
"""
from __future__ import annotations

import csv
import hashlib
import io
import tempfile
import textwrap
from pathlib import Path

import filelock
import matplotlib
import mplfonts
import pandas as pd
import seaborn as sns
from cycler import cycler
from matplotlib import font_manager

from . import paths
from .ingest.transaction import replace_file
from .load import meta, names

CJK_FONT = "Noto Sans CJK SC"
CJK_FONT_FILE = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
LATIN_FONT = "DejaVu Sans"
#: Okabe-Ito colours, ordered so neighbours also differ in lightness (grayscale prints).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES = ["-", "--", ":", "-.", "-", "--", ":", "-."]
HATCHES = ["", "///", "...", "xxx", "\\\\\\", "ooo", "---", "+++"]
WIDTHS_MM = {"single": 85.0, "double": 178.0}
MM_PER_INCH = 25.4
PNG_DPI = 300
SVG_HASH_SALT = "ningbo-openness"
MANIFEST_COLUMNS = ["name", "lang", "format", "file", "notebook", "caption", "sources", "width_mm", "height_mm", "sha256"]
LANGS = ("en", "zh")
LAYOUT_PASSES = 3


def register_fonts() -> None:
    """Make the bundled CJK font known to matplotlib (idempotent)."""
    if CJK_FONT not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(CJK_FONT_FILE))


register_fonts()


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def use_style(lang: str = "en") -> None:
    """Apply the house style: seaborn 'ticks' at paper scale, 8 pt text, colour-blind-safe
    colours paired with markers and line styles, CJK-capable fonts for ``lang="zh"``,
    TrueType fonts embedded in PDF and text kept as text in SVG."""
    _check_lang(lang)
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
        "svg.fonttype": "none", "svg.hashsalt": SVG_HASH_SALT,
    })
    global _LANG
    _LANG = lang


_LANG = "en"


def current_lang() -> str:
    """The language of the last ``use_style`` call."""
    return _LANG


def label(indicator: str, lang: str | None = None, wrap: int | None = None) -> str:
    """Axis label from the indicator metadata: name and unit in English or Chinese,
    broken into lines of at most ``wrap`` characters if given (English only)."""
    lang = _check_lang(lang or _LANG)
    m = meta(indicator)
    if lang == "zh":
        return f"{m['name_zh']}（{m['unit_zh']}）"
    text = f"{m['name_en']} ({m['unit_en']})"
    return textwrap.fill(text, wrap) if wrap else text


def name(identifier: str, table: str = "partners", lang: str | None = None) -> str:
    """Display name of a partner, geo, provision or agreement id in ``lang``."""
    lang = _check_lang(lang or _LANG)
    return names(table).loc[identifier, "name_zh" if lang == "zh" else "name_en"]


def figure_size(width: str | float = "single", height_mm: float | None = None, aspect: float = 0.62) -> tuple[float, float]:
    """Figure size in inches for a journal column ('single' 85 mm, 'double' 178 mm) or a width in mm."""
    width_mm = WIDTHS_MM[width] if isinstance(width, str) else float(width)
    return width_mm / MM_PER_INCH, (height_mm or width_mm * aspect) / MM_PER_INCH


def _render(fig, fmt: str) -> bytes:
    buffer = io.BytesIO()
    metadata = {"pdf": {"CreationDate": None, "ModDate": None}, "svg": {"Date": None}, "png": {"Software": None}}[fmt]
    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT}):
        fig.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=metadata)
    return buffer.getvalue()


def save_figure(fig, name: str, width: str | float = "single", height_mm: float | None = None,
                formats=("pdf", "svg", "png"), *, lang: str | None = None, caption: str = "",
                sources=(), notebook: str = "", out_dir: Path | None = None) -> list[Path]:
    """Resize ``fig`` to a journal width and save it as ``<out_dir>/<lang>/<name>.<fmt>``.

    Output is byte-identical for identical figures (no dates, fixed SVG hash salt).
    Every file is recorded in ``manifest.csv`` of ``out_dir`` (default ``build/figures``)
    with its caption, the source ids of the data drawn and its sha256.
    """
    lang = _check_lang(lang or _LANG)
    out_dir = out_dir or paths.FIGURES
    w, h = figure_size(width, height_mm, aspect=fig.get_figheight() / fig.get_figwidth())
    fig.set_size_inches(w, h)
    engine = _freeze_layout(fig)
    written, rows = [], []
    for fmt in formats:
        data = _render(fig, fmt)
        target = out_dir / lang / f"{name}.{fmt}"
        replace_file(target, data)
        written.append(target)
        rows.append({
            "name": name, "lang": lang, "format": fmt, "file": f"{lang}/{name}.{fmt}", "notebook": notebook,
            "caption": caption, "sources": ";".join(sorted(set(sources))),
            "width_mm": f"{w * MM_PER_INCH:.1f}", "height_mm": f"{h * MM_PER_INCH:.1f}",
            "sha256": hashlib.sha256(data).hexdigest(),
        })
    _update_manifest(out_dir / "manifest.csv", rows)
    fig.set_layout_engine(engine)
    return written


def _freeze_layout(fig):
    """Run the layout engine to convergence, then fix the axes at positions rounded to
    1e-4 of the figure, so every format and every save sees the same geometry
    (constrained layout drifts in the last digits from one draw to the next).
    Returns the engine, to be restored after saving."""
    engine = fig.get_layout_engine()
    for _ in range(LAYOUT_PASSES):
        fig.canvas.draw()
    fig.set_layout_engine("none")
    for ax in fig.axes:
        ax.set_position([round(v, 4) for v in ax.get_position().bounds])
    return engine


def manifest(out_dir: Path | None = None) -> pd.DataFrame:
    """The figure manifest: one row per saved file (empty if nothing was saved yet)."""
    path = (out_dir or paths.FIGURES) / "manifest.csv"
    if not path.exists():
        return pd.DataFrame(columns=MANIFEST_COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _update_manifest(path: Path, rows: list[dict]) -> None:
    """Replace this figure's rows in the manifest. A lock serialises the read-modify-write, so
    notebooks executed in parallel cannot lose each other's rows; it is a ``filelock`` (so
    Windows too) in the temporary folder, named for the manifest's path, so that the figure
    folder holds only figures and their manifest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    with filelock.FileLock(Path(tempfile.gettempdir()) / f"ningbo-openness-manifest-{key}.lock"):
        _merge_manifest(path, rows)


def _merge_manifest(path: Path, rows: list[dict]) -> None:
    existing = []
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            existing = list(csv.DictReader(handle))
    replaced = {(r["name"], r["lang"], r["format"]) for r in rows}
    kept = [r for r in existing if (r["name"], r["lang"], r["format"]) not in replaced]
    merged = sorted(kept + rows, key=lambda r: (r["name"], r["lang"], r["format"]))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(merged)
    replace_file(path, text.getvalue().encode("utf-8"))
