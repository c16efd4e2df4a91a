"""The enforceability rule on hand-made cells: every wording class x chapter status, commentary,
a typed status kept with its reason and one fixed, and the cells without an article."""
from __future__ import annotations

import pandas as pd
import pytest

import ningbo_openness as no
from ningbo_openness import paths
from ningbo_openness.enforceability import derive, disagreements, wording_class
from ningbo_openness.ingest.enforceability_tables import read_grid, read_wording
from ningbo_openness.ingest.manifest import load_manifest


@pytest.fixture(scope="module")
def tables():
    manifest = load_manifest(paths.DATA)
    wording = read_wording(manifest)
    return wording, read_grid(manifest, wording)


CHAPTERS = pd.DataFrame({"agreement": ["a", "a", "a"], "chapter": ["1", "2", "3"],
                         "dispute_settlement": ["applies", "excluded", "unknown"],
                         "article": ["Art. 9.1", "Art. 2.9", ""]})


def cell(chapter: str, operative: str, typed: str, quote_from: str = "text", keep: str = "", article: str = "Art. x") -> dict:
    return {"agreement": "a", "provision": f"p{len(operative)}{chapter}{typed}", "status": typed, "chapter": chapter,
            "article": article, "operative": operative, "quote_from": quote_from, "keep_reason": keep}


@pytest.mark.parametrize(("operative", "expected"), [
    ("shall", "mandatory"), ("No Party shall require", "mandatory"), ("must", "mandatory"),
    ("shall endeavour", "endeavour"), ("shall, to the extent possible,", "endeavour"), ("work towards", "endeavour"),
    ("should allow, where possible", "endeavour"), ("Endeavor", "endeavour"), ("may", "permissive"),
    ("간주된다", "mandatory"), ("maintain", None), ("mayor", None),
])
def test_wording_classes_are_tried_in_order(tables, operative, expected):
    assert wording_class(operative, tables[0]) == expected


@pytest.mark.parametrize(("chapter", "operative", "expected"), [
    ("1", "shall adopt", "binding"), ("2", "shall adopt", "best_endeavour"), ("3", "shall adopt", "unknown"),
    ("1", "shall endeavour", "best_endeavour"), ("2", "shall endeavour", "best_endeavour"),
    ("3", "shall endeavour", "best_endeavour"),
    ("1", "may", "absent"), ("2", "may", "absent"), ("3", "may", "absent"),
])
def test_each_wording_in_each_chapter_status(tables, chapter, operative, expected):
    out = derive(pd.DataFrame([cell(chapter, operative, expected)]), CHAPTERS, *tables).iloc[0]
    assert (out["rule_status"], out["status"], out["decision"]) == (expected, expected, "agrees")
    assert out["dispute_settlement"] == CHAPTERS.set_index("chapter").loc[chapter, "dispute_settlement"]


@pytest.mark.parametrize("chapter", ["1", "2", "3"])
def test_commentary_is_unknown_whatever_the_chapter(tables, chapter):
    out = derive(pd.DataFrame([cell(chapter, "", "binding", quote_from="commentary")]), CHAPTERS, *tables).iloc[0]
    assert (out["wording"], out["status"], out["decision"], out["typed_status"]) == ("commentary", "unknown", "fixed", "binding")


def test_a_typed_status_is_fixed_unless_a_reason_keeps_it(tables):
    cells = pd.DataFrame([cell("2", "shall", "binding"), cell("2", "shall", "binding", keep="a reason")])
    cells.loc[1, "provision"] = "kept"
    out = derive(cells, CHAPTERS, *tables)
    assert out["status"].tolist() == ["best_endeavour", "binding"]
    assert out["decision"].tolist() == ["fixed", "kept"]
    assert out.loc[1, "reason"] == "a reason"
    assert "excluded" in out.loc[0, "reason"]
    listed = disagreements(out)
    assert listed[["provision", "decision"]].values.tolist() == [[cells.loc[0, "provision"], "fixed"], ["kept", "kept"]]


@pytest.mark.parametrize("typed", ["absent", "unknown"])
def test_cells_without_an_article_keep_their_status(tables, typed):
    out = derive(pd.DataFrame([cell("", "", typed, quote_from="", article="")]), CHAPTERS, *tables).iloc[0]
    assert (out["status"], out["decision"], out["rule_status"], out["reason"]) == (typed, "not derived", "", "")


def test_no_cell_contradicts_the_rule_without_a_reason():
    """In the processed data, a status differs from the rule's only where a recorded reason keeps it."""
    cells = no.agreement_provisions()
    derived = cells[cells["decision"] != "not derived"]
    differs = derived[derived["status"] != derived["rule_status"]]
    assert (differs["decision"] == "kept").all() and (differs["reason"] != "").all()
    assert set(cells.loc[cells["decision"] == "not derived", "status"]) <= {"absent", "unknown"}


def test_every_cited_chapter_quotes_its_article():
    chapters = no.chapters()
    known = chapters[chapters["dispute_settlement"] != "unknown"]
    assert (known[["article", "source_id", "quote"]] != "").all().all()
    assert set(chapters["source_id"]) - {""} <= set(no.sources()["source_id"])


def test_every_provision_and_measure_is_tagged_once():
    assert sorted(no.provision_competence()["provision"]) == sorted(no.names("provisions").index)
    assert sorted(no.measure_origins()["measure_id"]) == sorted(set(no.ningbo_measures()["measure_id"]))


def test_chapters_are_listed_in_number_order():
    chapters = no.chapters()
    for _, group in chapters.groupby("agreement"):
        numbers = [int(c) for c in group["chapter"] if c.isdigit()]
        assert numbers == sorted(numbers)
