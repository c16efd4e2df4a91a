"""Student versions of the exercises.

Exercise notebooks (``notebooks/exercises/``) hold the teacher's solutions in code cells
tagged ``solution``. Student versions replace those cells with an empty answer cell
and drop every output.
"""
from __future__ import annotations

from pathlib import Path

import nbformat

from .notebooks import notebook_paths

ANSWER = "# Your answer here\n"
SOLUTION_TAG = "solution"


def student_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy with solution cells emptied and all outputs removed."""
    copy = nbformat.from_dict(notebook)
    for cell in copy.cells:
        if cell.cell_type != "code":
            continue
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            cell.source = ANSWER
            cell.metadata["tags"] = [t for t in cell.metadata["tags"] if t != SOLUTION_TAG]
        cell.outputs = []
        cell.execution_count = None
    return copy


def exercise_paths() -> list[Path]:
    """The exercise notebooks (teacher versions)."""
    return [p for p in notebook_paths() if p.parent.name == "exercises"]


def write_student_versions(out_dir: Path) -> list[Path]:
    """Write the student version of every exercise into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in exercise_paths():
        target = out_dir / path.name
        nbformat.write(student_version(nbformat.read(path, as_version=4)), target)
        written.append(target)
    return written
