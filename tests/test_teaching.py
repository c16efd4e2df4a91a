"""Seminar exercises as students get them, the checker, the workspace and the static site.

Student versions run in-process, cell after cell in one namespace, as a student runs them:
as handed out, with the teacher's solutions put back, and with the steps of the exercise text
executed literally.
"""
import contextlib
import io
import re

import nbformat
import pytest

from ningbo_openness import exercises
from ningbo_openness.publishing import handouts, site
from ningbo_openness.publishing.notebooks import notebook_paths

TEACHER = handouts.exercise_paths()


def run_cells(sources: list[str]) -> str:
    """Run code cells in one fresh namespace; what they print."""
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for source in sources:
            exec(compile(source, "<cell>", "exec"), namespace)  # noqa: S102 - the notebooks of this repository
    return out.getvalue()


def code_cells(notebook) -> list[str]:
    return [c.source for c in notebook.cells if c.cell_type == "code"]


def student(path):
    return handouts.student_version(nbformat.read(path, as_version=4), handouts.exercise_id(path))


@pytest.fixture(scope="module", params=TEACHER, ids=[p.stem for p in TEACHER])
def exercise(request):
    return request.param


def test_each_exercise_names_its_answers_checks_them_and_has_a_key(exercise):
    cells = nbformat.read(exercise, as_version=4).cells
    names = [a.name for a in exercises.answers(handouts.exercise_id(exercise))]
    solutions = [c for c in cells if handouts.SOLUTION_TAG in c.metadata.get("tags", [])]
    assert [n for c in solutions for n in c.metadata["answers"]] == names
    checks = [c.source for c in cells if c.cell_type == "code" and c.source.startswith("check(")]
    assert len(checks) == 1 and all(f"{n}={n}" in checks[0] for n in names)
    text = cells[0].source
    assert all(f"`{n}`" in text for n in names), "the exercise text names every answer it checks"
    assert any(handouts.KEY_TAG in c.metadata.get("tags", []) for c in cells)


def test_student_version_hides_solutions_keys_and_outputs(exercise):
    version = student(exercise)
    tags = {t for c in version.cells for t in c.metadata.get("tags", [])}
    assert not tags & set(handouts.HIDDEN)
    assert all(not c.get("outputs") for c in version.cells)
    names = [a.name for a in exercises.answers(handouts.exercise_id(exercise))]
    assert any(all(f"{n} = ..." in c.source for n in names) for c in version.cells)


def test_the_generator_refuses_a_student_version_that_shows_an_answer():
    teacher = nbformat.read(TEACHER[0], as_version=4)
    answer = exercises.answers("e1")[0].expected()
    teacher.cells.insert(1, nbformat.v4.new_markdown_cell(f"Hint: the answer is {answer:.1f}."))
    with pytest.raises(ValueError, match="shows the answer"):
        handouts.student_version(teacher, "e1")


def test_as_handed_out_every_answer_is_not_answered_yet_and_nothing_fails(exercise):
    printed = run_cells(code_cells(student(exercise)))
    names = [a.name for a in exercises.answers(handouts.exercise_id(exercise))]
    assert printed.count("not answered yet") == len(names)
    assert "✗" not in printed and "?" not in printed.replace("…", "")


def test_with_the_solutions_put_back_every_check_passes(exercise):
    teacher = nbformat.read(exercise, as_version=4)
    version = student(exercise)
    solutions = iter(c.source for c in teacher.cells if handouts.SOLUTION_TAG in c.metadata.get("tags", []))
    sources = [next(solutions) if s.startswith("# Your work here") else s for s in code_cells(version)]
    printed = run_cells(sources)
    names = [a.name for a in exercises.answers(handouts.exercise_id(exercise))]
    assert printed.count("✓") == len(names) and "✗" not in printed, printed


#: Inline code of an exercise's steps that a student would type as written.
RUNNABLE = re.compile(r"^(from ningbo_openness import \w+|[\w.,\[\]\"' ]+ = .+|(no|annual_series|models|growth|alignment|scopes|"
                      r"ecommerce)\b.*\(.*\).*)$")


