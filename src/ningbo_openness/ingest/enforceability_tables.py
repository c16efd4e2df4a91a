"""The tables behind the enforceability rule, checked before any cell is derived.

``data/wording.csv``: wording classes, each a regular expression over a cell's operative
words, tried in ``order``. ``data/enforceability.csv``: the rule, wording x
dispute-settlement status -> status, complete for every combination.
``data/raw/rules/chapters.csv``: each agreement chapter's dispute-settlement status, with
the article that says so, quoted and cited (an ``unknown`` chapter says in its note what
was not readable).
"""
from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from ..enforceability import ANY, COMMENTARY, DISPUTE_SETTLEMENT, STATUSES, rule
from ..errors import InputError
from .csvfiles import read_strict
from .manifest import Manifest
from .raw import NONBLANK, full_match
from .registry import Registry
from .validation import require_when, validate

WORDING_COLUMNS = ["wording", "order", "pattern", "name_en", "name_zh", "description"]
GRID_COLUMNS = ["wording", "dispute_settlement", "status", "reason"]
CHAPTER_COLUMNS = ["agreement", "chapter", "name_en", "dispute_settlement", "article", "source_id", "locator", "quote", "note"]


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def read_wording(manifest: Manifest) -> pd.DataFrame:
    """The wording classes, checked: a whole-number, unique order; a pattern that compiles
    (blank only for ``commentary``, which is assigned from ``quote_from``)."""
    path = manifest.path("wording")
    frame = read_strict(path, WORDING_COLUMNS)
    schema = pa.DataFrameSchema({
        "wording": pa.Column(str, full_match(r"[a-z][a-z_]*", "a snake_case wording id")),
        "order": pa.Column(str, full_match(r"[0-9]+", "a whole number")),
        "pattern": pa.Column(str, pa.Check(lambda s: s.map(_compiles), element_wise=False,
                                           error="a regular expression that compiles")),
        "name_en": pa.Column(str, NONBLANK),
        "name_zh": pa.Column(str, NONBLANK),
    })
    validate(frame, schema, path, ["wording"], manifest.data_dir)
    validate(frame, pa.DataFrameSchema({}), path, ["order"], manifest.data_dir)
    require_when(frame, path, frame["wording"] != COMMENTARY, ["pattern"], "every wording class but commentary is matched by words")
    if COMMENTARY not in set(frame["wording"]):
        raise InputError(path, None, "wording", f"a row for {COMMENTARY!r} (quotes that describe a provision)")
    return frame.assign(order=frame["order"].astype(int))


def read_grid(manifest: Manifest, wording: pd.DataFrame) -> pd.DataFrame:
    """The rule table, checked: known wording, status and dispute-settlement values, and
    one status for every wording x dispute-settlement combination."""
    path = manifest.path("enforceability")
    frame = read_strict(path, GRID_COLUMNS)
    schema = pa.DataFrameSchema({
        "wording": pa.Column(str, pa.Check.isin(sorted(wording["wording"]), error="a wording id defined in data/wording.csv")),
        "dispute_settlement": pa.Column(str, pa.Check.isin([*DISPUTE_SETTLEMENT, ANY],
                                                           error=f"one of {', '.join((*DISPUTE_SETTLEMENT, ANY))}")),
        "status": pa.Column(str, pa.Check.isin(STATUSES, error=f"one of {', '.join(STATUSES)}")),
        "reason": pa.Column(str, NONBLANK),
    })
    validate(frame, schema, path, ["wording", "dispute_settlement"], manifest.data_dir)
    for name in wording["wording"]:
        for status in DISPUTE_SETTLEMENT:
            try:
                rule(name, status, frame)
            except KeyError:
                raise InputError(path, None, "dispute_settlement",
                                 f"a row for wording {name!r} with dispute settlement {status!r} or {ANY!r}") from None
    return frame


def read_chapters(manifest: Manifest, reg: Registry, agreements: list[str]) -> pd.DataFrame:
    """Agreement chapters and their dispute-settlement status, checked: a known agreement;
    ``applies`` and ``excluded`` cite article, source, locator and quote; ``unknown`` says why."""
    path = manifest.path("chapters")
    frame = read_strict(path, CHAPTER_COLUMNS)
    schema = pa.DataFrameSchema({
        "agreement": pa.Column(str, pa.Check.isin(sorted(agreements), error="an agreement id defined in data/agreements.csv")),
        "chapter": pa.Column(str, full_match(r"[0-9A-Z]+", "a chapter, section or module number (12, I, B)")),
        "name_en": pa.Column(str, NONBLANK),
        "dispute_settlement": pa.Column(str, pa.Check.isin(DISPUTE_SETTLEMENT, error=f"one of {', '.join(DISPUTE_SETTLEMENT)}")),
        "source_id": pa.Column(str, pa.Check.isin(["", *sorted(reg.sources.index)],
                                                  error="a source id registered in data/sources.csv, or blank for unknown")),
    })
    validate(frame, schema, path, ["agreement", "chapter"], manifest.data_dir)
    read = frame["dispute_settlement"] != "unknown"
    require_when(frame, path, read, ["article", "source_id", "locator", "quote"], "a known dispute-settlement status is quoted")
    require_when(frame, path, ~read, ["note"], "an unknown status says what was not readable")
    return frame[CHAPTER_COLUMNS].sort_values(["agreement", "chapter"], ignore_index=True, key=_chapter_order)


def _chapter_order(column: pd.Series) -> pd.Series:
    """Sort key: chapter numbers by value (3 before 10), section letters (B, C) as they are."""
    return column.str.zfill(3) if column.name == "chapter" else column
