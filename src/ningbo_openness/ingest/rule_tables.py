"""Rule-alignment tables: how agreements treat each provision, and Ningbo's measures.

``data/raw/rules/agreement_provisions.csv``: one cell per (agreement, provision) with
its typed status (``binding``, ``best_endeavour``, ``absent``, ``unknown``), chapter,
article, quoted text and the quote's operative words; the status the analysis uses is
derived from the wording and the chapter's dispute-settlement status
(``enforceability``), and a typed status that differs stands only with a ``keep_reason``.
``data/raw/rules/ningbo_measures.csv``: one row per measure and source,
with the provisions it implements and the pipeline stage the source shows.
Both are checked like the indicator files and written sorted to ``data/processed``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..enforceability import COMMENTARY, QUOTE_FROM, STATUSES, derive, wording_class
from ..errors import InputError
from .csvfiles import read_strict
from .enforceability_tables import read_chapters, read_grid, read_wording
from .manifest import Manifest
from .raw import NONBLANK, full_match
from .registry import Registry, read_table
from .validation import forbid_when, require_when, validate

#: The pipeline of the source page: 条目—场景—试点—评估—推广.
STAGES = ("list", "scenario", "pilot", "evaluation", "roll-out")
CELL_COLUMNS = ["agreement", "provision", "status", "chapter", "article", "operative", "quote_from", "source_id", "locator",
                "quote", "note", "keep_reason"]
#: The processed cells: the status used, how it was derived, then the citation.
PROCESSED_CELL_COLUMNS = ["agreement", "provision", "status", "typed_status", "rule_status", "decision", "reason", "wording",
                          "operative", "quote_from", "dispute_settlement", "ds_article", "chapter", "article", "source_id",
                          "locator", "quote", "note"]
MEASURE_COLUMNS = ["measure_id", "name_en", "name_zh", "provisions", "stage", "start_date", "scope",
                   "source_id", "locator", "quote", "note"]
AGREEMENT_COLUMNS = ["agreement", "name_en", "name_zh", "short_en", "short_zh", "kind", "in_force_china", "source_id", "locator"]
DATE = r"([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?"


def _reference(manifest: Manifest, name: str, key: str) -> pd.DataFrame:
    return read_table(manifest.data_dir, manifest.path(name), key, [key, "name_en", "name_zh"], [])


def provisions(manifest: Manifest) -> pd.DataFrame:
    """The provision list (``data/provisions.csv``)."""
    return _reference(manifest, "provisions", "provision")


def agreements(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """The agreements coded (``data/agreements.csv``), checked: a date of entry into force
    for China cites its source and place."""
    frame = read_table(manifest.data_dir, manifest.path("agreements"), "agreement", AGREEMENT_COLUMNS,
                       ["name_en", "name_zh", "short_en", "short_zh"])
    schema = pa.DataFrameSchema({
        "in_force_china": pa.Column(str, full_match(DATE, "a date YYYY, YYYY-MM or YYYY-MM-DD, or blank")),
        "source_id": pa.Column(str, pa.Check.isin(["", *sorted(reg.sources.index)],
                                                  error="a source id registered in data/sources.csv, or blank")),
    })
    path = manifest.path("agreements")
    rows = frame.reset_index(drop=True)
    validate(rows, schema, path, ["agreement"], manifest.data_dir)
    require_when(rows, path, rows["in_force_china"] != "", ["source_id", "locator"], "a date of entry into force is cited")
    return frame



def read_cells(manifest: Manifest, reg: Registry) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validated agreement x provision cells with their derived status, sorted
    (columns ``PROCESSED_CELL_COLUMNS``), and the chapters they were derived from."""
    path = manifest.path("agreement_provisions")
    frame = read_strict(path, CELL_COLUMNS)
    known = sorted(agreements(manifest, reg).index)
    schema = pa.DataFrameSchema({
        "agreement": pa.Column(str, pa.Check.isin(known, error="an agreement id defined in data/agreements.csv")),
        "provision": pa.Column(str, pa.Check.isin(sorted(provisions(manifest).index),
                                                  error="a provision id defined in data/provisions.csv")),
        "status": pa.Column(str, pa.Check.isin(STATUSES, error=f"one of {', '.join(STATUSES)}")),
        "quote_from": pa.Column(str, pa.Check.isin(["", *QUOTE_FROM],
                                                   error=f"one of {', '.join(QUOTE_FROM)}, or blank without an article")),
        "source_id": pa.Column(str, pa.Check.isin(["", *sorted(reg.sources.index)],
                                                  error="a source id registered in data/sources.csv, or blank for unknown")),
    })
    validate(frame, schema, path, ["agreement", "provision"], manifest.data_dir)
    coded = frame["status"].isin(["binding", "best_endeavour"])
    require_when(frame, path, coded, ["article", "source_id", "locator", "quote"], "binding and best-endeavour cells cite their article")
    require_when(frame, path, frame["status"] == "absent", ["source_id", "note"], "an absent cell says what was read")
    cited = frame["article"] != ""
    require_when(frame, path, cited, ["chapter", "quote_from", "source_id", "locator", "quote"],
                 "a cell with an article is derived from its chapter and quoted wording")
    forbid_when(frame, path, ~cited, ["chapter", "operative", "quote_from", "keep_reason"], "a cell without an article is not derived")
    text = cited & (frame["quote_from"] != COMMENTARY)
    require_when(frame, path, text, ["operative"], "a quote of the text names its operative words")
    chapters = read_chapters(manifest, reg, known)
    _check_chapters(frame[cited], chapters, path)
    wording = read_wording(manifest)
    _check_operatives(frame[text], wording, path)
    out = derive(frame, chapters, wording, read_grid(manifest, wording))
    needless = out[(out["decision"] == "agrees") & (out["keep_reason"] != "")]
    if not needless.empty:
        row = needless.iloc[0]
        raise InputError(path, row["_line"], "keep_reason", f"a blank value (the typed status {row['typed_status']} agrees with "
                         "the rule)", row["keep_reason"])
    return out[PROCESSED_CELL_COLUMNS].sort_values(["agreement", "provision"], ignore_index=True), chapters


