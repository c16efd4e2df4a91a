"""The public loader: the processed tables as tidy DataFrames.

Values are in each indicator's canonical unit (see ``meta``). Tables are read
once per process and cached until the file changes on disk; every call returns
a new frame, so changing it never changes the cache. Before reading, the loader
waits for a build that is switching its outputs in, or finishes the switch of a
build that was killed during it (``transaction.settle``), so it never reads a mix
of old and new tables.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths, periods
from .ingest import transaction

CATEGORICAL = ["indicator", "geo", "partner", "unit", "qualifier", "vintage", "kind", "source_id"]


@lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.drop(columns=["_line"], errors="ignore")


def _csv(path: Path) -> pd.DataFrame:
    transaction.settle(paths.DATA)
    return _read(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _indicators(path: str, mtime_ns: int) -> pd.DataFrame:
    frame = pd.read_csv(path, keep_default_na=False, na_values={"value": [""], "yoy_pct": [""]},
                        dtype={"value": float, "yoy_pct": float, "period": str})
    for column in CATEGORICAL:
        frame[column] = frame[column].astype("category")
    spans = {p: periods.bounds(p) for p in frame["period"].unique()}
    frame.insert(4, "start", pd.to_datetime([spans[p][0] for p in frame["period"]]))
    frame.insert(5, "end", pd.to_datetime([spans[p][1] for p in frame["period"]]))
    return frame


def load_indicators(indicator=None, geo=None, partner=None, kind=None, source_id=None) -> pd.DataFrame:
    """The processed indicator table, optionally filtered.

    Each filter takes one id or a list of ids. Columns follow the data contract
    (``indicator, geo, partner, period, value, unit, yoy_pct, qualifier, vintage, kind,
    formula, source_id, locator, note``) plus ``start`` and ``end``, the first
    and last day of the period. ``value`` is in the indicator's canonical unit;
    ``yoy_pct`` is the published growth in percent.
    """
    path = paths.INDICATORS_PROCESSED
    transaction.settle(paths.DATA)
    frame = _indicators(str(path), path.stat().st_mtime_ns)
    mask = pd.Series(True, index=frame.index)
    for column, wanted in (("indicator", indicator), ("geo", geo), ("partner", partner), ("kind", kind), ("source_id", source_id)):
        if wanted is not None:
            mask &= frame[column].isin([wanted] if isinstance(wanted, str) else list(wanted))
    return frame[mask].reset_index(drop=True)


def reported_row(indicator: str, geo: str, period: str, partner: str | None = None) -> pd.Series:
    """The one reported figure of an indicator for a reporter (and partner) in a period;
    ``KeyError`` if there is none or more than one."""
    rows = load_indicators(indicator=indicator, geo=geo, partner=partner, kind="reported")
    rows = rows[rows["period"] == period]
    if len(rows) != 1:
        raise KeyError(f"expected one reported {indicator} for {geo} {period}, found {len(rows)}")
    return rows.iloc[0]


def series(indicator: str, geo: str = "ningbo", partner: str | None = None, kind: str = "reported",
           sources: list[str] | None = None) -> pd.Series:
    """One indicator for one reporter and partner as a Series indexed by period (sorted by start date).

    ``partner=None`` is allowed when the data hold only one partner for the indicator
    and reporter. Where several sources give a period, ``sources`` (in order of
    preference) chooses; without it, such a clash raises ``ValueError``.
    """
    rows = load_indicators(indicator=indicator, geo=geo, kind=kind)
    if rows.empty:
        raise KeyError(f"no {kind} rows for {indicator} in {geo}")
    if partner is None:
        found = sorted(rows["partner"].astype(str).unique())
        if len(found) > 1:
            raise ValueError(f"{indicator} in {geo} has partners {found}: pass partner=")
        partner = found[0]
    rows = rows[rows["partner"] == partner]
    if sources is not None:
        rank = {s: i for i, s in enumerate(sources)}
        rows = rows[rows["source_id"].isin(sources)]
        rows = rows.assign(_rank=rows["source_id"].astype(str).map(rank)).sort_values("_rank").drop_duplicates("period")
    clash = rows[rows.duplicated("period", keep=False)]
    if not clash.empty:
        raise ValueError(f"{indicator} in {geo} for {partner}: several sources give {sorted(clash['period'].unique())}; pass sources=")
    rows = rows.sort_values("start")
    out = pd.Series(rows["value"].to_numpy(), index=pd.Index(rows["period"], name="period"), name=indicator)
    return out


def meta(indicator: str) -> dict:
    """Name (English, Chinese), canonical unit with its labels, theme and definition of an indicator.

    ``unit_zh`` is the indicator's own Chinese measure word where it has one
    (件 for patents, 份 for certificates), else the unit's Chinese label.
    """
    table = _csv(paths.DATA / "indicators.csv").set_index("indicator")
    if indicator not in table.index:
        raise KeyError(f"unknown indicator {indicator!r}")
    row = table.loc[indicator].to_dict()
    unit = _csv(paths.DATA / "units.csv").set_index("unit").loc[row["unit"]]
    return {"indicator": indicator, **row, "unit_en": unit["label_en"], "unit_zh": row["unit_zh"] or unit["label_zh"]}


def sources() -> pd.DataFrame:
    """The source registry: one row per cited document (``data/sources.csv``)."""
    return _csv(paths.DATA / "sources.csv").copy()


def audit() -> pd.DataFrame:
    """Every check of the published claims (``data/processed/audit.csv``)."""
    frame = _csv(paths.AUDIT_PROCESSED).copy()
    for column in ("stated", "expected", "difference"):
        frame[column] = pd.to_numeric(frame[column].replace("", None)).astype(float)
    return frame


def agreement_provisions() -> pd.DataFrame:
    """How each agreement treats each provision (``data/processed/agreement_provisions.csv``):
    status binding / best_endeavour / absent / unknown as derived from the wording and the
    chapter's dispute settlement, the typed status and the decision, with article, source and quote."""
    return _csv(paths.PROCESSED / "agreement_provisions.csv").copy()


