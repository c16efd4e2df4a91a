"""environment.yml (conda) and pyproject.toml (pip) name the same packages and ranges."""
from __future__ import annotations

import re
import tomllib

from ningbo_openness import paths


def _spec(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower(), spec.replace(" ", "")


def test_conda_environment_matches_pyproject():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = dict(_spec(r) for r in project["dependencies"] + extras["test"] + extras["lint"])
    listed = {}
    text = (paths.ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        item = re.match(r"^\s+-\s+(?!-e)([A-Za-z][^\s#]*)", line)
        if item and item.group(1) not in ("pip", "pip:"):
            name, spec = _spec(item.group(1))
            listed[name] = spec
    python = listed.pop("python")
    assert python == project["requires-python"]
    assert listed == wanted
    assert "- -e ." in text