def _check_chapters(cells: pd.DataFrame, chapters: pd.DataFrame, path: Path) -> None:
    """Every cited cell's chapter is a row of chapters.csv for its agreement."""
    known = set(zip(chapters["agreement"], chapters["chapter"], strict=True))
    for _, row in cells.iterrows():
        if (row["agreement"], row["chapter"]) not in known:
            raise InputError(path, row["_line"], "chapter",
                             f"a chapter of {row['agreement']} defined in data/raw/rules/chapters.csv", row["chapter"])


def _check_operatives(cells: pd.DataFrame, wording: pd.DataFrame, path: Path) -> None:
    """Operative words stand in the quote and fall in a wording class."""
    classes = ", ".join(wording.loc[wording["pattern"] != "", "wording"])
    for _, row in cells.iterrows():
        if row["operative"].casefold() not in row["quote"].casefold():
            raise InputError(path, row["_line"], "operative", "words that stand in the quote", row["operative"])
        if wording_class(row["operative"], wording) is None:
            raise InputError(path, row["_line"], "operative", f"words of a wording class in data/wording.csv ({classes})",
                             row["operative"])


def read_measures(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """Validated Ningbo measures, sorted; ``provisions`` is a ';'-separated list of ids."""
    path = manifest.path("ningbo_measures")
    frame = read_strict(path, MEASURE_COLUMNS)
    known = set(provisions(manifest).index)
    schema = pa.DataFrameSchema({
        "measure_id": pa.Column(str, full_match(r"[a-z][a-z0-9_]*", "a snake_case measure id")),
        "name_en": pa.Column(str, NONBLANK),
        "name_zh": pa.Column(str, NONBLANK),
        "provisions": pa.Column(str, pa.Check(lambda s: s.map(lambda v: all(p in known for p in v.split(";") if p)),
                                              element_wise=False, error="provision ids from data/provisions.csv separated by ';'")),
        "stage": pa.Column(str, pa.Check.isin(STAGES, error=f"one of {', '.join(STAGES)}")),
        "start_date": pa.Column(str, full_match(DATE, "a date YYYY, YYYY-MM or YYYY-MM-DD, or blank")),
        "source_id": pa.Column(str, pa.Check.isin(sorted(reg.sources.index), error="a source id registered in data/sources.csv")),
        "locator": pa.Column(str, NONBLANK),
        "quote": pa.Column(str, NONBLANK),
    })
    validate(frame, schema, path, ["measure_id", "source_id", "stage"], manifest.data_dir)
    return frame[MEASURE_COLUMNS].sort_values(["measure_id", "source_id", "stage"], ignore_index=True)


def split_provisions(value: str) -> list[str]:
    """The provision ids of a measure row."""
    return [p for p in re.split(r";", value) if p]
