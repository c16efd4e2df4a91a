"""Revisions: how far a preliminary figure moved when its final or revised
version came out (both are kept in the data; see ``vintage``)."""
from __future__ import annotations

import pandas as pd

from .load import load_indicators
from .schema import OBSERVATION_KEY

COLUMNS = [*OBSERVATION_KEY, "unit", "preliminary", "later", "later_vintage", "revision", "revision_pct",
           "preliminary_source", "later_source"]


def revisions(indicator=None) -> pd.DataFrame:
    """One row per pair of a preliminary figure and a final or revised one of the same
    indicator, reporter, partner and period. ``revision`` = later − preliminary in the
    canonical unit; ``revision_pct`` = 100 × revision / preliminary (for a percentage
    indicator such as R&D intensity this is relative, not in points)."""
    rows = load_indicators(indicator=indicator, kind="reported")
    rows = rows.astype({c: str for c in [*OBSERVATION_KEY, "unit", "vintage", "source_id"]})
    early = rows[rows["vintage"] == "preliminary"]
    late = rows[rows["vintage"].isin(["final", "revised"])]
    pairs = early.merge(late, on=[*OBSERVATION_KEY, "unit"], suffixes=("_early", "_late"))
    revision = pairs["value_late"] - pairs["value_early"]
    out = pairs[[*OBSERVATION_KEY, "unit"]].assign(
        preliminary=pairs["value_early"], later=pairs["value_late"], later_vintage=pairs["vintage_late"],
        revision=revision, revision_pct=100 * revision / pairs["value_early"],
        preliminary_source=pairs["source_id_early"], later_source=pairs["source_id_late"],
    )
    return out[COLUMNS].sort_values([*OBSERVATION_KEY, "preliminary_source", "later_source"], ignore_index=True)
