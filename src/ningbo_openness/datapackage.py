"""The Frictionless Data Package that describes every table in ``data/``.

Written by the build as ``data/datapackage.json``; a test validates it, and the
files it lists, with the ``frictionless`` library.
"""
from __future__ import annotations

import json

from . import checks, manifest, registry, rules
from .observations import OUTPUT

NUMBER_FIELDS = {"value", "yoy_pct", "stated", "expected", "difference", "factor", "min_value", "max_value"}
DESCRIPTIONS = {
    "indicator": "Indicator id, defined in indicators.csv",
    "geo": "Reporter id, defined in geos.csv",
    "partner": "Counterpart id, defined in partners.csv ('world' for totals, 'none' for non-flows)",
    "period": "Period label: 2024, 2024H1, 2024Q3, 2024M08, 2025M01-M05 or a date 2024-06-30",
    "value": "Value in the indicator's canonical unit",
    "unit": "Canonical unit id, defined in units.csv",
    "yoy_pct": "Year-on-year growth in percent as published",
    "qualifier": "exact, floor (more than) or approx (about)",
    "vintage": "preliminary, final or revised where the source says so; blank otherwise",
    "kind": "reported (as published) or derived (computed, see formula)",
    "formula": "For derived rows: the expression over other rows",
    "source_id": "Source id, defined in sources.csv",
    "locator": "Where in the source the figure stands",
    "status": "Audit status or coding status, see the table's description",
    "min_value": "Smallest value a figure in this unit can take (blank: no bound)",
    "max_value": "Largest value a figure in this unit can take (blank: no bound)",
}
TABLES = {
    "indicators-processed": ("processed/indicators.csv", "Tidy indicator table: one row per observation", OUTPUT),
    "audit": ("processed/audit.csv", "Every check of the published claims with its status: ok, note, revision, warn, fail or unchecked",
              checks.COLUMNS),
    "agreement-provisions": ("processed/agreement_provisions.csv",
                             "How each agreement treats each provision: binding, best_endeavour, absent or unknown", rules.CELL_COLUMNS),
    "ningbo-measures": ("processed/ningbo_measures.csv",
                        "Ningbo measures, the provisions they implement and the pipeline stage a source shows", rules.MEASURE_COLUMNS),
    "indicator-definitions": ("indicators.csv", "Indicator definitions in English and Chinese", registry.COLUMNS["indicators"]),
    "sources": ("sources.csv", "The source registry; tier 1 official, 2 news, 3 secondary", registry.COLUMNS["sources"]),
    "units": ("units.csv", "Canonical units", registry.COLUMNS["units"]),
    "unit-aliases": ("unit_aliases.csv", "Printed units and their conversion to canonical units", registry.COLUMNS["unit_aliases"]),
    "geos": ("geos.csv", "Reporters", registry.COLUMNS["geos"]),
    "partners": ("partners.csv", "Trade partners and partner groups", registry.COLUMNS["partners"]),
    "provisions": ("provisions.csv", "Trade-rule provisions", ["provision", "name_en", "name_zh", "domain", "description"]),
    "agreements": ("agreements.csv", "Trade agreements coded", ["agreement", "name_en", "name_zh", "kind"]),
    "manifest": (manifest.NAME, "Every input file of the build and the table it holds", manifest.COLUMNS),
}


def _field(name: str) -> dict:
    field = {"name": name, "type": "number" if name in NUMBER_FIELDS else "string"}
    if name in DESCRIPTIONS:
        field["description"] = DESCRIPTIONS[name]
    return field


def descriptor() -> dict:
    """The data package as a dict (deterministic order)."""
    return {
        "name": "ningbo-openness",
        "title": "Ningbo's opening-up in cited numbers",
        "description": "Indicators on Ningbo's trade, innovation, port and digital trade and trade-rule alignment, each "
                       "value with its source and locator; derived values carry their formula.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            {"name": name, "path": path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "description": description, "schema": {"fields": [_field(c) for c in columns]}}
            for name, (path, description, columns) in TABLES.items()
        ],
    }


def to_json_text() -> str:
    """The package as stable JSON text."""
    return json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"
