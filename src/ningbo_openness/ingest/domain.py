"""Domain rules on observations: what a published figure can be at all.

- its value, once converted, is a finite number within its canonical unit's range
  (``min_value``, ``max_value`` in ``data/units.csv``: counts and amounts cannot be
  negative, shares lie within 0-100, ranks start at 1);
- a stated growth rate is finite, and above -100 % wherever the unit admits no negative
  value (such a quantity cannot fall by all of itself and still have a base to grow from);
- its period begins no later than today, and ends no later than
  ``LATE_STATEMENT_DAYS`` after the source's date (the latest day the date allows):
  a page can state a running total in the last weeks of a year (宁波舟山港 passed
  10亿吨 on 27 December 2017), not a figure for a period still to come.

A violation is bad input, reported at the earliest offending row.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from .. import periods
from ..errors import InputError
from .registry import Registry, source_day

LATE_STATEMENT_DAYS = 31


def _violations(obs: pd.DataFrame, reg: Registry) -> list[tuple[np.ndarray, str, str, Callable[[pd.Series], str]]]:
    """Per rule, in order: (mask of offending rows, column, printed column, what was expected for a row)."""
    value_range = reg.value_range()
    low = obs["unit"].map(value_range["min_value"]).to_numpy()
    high = obs["unit"].map(value_range["max_value"]).to_numpy()
    units = reg.units
    value, yoy = obs["value"].to_numpy(), obs["yoy_pct"].to_numpy()
    today = date.today()
    labels = obs["period"].unique()
    spans = {p: periods.bounds(p) for p in labels}
    starts = obs["period"].map({p: spans[p][0].toordinal() for p in labels}).to_numpy()
    ends = obs["period"].map({p: spans[p][1].toordinal() for p in labels}).to_numpy()
    latest = {s: source_day(d, last=True) for s, d in reg.sources["date"].items()}
    deadline = obs["source_id"].map({s: (d + timedelta(days=LATE_STATEMENT_DAYS)).toordinal() if d else date.max.toordinal()
                                     for s, d in latest.items()}).to_numpy()
    return [
        (~np.isfinite(value), "value", "value_printed", lambda r: "a number within floating-point range once converted"),
        (value < low, "value", "value_printed",
         lambda r: f"a value of at least {units.at[r['unit'], 'min_value']} {r['unit']} (min_value in data/units.csv)"),
        (value > high, "value", "value_printed",
         lambda r: f"a value of at most {units.at[r['unit'], 'max_value']} {r['unit']} (max_value in data/units.csv)"),
        (np.isinf(yoy), "yoy_pct", "yoy_printed", lambda r: "a finite growth rate"),
        ((low >= 0) & (yoy <= -100), "yoy_pct", "yoy_printed",
         lambda r: f"a growth rate above -100 ({r['unit']} cannot be negative)"),
        (starts > today.toordinal(), "period", "period", lambda r: f"a period that has begun by today ({today})"),
        (ends > deadline, "period", "period",
         lambda r: (f"a period ending at most {LATE_STATEMENT_DAYS} days after its source's date "
                    f"({r['source_id']}: {reg.sources.at[r['source_id'], 'date']} in data/sources.csv)")),
    ]


def check(obs: pd.DataFrame, data_dir: Path, reg: Registry) -> None:
    """Raise ``InputError`` at the first row (in file order) that breaks a domain rule.

    ``obs``: observations in canonical units, with ``value_printed``, ``yoy_printed``,
    ``_file`` (relative to ``data_dir``) and ``_line``.
    """
    rules = _violations(obs, reg)
    broken = np.logical_or.reduce([mask for mask, *_ in rules])
    if not broken.any():
        return
    position = int(np.argmax(broken))
    row = obs.iloc[position]
    _, column, printed, expected = next(rule for rule in rules if rule[0][position])
    raise InputError(data_dir / row["_file"], int(row["_line"]), column, expected(row), row[printed])
