"""Where the project's files live, found from the package location (never the CWD)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
FIGURES = BUILD / "figures"

INDICATORS_PROCESSED = PROCESSED / "indicators.csv"
AUDIT_PROCESSED = PROCESSED / "audit.csv"
