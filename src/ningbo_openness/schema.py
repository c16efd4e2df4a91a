"""The processed indicator table (``data/processed/indicators.csv``): its columns, the key of
one observation, and how a formula names a row. The build writes the table to this shape and
the analysis modules read it in this shape."""
from __future__ import annotations

#: One observation: an indicator for a reporter and a partner in a period (one row per
#: source and kind within it).
OBSERVATION_KEY = ["indicator", "geo", "partner", "period"]
INDICATOR_COLUMNS = [*OBSERVATION_KEY, "value", "unit", "yoy_pct", "qualifier", "vintage", "kind", "formula",
                     "source_id", "locator", "note"]


def ref(row) -> str:
    """How a formula names an input row: ``indicator(geo, partner, period)``, marked if derived."""
    label = f"{row['indicator']}({row['geo']}, {row['partner']}, {row['period']}"
    return label + (", derived)" if row["kind"] == "derived" else ")")
