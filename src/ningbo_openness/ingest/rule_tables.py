"""Rule-alignment tables: how agreements treat each provision, and Ningbo's measures.

``data/raw/rules/agreement_provisions.csv``: one cell per (agreement, provision) with
its status (``binding``, ``best_endeavour``, ``absent``, ``unknown``), article and
quoted text. ``data/raw/rules/ningbo_measures.csv``: one row per measure and source,
with the provisions it implements and the pipeline stage the source shows.
Both are checked like the indicator files and written sorted to ``data/processed``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..errors import InputError
from .csvfiles import read_strict
from .keys import check_unique
from .manifest import Manifest
from .raw import first_failure, full_match
from .registry import Registry, read_table

STATUSES = ("binding", "best_endeavour", "absent", "unknown")
#: The pipeline of the source page: 条目—场景—试点—评估—推广.
STAGES = ("list", "scenario", "pilot", "evaluation", "roll-out")
CELL_COLUMNS = ["agreement", "provision", "status", "chapter", "article", "source_id", "locator", "quote", "note"]
MEASURE_COLUMNS = ["measure_id", "name_en", "name_zh", "provisions", "stage", "start_date", "scope",
                   "source_id", "locator", "quote", "note"]
AGREEMENT_COLUMNS = ["agreement", "name_en", "name_zh", "kind", "in_force_china", "source_id", "locator"]
DATE = r"([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?"


def _reference(manifest: Manifest, name: str, key: str) -> pd.DataFrame:
    return read_table(manifest.data_dir, manifest.path(name), key, [key, "name_en", "name_zh"], [])


def provisions(manifest: Manifest) -> pd.DataFrame:
    """The provision list (``data/provisions.csv``)."""
    return _reference(manifest, "provisions", "provision")


def agreements(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """The agreements coded (``data/agreements.csv``), checked: a date of entry into force
    for China cites its source and place."""
    frame = read_table(manifest.data_dir, manifest.path("agreements"), "agreement", AGREEMENT_COLUMNS, ["name_en", "name_zh"])
    schema = pa.DataFrameSchema({
        "in_force_china": pa.Column(str, full_match(DATE, "a date YYYY, YYYY-MM or YYYY-MM-DD, or blank")),
        "source_id": pa.Column(str, pa.Check.isin(["", *sorted(reg.sources.index)],
                                                  error="a source id registered in data/sources.csv, or blank")),
    })
    path = manifest.path("agreements")
    rows = frame.reset_index(drop=True)
    _validate(rows, schema, path, ["agreement"], manifest.data_dir)
    _require_when(rows, path, rows["in_force_china"] != "", ["source_id", "locator"], "a date of entry into force is cited")
    return frame


def _validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path, key: list[str], data_dir: Path) -> None:
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise first_failure(exc.failure_cases, frame, path) from None
    check_unique(frame.assign(_file=path.relative_to(data_dir).as_posix()), key, data_dir, f"a unique key ({', '.join(key)})")


def _require_when(frame: pd.DataFrame, path: Path, condition: pd.Series, columns: list[str], why: str) -> None:
    for column in columns:
        bad = frame[condition & (frame[column].str.strip() == "")]
        if not bad.empty:
            raise InputError(path, bad.iloc[0]["_line"], column, f"a non-empty value ({why})")


def read_cells(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """Validated agreement x provision cells, sorted."""
    path = manifest.path("agreement_provisions")
    frame = read_strict(path, CELL_COLUMNS)
    sources = sorted(reg.sources.index)
    schema = pa.DataFrameSchema({
        "agreement": pa.Column(str, pa.Check.isin(sorted(agreements(manifest, reg).index),
                                                  error="an agreement id defined in data/agreements.csv")),
        "provision": pa.Column(str, pa.Check.isin(sorted(provisions(manifest).index),
                                                  error="a provision id defined in data/provisions.csv")),
        "status": pa.Column(str, pa.Check.isin(STATUSES, error=f"one of {', '.join(STATUSES)}")),
        "source_id": pa.Column(str, pa.Check.isin(["", *sources],
                                                  error="a source id registered in data/sources.csv, or blank for unknown")),
    })
    _validate(frame, schema, path, ["agreement", "provision"], manifest.data_dir)
    coded = frame["status"].isin(["binding", "best_endeavour"])
    _require_when(frame, path, coded, ["article", "source_id", "locator", "quote"], "binding and best-endeavour cells cite their article")
    _require_when(frame, path, frame["status"] == "absent", ["source_id", "note"], "an absent cell says what was read")
    return frame[CELL_COLUMNS].sort_values(["agreement", "provision"], ignore_index=True)


def read_measures(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """Validated Ningbo measures, sorted; ``provisions`` is a ';'-separated list of ids."""
    path = manifest.path("ningbo_measures")
    frame = read_strict(path, MEASURE_COLUMNS)
    known = set(provisions(manifest).index)
    schema = pa.DataFrameSchema({
        "measure_id": pa.Column(str, full_match(r"[a-z][a-z0-9_]*", "a snake_case measure id")),
        "name_en": pa.Column(str, pa.Check.str_contains(r"\S", error="a non-empty text")),
        "name_zh": pa.Column(str, pa.Check.str_contains(r"\S", error="a non-empty text")),
        "provisions": pa.Column(str, pa.Check(lambda s: s.map(lambda v: all(p in known for p in v.split(";") if p)),
                                              element_wise=False, error="provision ids from data/provisions.csv separated by ';'")),
        "stage": pa.Column(str, pa.Check.isin(STAGES, error=f"one of {', '.join(STAGES)}")),
        "start_date": pa.Column(str, full_match(DATE, "a date YYYY, YYYY-MM or YYYY-MM-DD, or blank")),
        "source_id": pa.Column(str, pa.Check.isin(sorted(reg.sources.index), error="a source id registered in data/sources.csv")),
        "locator": pa.Column(str, pa.Check.str_contains(r"\S", error="a non-empty text")),
        "quote": pa.Column(str, pa.Check.str_contains(r"\S", error="a non-empty text")),
    })
    _validate(frame, schema, path, ["measure_id", "source_id", "stage"], manifest.data_dir)
    return frame[MEASURE_COLUMNS].sort_values(["measure_id", "source_id", "stage"], ignore_index=True)


def split_provisions(value: str) -> list[str]:
    """The provision ids of a measure row."""
    return [p for p in re.split(r";", value) if p]