def chapters() -> pd.DataFrame:
    """Each coded agreement chapter's dispute-settlement status (applies / excluded / unknown),
    with the article that says so, source and quote (``data/processed/chapters.csv``)."""
    return _csv(paths.PROCESSED / "chapters.csv").copy()


def ningbo_measures() -> pd.DataFrame:
    """Ningbo's measures with the provisions they implement and the pipeline stage a
    source shows (``data/processed/ningbo_measures.csv``); one row per measure and source."""
    return _csv(paths.PROCESSED / "ningbo_measures.csv").copy()


def provision_competence() -> pd.DataFrame:
    """Who can implement each provision (``data/processed/provision_competence.csv``): the
    lowest level of government that can act on its own, whether that level is local (a
    boolean), and the legal article that says so."""
    frame = _csv(paths.PROCESSED / "provision_competence.csv").copy()
    return frame.assign(local=frame["local"] == "True")


def measure_origins() -> pd.DataFrame:
    """Whether each Ningbo measure is a local initiative or the local implementation of a
    national scheme, with the scheme and source (``data/processed/measure_origins.csv``)."""
    return _csv(paths.PROCESSED / "measure_origins.csv").copy()


def printed_rows(source_id: str | None = None) -> pd.DataFrame:
    """One source's figures (every source's, if ``None``) exactly as the raw observation files
    keep them: number, unit and growth rate as printed, the locator and the quoted passage,
    with the file each row is in."""
    manifest = _csv(paths.DATA / "manifest.csv")
    files = manifest.loc[manifest["table"] == "observations", "path"]
    rows = pd.concat([_csv(paths.DATA / f).assign(file=f) for f in files], ignore_index=True)
    return (rows if source_id is None else rows[rows["source_id"] == source_id]).reset_index(drop=True)


def scope_breaks() -> pd.DataFrame:
    """Where a series changes scope or basis (``data/scope_breaks.csv``); a blank indicator or
    geo applies to every one."""
    return _csv(paths.DATA / "scope_breaks.csv").copy()


NAME_TABLES = ("geos", "partners", "provisions", "agreements")


def names(table: str) -> pd.DataFrame:
    """Bilingual names of ``"geos"``, ``"partners"``, ``"provisions"`` or ``"agreements"``, indexed by id."""
    if table not in NAME_TABLES:
        raise ValueError(f"table must be one of {NAME_TABLES}")
    frame = _csv(paths.DATA / f"{table}.csv")
    return frame.set_index(frame.columns[0])
