"""Seminar exercises and the static site."""
import re

import nbformat

from ningbo_openness.publishing import exercises, site
from ningbo_openness.publishing.notebooks import notebook_paths


def test_every_exercise_has_a_solution_and_a_check():
    teacher = exercises.exercise_paths()
    assert len(teacher) >= 6
    for path in teacher:
        cells = nbformat.read(path, as_version=4).cells
        assert any(exercises.SOLUTION_TAG in c.metadata.get("tags", []) for c in cells), path.name
        assert any(c.cell_type == "code" and c.source.startswith("assert") for c in cells), path.name


def test_student_version_hides_solutions_and_outputs(tmp_path):
    written = exercises.write_student_versions(tmp_path)
    assert len(written) == len(exercises.exercise_paths())
    for student, teacher in zip(sorted(written), sorted(exercises.exercise_paths()), strict=True):
        s_cells = nbformat.read(student, as_version=4).cells
        t_cells = nbformat.read(teacher, as_version=4).cells
        assert len(s_cells) == len(t_cells)
        for s, t in zip(s_cells, t_cells, strict=True):
            if exercises.SOLUTION_TAG in t.metadata.get("tags", []):
                assert s.source == exercises.ANSWER
            else:
                assert s.source == t.source
            assert s.get("outputs", []) == []


def test_site_links_every_notebook_and_stays_offline(tmp_path):
    index = site.build_site(tmp_path / "site", figures_dir=tmp_path / "no-figures")
    text = index.read_text(encoding="utf-8")
    for path in notebook_paths():
        stem = path.stem + ("_student" if path.parent.name == "exercises" else "")
        assert f'href="{stem}.html"' in text
        assert (tmp_path / "site" / f"{stem}.html").exists()
    for page in (tmp_path / "site").glob("*.html"):
        assert not re.search(r'<script[^>]*src="https?://', page.read_text(encoding="utf-8")), page.name
    assert "sources.html" in text and "figures.html" in text
