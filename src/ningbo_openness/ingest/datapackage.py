"""The Frictionless Data Package that describes every table in ``data/``.

Written by the build as ``data/datapackage.json``; a test validates it, and the
files it lists, with the ``frictionless`` library.
"""
from __future__ import annotations

import json

from .. import enforceability
from ..schema import INDICATOR_COLUMNS
from . import checks, competence_tables, enforceability_tables, manifest, raw, registry, rule_tables, scope_breaks

NUMBER_FIELDS = {"value", "yoy_pct", "stated", "expected", "difference", "factor", "min_value", "max_value"}
DESCRIPTIONS = {
    "indicator": "Indicator id, defined in indicators.csv",
    "geo": "Reporter id, defined in geos.csv",
    "partner": "Counterpart id, defined in partners.csv ('world' for totals, 'none' for non-flows)",
    "period": "Period label: 2024, 2024H1, 2024Q3, 2024M08, 2025M01-M05 or a date 2024-06-30",
    "value": "Value in the indicator's canonical unit",
    "unit": "Canonical unit id, defined in units.csv",
    "yoy_pct": "Year-on-year growth in percent as published",
    "qualifier": "exact, floor (more than: at least the value), nearly (at most the value) or approx (about)",
    "vintage": "preliminary, final or revised where the source says so; blank otherwise",
    "kind": "reported (as published) or derived (computed, see formula)",
    "formula": "For derived rows: the expression over other rows",
    "source_id": "Source id, defined in sources.csv",
    "locator": "Where in the source the figure stands",
    "note": "What a reader needs to know about the row (scope, caveats)",
    "quote": "The passage of the source that states it, quoted briefly",
    "check": "Which check: growth_vs_base, part_vs_whole, repeated_figure, across_sources, definitions_across_years, unchecked",
    "status": "Audit status: ok, note (within a documented allowance), revision, warn, fail or unchecked",
    "stated": "The figure or growth rate as the claim states it (canonical unit, or percent)",
    "expected": "What the other figures imply for it",
    "difference": "stated - expected",
    "detail": "The arithmetic behind the status, naming the figures compared",
    "agreement": "Agreement id, defined in agreements.csv",
    "provision": "Provision id, defined in provisions.csv",
    "chapter": "Chapter, section or module number of the agreement that holds the provision, defined in chapters.csv",
    "operative": "The words of the quote that carry the obligation (shall, shall endeavour, may); blank for commentary",
    "quote_from": "text (the quote gives the treaty's own words) or commentary (it describes the provision)",
    "typed_status": "The status as coded by hand from the quote",
    "rule_status": "The status the enforceability rule gives for the cell's wording and its chapter's dispute settlement",
    "decision": "agrees (typed = rule), fixed (the rule's status is used), kept (the typed status stands, see reason) or "
                "not derived (no article: absent or unknown)",
    "reason": "Why the status is what it is: the rule's reason, or why a typed status was kept against it",
    "wording": "Wording class of the operative words, defined in wording.csv",
    "dispute_settlement": "Whether state-to-state dispute settlement covers the chapter: applies, excluded or unknown",
    "ds_article": "The article that settles the chapter's dispute-settlement status",
    "order": "Order in which the wording classes are tried (the first match wins)",
    "level": "Level of government, defined in competence_levels.csv: central, provincial, municipal or ftz",
    "local": "Whether the level can act without the centre (provincial, municipal and free-trade-zone levels)",
    "origin": "local (a Ningbo or Zhejiang initiative) or national (the local implementation of a national scheme)",
    "scheme": "The national scheme a measure implements (blank for a local initiative)",
    "pattern": "Regular expression over the operative words (case-insensitive)",
    "article": "Article (and paragraph) quoted",
    "measure_id": "Measure id (snake_case)",
    "name_en": "Name in English",
    "name_zh": "Name in Chinese",
    "short_en": "Short name in English, as figures and tables print it",
    "short_zh": "Short name in Chinese, as figures print it",
    "provisions": "Provision ids the measure implements, separated by ';'",
    "stage": "Stage of the source page's pipeline the source shows: list, scenario, pilot, evaluation, roll-out",
    "start_date": "When the measure started, as precisely as the source says (YYYY, YYYY-MM or YYYY-MM-DD), or blank",
    "scope": "Where and to what the measure applies",
    "unit_zh": "The indicator's own Chinese measure word (件, 份), if it has one",
    "yoy_basis": "What a published growth rate measures: value (the change of the value) or constant_prices",
    "theme": "Theme: trade, innovation, port, digital_trade, overseas, rules, economy",
    "definition": "What the indicator measures, its scope and period",
    "title": "Title in the original language",
    "title_en": "Title in English",
    "publisher": "Who published it",
    "date": "Publication date: YYYY, YYYY-MM or YYYY-MM-DD, or n.d.",
    "url": "Address of the page as stored",
    "citation": "Bibliographic reference where there is no address",
    "accessed": "When the page was read",
    "tier": "1 official release, 2 named news organisation or journal, 3 secondary page",
    "notes": "What a reader needs to know about the source",
    "label_en": "Label in English",
    "label_zh": "Label in Chinese",
    "description": "What it is",
    "min_value": "Smallest value a figure in this unit can take (blank: no bound)",
    "max_value": "Largest value a figure in this unit can take (blank: no bound)",
    "published": "A unit as sources print it (亿元, billion yuan, 万标箱)",
    "factor": "Multiplier from the printed unit to the canonical unit",
    "rcep": "Where the partner stands to RCEP: member (other than China), non_member, overlap (holds both) or blank",
    "in_force_china": "When the agreement entered into force for China (YYYY-MM-DD), blank if not in force for China or not coded",
    "from_period": "First period on the new scope or basis",
    "before": "The scope or basis before the break",
    "after": "The scope or basis from the break on",
    "restated": "Vintage that marks rows before the break restated on the new basis (blank: none are)",
    "domain": "Area of trade rules the provision belongs to",
    "path": "File, relative to data/",
    "table": "The table the file holds (observations may be split over several files)",
}
#: Where one field name means something else in one table.
TABLE_DESCRIPTIONS = {
    ("agreement-provisions", "status"): "binding, best_endeavour, absent or unknown: the status the analysis uses",
    ("chapters", "article"): "The article that says whether dispute settlement covers the chapter",
    ("chapters", "source_id"): "Source id, defined in sources.csv (blank for an unknown status)",
    ("chapters", "note"): "Caveats: partial exclusions, transition periods, what was not readable",
    ("enforceability", "dispute_settlement"): "applies, excluded, unknown, or any (every status without a row of its own)",
    ("enforceability", "status"): "The status the rule gives",
    ("enforceability", "reason"): "Why, in plain words",
    ("competence-levels", "order"): "From the centre outwards",
    ("provision-competence", "level"): "The lowest level that can implement the provision on its own",
    ("provision-competence", "note"): "The reasoning, and what the cited article does not settle",
    ("measure-origins", "note"): "What the source shows, and how firm the tag is",
    ("agreement-provisions", "source_id"): "Source id, defined in sources.csv (blank for an unknown cell)",
    ("indicator-definitions", "unit"): "Canonical unit id, defined in units.csv",
    ("unit-aliases", "unit"): "The canonical unit it converts to, defined in units.csv",
    ("geos", "kind"): "city, province, country, port, customs (a customs district) or world",
    ("partners", "kind"): "country, group, total or none",
    ("agreements", "kind"): "bilateral, regional, plurilateral or multilateral",
    ("agreements", "source_id"): "Source id of the date of entry into force, defined in sources.csv (blank if no date)",
    ("agreements", "locator"): "Where in that source the date stands",
    ("scope-breaks", "indicator"): "Indicator id, defined in indicators.csv (blank: every indicator)",
    ("scope-breaks", "geo"): "Reporter id, defined in geos.csv (blank: every reporter)",
    ("provisions", "description"): "What the provision requires",
    ("manifest", "description"): "What the file holds",
    ("units", "description"): "What the unit measures",
}
TABLES = {
    "indicators-processed": ("processed/indicators.csv", "Tidy indicator table: one row per observation", INDICATOR_COLUMNS),
    "audit": ("processed/audit.csv", "Every check of the published claims with its status: ok, note, revision, warn, fail or unchecked",
              checks.COLUMNS),
    "agreement-provisions": ("processed/agreement_provisions.csv",
                             "How each agreement treats each provision: binding, best_endeavour, absent or unknown, "
                             "derived from the wording and the chapter's dispute settlement",
                             rule_tables.PROCESSED_CELL_COLUMNS),
    "chapters": ("processed/chapters.csv", "Each agreement chapter's dispute-settlement status, with article and quote",
                 enforceability_tables.CHAPTER_COLUMNS),
    "ningbo-measures": ("processed/ningbo_measures.csv",
                        "Ningbo measures, the provisions they implement and the pipeline stage a source shows",
                        rule_tables.MEASURE_COLUMNS),
    "provision-competence": ("processed/provision_competence.csv",
                             "Who can implement each provision, with the legal article that says so",
                             competence_tables.PROCESSED_COMPETENCE_COLUMNS),
    "measure-origins": ("processed/measure_origins.csv",
                        "Whether each Ningbo measure is a local initiative or implements a national scheme, cited",
                        competence_tables.ORIGIN_COLUMNS),
    "indicator-definitions": ("indicators.csv", "Indicator definitions in English and Chinese", registry.COLUMNS["indicators"]),
    "sources": ("sources.csv", "The source registry; tier 1 official, 2 news, 3 secondary", registry.COLUMNS["sources"]),
    "units": ("units.csv", "Canonical units", registry.COLUMNS["units"]),
    "unit-aliases": ("unit_aliases.csv", "Printed units and their conversion to canonical units", registry.COLUMNS["unit_aliases"]),
    "geos": ("geos.csv", "Reporters", registry.COLUMNS["geos"]),
    "partners": ("partners.csv", "Trade partners and partner groups", registry.COLUMNS["partners"]),
    "provisions": ("provisions.csv", "Trade-rule provisions", ["provision", "name_en", "name_zh", "domain", "description"]),
    "agreements": ("agreements.csv", "Trade agreements coded", rule_tables.AGREEMENT_COLUMNS),
    "competence-levels": ("competence_levels.csv", "Levels of government and whether each is local",
                          competence_tables.LEVEL_COLUMNS),
    "wording": ("wording.csv", "Wording classes of operative words, tried in order", enforceability_tables.WORDING_COLUMNS),
    "enforceability": ("enforceability.csv", "The enforceability rule: wording x dispute settlement -> status",
                       enforceability_tables.GRID_COLUMNS),
    "scope-breaks": ("scope_breaks.csv", "Where a series changes scope or basis, cited", scope_breaks.COLUMNS),
    "manifest": (manifest.NAME, "Every input file of the build and the table it holds", manifest.COLUMNS),
}


