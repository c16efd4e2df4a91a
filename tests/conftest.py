"""Shared fixtures: a private copy of the data folder for tests that break or rebuild it,
and a snapshot of a folder to prove that a stopped build wrote and left nothing."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from ningbo_openness import paths
from ningbo_openness.ingest import transaction

SEED_TEXT = paths.ROOT.parent / "shared" / "seed" / "000_a85d59b18c161a3d.txt"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of ``data/`` (reference tables, raw files, processed outputs)."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA, target, ignore=shutil.ignore_patterns(transaction.LOCK, transaction.STAGING))
    return target


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file in ``folder`` (to prove that nothing was written)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """sha256 and mode of every file below ``folder``, hidden ones included, except the
    build's lock file (which stays by design): equal snapshots before and after a build mean
    that it changed nothing and left nothing behind."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != transaction.LOCK}
