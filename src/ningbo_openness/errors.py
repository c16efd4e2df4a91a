"""The errors the build stops on, and how they name files.

Two kinds, with distinct exit codes of ``python -m ningbo_openness build``:

- ``InputError`` (exit 1): something in ``data/`` is wrong; the message names the file,
  line, column and what was expected.
- ``EnvironmentFault`` (exit 3): the machine, not the data, is in the way: a file that
  cannot be read, an output that cannot be written (read-only folder, full disk), a
  lock held by another build for too long.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import paths


def shown(path: Path | str) -> str:
    """``path`` as a reader should see it: relative to the project (``data/raw/trade.csv``)
    when it lies in it, else relative to the working directory when below it, else absolute."""
    absolute = Path(os.path.abspath(path))
    for base in (paths.ROOT, Path.cwd()):
        if absolute.is_relative_to(base):
            return absolute.relative_to(base).as_posix()
    return absolute.as_posix()


#: How much of an offending cell a message quotes.
FOUND_CHARS = 200


@dataclass
class InputError(Exception):
    """Bad input: names the file, the 1-based line (header = line 1), the column and what was expected.

    ``line`` and ``column`` are ``None`` when the problem concerns the whole file.
    """

    file: Path | str
    line: int | None
    column: str | None
    expected: str
    found: str = ""

    def __str__(self) -> str:
        where = shown(self.file)
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        found = self.found if len(self.found) <= FOUND_CHARS else self.found[:FOUND_CHARS] + "..."
        return f"{where}: expected {self.expected}" + (f"; found {found!r}" if found != "" else "")


@dataclass
class EnvironmentFault(Exception):
    """A file the build cannot read or write for a reason outside ``data/``'s content."""

    action: str
    path: Path | str
    reason: str

    def __str__(self) -> str:
        return f"cannot {self.action} {shown(self.path)}: {self.reason}"

    @classmethod
    def from_os_error(cls, action: str, path: Path | str, exc: OSError) -> EnvironmentFault:
        """The fault for an ``OSError`` met while doing ``action`` on ``path``."""
        return cls(action, exc.filename or path, exc.strerror or str(exc))
