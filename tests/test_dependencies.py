"""Every module the code imports comes from a declared distribution: the package's from
its run-time dependencies, the tests' from those and the test extra (none only present
because something else happened to pull it in)."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

from ningbo_openness import paths

PROJECT = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: Modules of this repository imported by name: the package, the guard and the test folder's own modules.
LOCAL = {"ningbo_openness", "conftest", "offline_guard"} | {p.stem for p in (paths.ROOT / "tests").glob("*.py")}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def _imported(files: list[Path]) -> set[str]:
    """Top-level modules imported by ``files`` (absolute imports), standard library and local ones aside."""
    found = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - LOCAL


def _undeclared(modules: set[str], declared: set[str]) -> dict[str, list[str]]:
    providers = importlib.metadata.packages_distributions()
    missing = {}
    for module in sorted(modules):
        distributions = {d.lower().replace("_", "-") for d in providers.get(module, [module])}
        if not distributions & declared:
            missing[module] = sorted(distributions)
    return missing


RUNTIME = _names(PROJECT["dependencies"])


@pytest.mark.parametrize("folder, declared", [
    ("src", RUNTIME),
    ("tests", RUNTIME | _names(PROJECT["optional-dependencies"]["test"])),
], ids=["package", "tests"])
def test_every_import_is_declared(folder, declared):
    files = sorted((paths.ROOT / folder).rglob("*.py"))
    assert files
    assert _undeclared(_imported(files), declared) == {}


PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)==(?P<version>[^\s;\\]+)", re.MULTILINE)


def _locked() -> dict[str, set[str]]:
    """Name -> versions pinned in requirements.lock (a universal lock may pin a distribution
    twice, under different environment markers)."""
    pins: dict[str, set[str]] = {}
    for match in PIN.finditer((paths.ROOT / "requirements.lock").read_text(encoding="utf-8")):
        pins.setdefault(match["name"].lower().replace("_", "-"), set()).add(match["version"])
    return pins


def test_lock_pins_every_declared_requirement_within_its_range():
    from packaging.requirements import Requirement

    locked = _locked()
    extras = PROJECT["optional-dependencies"]
    for text in PROJECT["dependencies"] + extras["test"] + extras["lint"]:
        requirement = Requirement(text)
        name = requirement.name.lower().replace("_", "-")
        assert name in locked, f"{name} is declared in pyproject.toml but not in requirements.lock (run make lock)"
        for version in locked[name]:
            assert requirement.specifier.contains(version, prereleases=True), (name, version, str(requirement.specifier))


def test_every_locked_distribution_carries_its_hashes():
    text = (paths.ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(entries) == len(PIN.findall(text)) > 100
    assert all("--hash=sha256:" in entry for entry in entries)
