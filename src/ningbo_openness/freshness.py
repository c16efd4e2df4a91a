"""Skip work whose inputs have not changed since it was last done (``make reproduce`` run twice).

A step's key is the sha256 of the bytes of every file it depends on: the package's code,
the data folder (reference tables, raw files and processed tables), the exact environment
(``requirements.lock``) and the step's own inputs (a notebook). Keys of finished steps are
kept in ``build/.fresh.json``; a step is redone when its key differs or one of its outputs is
missing, and ``make clean`` (which removes ``build/``) forgets them all. Hashing bytes, not
comparing times, means a rebuild that rewrites identical files does not make what follows
it stale.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from . import paths
from .ingest import transaction

STORE = paths.BUILD / ".fresh.json"


def _visible(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file()
                  and not any(part.startswith((".", "__")) for part in p.relative_to(folder).parts))


def common_inputs() -> list[Path]:
    """What every step reads: the package's code, the data folder and the lock."""
    return [*_visible(paths.ROOT / "src" / "ningbo_openness", "*.py"), *_visible(paths.DATA, "*"),
            paths.ROOT / "requirements.lock"]


def key(files: Iterable[Path]) -> str:
    """sha256 over the path (relative to the project) and bytes of each file, in order."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.resolve().relative_to(paths.ROOT).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.exists() else b"missing")
    return digest.hexdigest()


def _load() -> dict[str, str]:
    try:
        return json.loads(STORE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_fresh(step: str, step_key: str, outputs: Iterable[Path]) -> bool:
    """True if ``step`` was last done with ``step_key`` and all its ``outputs`` still exist."""
    return _load().get(step) == step_key and all(p.exists() for p in outputs)


def record(step: str, step_key: str) -> None:
    """Remember that ``step`` has been done with ``step_key``."""
    store = _load() | {step: step_key}
    transaction.replace_file(STORE, (json.dumps(store, indent=1, sort_keys=True) + "\n").encode("utf-8"))
