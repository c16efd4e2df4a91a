"""The reference tables every observation is checked against.

``data/indicators.csv``, ``sources.csv``, ``units.csv``, ``unit_aliases.csv``,
``geos.csv`` and ``partners.csv``: each keyed by its first column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .csvfiles import read_strict
from .errors import InputError

COLUMNS = {
    "indicators": ["indicator", "name_en", "name_zh", "unit", "unit_zh", "yoy_basis", "theme", "definition"],
    "sources": ["source_id", "title", "title_en", "publisher", "date", "url", "citation", "accessed", "tier", "notes"],
    "units": ["unit", "label_en", "label_zh", "description"],
    "unit_aliases": ["published", "unit", "factor"],
    "geos": ["geo", "name_en", "name_zh", "kind"],
    "partners": ["partner", "name_en", "name_zh", "kind"],
}
REQUIRED_TEXT = {
    "indicators": ["name_en", "name_zh", "unit", "yoy_basis", "theme", "definition"],
    "sources": ["title", "publisher", "date", "accessed"],
    "units": ["label_en", "label_zh"],
    "unit_aliases": ["unit", "factor"],
    "geos": ["name_en", "name_zh"],
    "partners": ["name_en", "name_zh"],
}


@dataclass(frozen=True)
class Registry:
    """The reference tables, each indexed by its key column."""

    indicators: pd.DataFrame
    sources: pd.DataFrame
    units: pd.DataFrame
    unit_aliases: pd.DataFrame
    geos: pd.DataFrame
    partners: pd.DataFrame

    def value_growth(self) -> set[str]:
        """Indicators whose published growth is the change of the value itself."""
        return set(self.indicators.index[self.indicators["yoy_basis"] == "value"])

    def factor(self, published_unit: str) -> Decimal:
        """Multiplier from a published unit to its canonical unit."""
        return Decimal(self.unit_aliases.at[published_unit, "factor"])


def _read_table(path: Path, name: str) -> pd.DataFrame:
    columns = COLUMNS[name]
    frame = read_strict(path, columns)
    key = columns[0]
    for _, row in frame.iterrows():
        for column in [key, *REQUIRED_TEXT[name]]:
            if not row[column].strip():
                raise InputError(path, row["_line"], column, "a non-empty value")
    duplicated = frame[frame[key].duplicated()]
    if not duplicated.empty:
        row = duplicated.iloc[0]
        raise InputError(path, row["_line"], key, f"a unique {key}", row[key])
    return frame.set_index(key, drop=False)


def load_registry(data_dir: Path) -> Registry:
    """Read and cross-check the reference tables in ``data_dir``."""
    tables = {name: _read_table(data_dir / f"{name}.csv", name) for name in COLUMNS}
    reg = Registry(**tables)
    _check_references(data_dir, reg)
    return reg


#: What a published growth rate measures: the change of the value itself, or (GDP)
#: the change at constant prices, which the levels cannot check or invert.
YOY_BASES = ("value", "constant_prices")
SOURCE_FORMATS = {
    "date": (re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$"), "a date YYYY, YYYY-MM or YYYY-MM-DD, or n.d. (no date)"),
    "accessed": (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "a date YYYY-MM-DD"),
    "url": (re.compile(r"^(https?://\S+)?$"), "an http(s) address or blank"),
    "tier": (re.compile(r"^[123]$"), "a source tier: 1 official release, 2 news organisation or journal, 3 reprint or secondary page"),
}


def _check_references(data_dir: Path, reg: Registry) -> None:
    for _, row in reg.indicators.iterrows():
        if row["yoy_basis"] not in YOY_BASES:
            raise InputError(data_dir / "indicators.csv", row["_line"], "yoy_basis", f"one of {', '.join(YOY_BASES)}", row["yoy_basis"])
    for _, row in reg.sources.iterrows():
        for column, (pattern, expected) in SOURCE_FORMATS.items():
            if not pattern.match(row[column]):
                raise InputError(data_dir / "sources.csv", row["_line"], column, expected, row[column])
    known_units = set(reg.units.index)
    for name, table in (("indicators", reg.indicators), ("unit_aliases", reg.unit_aliases)):
        for _, row in table.iterrows():
            if row["unit"] not in known_units:
                raise InputError(data_dir / f"{name}.csv", row["_line"], "unit", "a unit defined in units.csv", row["unit"])
    for _, row in reg.unit_aliases.iterrows():
        try:
            ok = Decimal(row["factor"]) > 0
        except InvalidOperation:
            ok = False
        if not ok:
            raise InputError(data_dir / "unit_aliases.csv", row["_line"], "factor", "a positive number", row["factor"])