def test_the_steps_work_as_written(exercise):
    teacher = nbformat.read(exercise, as_version=4)
    spans = [s for s in re.findall(r"`([^`]+)`", teacher.cells[0].source) if RUNNABLE.match(s) and "..." not in s]
    assert spans, "the steps give the calls to make"
    imports = code_cells(teacher)[0]
    run_cells([imports, *spans])


def test_step_one_of_exercise_one_loads_exactly_one_row():
    import ningbo_openness as no

    rows = no.load_indicators(indicator="trade_total", geo="ningbo", partner="asean", kind="reported",
                              source_id="theory_page_2025")
    assert len(rows) == 1


@pytest.mark.parametrize("exercise_id, given, hint", [
    ("e1", {"implied": 1876.9}, "is the 2024 value itself"),
    ("e1", {"implied": 1876.9 * (1 - 0.207)}, "takes the growth rate off"),
    ("e1", {"low": "swap"}, "is not right"),
    ("e2", {"largest": "africa"}, "grew fastest in per cent"),
    ("e3", {"hac_wider": True}, "small-sample bias"),
    ("e5", {"share_2023": 0.146}, "is a fraction"),
    ("e5", {"bound_2015": "lower"}, "in the denominator"),
    ("e6", {"needed": 450}, "printed floor itself"),
    ("e7", {"p_2022_published": 0.042}, "with all years"),
    ("e8", {"same_flow": True}, "certificates cover exports"),
    ("e3", {"hac_wider": "False"}, "without quotes"),
    ("e6", {"needed": 2044}, "not rounded"),
    ("e4", {"moves_most": "rcep"}, "not simply the agreement with most best-endeavour cells"),
])
def test_a_planted_wrong_answer_gets_its_hint(exercise_id, given, hint):
    line = next(v for v in exercises.verdicts(exercise_id, **given) if v.split(":")[0].endswith(next(iter(given))))
    assert line.startswith("✗")
    if hint:
        assert hint in line


def test_unknown_names_and_exercises_are_reported():
    assert exercises.verdicts("e1", implied_value=1)[0].startswith("? implied_value")
    with pytest.raises(KeyError, match="no exercise"):
        exercises.answers("e99")


def test_workspace_keeps_what_a_student_changed(tmp_path):
    first = handouts.update_workspace(tmp_path)
    assert len(first["written"]) == len(TEACHER)
    edited = tmp_path / TEACHER[0].name
    edited.write_text(edited.read_text(encoding="utf-8").replace("implied = ...", "implied = 1"), encoding="utf-8")
    again = handouts.update_workspace(tmp_path)
    assert again["kept"] == [edited.name] and "implied = 1" in edited.read_text(encoding="utf-8")
    forced = handouts.update_workspace(tmp_path, force=True)
    assert forced["written"] == [edited.name] and "implied = ..." in edited.read_text(encoding="utf-8")


def test_site_links_every_notebook_and_stays_offline(tmp_path):
    index = site.build_site(tmp_path / "site", figures_dir=tmp_path / "no-figures")
    text = index.read_text(encoding="utf-8")
    for path in notebook_paths():
        stems = [path.stem + "_student", path.stem + "_solution"] if path.parent.name == "exercises" else [path.stem]
        for stem in stems:
            assert f'href="{stem}.html"' in text
            assert (tmp_path / "site" / f"{stem}.html").exists()
    for page in (tmp_path / "site").glob("*.html"):
        assert not re.search(r'<script[^>]*src="https?://', page.read_text(encoding="utf-8")), page.name
    assert "Model answer" in (tmp_path / "site" / f"{TEACHER[0].stem}_solution.html").read_text(encoding="utf-8")
    assert "Model answer" not in (tmp_path / "site" / f"{TEACHER[0].stem}_student.html").read_text(encoding="utf-8")
    assert "sources.html" in text and "figures.html" in text
