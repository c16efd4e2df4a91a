"""Raw observation files (declared in ``data/manifest.csv``): read, validate, report the first problem.

Each row is one number exactly as a source printed it. Validation uses pandera
for the per-column rules; cross-column rules (unit against the indicator's canonical
unit) and the key, unique across all files, are plain code below. Patterns must match
the whole cell, so a cell with a trailing newline does not pass, and digits are ASCII
(full-width digits are rejected in every numeric column; the quote keeps them).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .. import periods, qualifiers
from ..errors import InputError
from . import registry
from .csvfiles import read_strict
from .keys import check_unique
from .manifest import Manifest
from .registry import Registry

COLUMNS = [
    "indicator", "geo", "partner", "period", "value", "unit", "yoy_pct",
    "qualifier", "vintage", "source_id", "locator", "quote", "note",
]
ROW_KEY = ["indicator", "geo", "partner", "period", "source_id", "locator"]
QUALIFIERS = qualifiers.QUALIFIERS
#: How final a published figure is: blank when the source does not say,
#: ``preliminary`` (初步核算, 初步测算, 快报, 预计), ``final`` (最终核实, or the annual
#: statistical bulletin that replaces an earlier estimate) or ``revised`` (a later
#: revision, e.g. after an economic census).
VINTAGES = ("", "preliminary", "final", "revised")
NUMBER = registry.NUMBER.pattern  # ASCII digits, matched as a whole


def full_match(pattern: str, error: str, blank: bool = False) -> pa.Check:
    """Cells matching ``pattern`` as a whole (``blank``: or empty)."""
    return pa.Check(lambda s: s.str.fullmatch(pattern) | ((s == "") if blank else False), error=error)


#: Cells holding some text (not empty, not only white space).
NONBLANK = pa.Check.str_contains(r"\S", error="a non-empty text")


def _member(values, what: str) -> pa.Check:
    return pa.Check.isin(sorted(values), error=f"{what}")


def _valid_periods(labels: pd.Series) -> pd.Series:
    """Element-wise period check, parsing each distinct label once."""
    return labels.isin([label for label in labels.unique() if periods.is_valid(label)])


def schema(reg: Registry) -> pa.DataFrameSchema:
    """The pandera schema of a raw file, given the reference tables."""
    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, _member(reg.indicators.index, "an indicator id defined in data/indicators.csv")),
            "geo": pa.Column(str, _member(reg.geos.index, "a geo id defined in data/geos.csv")),
            "partner": pa.Column(str, _member(reg.partners.index, "a partner id defined in data/partners.csv")),
            "period": pa.Column(str, pa.Check(_valid_periods, error=periods.DESCRIPTION)),
            "value": pa.Column(str, full_match(
                NUMBER, "a plain number in ASCII digits such as 1876.9 (no separators, words or full-width digits)")),
            "unit": pa.Column(str, _member(reg.unit_aliases.index, "a published unit listed in data/unit_aliases.csv")),
            "yoy_pct": pa.Column(str, full_match(NUMBER, "a growth rate in percent in ASCII digits such as 20.7, or blank", blank=True)),
            "qualifier": pa.Column(str, _member(QUALIFIERS, f"one of {', '.join(QUALIFIERS)}")),
            "vintage": pa.Column(str, _member(VINTAGES, "blank or one of preliminary, final, revised")),
            "source_id": pa.Column(str, _member(reg.sources.index, "a source id registered in data/sources.csv")),
            "locator": pa.Column(str, NONBLANK),
            "quote": pa.Column(str, NONBLANK),
        },
    )


def validate(frame: pd.DataFrame, path: Path, reg: Registry) -> None:
    """Raise ``InputError`` for the first problem in a raw file (by line)."""
    try:
        schema(reg).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise first_failure(exc.failure_cases, frame, path) from None
    _check_units(frame, path, reg)


def first_failure(cases: pd.DataFrame, frame: pd.DataFrame, path: Path) -> InputError:
    """The pandera failure on the earliest line, as an ``InputError``."""
    cases = cases.dropna(subset=["index"]).copy()
    cases["line"] = [int(frame["_line"].iloc[int(i)]) for i in cases["index"]]
    first = cases.sort_values(["line", "column"], kind="stable").iloc[0]
    return InputError(path, first["line"], first["column"], first["check"], first["failure_case"])


def _check_units(frame: pd.DataFrame, path: Path, reg: Registry) -> None:
    canonical = frame["unit"].map(reg.unit_aliases["unit"])
    wanted = frame["indicator"].map(reg.indicators["unit"])
    bad = frame[canonical != wanted]
    if not bad.empty:
        row = bad.iloc[0]
        accepted = sorted(reg.unit_aliases.index[reg.unit_aliases["unit"] == wanted[row.name]])
        raise InputError(path, row["_line"], "unit",
                         f"a unit convertible to {wanted[row.name]} for {row['indicator']} ({', '.join(accepted)})",
                         row["unit"])


def read_raw_file(path: Path, data_dir: Path, reg: Registry) -> pd.DataFrame:
    """One validated raw file, with ``_file`` (relative to ``data_dir``) and ``_line`` columns."""
    frame = read_strict(path, COLUMNS)
    validate(frame, path, reg)
    frame["_file"] = path.relative_to(data_dir).as_posix()
    return frame


def read_raw(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """All declared observation files in the manifest's order, validated, with keys unique
    across files (the same figure entered in two files names both)."""
    frame = pd.concat([read_raw_file(f, manifest.data_dir, reg) for f in manifest.paths("observations")], ignore_index=True)
    check_unique(frame, ROW_KEY, manifest.data_dir, f"a key ({', '.join(ROW_KEY)}) unique across all raw files")
    return frame
