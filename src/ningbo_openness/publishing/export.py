"""Figure files for papers: a journal width, then byte-for-byte reproducible PDF, SVG and PNG
files, each recorded in the figure manifest."""
from __future__ import annotations

import hashlib
import io
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
                sources=(), notebook: str = "", out_dir: Path | None = None) -> list[Path]:
    """Resize ``fig`` to a journal width and save it as ``<out_dir>/<lang>/<name>.<fmt>``.

    Output is byte-identical for identical figures (no dates, fixed SVG hash salt).
    Every file is recorded in ``manifest.csv`` of ``out_dir`` (default ``build/figures``)
    with its caption, the source ids of the data drawn and its sha256.
    """
    lang = check_lang(lang or current_lang())
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
    figure_manifest.update(out_dir, rows)
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