#: Primary key and foreign keys (field -> referenced resource and field) of each table.
KEYS = {
    "indicators-processed": (["indicator", "geo", "partner", "period", "source_id", "kind", "locator"],
                             {"indicator": ("indicator-definitions", "indicator"), "geo": ("geos", "geo"),
                              "partner": ("partners", "partner"), "unit": ("units", "unit"),
                              "source_id": ("sources", "source_id")}),
    "audit": (["check", "indicator", "geo", "partner", "period", "source_id", "locator", "detail"],
              {"indicator": ("indicator-definitions", "indicator"), "geo": ("geos", "geo"),
               "partner": ("partners", "partner"), "source_id": ("sources", "source_id")}),
    "agreement-provisions": (["agreement", "provision"],
                             {"agreement": ("agreements", "agreement"), "provision": ("provisions", "provision"),
                              "source_id": ("sources", "source_id")}),
    "chapters": (["agreement", "chapter"], {"agreement": ("agreements", "agreement"), "source_id": ("sources", "source_id")}),
    "wording": (["wording"], {}),
    "enforceability": (["wording", "dispute_settlement"], {"wording": ("wording", "wording")}),
    "ningbo-measures": (["measure_id", "source_id", "stage"], {"source_id": ("sources", "source_id")}),
    "provision-competence": (["provision"], {"provision": ("provisions", "provision"), "level": ("competence-levels", "level"),
                                             "source_id": ("sources", "source_id")}),
    "measure-origins": (["measure_id"], {"source_id": ("sources", "source_id")}),
    "competence-levels": (["level"], {}),
    "indicator-definitions": (["indicator"], {"unit": ("units", "unit")}),
    "sources": (["source_id"], {}),
    "units": (["unit"], {}),
    "unit-aliases": (["published"], {"unit": ("units", "unit")}),
    "geos": (["geo"], {}),
    "partners": (["partner"], {}),
    "provisions": (["provision"], {}),
    "agreements": (["agreement"], {"source_id": ("sources", "source_id")}),
    "scope-breaks": (["indicator", "geo", "partner", "from_period"],
                     {"partner": ("partners", "partner"), "source_id": ("sources", "source_id")}),
    "manifest": (["path"], {}),
}
#: Tables where a blank cell is a value, not a missing one (a scope break with no indicator or
#: reporter applies to every indicator or reporter), so a blank may stand in the key.
BLANK_IS_A_VALUE = {"scope-breaks"}
#: Field constraints beyond the keys, per (table, field): the vocabularies the build enforces.
CONSTRAINTS = {
    ("indicators-processed", "qualifier"): {"enum": list(raw.QUALIFIERS)},
    ("indicators-processed", "vintage"): {"enum": [v for v in raw.VINTAGES if v]},
    ("indicators-processed", "kind"): {"enum": ["reported", "derived"]},
    ("indicators-processed", "yoy_pct"): {"minimum": -100},
    ("audit", "status"): {"enum": list(checks.STATUSES)},
    ("agreement-provisions", "status"): {"enum": list(enforceability.STATUSES)},
    ("agreement-provisions", "typed_status"): {"enum": list(enforceability.STATUSES)},
    ("agreement-provisions", "decision"): {"enum": list(enforceability.DECISIONS)},
    ("chapters", "dispute_settlement"): {"enum": list(enforceability.DISPUTE_SETTLEMENT)},
    ("enforceability", "dispute_settlement"): {"enum": [*enforceability.DISPUTE_SETTLEMENT, enforceability.ANY]},
    ("enforceability", "status"): {"enum": list(enforceability.STATUSES)},
    ("ningbo-measures", "stage"): {"enum": list(rule_tables.STAGES)},
    ("measure-origins", "origin"): {"enum": list(competence_tables.ORIGINS)},
    ("indicator-definitions", "yoy_basis"): {"enum": list(registry.YOY_BASES)},
    ("sources", "tier"): {"enum": [1, 2, 3]},
    ("partners", "rcep"): {"enum": [s for s in registry.RCEP_STATUSES if s]},
    ("unit-aliases", "factor"): {"minimum": 0},
    ("manifest", "table"): {"enum": [*manifest.SINGLE, *manifest.SPLIT]},
}
TYPES = {("sources", "tier"): "integer", ("sources", "accessed"): "date", ("competence-levels", "order"): "integer",
         ("competence-levels", "local"): "boolean", ("provision-competence", "local"): "boolean"}


def _field(table: str, name: str, required: bool) -> dict:
    field = {"name": name, "type": TYPES.get((table, name), "number" if name in NUMBER_FIELDS else "string")}
    field["description"] = TABLE_DESCRIPTIONS.get((table, name), DESCRIPTIONS[name])
    constraints = ({"required": True} if required else {}) | CONSTRAINTS.get((table, name), {})
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: str, columns: list[str]) -> dict:
    primary, foreign = KEYS[table]
    schema = {
        "fields": [_field(table, c, c in primary) for c in columns],
        "primaryKey": primary,
        "foreignKeys": [{"fields": f, "reference": {"resource": r, "fields": rf}} for f, (r, rf) in foreign.items()],
    }
    if table in BLANK_IS_A_VALUE:
        schema["missingValues"] = []
    return schema


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
             "description": description, "schema": _schema(name, columns)}
            for name, (path, description, columns) in TABLES.items()
        ],
    }


def to_json_text() -> str:
    """The package as stable JSON text."""
    return json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"
