"""From validated raw rows to observations in canonical units."""
from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from ..schema import INDICATOR_COLUMNS, OBSERVATION_KEY
from .registry import Registry


def canonical(raw: pd.DataFrame, reg: Registry) -> pd.DataFrame:
    """Raw rows with ``value`` converted to the indicator's canonical unit.

    The exact decimal product is taken before conversion to float, so that
    e.g. 1336.3 万单 becomes 13363000 orders without binary noise. The printed
    strings stay in ``value_printed``, ``unit_printed`` and ``yoy_printed``.
    """
    obs = raw.rename(columns={"value": "value_printed", "unit": "unit_printed", "yoy_pct": "yoy_printed"})
    obs["value"] = np.nan
    for unit, printed in obs.groupby("unit_printed", sort=False)["value_printed"]:
        factor = reg.factor(unit)
        exact = {v: float(Decimal(v) * factor) for v in printed.unique()}
        obs.loc[printed.index, "value"] = printed.map(exact)
    obs["unit"] = obs["unit_printed"].map(reg.unit_aliases["unit"])
    obs["yoy_pct"] = pd.to_numeric(obs["yoy_printed"].replace("", None)).astype(float)
    obs["kind"] = "reported"
    obs["formula"] = ""
    return obs


def merge_repeats(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per published figure: the same number printed at several places of one
    source becomes one row whose ``locator`` lists every place."""
    group = [*OBSERVATION_KEY, "source_id", "value", "unit", "yoy_printed", "qualifier", "vintage"]
    repeats = obs.groupby(group, sort=False, dropna=False)["value"].transform("size") > 1
    merged = (
        obs[repeats].groupby(group, sort=False, dropna=False)
        .agg(
            yoy_pct=("yoy_pct", "first"),
            kind=("kind", "first"),
            formula=("formula", "first"),
            locator=("locator", "; ".join),
            note=("note", lambda notes: " | ".join(n for n in dict.fromkeys(notes) if n)),
        )
        .reset_index()
    )
    return pd.concat([obs.loc[~repeats, INDICATOR_COLUMNS], merged[INDICATOR_COLUMNS]], ignore_index=True)

