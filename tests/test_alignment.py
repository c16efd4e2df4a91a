"""Alignment scores on a small hand-made coding."""
import math

import pandas as pd
import pytest

from ningbo_openness import alignment


def cells_frame():
    rows = []
    statuses = {
        "a": ["binding", "binding", "best_endeavour", "absent", "binding", "binding"],
        "b": ["best_endeavour", "unknown", "binding", "binding", "absent", "binding"],
    }
    for agreement, codes in statuses.items():
        for i, status in enumerate(codes):
            rows.append({"agreement": agreement, "provision": f"p{i}", "status": status})
    return pd.DataFrame(rows)


def measures_frame():
    return pd.DataFrame([
        {"measure_id": "m1", "provisions": "p0;p2", "stage": "roll-out"},
        {"measure_id": "m2", "provisions": "p1", "stage": "scenario"},
        {"measure_id": "m3", "provisions": "p1", "stage": "list"},
        {"measure_id": "m4", "provisions": "", "stage": "pilot"},
    ])


def test_coding_and_depth():
    matrix = alignment.coding_matrix(cells_frame())
    assert matrix.loc["p2", "a"] == 0.5 and math.isnan(matrix.loc["p1", "b"])
    depth = alignment.depth(cells_frame())
    # a: (1+1+0.5+0+1+1)/6; b: (0.5+1+1+0+1)/5 (unknown left out)
    assert depth.loc["a", "depth"] == pytest.approx(4.5 / 6)
    assert depth.loc["b", "depth"] == pytest.approx(3.5 / 5)
    assert depth.loc["b", "unknown"] == 1 and depth.loc["b", "coded"] == 5


def test_best_stage_per_provision():
    stages = alignment.best_stage(measures_frame())
    assert stages.loc["p1", "stage"] == "scenario"
    assert stages.loc["p0", "measures"] == "m1"
    assert set(stages.index) == {"p0", "p1", "p2"}


def test_coverage_by_hand():
    result = alignment.coverage(cells_frame(), measures_frame())
    # a: covered at pilot+ are p0 (1) and p2 (0.5) of 1+1+0.5+1+1 = 4.5
    assert result.loc["a", "coverage"] == pytest.approx(1.5 / 4.5)
    # b: p0 (0.5) and p2 (1) of 0.5+1+1+1 = 3.5, but only 4 provisions with weight: below the minimum
    assert result.loc["b", "provisions"] == 4 and math.isnan(result.loc["b", "coverage"])
    looser = alignment.coverage(cells_frame(), measures_frame(), threshold="scenario")
    assert looser.loc["a", "coverage"] == pytest.approx(2.5 / 4.5)


def test_gaps_list_binding_provisions_without_a_pilot():
    table = alignment.gaps(cells_frame(), measures_frame(), agreements=("a", "b"))
    assert set(table.index) == {"p1", "p3", "p4", "p5"}
    assert table.index[0] == "p5"  # binding in both agreements comes first
    assert table.loc["p5", "binding_in"] == "a, b" and table.loc["p5", "stage"] == "none"
    assert table.loc["p1", "stage"] == "scenario"
    assert "p0" not in table.index


def test_sensitivity_grid():
    grid = alignment.sensitivity(cells_frame(), measures_frame(), best_endeavour=(0.25, 1.0), thresholds=("pilot",))
    a = grid[grid["agreement"] == "a"].set_index("best_endeavour_weight")["coverage"]
    assert a[0.25] == pytest.approx(1.25 / 4.25) and a[1.0] == pytest.approx(2 / 5)
    assert len(grid) == 4


def test_measure_stages_take_the_furthest_stage():
    frame = measures_frame().assign(name_en=["one", "two", "two", "four"], name_zh="x", source_id=["s1", "s1", "s2", "s1"])
    frame.loc[2, "measure_id"] = "m2"
    stages = alignment.measure_stages(frame)
    assert stages.loc["m2", "stage"] == "scenario" and stages.loc["m2", "sources"] == 2
    assert stages.loc["m1", "provisions"] == "p0;p2"
    assert stages.index[0] == "m1"  # furthest along first


def test_agreement_counts_are_dated_and_cited():
    from ningbo_openness.alignment import agreement_counts

    counts = agreement_counts()
    world = counts[counts["indicator"] == "rtas_in_force"]
    assert len(world) >= 3 and world["date"].is_monotonic_increasing
    assert world["value"].iloc[-1] == 375  # the page's figure for May 2025 closes the series
    assert counts["source_id"].astype(str).str.len().gt(0).all()
    assert (counts.loc[counts["period"].str.fullmatch(r"\d{4}"), "date"].dt.strftime("%m-%d") == "12-31").all()


def test_scoped_coverage_by_hand():
    """Ten binding provisions of agreement x, five local (l0-l4) and five central (c0-c4).
    Covered at pilot or beyond: l0, l1 by a national scheme, l2 by a local initiative, c0 and
    c1 by a national scheme. All provisions: 5/10; locally actionable: 3/5; local initiatives
    only: 1/5. Dropping l4 leaves four local commitments, too few for a score."""
    provisions = [f"l{i}" for i in range(5)] + [f"c{i}" for i in range(5)]
    cells = pd.DataFrame({"agreement": "x", "provision": provisions, "status": "binding"})
    measures = pd.DataFrame({"measure_id": ["nat", "own", "nat2"], "provisions": ["l0;l1", "l2", "c0;c1"],
                             "stage": ["pilot", "roll-out", "pilot"]})
    competence = pd.DataFrame({"provision": provisions, "local": [True] * 5 + [False] * 5})
    origins = pd.DataFrame({"measure_id": ["nat", "own", "nat2"], "origin": ["national", "local", "national"]})
    table = alignment.scoped_coverage(cells, measures, competence, origins)
    scores = [table.loc["x", (scope, "coverage")] for scope in alignment.SCOPES]
    assert scores == pytest.approx([0.5, 0.6, 0.2])
    assert [table.loc["x", (scope, "provisions")] for scope in alignment.SCOPES] == [10, 5, 5]
    fewer = alignment.scoped_coverage(cells[cells["provision"] != "l4"], measures, competence, origins)
    assert math.isnan(fewer.loc["x", (alignment.SCOPES[1], "coverage")])
