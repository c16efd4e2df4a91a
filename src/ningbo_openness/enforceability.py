"""Enforceability: one rule that turns a provision's wording and its chapter's
dispute-settlement status into the cell's status.

The wording classes (``data/wording.csv``) are tried in their ``order``; the first whose
pattern matches the cell's operative words (case-insensitive) is the cell's wording, so
"shall endeavour" is endeavour wording although it contains "shall". A quote that only
describes the provision (``quote_from`` = ``commentary``) has the wording ``commentary``.
The rule table (``data/enforceability.csv``) maps wording x dispute-settlement status to a
status; a row whose ``dispute_settlement`` is ``any`` covers the statuses without a row
of their own. Cells without an article (absent or unknown) are not derived.
"""
from __future__ import annotations

import re

import pandas as pd

#: How an agreement treats a provision.
STATUSES = ("binding", "best_endeavour", "absent", "unknown")
#: The quote gives the provision's own words, or describes it (a summary, a paraphrase).
QUOTE_FROM = ("text", "commentary")
#: Whether state-to-state dispute settlement covers a chapter.
DISPUTE_SETTLEMENT = ("applies", "excluded", "unknown")
ANY = "any"
COMMENTARY = "commentary"
#: What the derivation did with a cell's typed status.
DECISIONS = ("agrees", "fixed", "kept", "not derived")


def wording_class(operative: str, wording: pd.DataFrame) -> str | None:
    """The first wording class (by ``order``) whose ``pattern`` occurs in ``operative``; None if none does."""
    for row in wording[wording["pattern"] != ""].sort_values("order").itertuples():
        if re.search(row.pattern, operative, flags=re.IGNORECASE):
            return row.wording
    return None


def rule(wording: str, dispute_settlement: str, grid: pd.DataFrame) -> pd.Series:
    """The rule row (``status``, ``reason``) for a wording and a dispute-settlement status:
    the exact row, else the wording's ``any`` row."""
    rows = grid[grid["wording"] == wording].set_index("dispute_settlement")
    return rows.loc[dispute_settlement if dispute_settlement in rows.index else ANY]


def derive(cells: pd.DataFrame, chapters: pd.DataFrame, wording: pd.DataFrame, grid: pd.DataFrame) -> pd.DataFrame:
    """``cells`` with the typed status as ``typed_status`` and the derived columns.

    ``wording``, ``dispute_settlement`` and ``ds_article`` (from the chapter), ``rule_status``
    and ``decision``: ``agrees`` (typed = rule), ``fixed`` (the rule's status replaces the
    typed one), ``kept`` (the typed status stands, for the cell's ``keep_reason``) or
    ``not derived`` (no article). ``reason`` is the rule's reason, or the keep reason.
    ``status`` is the status the analysis uses.
    """
    chapter = chapters.set_index(["agreement", "chapter"])
    derived = cells.apply(lambda row: _derive_one(row, chapter, wording, grid), axis=1, result_type="expand")
    return pd.concat([cells.rename(columns={"status": "typed_status"}), derived], axis=1)


def _derive_one(cell: pd.Series, chapter: pd.DataFrame, wording: pd.DataFrame, grid: pd.DataFrame) -> dict[str, str]:
    """The derived columns of one cell (see ``derive``)."""
    if cell["article"] == "":
        return {"wording": "", "dispute_settlement": "", "ds_article": "", "rule_status": "", "decision": "not derived",
                "reason": "", "status": cell["status"]}
    words = COMMENTARY if cell["quote_from"] == COMMENTARY else wording_class(cell["operative"], wording)
    where = chapter.loc[(cell["agreement"], cell["chapter"])]
    found = rule(words, where["dispute_settlement"], grid)
    decision = "agrees" if found["status"] == cell["status"] else "kept" if cell["keep_reason"] else "fixed"
    return {"wording": words, "dispute_settlement": where["dispute_settlement"], "ds_article": where["article"],
            "rule_status": found["status"], "decision": decision,
            "reason": cell["keep_reason"] if decision == "kept" else found["reason"],
            "status": cell["status"] if decision == "kept" else found["status"]}


def disagreements(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells whose typed status differs from the rule's, with the decision and its reason."""
    columns = ["agreement", "provision", "typed_status", "rule_status", "status", "decision", "wording",
               "dispute_settlement", "reason"]
    return cells.loc[cells["decision"].isin(["fixed", "kept"]), columns].reset_index(drop=True)
