"""Alignment scores: how deep each agreement goes, and how much of it Ningbo pilots.

Coverage counts a national scheme applied in Ningbo (two-step declaration, AEO) like a
city measure, and a central competence like a local one, so ``scoped_coverage`` also
restricts it to the provisions a local government can implement, and then to the
measures that are local initiatives.

Coding to numbers (changeable): binding 1, best endeavour 0.5, absent 0; unknown
cells are left out (NaN), never counted as absent. A provision counts as covered
when some Ningbo measure implementing it has reached the threshold stage of the
pipeline list -> scenario -> pilot -> evaluation -> roll-out (default: pilot).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import periods
from .ingest.rule_tables import STAGES, split_provisions
from .load import load_indicators

WEIGHTS = {"binding": 1.0, "best_endeavour": 0.5, "absent": 0.0}
THRESHOLD = "pilot"
#: Fewer coded provisions with a commitment than this and no coverage score is given.
MIN_PROVISIONS = 5
#: Counts of agreements over time: WTO regional trade agreements in force, China's signed FTAs and partners.
COUNT_INDICATORS = ["rtas_in_force", "china_ftas_signed", "china_fta_partners"]


def coding_matrix(cells: pd.DataFrame, weights: dict[str, float] = WEIGHTS) -> pd.DataFrame:
    """Provisions x agreements, each cell the weight of its status (NaN for unknown)."""
    scores = cells["status"].map(weights).astype(float)
    return cells.assign(score=scores).pivot(index="provision", columns="agreement", values="score")


def depth(cells: pd.DataFrame, weights: dict[str, float] = WEIGHTS) -> pd.DataFrame:
    """Per agreement: mean score over coded cells, and how many cells of each status."""
    matrix = coding_matrix(cells, weights)
    counts = pd.crosstab(cells["agreement"], cells["status"]).reindex(
        columns=["binding", "best_endeavour", "absent", "unknown"], fill_value=0)
    out = counts.assign(coded=matrix.notna().sum(), depth=matrix.mean())
    return out.sort_values("depth", ascending=False)


def measure_stages(measures: pd.DataFrame) -> pd.DataFrame:
    """Per measure: the furthest stage any source shows, its provisions and how many sources."""
    ranked = measures.assign(rank=measures["stage"].map(STAGES.index)).sort_values(["rank", "source_id"])
    grouped = ranked.groupby("measure_id")
    out = grouped.last()[["name_en", "name_zh", "stage", "rank"]]
    out["provisions"] = grouped["provisions"].agg(lambda p: ";".join(sorted({x for v in p for x in split_provisions(v)})))
    out["sources"] = grouped["source_id"].nunique()
    return out.sort_values(["rank", "name_en"], ascending=[False, True])


def best_stage(measures: pd.DataFrame) -> pd.DataFrame:
    """Per provision: the furthest stage any Ningbo measure reached, and the measures."""
    rows = [(p, r["stage"], r["measure_id"]) for _, r in measures.iterrows() for p in split_provisions(r["provisions"])]
    frame = pd.DataFrame(rows, columns=["provision", "stage", "measure_id"])
    frame["rank"] = frame["stage"].map(STAGES.index)
    grouped = frame.sort_values("rank").groupby("provision")
    return pd.DataFrame({"stage": grouped["stage"].last(), "rank": grouped["rank"].max(),
                         "measures": grouped["measure_id"].agg(lambda m: ", ".join(sorted(set(m))))})


def coverage(cells: pd.DataFrame, measures: pd.DataFrame, weights: dict[str, float] = WEIGHTS,
             threshold: str = THRESHOLD) -> pd.DataFrame:
    """Per agreement: the weighted share of its coded provisions that Ningbo covers.

    ``coverage`` = sum over provisions of weight x covered / sum of weights, where
    covered means a measure at ``threshold`` or beyond; absent provisions (weight 0)
    and unknown cells drop out. ``provisions`` counts the provisions with a positive
    weight; below ``MIN_PROVISIONS`` the score is NaN (too few coded cells to mean much).
    """
    matrix = coding_matrix(cells, weights)
    reached = best_stage(measures)["rank"].reindex(matrix.index)
    covered = (reached >= STAGES.index(threshold)).astype(float)
    counted = (matrix > 0).sum()
    share = (matrix.mul(covered, axis=0).sum() / matrix.sum()).where(counted >= MIN_PROVISIONS)
    return pd.DataFrame({"coverage": share, "provisions": counted})


#: The scopes of ``scoped_coverage``: which provisions count, and which measures.
SCOPES = ("all provisions, all measures", "locally actionable provisions, all measures",
          "locally actionable provisions, local initiatives")


def scoped_coverage(cells: pd.DataFrame, measures: pd.DataFrame, competence: pd.DataFrame, origins: pd.DataFrame,
                    weights: dict[str, float] = WEIGHTS, threshold: str = THRESHOLD) -> pd.DataFrame:
    """Coverage of each agreement in each of ``SCOPES``: columns (scope, coverage | provisions).

    Locally actionable provisions are those whose competence level is local (``competence["local"]``);
    local initiatives are the measures whose origin is ``local``. The rule of ``coverage``
    applies within each scope, so a scope with fewer than ``MIN_PROVISIONS`` commitments
    has no score.
    """
    local = cells["provision"].isin(competence.loc[competence["local"], "provision"])
    own = measures["measure_id"].isin(origins.loc[origins["origin"] == "local", "measure_id"])
    parts = [coverage(cells, measures, weights, threshold), coverage(cells[local], measures, weights, threshold),
             coverage(cells[local], measures[own], weights, threshold)]
    return pd.concat(dict(zip(SCOPES, parts, strict=True)), axis=1)


def gaps(cells: pd.DataFrame, measures: pd.DataFrame, agreements=("cptpp", "depa"), threshold: str = THRESHOLD) -> pd.DataFrame:
    """Provisions binding in any of ``agreements`` with no Ningbo measure at ``threshold`` or beyond."""
    binding = cells[(cells["status"] == "binding") & cells["agreement"].isin(agreements)]
    stages = best_stage(measures)
    table = binding.groupby("provision")["agreement"].agg(lambda a: ", ".join(sorted(a))).rename("binding_in").to_frame()
    table = table.join(stages[["stage", "rank", "measures"]])
    table = table[~(table["rank"] >= STAGES.index(threshold))]
    table["stage"] = table["stage"].fillna("none")
    table["measures"] = table["measures"].fillna("")
    table["binding_count"] = table["binding_in"].str.count(",") + 1
    return table.drop(columns="rank").sort_values(["binding_count", "stage"], ascending=[False, True])


def sensitivity(cells: pd.DataFrame, measures: pd.DataFrame, best_endeavour=(0.0, 0.25, 0.5, 0.75, 1.0),
                thresholds=("scenario", "pilot", "roll-out")) -> pd.DataFrame:
    """Coverage of every agreement under each best-endeavour weight and stage threshold,
    with each agreement's rank (1 = best covered) in that setting."""
    rows = []
    for weight in best_endeavour:
        for threshold in thresholds:
            scores = coverage(cells, measures, WEIGHTS | {"best_endeavour": weight}, threshold)["coverage"]
            ranks = scores.rank(ascending=False, method="min")
            for agreement, score in scores.items():
                rows.append({"best_endeavour_weight": weight, "threshold": threshold, "agreement": agreement,
                             "coverage": score, "rank": ranks[agreement] if np.isfinite(score) else np.nan})
    return pd.DataFrame(rows)


def agreement_counts():
    """Counts of agreements at dates: WTO RTAs in force and China's FTAs and partners.

    Columns as ``load_indicators`` plus ``date``, the last day of each period
    (a year label counts at 31 December)."""
    counts = load_indicators(indicator=COUNT_INDICATORS, kind="reported")
    counts["date"] = pd.to_datetime([periods.bounds(p)[1] for p in counts["period"]])
    return counts.sort_values(["indicator", "date"], ignore_index=True)
