"""The published claims with what the build derived from them and what the audit found."""
from __future__ import annotations

import pandas as pd

from .load import audit, load_indicators
from .schema import ref

#: The source page whose claims the collection audits (its id in ``data/sources.csv``).
SEED = "theory_page_2025"
#: Most serious first: a claim's status is the most serious of its checks.
STATUS_ORDER = ["fail", "warn", "revision", "note", "ok", "unchecked"]


def claims(source_id: str | None = None) -> pd.DataFrame:
    """One row per reported figure: value, unit, qualifier, published growth, locator,
    the derived rows computed from it (``derived``: "indicator period = value; ...")
    and its audit ``status`` with the ``checks`` behind it."""
    table = load_indicators(source_id=source_id)
    reported = table[table["kind"] == "reported"].copy()
    derived = table[table["kind"] == "derived"]
    reported["ref"] = [ref(r) for _, r in reported.iterrows()]
    uses = {
        r: "; ".join(
            f"{d['indicator']} {d['period']} = {d['value']:.6g}"
            for _, d in derived[derived["formula"].str.contains(r, regex=False)].iterrows()
        )
        for r in reported["ref"]
    }
    reported["derived"] = reported["ref"].map(uses)
    checks = audit()
    key = ["indicator", "geo", "partner", "period", "source_id"]
    checks["rank"] = checks["status"].map(STATUS_ORDER.index)
    worst = checks.sort_values("rank").groupby(key, sort=False).agg(
        status=("status", "first"), checks=("check", lambda c: ", ".join(sorted(set(c)))))
    out = reported.astype({c: str for c in key}).join(worst, on=key)
    return out.drop(columns=["ref", "start", "end", "kind", "formula"]).reset_index(drop=True)
