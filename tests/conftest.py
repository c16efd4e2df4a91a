"""Shared fixtures: a private copy of the data folder for tests that break or rebuild it."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from ningbo_openness import paths

SEED_TEXT = paths.ROOT.parent / "shared" / "seed" / "000_a85d59b18c161a3d.txt"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of ``data/`` (reference tables, raw files, processed outputs)."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA, target)
    return target


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file in ``folder`` (to prove that nothing was written)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}
