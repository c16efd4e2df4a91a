"""The build: validate -> normalise units -> derive -> audit -> write.

Nothing is written unless every step succeeds; the outputs are written to
temporary files and then renamed into place, so an interrupted or failed build
leaves the previous processed data as it was. Besides the indicator table and its
audit, the build checks and writes the rule-alignment tables (``rules``).
"""
from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import checks, datapackage, paths, rules
from .derive import derive
from .errors import InputError
from .observations import KEY, OUTPUT, canonical, merge_repeats
from .raw import read_raw
from .registry import load_registry

SORT = [*KEY, "kind", "source_id", "value", "locator"]


@dataclass(frozen=True)
class BuildResult:
    """The processed tables of one build."""

    indicators: pd.DataFrame
    audit: pd.DataFrame
    agreement_provisions: pd.DataFrame
    ningbo_measures: pd.DataFrame

    def outputs(self) -> dict[str, str]:
        """Path relative to the data folder -> file text."""
        tables = {"indicators.csv": self.indicators, "audit.csv": self.audit,
                  "agreement_provisions.csv": self.agreement_provisions, "ningbo_measures.csv": self.ningbo_measures}
        texts = {f"processed/{name}": to_csv_text(table) for name, table in tables.items()}
        return texts | {"datapackage.json": datapackage.to_json_text()}


def run(data_dir: Path = paths.DATA) -> BuildResult:
    """Build the processed tables from ``data_dir`` in memory (nothing is written)."""
    reg = load_registry(data_dir)
    obs = canonical(read_raw(data_dir / "raw", reg), reg)
    value_growth = reg.value_growth()
    growth = checks.growth_vs_base(obs[obs["indicator"].isin(value_growth)])
    bad = checks.contradictions(growth)
    if not bad.empty:
        first = bad.sort_values(["_file", "_line"]).iloc[0]
        raise InputError(data_dir / "raw" / first["_file"], int(first["_line"]), "yoy_pct",
                         f"a growth rate within {first['_tolerance']:.2f} pp of {first['expected']:.2f}% "
                         f"({first['detail']})", f"{first['stated']:g}")
    reported = merge_repeats(obs)
    derived = derive(reported, reg.indicators["unit"], value_growth)
    table = pd.concat([reported, derived], ignore_index=True)[OUTPUT]
    table = table.sort_values(SORT, kind="stable", ignore_index=True)
    return BuildResult(table, checks.audit(obs, reported, growth), rules.read_cells(data_dir, reg), rules.read_measures(data_dir, reg))


def to_csv_text(frame: pd.DataFrame) -> str:
    """The byte-stable CSV form of a processed table: floats with 12 significant digits,
    missing values blank. Floats are formatted here, in one pass per column, which is
    several times faster on large tables than pandas' per-cell ``float_format``."""
    text = frame.copy()
    for column in frame.columns[[pd.api.types.is_float_dtype(t) for t in frame.dtypes]]:
        text[column] = ["" if math.isnan(v) else f"{v:.12g}" for v in frame[column].tolist()]
    return text.to_csv(index=False, lineterminator="\n")


def write(result: BuildResult, data_dir: Path = paths.DATA) -> None:
    """Write every output under ``data_dir``: all staged first, then each renamed into place."""
    staged = []
    try:
        for name, text in result.outputs().items():
            target = data_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            staged.append((tmp, target))
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.remove(tmp)


def build(data_dir: Path = paths.DATA) -> BuildResult:
    """Run the build and write the processed tables and the data package."""
    result = run(data_dir)
    write(result, data_dir)
    return result
