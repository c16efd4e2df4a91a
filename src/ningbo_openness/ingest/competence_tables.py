"""Who can implement what: the competence tables, checked like the other rule tables.

``data/competence_levels.csv``: the levels of government (central, provincial, municipal,
pilot free trade zone) and whether each is *local*, i.e. can act without the centre.
``data/raw/rules/provision_competence.csv``: for every provision, the lowest level that can
implement it on its own, with the legal article that says so. ``data/raw/rules/measure_origins.csv``:
for every Ningbo measure, whether it is a local initiative or the local implementation of a
national scheme (and which), cited.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..errors import InputError
from .csvfiles import read_strict
from .manifest import Manifest
from .raw import NONBLANK, full_match
from .registry import Registry
from .validation import require_when, validate

LEVEL_COLUMNS = ["level", "order", "name_en", "name_zh", "local", "description"]
COMPETENCE_COLUMNS = ["provision", "level", "source_id", "locator", "quote", "note"]
#: The processed table adds whether the provision's level is local.
PROCESSED_COMPETENCE_COLUMNS = ["provision", "level", "local", "source_id", "locator", "quote", "note"]
ORIGIN_COLUMNS = ["measure_id", "origin", "scheme", "source_id", "locator", "quote", "note"]
#: Where a measure comes from: the city's (or province's) own initiative, or a national scheme applied locally.
ORIGINS = ("local", "national")


def _cited(sources: list[str]) -> dict[str, pa.Column]:
    return {
        "source_id": pa.Column(str, pa.Check.isin(sources, error="a source id registered in data/sources.csv")),
        "locator": pa.Column(str, NONBLANK),
        "quote": pa.Column(str, NONBLANK),
    }


def read_levels(manifest: Manifest) -> pd.DataFrame:
    """The levels of government, checked; ``local`` as a boolean."""
    path = manifest.path("competence_levels")
    frame = read_strict(path, LEVEL_COLUMNS)
    schema = pa.DataFrameSchema({
        "level": pa.Column(str, full_match(r"[a-z][a-z_]*", "a snake_case level id")),
        "order": pa.Column(str, full_match(r"[0-9]+", "a whole number")),
        "name_en": pa.Column(str, NONBLANK),
        "name_zh": pa.Column(str, NONBLANK),
        "local": pa.Column(str, pa.Check.isin(["true", "false"], error="true or false")),
    })
    validate(frame, schema, path, ["level"], manifest.data_dir)
    return frame[LEVEL_COLUMNS].assign(order=frame["order"].astype(int), local=frame["local"] == "true")


def read_competence(manifest: Manifest, reg: Registry, provisions: list[str], levels: pd.DataFrame) -> pd.DataFrame:
    """One cited competence row per provision, sorted, with ``local`` from its level; every
    provision must have one."""
    path = manifest.path("provision_competence")
    frame = read_strict(path, COMPETENCE_COLUMNS)
    schema = pa.DataFrameSchema({
        "provision": pa.Column(str, pa.Check.isin(sorted(provisions), error="a provision id defined in data/provisions.csv")),
        "level": pa.Column(str, pa.Check.isin(sorted(levels["level"]), error="a level defined in data/competence_levels.csv")),
        **_cited(sorted(reg.sources.index)),
    })
    validate(frame, schema, path, ["provision"], manifest.data_dir)
    missing = sorted(set(provisions) - set(frame["provision"]))
    if missing:
        raise InputError(path, None, "provision", "a row for every provision in data/provisions.csv", ", ".join(missing))
    local = frame["level"].map(levels.set_index("level")["local"])
    return frame.assign(local=local)[PROCESSED_COMPETENCE_COLUMNS].sort_values("provision", ignore_index=True)


def read_origins(manifest: Manifest, reg: Registry, measures: list[str]) -> pd.DataFrame:
    """One cited origin row per Ningbo measure, sorted; every measure must have one, and a
    national one names its scheme."""
    path = manifest.path("measure_origins")
    frame = read_strict(path, ORIGIN_COLUMNS)
    schema = pa.DataFrameSchema({
        "measure_id": pa.Column(str, pa.Check.isin(sorted(measures),
                                                   error="a measure id of data/raw/rules/ningbo_measures.csv")),
        "origin": pa.Column(str, pa.Check.isin(ORIGINS, error=f"one of {', '.join(ORIGINS)}")),
        **_cited(sorted(reg.sources.index)),
    })
    validate(frame, schema, path, ["measure_id"], manifest.data_dir)
    require_when(frame, path, frame["origin"] == "national", ["scheme"], "a national scheme is named")
    missing = sorted(set(measures) - set(frame["measure_id"]))
    if missing:
        raise InputError(path, None, "measure_id", "a row for every measure in data/raw/rules/ningbo_measures.csv",
                         ", ".join(missing))
    return frame[ORIGIN_COLUMNS].sort_values("measure_id", ignore_index=True)
