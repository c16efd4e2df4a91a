"""The declared inputs of the build (``data/manifest.csv``).

Every file the build reads is listed there with the table it holds: one file for each
reference table and rule table, one or more files of observations. A declared file that
is missing, a file under ``data/raw/`` that is not declared (a copy, a file renamed to
``.bak``) and a declared file without data rows all stop the build, so an input can only
shrink or disappear by an explicit edit of the manifest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from ..errors import InputError, shown
from .csvfiles import read_strict

NAME = "manifest.csv"
COLUMNS = ["path", "table", "description"]
#: Tables read from exactly one file each.
SINGLE = ("indicators", "sources", "units", "unit_aliases", "geos", "partners", "provisions", "agreements", "wording",
          "enforceability", "competence_levels", "scope_breaks", "chapters", "agreement_provisions", "ningbo_measures",
          "provision_competence", "measure_origins")
#: Tables that may be split over several files (one per theme or source).
SPLIT = ("observations",)
#: The folder whose every file must be declared.
RAW = "raw"
PATH = re.compile(r"[a-z0-9_]+(/[a-z0-9_]+)*\.csv")


@dataclass(frozen=True)
class Manifest:
    """The declared input files of one data folder."""

    data_dir: Path
    files: pd.DataFrame  # columns path, table, description, _line

    def path(self, table: str) -> Path:
        """The one file holding ``table``."""
        return self.data_dir / self.files.loc[self.files["table"] == table, "path"].iloc[0]

    def paths(self, table: str) -> list[Path]:
        """Every file holding ``table``, in the manifest's order."""
        return [self.data_dir / p for p in self.files.loc[self.files["table"] == table, "path"]]


def load_manifest(data_dir: Path) -> Manifest:
    """Read ``data_dir/manifest.csv`` and check it against the files on disk."""
    source = data_dir / NAME
    if not source.is_file():
        raise InputError(source, None, None, f"the list of the build's input files ({', '.join(COLUMNS)})", "no such file")
    files = read_strict(source, COLUMNS)
    for _, row in files.iterrows():
        if not PATH.fullmatch(row["path"]):
            raise InputError(source, row["_line"], "path", "a relative path of lower-case snake_case names ending in .csv",
                             row["path"])
        if row["table"] not in (*SINGLE, *SPLIT):
            raise InputError(source, row["_line"], "table", f"one of {', '.join((*SINGLE, *SPLIT))}", row["table"])
    repeated = files[files["path"].duplicated()]
    if not repeated.empty:
        row = repeated.iloc[0]
        earlier = files.loc[files["path"] == row["path"], "_line"].iloc[0]
        raise InputError(source, row["_line"], "path", "each file declared once", f"a repeat of line {earlier}")
    for table in (*SINGLE, *SPLIT):
        rows = files[files["table"] == table]
        if rows.empty:
            raise InputError(source, None, "table", f"a file declared for table {table}", "none")
        if table in SINGLE and len(rows) > 1:
            raise InputError(source, rows["_line"].iloc[1], "table", f"one file for table {table}",
                             f"a second one (first on line {rows['_line'].iloc[0]})")
    for _, row in files.iterrows():
        if not (data_dir / row["path"]).is_file():
            raise InputError(data_dir / row["path"], None, None, f"the file declared on line {row['_line']} of {shown(source)}",
                             "no such file")
    _check_undeclared(data_dir, set(files["path"]))
    return Manifest(data_dir, files)


def _check_undeclared(data_dir: Path, declared: set[str]) -> None:
    """Every visible file under ``raw/`` is declared (hidden files, such as editor swap files, are ignored)."""
    raw = data_dir / RAW
    found = sorted(p for p in raw.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(data_dir).parts))
    for path in found:
        relative = PurePosixPath(path.relative_to(data_dir).as_posix())
        if str(relative) not in declared:
            raise InputError(path, None, None, f"only files declared in {shown(data_dir / NAME)} under {shown(raw)}/ "
                             "(declare it, or move it elsewhere)", "an undeclared file")
