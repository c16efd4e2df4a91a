"""Where a series changes scope or basis (``data/scope_breaks.csv``).

One row per break: the series (``indicator``, ``geo``, ``partner``; a blank indicator or geo
means every one), the first period on the new scope (``from_period``), what the scope was
and what it became, the vintage that marks earlier rows restated on the new basis
(``restated``, blank if none), and the source that says so. The build checks it like the other tables.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import periods
from .csvfiles import read_strict
from .keys import check_unique
from .manifest import Manifest
from .raw import VINTAGES, first_failure, full_match
from .registry import Registry

COLUMNS = ["indicator", "geo", "partner", "from_period", "before", "after", "restated", "source_id", "locator", "note"]


def _known(values, what: str, blank: bool = False) -> pa.Check:
    allowed = sorted(values) + ([""] if blank else [])
    return pa.Check.isin(allowed, error=what + (", or blank for every one" if blank else ""))


def read_breaks(manifest: Manifest, reg: Registry) -> pd.DataFrame:
    """Validated scope breaks, in file order."""
    path = manifest.path("scope_breaks")
    frame = read_strict(path, COLUMNS)
    text = full_match(r"\S.*", "a non-empty text")
    schema = pa.DataFrameSchema({
        "indicator": pa.Column(str, _known(reg.indicators.index, "an indicator id defined in data/indicators.csv", blank=True)),
        "geo": pa.Column(str, _known(reg.geos.index, "a reporter id defined in data/geos.csv", blank=True)),
        "partner": pa.Column(str, _known(reg.partners.index, "a partner id defined in data/partners.csv")),
        "from_period": pa.Column(str, pa.Check(lambda s: s.map(periods.is_valid), error=periods.DESCRIPTION)),
        "before": pa.Column(str, text),
        "after": pa.Column(str, text),
        "restated": pa.Column(str, _known([v for v in VINTAGES if v], "a vintage (preliminary, final, revised)", blank=True)),
        "source_id": pa.Column(str, _known(reg.sources.index, "a source id registered in data/sources.csv")),
        "locator": pa.Column(str, text),
    })
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise first_failure(exc.failure_cases, frame, path) from None
    key = ["indicator", "geo", "partner", "from_period"]
    check_unique(frame.assign(_file=path.relative_to(manifest.data_dir).as_posix()), key, manifest.data_dir,
                 f"a unique key ({', '.join(key)})")
    return frame[COLUMNS]
