"""Unique keys: a repeated key stops the build at its second row, naming the first."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputError, shown


def check_unique(frame: pd.DataFrame, key: list[str], data_dir: Path, what: str) -> None:
    """Raise ``InputError`` for the first row (in frame order) whose ``key`` an earlier row holds.

    ``frame`` has ``_file`` (path relative to ``data_dir``) and ``_line`` columns and may
    span several files; ``what`` names the key in the message ("a unique key (...)").
    """
    repeated = frame.duplicated(key, keep=False)
    if not repeated.any():
        return
    rows = frame[repeated]
    later = rows[rows.duplicated(key, keep="first")].iloc[0]
    first = rows[(rows[key] == later[key]).all(axis=1)].iloc[0]
    place = f"line {first['_line']}" if first["_file"] == later["_file"] else f"{shown(data_dir / first['_file'])}, line {first['_line']}"
    raise InputError(data_dir / later["_file"], int(later["_line"]), "+".join(key), what, f"a repeat of {place}")
