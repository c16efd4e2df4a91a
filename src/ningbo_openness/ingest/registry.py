"""The reference tables every observation is checked against.

``data/indicators.csv``, ``sources.csv``, ``units.csv``, ``unit_aliases.csv``,
``geos.csv`` and ``partners.csv`` (paths as declared in ``data/manifest.csv``): each
keyed by its first column. ``partners.csv`` says where each partner stands to RCEP. ``units.csv`` also holds each unit's range of admissible
values (``min_value``, ``max_value``; blank for unbounded), which ``domain`` applies.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .. import periods
from ..errors import InputError
from .csvfiles import read_strict
from .keys import check_unique
from .manifest import Manifest, load_manifest

COLUMNS = {
    "indicators": ["indicator", "name_en", "name_zh", "unit", "unit_zh", "yoy_basis", "theme", "definition"],
    "sources": ["source_id", "title", "title_en", "publisher", "date", "url", "citation", "accessed", "tier", "notes"],
    "units": ["unit", "label_en", "label_zh", "description", "min_value", "max_value"],
    "unit_aliases": ["published", "unit", "factor"],
    "geos": ["geo", "name_en", "name_zh", "kind"],
    "partners": ["partner", "name_en", "name_zh", "kind", "rcep"],
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

    def value_range(self) -> pd.DataFrame:
        """Smallest and largest admissible value per canonical unit (floats; +-inf where unbounded)."""
        bound = {"min_value": -math.inf, "max_value": math.inf}
        return pd.DataFrame({c: self.units[c].replace("", str(b)).astype(float) for c, b in bound.items()})


def read_table(data_dir: Path, path: Path, key: str, required: list[str], nonblank: list[str]) -> pd.DataFrame:
    """A reference table with columns ``required``, non-blank ``key`` and ``nonblank`` cells and a
    unique ``key``, indexed by it."""
    frame = read_strict(path, required)
    for column in [key, *nonblank]:
        blank = frame[frame[column].str.strip() == ""]
        if not blank.empty:
            raise InputError(path, blank["_line"].iloc[0], column, "a non-empty value")
    check_unique(frame.assign(_file=path.relative_to(data_dir).as_posix()), [key], data_dir, f"a unique {key}")
    return frame.set_index(key, drop=False)


def load_registry(data_dir: Path, manifest: Manifest | None = None) -> Registry:
    """Read and cross-check the reference tables in ``data_dir``, as its manifest declares them."""
    manifest = manifest or load_manifest(data_dir)
    tables = {name: read_table(data_dir, manifest.path(name), columns[0], columns, REQUIRED_TEXT[name])
              for name, columns in COLUMNS.items()}
    reg = Registry(**tables)
    _check_references(manifest, reg)
    return reg


#: Where a partner stands to RCEP: one of its members other than China, outside it, a group
#: that holds members and non-members (``overlap``), or blank where the question does not arise.
RCEP_STATUSES = ("member", "non_member", "overlap", "")
#: What a published growth rate measures: the change of the value itself, or (GDP)
#: the change at constant prices, which the levels cannot check or invert.
YOY_BASES = ("value", "constant_prices")
#: Plain decimal numbers in ASCII digits (full-width digits are rejected in every numeric
#: column; the quote keeps the printed form). ``fullmatch`` is used: no trailing newline.
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
SOURCE_FORMATS = {
    "date": (re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|n\.d\."), "a date YYYY, YYYY-MM or YYYY-MM-DD, or n.d. (no date)"),
    "accessed": (re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), "a date YYYY-MM-DD"),
    "url": (re.compile(r"(https?://\S+)?"), "an http(s) address or blank"),
    "tier": (re.compile(r"[123]"), "a source tier: 1 official release, 2 news organisation or journal, 3 reprint or secondary page"),
}
BOUND = re.compile(f"({NUMBER.pattern})?")


def source_day(label: str, last: bool) -> date | None:
    """First (or, with ``last``, latest) day a source date ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` allows; ``None`` for ``n.d.``. Raises ``ValueError`` for a day that does not exist."""
    if label == "n.d.":
        return None
    return periods.bounds(label.replace("-", "M", 1) if len(label) == 7 else label)[1 if last else 0]


def _check_references(manifest: Manifest, reg: Registry) -> None:
    path = manifest.path
    for _, row in reg.indicators.iterrows():
        if row["yoy_basis"] not in YOY_BASES:
            raise InputError(path("indicators"), row["_line"], "yoy_basis", f"one of {', '.join(YOY_BASES)}", row["yoy_basis"])
    for _, row in reg.partners.iterrows():
        if row["rcep"] not in RCEP_STATUSES:
            raise InputError(path("partners"), row["_line"], "rcep", "member, non_member, overlap or blank", row["rcep"])
    today = date.today()
    for _, row in reg.sources.iterrows():
        for column, (pattern, expected) in SOURCE_FORMATS.items():
            if not pattern.fullmatch(row[column]):
                raise InputError(path("sources"), row["_line"], column, expected, row[column])
        for column in ("date", "accessed"):
            try:
                first = source_day(row[column], last=False)
            except ValueError:
                raise InputError(path("sources"), row["_line"], column, "a date that exists", row[column]) from None
            if first is not None and first > today:
                raise InputError(path("sources"), row["_line"], column, f"a date no later than today ({today})", row[column])
    known_units = set(reg.units.index)
    for name, table in (("indicators", reg.indicators), ("unit_aliases", reg.unit_aliases)):
        for _, row in table.iterrows():
            if row["unit"] not in known_units:
                raise InputError(path(name), row["_line"], "unit", "a unit defined in units.csv", row["unit"])
    for _, row in reg.units.iterrows():
        for column in ("min_value", "max_value"):
            if not BOUND.fullmatch(row[column]):
                raise InputError(path("units"), row["_line"], column, "a plain number, or blank for no bound", row[column])
    for _, row in reg.unit_aliases.iterrows():
        if not NUMBER.fullmatch(row["factor"]) or Decimal(row["factor"]) <= 0:
            raise InputError(path("unit_aliases"), row["_line"], "factor", "a positive plain number such as 0.0001 or 10000",
                             row["factor"])
