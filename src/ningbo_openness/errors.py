"""The one error type the build raises for bad input."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        where = str(self.file)
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        found = f"; found {self.found!r}" if self.found != "" else ""
        return f"{where}: expected {self.expected}{found}"
