"""Row checks shared by the rule tables: a pandera schema, a unique key, and columns a
condition makes compulsory; each failure is one ``InputError`` naming file, line, column."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..errors import InputError
from .keys import check_unique
from .raw import first_failure


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path, key: list[str], data_dir: Path) -> None:
    """Stop at the earliest line that breaks ``schema``, then at the first repeat of ``key``."""
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise first_failure(exc.failure_cases, frame, path) from None
    check_unique(frame.assign(_file=path.relative_to(data_dir).as_posix()), key, data_dir, f"a unique key ({', '.join(key)})")


def require_when(frame: pd.DataFrame, path: Path, condition: pd.Series, columns: list[str], why: str) -> None:
    """Stop at the first row where ``condition`` holds and one of ``columns`` is blank."""
    for column in columns:
        bad = frame[condition & (frame[column].str.strip() == "")]
        if not bad.empty:
            raise InputError(path, bad.iloc[0]["_line"], column, f"a non-empty value ({why})")


def forbid_when(frame: pd.DataFrame, path: Path, condition: pd.Series, columns: list[str], why: str) -> None:
    """Stop at the first row where ``condition`` holds and one of ``columns`` is filled in."""
    for column in columns:
        bad = frame[condition & (frame[column].str.strip() != "")]
        if not bad.empty:
            raise InputError(path, bad.iloc[0]["_line"], column, f"a blank value ({why})", bad.iloc[0][column])
