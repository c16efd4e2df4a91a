"""Student versions of the exercises, and the student workspace.

Exercise notebooks (``notebooks/exercises/``) are the teacher's versions: solution code cells
tagged ``solution`` (their metadata ``answers`` lists the names the exercise asks for) and
model answers in markdown cells tagged ``model-answer``. A student version replaces each
solution cell with a placeholder per answer (``implied = ...``), drops the model answers and
every output, and is refused if any answer the checker would accept still shows in it.

The workspace (``make lab-student``) is a folder of student versions that JupyterLab opens;
a notebook the student has changed is never overwritten unless asked.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pandas as pd

from ..exercises import answers
from .notebooks import notebook_paths

SOLUTION_TAG = "solution"
KEY_TAG = "model-answer"
HIDDEN = (SOLUTION_TAG, KEY_TAG)
#: The record of what the workspace last wrote (file name -> hash of its text).
WRITTEN = ".handouts.json"


def exercise_id(path: Path) -> str:
    """``e1`` for ``e1_recover_the_base.ipynb``."""
    return path.name.split("_", 1)[0]


def placeholder(names: list[str]) -> str:
    """The student's answer cell: one ``name = ...`` line per answer asked for."""
    lines = ["# Your work here: replace each ... with your answer (you may add cells above)."]
    return "\n".join(lines + [f"{name} = ..." for name in names]) + "\n"


def student_version(notebook: nbformat.NotebookNode, exercise: str) -> nbformat.NotebookNode:
    """A copy with solutions replaced by placeholders, model answers dropped and no outputs;
    ``ValueError`` if an answer of ``exercise`` still shows in it."""
    copy = nbformat.from_dict(notebook)
    cells = []
    for cell in copy.cells:
        tags = cell.metadata.get("tags", [])
        if KEY_TAG in tags:
            continue
        if SOLUTION_TAG in tags:
            cell.source = placeholder(cell.metadata.get("answers", []))
            cell.metadata = {k: v for k, v in cell.metadata.items() if k != "answers"}
            cell.metadata["tags"] = [t for t in tags if t != SOLUTION_TAG]
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    copy.cells = cells
    refuse_answers(copy, exercise)
    return copy


def _printed_forms(value) -> set[str]:
    """How a numeric answer would be printed (1555.0, 1555.01; 0.084 for small ones)."""
    if isinstance(value, pd.Series):
        return set().union(*(_printed_forms(v) for v in value))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return set()
    if abs(value) >= 1:
        return {f"{value:.1f}", f"{value:.2f}"}
    return {f"{value:.3f}"} if value else set()


def refuse_answers(notebook: nbformat.NotebookNode, exercise: str) -> None:
    """``ValueError`` naming the cell if a student version holds a solution, a model answer, an
    output or a printed form of an answer."""
    forms = set().union(*(_printed_forms(a.expected()) for a in answers(exercise)))
    for number, cell in enumerate(notebook.cells, start=1):
        if set(cell.metadata.get("tags", [])) & set(HIDDEN):
            raise ValueError(f"{exercise}: cell {number} is still tagged {cell.metadata['tags']}")
        if cell.get("outputs"):
            raise ValueError(f"{exercise}: cell {number} still has outputs")
        shown = [f for f in forms if re.search(rf"(?<![\d.]){re.escape(f)}(?!\d)", cell.source)]
        if shown:
            raise ValueError(f"{exercise}: cell {number} shows the answer {shown[0]}")


def exercise_paths() -> list[Path]:
    """The exercise notebooks (teacher versions)."""
    return [p for p in notebook_paths() if p.parent.name == "exercises"]


def write_student_versions(out_dir: Path) -> list[Path]:
    """Write the student version of every exercise into ``out_dir`` (overwriting)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in exercise_paths():
        target = out_dir / path.name
        nbformat.write(student_version(nbformat.read(path, as_version=4), exercise_id(path)), target)
        written.append(target)
    return written


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def update_workspace(folder: Path, force: bool = False) -> dict[str, list[str]]:
    """Write the student versions into ``folder`` for JupyterLab. A notebook whose text differs
    from what was last written there (the student has worked in it) is kept unless ``force``.
    Returns the names ``written``, ``kept`` (edited, left alone) and ``current`` (unchanged)."""
    folder.mkdir(parents=True, exist_ok=True)
    record_path = folder / WRITTEN
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    outcome: dict[str, list[str]] = {"written": [], "kept": [], "current": []}
    for path in exercise_paths():
        text = nbformat.writes(student_version(nbformat.read(path, as_version=4), exercise_id(path))) + "\n"
        target = folder / path.name
        if target.exists():
            existing = target.read_text(encoding="utf-8")
            if existing == text:
                outcome["current"].append(path.name)
                record[path.name] = _digest(text)
                continue
            if not force and _digest(existing) != record.get(path.name):
                outcome["kept"].append(path.name)
                continue
        target.write_text(text, encoding="utf-8")
        record[path.name] = _digest(text)
        outcome["written"].append(path.name)
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return outcome
