"""Strict reading of the project's CSV files: UTF-8, ``\\n`` line ends, the expected header,
the header's number of fields on every record, at least one data row.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ..errors import EnvironmentFault, InputError


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a missing file is bad input, any other failure an environment fault."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, None, None, "an existing file", "no such file") from None
    except OSError as exc:
        raise EnvironmentFault.from_os_error("read", path, exc) from None


def read_strict(path: Path, required: list[str]) -> pd.DataFrame:
    """Read a CSV as text columns (blank cells stay ``""``) and check its shape.

    Raises ``InputError`` for a missing file, undecodable bytes, ``\\r``, an empty file, a
    missing column, a record whose number of fields differs from the header's, malformed
    quoting, or a file with a header and no data rows. Blank lines are skipped. The
    returned frame has a ``_line`` column: the 1-based line on which each row starts.
    """
    data = read_bytes(path)
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
    header = next(csv.reader(io.StringIO(text)))
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(path, 1, missing[0], f"a header with columns {', '.join(required)}", ", ".join(header))
    _check_records(path, text, len(header))
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, index_col=False)
    if frame.empty:
        raise InputError(path, 2, None, "at least one data row below the header", "no data rows")
    frame["_line"] = _record_lines(text, len(frame))
    return frame


def _check_records(path: Path, text: str, fields: int) -> None:
    """Every record has ``fields`` fields (blank lines aside) and well-formed quotes.

    Counting runs in C over the whole file; only a file with a problem is walked
    record by record to find the first one.
    """
    try:
        counts = set(map(len, csv.reader(io.StringIO(text), strict=True)))
    except csv.Error:
        counts = {-1}
    if counts <= {0, fields}:
        return
    reader = csv.reader(io.StringIO(text), strict=True)
    start = 1
    try:
        for record in reader:
            if record and len(record) != fields:
                raise InputError(path, start, None, f"{fields} fields, as in the header (quote cells that contain commas)",
                                 f"{len(record)} fields")
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, start, None, "well-formed CSV quoting", str(exc)) from None


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
