"""All-or-nothing replacement of the build's outputs, one build at a time.

- **Lock.** ``<data>/.build.lock`` (the ``filelock`` library: ``flock`` on POSIX, ``msvcrt``
  on Windows) is held for a whole build, from reading the inputs to the last rename, so two
  builds in one tree run one after the other and the later one reads the later inputs.
- **Stage.** Every output is written to ``.staging/new/`` in its own target's folder
  (``data/processed/.staging/new/audit.csv``), so that each later rename stays within one
  folder and one file system, and fsynced; the current outputs are hard-linked (or copied)
  to ``.staging/old/`` beside them. Files are created as a plain write creates them, so
  their mode follows the umask.
- **Journal.** ``<data>/.staging/journal.json`` names the outputs; it is written (fsynced,
  then renamed into place) only once everything is staged.
- **Switch.** Each staged file is renamed over its target, the targets' folders fsynced,
  and the staging folders removed.

Every exit leaves either the old set or the new one: an error or signal before the journal
removes the staging folder; an error or signal during the switch puts the old files back
(a ``rollback`` mark in the journal first, so that this too can be finished later). A build
killed outright (SIGKILL, power loss) leaves the staging folder, and the next build, or the
next ``settle`` by the loader, finishes what the journal says: the switch forward, or the
rollback; without a journal it only removes the staging folder.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock

from ..errors import EnvironmentFault, shown

LOCK = ".build.lock"
STAGING = ".staging"
JOURNAL = "journal.json"
#: Seconds a build waits for another build of the same folder before giving up.
LOCK_WAIT_S = 600.0


@contextmanager
def locked(data_dir: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold the build lock of ``data_dir``, waiting (with one line on stdout) while another build holds it."""
    path = data_dir / LOCK
    lock = filelock.FileLock(path)
    try:
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            print(f"waiting for another build of {shown(data_dir)} to finish ({shown(path)})", flush=True)
            lock.acquire(timeout=wait_s)
    except filelock.Timeout:
        raise EnvironmentFault("lock", path, f"another build has held it for {wait_s:.0f} s") from None
    except OSError as exc:
        raise EnvironmentFault.from_os_error("lock", path, exc) from None
    try:
        yield
    finally:
        lock.release()


def _fsync_dir(folder: Path) -> None:
    """Make a folder's entries durable (POSIX; Windows has no directory handles for this)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise EnvironmentFault.from_os_error("write", path, exc) from None


def _keep_old(target: Path, copy: Path) -> None:
    copy.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(target, copy)
    except OSError:
        shutil.copy2(target, copy)


def _staged(data_dir: Path, name: str, kind: str) -> Path:
    """Where output ``name`` is staged: ``kind`` ``new`` (the file to switch in) or ``old`` (the one it replaces)."""
    target = data_dir / name
    return target.parent / STAGING / kind / target.name


def _folders(data_dir: Path, names: list[str]) -> list[Path]:
    """The folders holding the outputs ``names``."""
    return sorted({(data_dir / name).parent for name in names})


def _remove_staging(data_dir: Path, names: list[str] | None = None) -> None:
    """Remove the staging folders (beside ``names``, or wherever a killed build may have left one); the journal's goes last."""
    folders = _folders(data_dir, names) if names is not None else sorted(
        {p.parent for p in data_dir.rglob(STAGING) if p.is_dir()} | {data_dir})
    for folder in sorted(folders, key=lambda f: f != data_dir, reverse=True):
        shutil.rmtree(folder / STAGING, ignore_errors=True)


def commit(outputs: dict[str, str], data_dir: Path) -> None:
    """Replace the files ``outputs`` names (paths relative to ``data_dir`` -> text) as one set.

    Call with the lock held (see ``locked``). Raises ``EnvironmentFault`` for a file that
    cannot be written; the previous files are then as they were.
    """
    names = list(outputs)
    try:
        for name, text in outputs.items():
            _write_synced(_staged(data_dir, name, "new"), text)
        created = [name for name in names if not (data_dir / name).exists()]
        for name in names:
            if name not in created:
                _keep_old(data_dir / name, _staged(data_dir, name, "old"))
        for folder in sorted({_staged(data_dir, name, "new").parent for name in names}):
            _fsync_dir(folder)
        _write_journal(data_dir, {"outputs": names, "created": created, "rollback": False})
    except BaseException as exc:
        _remove_staging(data_dir, names)
        if isinstance(exc, OSError):
            raise EnvironmentFault.from_os_error("write", data_dir / STAGING, exc) from None
        raise
    _switch(data_dir, names)


def _write_journal(data_dir: Path, journal: dict) -> None:
    folder = data_dir / STAGING
    folder.mkdir(exist_ok=True)
    _write_synced(folder / (JOURNAL + ".tmp"), json.dumps(journal))
    os.replace(folder / (JOURNAL + ".tmp"), folder / JOURNAL)
    _fsync_dir(folder)


def _read_journal(data_dir: Path) -> dict:
    return json.loads((data_dir / STAGING / JOURNAL).read_text(encoding="utf-8"))


def _switch(data_dir: Path, names: list[str]) -> None:
    """Rename every staged file into place; on any error or signal, put the old ones back."""
    try:
        _forward(data_dir, names)
    except BaseException as exc:
        journal = _read_journal(data_dir) | {"rollback": True}
        _write_journal(data_dir, journal)
        _back(data_dir, journal)
        if isinstance(exc, OSError):
            raise EnvironmentFault.from_os_error("replace", data_dir, exc) from None
        raise


def _forward(data_dir: Path, names: list[str]) -> None:
    for name in names:
        new = _staged(data_dir, name, "new")
        if new.exists():  # absent: already switched by an interrupted run
            os.replace(new, data_dir / name)
    for folder in _folders(data_dir, names):
        _fsync_dir(folder)
    _remove_staging(data_dir, names)


def _back(data_dir: Path, journal: dict) -> None:
    for name in journal["outputs"]:
        old, target = _staged(data_dir, name, "old"), data_dir / name
        if old.exists():
            os.replace(old, target)
        elif name in journal["created"] and target.exists() and not _staged(data_dir, name, "new").exists():
            target.unlink()
    for folder in _folders(data_dir, journal["outputs"]):
        _fsync_dir(folder)
    _remove_staging(data_dir, journal["outputs"])


def recover(data_dir: Path) -> str:
    """Finish what a killed build left in ``data_dir`` (call with the lock held).

    Returns what was done: ``""`` (nothing to do), ``"removed"`` (staged files of a build
    that had not reached its journal), ``"switched"`` or ``"rolled back"``.
    """
    try:
        journal = _read_journal(data_dir)
    except (OSError, ValueError):
        if not any(data_dir.rglob(STAGING)):
            return ""
        _remove_staging(data_dir)
        return "removed"
    if journal["rollback"]:
        _back(data_dir, journal)
        return "rolled back"
    _forward(data_dir, journal["outputs"])
    return "switched"


def replace_file(path: Path, data: bytes) -> None:
    """Replace one file that can be made again (a figure, the figure manifest): write a hidden
    sibling named for this process and thread, with the mode a plain write gives, then
    rename it over ``path``; the sibling never outlives a failure. Not fsynced: the build's
    outputs go through ``commit`` instead."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def settle(data_dir: Path) -> None:
    """Before reading outputs: if a switch is under way or was cut short, wait for it or finish it."""
    if (data_dir / STAGING / JOURNAL).exists():
        with locked(data_dir):
            done = recover(data_dir)
        if done:
            print(f"finished an interrupted build of {shown(data_dir)} ({done})", file=sys.stderr)
