"""Strict reading of the project's CSV files: UTF-8, not empty, the expected header."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .errors import InputError


def read_strict(path: Path, required: list[str]) -> pd.DataFrame:
    """Read a CSV as text columns (blank cells stay ``""``) and check its header.

    Raises ``InputError`` for undecodable bytes, an empty file or a missing column.
    The returned frame has a ``_line`` column: the 1-based line of each row in the file.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, line, None, "UTF-8 text", f"byte 0x{data[exc.start]:02x}") from None
    if not text.strip():
        raise InputError(path, None, None, f"a header row with columns {', '.join(required)}", "an empty file")
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise InputError(path, line, None, "'\\n' line ends", "'\\r'")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
    except pd.errors.ParserError as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if found:
            expected, line, saw = found.groups()
            raise InputError(path, int(line), None, f"{expected} fields (quote cells that contain commas)", f"{saw} fields") from None
        raise InputError(path, None, None, "well-formed CSV", str(exc).strip()) from None
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(path, 1, missing[0], f"a header with columns {', '.join(required)}", ", ".join(frame.columns))
    frame["_line"] = _record_lines(text, len(frame))
    return frame


def _record_lines(text: str, records: int) -> list[int]:
    """1-based line on which each data record starts (quoted fields may span lines)."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if physical == records + 1:
        return list(range(2, records + 2))
    reader = csv.reader(io.StringIO(text))
    next(reader)
    starts, previous_end = [], reader.line_num
    for row in reader:
        if row:
            starts.append(previous_end + 1)
        previous_end = reader.line_num
    return starts[:records]
