"""Figure files for papers: a journal width, then byte-for-byte reproducible PDF, SVG and PNG
files, each recorded in the figure manifest."""
from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import matplotlib

from .. import paths
from ..ingest.transaction import replace_file
from . import figure_manifest
from .style import PNG_DPI, SVG_HASH_SALT, check_lang, current_lang

WIDTHS_MM = {"single": 85.0, "double": 178.0}
MM_PER_INCH = 25.4
LAYOUT_PASSES = 3


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
                sources=(), notebook: str = "", out_dir: Path | None = None, source_line: bool = False) -> list[Path]:
    """Resize ``fig`` to a journal width (``"single"`` 85 mm, ``"double"`` 178 mm, or a width
    in mm) and save it as ``<out_dir>/<lang>/<name>.<fmt>``.

    Output is byte-identical for identical figures (no dates, fixed SVG hash salt).
    Every file is recorded in ``manifest.csv`` of ``out_dir`` (default ``build/figures``)
    with its caption, the source ids of the data drawn and its sha256; only this figure's
    rows of that manifest change. With ``source_line`` a line "Source: ..." ("资料来源：...")
    naming the dataset and the source ids is added in a strip under the plot, which makes the
    figure taller by that strip.
    """
    lang = check_lang(lang or current_lang())
    out_dir = out_dir or paths.FIGURES
    engine = at_export_size(fig, width, height_mm)
    w, h = fig.get_figwidth(), fig.get_figheight()
    if source_line:
        _add_source_line(fig, source_text(sources, lang))
        w, h = fig.get_figwidth(), fig.get_figheight()
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
    figure_manifest.update(out_dir, rows)
    fig.set_layout_engine(engine)
    return written


#: The words before the source list, by language.
SOURCE_PREFIX = {"en": "Source: ningbo-openness dataset, compiled from ", "zh": "资料来源：ningbo-openness 数据集，据 "}
SOURCE_SEPARATOR = {"en": ", ", "zh": "、"}
SOURCE_LINE_PT = 6.0


def source_text(sources, lang: str) -> str:
    """The source line of a figure: the dataset and the source ids (``data/sources.csv``)."""
    ids = sorted(set(sources))
    return SOURCE_PREFIX[lang] + SOURCE_SEPARATOR[lang].join(ids) + ("." if lang == "en" else "。")


def _wrap(text: str, characters: int) -> list[str]:
    """Lines of at most about ``characters``, broken after a space or a 、 (never inside an id)."""
    pieces = re.findall(r"[^ 、]+[ 、]?", text)
    lines = [""]
    for piece in pieces:
        if lines[-1] and len(lines[-1]) + len(piece) > characters:
            lines.append("")
        lines[-1] += piece
    return [line.rstrip() for line in lines]


def _add_source_line(fig, text: str) -> None:
    """Grow the figure by a strip at the bottom, keep the axes where they were in inches, and
    write ``text`` in the strip, wrapped to the figure's width."""
    width_in, height_in = fig.get_size_inches()
    characters = max(20, int(width_in * 72 / (SOURCE_LINE_PT * 0.55)))
    lines = _wrap(text, characters)
    strip = (len(lines) * SOURCE_LINE_PT * 1.3 + SOURCE_LINE_PT) / 72
    total = height_in + strip
    for ax in fig.axes:
        left, bottom, w, h = ax.get_position().bounds
        ax.set_position([left, round((bottom * height_in + strip) / total, 4), w, round(h * height_in / total, 4)])
    fig.set_size_inches(width_in, total)
    fig.text(0.01, SOURCE_LINE_PT / 2 / 72 / total, "\n".join(lines), ha="left", va="bottom", fontsize=SOURCE_LINE_PT,
             color="#444444", linespacing=1.3)


def at_export_size(fig, width: str | float = "single", height_mm: float | None = None):
    """Resize ``fig`` to a journal width and fix its layout as it will be saved; returns the
    layout engine it had, to be restored after saving."""
    w, h = figure_size(width, height_mm, aspect=fig.get_figheight() / fig.get_figwidth())
    fig.set_size_inches(w, h)
    return _freeze_layout(fig)


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


