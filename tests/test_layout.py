"""The package's layout: analysis at the top, ``ingest`` and ``publishing`` below, no name twice."""
from __future__ import annotations

import ast
import pkgutil
from collections import Counter

import ningbo_openness
from ningbo_openness import paths

PACKAGE = paths.ROOT / "src" / "ningbo_openness"


def _modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(ningbo_openness.__path__, "ningbo_openness.")]


def test_no_module_name_is_used_twice_across_layers():
    leaves = Counter(name.rsplit(".", 1)[-1] for name in _modules() if not name.endswith("__main__"))
    assert [leaf for leaf, n in leaves.items() if n > 1] == []


def test_analysis_modules_do_not_import_publishing():
    """Notebooks take constants and analysis from the analysis modules, never from figure code."""
    for path in PACKAGE.glob("*.py"):
        if path.name == "cli.py":  # the command line drives every layer
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert not (node.module or "").startswith("publishing"), path.name


def test_notebooks_import_no_names_from_figure_modules():
    for path in sorted(paths.NOTEBOOKS.rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert "publishing.figures." not in text and "_plots import" not in text, path.name


def test_the_benchmark_is_not_installed():
    assert "ningbo_openness.bench" not in _modules()
    assert (paths.ROOT / "tests" / "bench.py").exists()
