"""The figure manifest (``manifest.csv`` beside the figures): one row per saved file with its
language, format, caption, notebook, the source ids drawn, its size and its sha256."""
from __future__ import annotations

import csv
import hashlib
import io
import tempfile
from pathlib import Path

import filelock
import pandas as pd

from .. import paths
from ..ingest.transaction import replace_file

NAME = "manifest.csv"
COLUMNS = ["name", "lang", "format", "file", "notebook", "caption", "sources", "width_mm", "height_mm", "sha256"]


def read(out_dir: Path | None = None) -> pd.DataFrame:
    """The figure manifest: one row per saved file (empty if nothing was saved yet)."""
    path = (out_dir or paths.FIGURES) / NAME
    if not path.exists():
        return pd.DataFrame(columns=COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def update(out_dir: Path, rows: list[dict]) -> None:
    """Replace this figure's rows in the manifest of ``out_dir``. A lock serialises the read-modify-write, so
    notebooks executed in parallel cannot lose each other's rows; it is a ``filelock`` (so
    Windows too) in the temporary folder, named for the manifest's path, so that the figure
    folder holds only figures and their manifest."""
    path = out_dir / NAME
    out_dir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    with filelock.FileLock(Path(tempfile.gettempdir()) / f"ningbo-openness-manifest-{key}.lock"):
        _merge(path, rows)


def _merge(path: Path, rows: list[dict]) -> None:
    existing = []
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            existing = list(csv.DictReader(handle))
    replaced = {(r["name"], r["lang"], r["format"]) for r in rows}
    kept = [r for r in existing if (r["name"], r["lang"], r["format"]) not in replaced]
    merged = sorted(kept + rows, key=lambda r: (r["name"], r["lang"], r["format"]))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(merged)
    replace_file(path, text.getvalue().encode("utf-8"))
