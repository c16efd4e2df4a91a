"""The build: declared inputs -> validate -> normalise units -> domain rules -> derive -> audit -> write
(the processed tables, the data package and its codebook ``data/README.md``).

Nothing is written unless every step succeeds, and then every output is replaced as one
set (``transaction``), under a lock that makes concurrent builds of one folder run one
after the other. Besides the indicator table and its audit, the build checks and writes
the rule-alignment tables (``rules``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import InputError
from ..schema import INDICATOR_COLUMNS, OBSERVATION_KEY
from . import checks, codebook, competence_tables, datapackage, domain, rule_tables, scope_breaks, transaction
from .derive import derive
from .manifest import load_manifest
from .observations import canonical, merge_repeats
from .raw import read_raw
from .registry import load_registry

SORT = [*OBSERVATION_KEY, "kind", "source_id", "value", "locator"]


@dataclass(frozen=True)
class BuildResult:
    """The processed tables of one build."""

    indicators: pd.DataFrame
    audit: pd.DataFrame
    agreement_provisions: pd.DataFrame
    chapters: pd.DataFrame
    ningbo_measures: pd.DataFrame
    provision_competence: pd.DataFrame
    measure_origins: pd.DataFrame
    #: Data rows read from each observation file (path relative to the data folder).
    rows_read: dict[str, int]
    #: The units table, for the codebook.
    units: pd.DataFrame

    def outputs(self) -> dict[str, str]:
        """Path relative to the data folder -> file text."""
        tables = {"indicators.csv": self.indicators, "audit.csv": self.audit,
                  "agreement_provisions.csv": self.agreement_provisions, "chapters.csv": self.chapters,
                  "ningbo_measures.csv": self.ningbo_measures, "provision_competence.csv": self.provision_competence,
                  "measure_origins.csv": self.measure_origins}
        texts = {f"processed/{name}": to_csv_text(table) for name, table in tables.items()}
        return texts | {"datapackage.json": datapackage.to_json_text(), "README.md": codebook.to_markdown(self.units)}


def run(data_dir: Path = paths.DATA) -> BuildResult:
    """Build the processed tables from ``data_dir`` in memory (nothing is written)."""
    manifest = load_manifest(data_dir)
    reg = load_registry(data_dir, manifest)
    raw = read_raw(manifest, reg)
    obs = canonical(raw, reg)
    domain.check(obs, data_dir, reg)
    value_growth = reg.value_growth()
    growth = checks.growth_vs_base(obs[obs["indicator"].isin(value_growth)])
    bad = checks.contradictions(growth)
    if not bad.empty:
        first = bad.sort_values(["_file", "_line"]).iloc[0]
        wanted = (f"a growth rate within {first['_tolerance']:.2f} pp of {first['expected']:.2f}%"
                  if math.isfinite(first["expected"]) else "no stated growth rate")
        raise InputError(data_dir / first["_file"], int(first["_line"]), "yoy_pct", f"{wanted} ({first['detail']})",
                         f"{first['stated']:g}")
    reported = merge_repeats(obs)
    derived = derive(reported, reg.indicators["unit"], value_growth)
    table = pd.concat([reported, derived], ignore_index=True)[INDICATOR_COLUMNS]
    table = table.sort_values(SORT, kind="stable", ignore_index=True)
    (cells, chapters), measures = rule_tables.read_cells(manifest, reg), rule_tables.read_measures(manifest, reg)
    levels = competence_tables.read_levels(manifest)
    competence = competence_tables.read_competence(manifest, reg, list(rule_tables.provisions(manifest).index), levels)
    origins = competence_tables.read_origins(manifest, reg, sorted(set(measures["measure_id"])))
    scope_breaks.read_breaks(manifest, reg)
    rows_read = raw["_file"].value_counts(sort=False).to_dict() | {
        manifest.path(name).relative_to(data_dir).as_posix(): len(frame)
        for name, frame in (("agreement_provisions", cells), ("chapters", chapters), ("ningbo_measures", measures),
                            ("provision_competence", competence), ("measure_origins", origins))}
    return BuildResult(table, checks.audit(obs, reported, growth), cells, chapters, measures, competence, origins, rows_read,
                       reg.units)


def to_csv_text(frame: pd.DataFrame) -> str:
    """The byte-stable CSV form of a processed table: floats with 12 significant digits,
    missing values blank. Floats are formatted here, in one pass per column, which is
    several times faster on large tables than pandas' per-cell ``float_format``."""
    text = frame.copy()
    for column in frame.columns[[pd.api.types.is_float_dtype(t) for t in frame.dtypes]]:
        text[column] = ["" if math.isnan(v) else f"{v:.12g}" for v in frame[column].tolist()]
    return text.to_csv(index=False, lineterminator="\n")


def write(result: BuildResult, data_dir: Path = paths.DATA) -> None:
    """Replace every output under ``data_dir`` as one set (call with the build lock held)."""
    transaction.commit(result.outputs(), data_dir)


def build(data_dir: Path = paths.DATA) -> BuildResult:
    """Under the build lock: finish what an earlier, killed build left, run the build and
    write the processed tables and the data package."""
    with transaction.locked(data_dir):
        transaction.recover(data_dir)
        result = run(data_dir)
        write(result, data_dir)
    return result
