"""The CJK font the figures embed: a TrueType-outline subset of the shipped Noto Sans CJK SC.

The font in ``mplfonts`` is an OpenType font with CFF outlines. Embedded as matplotlib does it
(a TrueType font program), preflight tools such as poppler report a type mismatch. This module
makes, once, a copy with quadratic TrueType outlines (fontTools' cu2qu) holding only the
characters a figure of this project can need: the 6,763 hanzi and the symbols of GB 2312,
Latin and general punctuation, and every character of the reference tables and of the
package's own source. The copy is written byte-for-byte the same on every machine and cached
under ``build/fonts/``, named by a hash of what it was made from.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import table__g_l_y_f
from fontTools.ttLib.tables._l_o_c_a import table__l_o_c_a

from .. import paths

#: Largest distance (font units of 1000 per em) between a cubic outline and its quadratic copy.
MAX_ERROR = 1.0
#: Code points kept besides GB 2312: Latin, general punctuation, CJK symbols, full-width forms.
RANGES = [(0x20, 0x24F), (0x2000, 0x206F), (0x2100, 0x215F), (0x2190, 0x21FF), (0x2200, 0x22FF),
          (0x3000, 0x303F), (0xFF00, 0xFFEF)]


def gb2312() -> set[int]:
    """Every character of GB 2312 (its symbols and both levels of hanzi)."""
    chars = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([first, second]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def project_characters() -> set[int]:
    """Every character of the reference tables (``data/*.csv``) and of the package's source."""
    files = sorted(paths.DATA.glob("*.csv")) + sorted(Path(__file__).resolve().parents[1].rglob("*.py"))
    return {ord(c) for f in files for c in f.read_text(encoding="utf-8")}


def wanted(source: TTFont) -> list[int]:
    """The code points to keep that the source font has, sorted."""
    chars = gb2312() | project_characters() | {c for low, high in RANGES for c in range(low, high + 1)}
    return sorted(chars & set(source.getBestCmap()))


def _to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines of ``font`` by quadratic TrueType outlines, in place."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = table__g_l_y_f()
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, table__l_o_c_a()
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def truetype_copy(source: Path, folder: Path | None = None) -> Path:
    """The cached TrueType subset of ``source`` (made on first use, about ten seconds)."""
    folder = folder or paths.BUILD / "fonts"
    font = TTFont(source, recalcTimestamp=False, lazy=False)
    codepoints = wanted(font)
    recipe = f"{source.name}:{source.stat().st_size}:{fontTools.version}:{MAX_ERROR}:{codepoints}"
    target = folder / f"{source.stem}-truetype-{hashlib.sha256(recipe.encode()).hexdigest()[:12]}.ttf"
    if target.exists():
        return target
    options = subset.Options()
    options.layout_features, options.name_IDs, options.notdef_outline = ["*"], ["*"], True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    _to_truetype(font)
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".ttf.part")
    os.close(handle)
    font.save(temporary)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)  # atomic: processes that build it side by side agree
    return target
