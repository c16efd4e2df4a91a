"""Feedback for the seminar exercises: ``check("e1", implied=implied)``.

Each exercise names the answers it asks for; ``check`` recomputes every answer from the data
(no answer is written in a notebook), compares the student's value within a stated tolerance
and prints one line per answer: a tick, a cross with a hint aimed at the likely mistake, or
"not answered yet" while the answer is still ``...`` (the placeholder of the student
version). It prints and never raises, so it works the same in a notebook and in a plain
Python session; ``verdicts`` returns the same lines for tests.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import alignment, growth, models, scopes
from .annual import annual_series
from .claims import SEED
from .load import agreement_provisions, load_indicators, ningbo_measures, reported_row

PENDING = Ellipsis


@dataclass(frozen=True)
class Hint:
    """A likely mistake: ``when(value, expected)`` is true for it, and ``say`` explains it
    (formatted with ``value`` and ``expected``)."""

    when: Callable[[object, object], bool]
    say: str


@dataclass(frozen=True)
class Answer:
    """One answer an exercise asks for: its name in the exercise text, what it is, how to
    recompute it from the data, and the tolerance (absolute, for numbers)."""

    name: str
    what: str
    expected: Callable[[], object]
    tolerance: float = 0.0
    hints: tuple[Hint, ...] = field(default_factory=tuple)
    fallback: str = "{value} is not right ({what})."


def _near(target: float, within: float) -> Callable[[object, object], bool]:
    return lambda value, expected: _number(value) is not None and abs(_number(value) - target) <= within


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _text(value) -> str:
    return str(value).strip().lower().replace("-", " ").replace("_", " ")


def _matches(value, expected, tolerance: float) -> bool:
    """Numbers within ``tolerance``; Series element by element; sets and lists as sets; texts
    and booleans as they read."""
    if isinstance(expected, bool):
        return isinstance(value, bool | int) and bool(value) == expected
    if isinstance(expected, pd.Series):
        if not isinstance(value, pd.Series) or set(value.index) != set(expected.index):
            return False
        return bool(((value[expected.index].astype(float) - expected).abs() <= tolerance).all())
    if isinstance(expected, set):
        try:
            return {int(v) for v in value} == expected
        except (TypeError, ValueError):
            return False
    if isinstance(expected, str):
        return _text(value) in {_text(expected), *(_text(a) for a in ALIASES.get(expected, ()))}
    number = _number(value)
    return number is not None and abs(number - float(expected)) <= tolerance


#: Other ways to write a text answer (ids and English names).
ALIASES = {"asean": ("ASEAN",), "random walk with drift": ("random walk", "drift"), "per head": ("per 10k", "per capita")}


def _page_row(indicator: str, partner: str) -> pd.Series:
    rows = load_indicators(indicator=indicator, geo="ningbo", partner=partner, kind="reported", source_id=SEED)
    return rows.iloc[0]


def _base(rate_offset: float = 0.0) -> float:
    row = _page_row("trade_total", "asean")
    return float(row["value"] / (1 + (row["yoy_pct"] + rate_offset) / 100))


def _regions() -> pd.DataFrame:
    rows = load_indicators(indicator="trade_total", geo="ningbo", partner=["asean", "africa", "cee"], source_id=SEED)
    levels = rows.pivot_table(index="period", columns="partner", values="value", observed=True)
    levels.index = levels.index.astype(int)
    levels.columns = levels.columns.astype(str)
    return levels


def _contributions() -> pd.Series:
    levels = _regions()
    return growth.contributions_pp(levels, levels.sum(axis=1)).loc[2024]


def _own_growth() -> pd.Series:
    levels = _regions()
    return (levels.loc[2024] / levels.loc[2023] - 1) * 100


def _intervals() -> pd.DataFrame:
    china = annual_series("trade_total", geo="china")["value"].loc[2015:2024]
    table = models.growth_intervals(china).set_index("method")
    return table.assign(width=table["high %"] - table["low %"])


def _coverage() -> pd.DataFrame:
    cells, measures = agreement_provisions(), ningbo_measures()
    return pd.DataFrame({w: alignment.coverage(cells, measures, alignment.WEIGHTS | {"best_endeavour": w})["coverage"]
                         for w in (0.0, 0.5, 1.0)}).dropna()


def _order_changes() -> bool:
    scores = _coverage()
    return bool(len({scores.loc["rcep", w] > scores.loc["cptpp", w] for w in scores.columns}) > 1)


def _moves_most() -> str:
    scores = _coverage()
    return str((scores[1.0] - scores[0.0]).idxmax())


def _patents() -> pd.DataFrame:
    grants = annual_series("patent_grants", partner="none")
    inventions = annual_series("invention_patent_grants", partner="none")["value"]
    population = scopes.latest_basis(annual_series("resident_population", partner="none"),
                                     "resident_population", "ningbo", "none")["value"]
    return pd.DataFrame({"share %": growth.share_pct(inventions, grants["value"]), "per 10k residents": inventions / population,
                         "grants qualifier": grants["qualifier"]})


def _bound_2015() -> str:
    kind = growth.ratio_bound("exact", _patents().loc[2015, "grants qualifier"])
    return {"upper bound": "upper", "lower bound": "lower"}.get(kind, kind)


def _changed_more() -> str:
    table = _patents()
    change = table.loc[2023, ["share %", "per 10k residents"]] / table.loc[2021, ["share %", "per 10k residents"]]
    return "per head" if change["per 10k residents"] > change["share %"] else "share"


def _ecommerce() -> dict[str, float]:
    rows = load_indicators(indicator=["cbec_trade", "cbec_exports", "cbec_imports"], geo="ningbo", kind="reported",
                           source_id=SEED)
    value = {(str(r["indicator"]), str(r["period"])): float(r["value"]) for _, r in rows.iterrows()}
    total, exports, imports = value[("cbec_trade", "2023")], value[("cbec_exports", "2024")], value[("cbec_imports", "2024")]
    return {"share": (exports + imports) / total * 100, "needed": total - imports, "exports": exports}


def _breaks(published_only: bool) -> pd.DataFrame:
    ningbo = annual_series("trade_total")
    values = ningbo.loc[ningbo["kind"] == "reported", "value"] if published_only else ningbo["value"]
    return models.break_sensitivity(values, range(2019, 2025)).set_index("break year")


def _naive_ratio() -> float:
    covered = reported_row("rcep_co_value", "ningbo", "2025M01-M05", partner="rcep")["value"]
    quarter = reported_row("trade_total", "ningbo", "2024Q1", partner="rcep")["value"]
    return float(covered / (quarter * 5 / 3) * 100)


EXERCISES: dict[str, tuple[Answer, ...]] = {
    "e1": (
        Answer("implied", "the 2023 value the growth rate implies", _base, 0.1, (
            Hint(lambda v, e: _near(float(_page_row("trade_total", "asean")["value"]), 0.5)(v, e),
                 "{value:g} is the 2024 value itself; the 2023 base is the 2024 value / (1 + growth / 100)."),
            Hint(lambda v, e: _near(float(_page_row("trade_total", "asean")["value"])
                                    * (1 - _page_row("trade_total", "asean")["yoy_pct"] / 100), 0.5)(v, e),
                 "{value:.1f} takes the growth rate off the 2024 value; growth is measured on the 2023 base, so "
                 "divide: 2024 / (1 + growth / 100)."),
            Hint(lambda v, e: _number(v) is not None and _number(v) < float(e) / 5,
                 "{value:.2f} is far too small: the rate is in per cent, so divide it by 100 before adding 1."),
        )),
        Answer("low", "the base if the true rate were 0.05 points higher", lambda: _base(0.05), 0.06, (
            Hint(lambda v, e: _near(_base(-0.05), 0.05)(v, e),
                 "{value:.1f} is the high end: a higher rate implies a lower base, so low goes with 20.75."),
        )),
        Answer("high", "the base if the true rate were 0.05 points lower", lambda: _base(-0.05), 0.06, (
            Hint(lambda v, e: _near(_base(0.05), 0.05)(v, e),
                 "{value:.1f} is the low end: a lower rate implies a higher base, so high goes with 20.65."),
        )),
    ),
    "e2": (
        Answer("contrib", "each region's contribution in percentage points (a Series by partner id)", _contributions, 0.01, (
            Hint(lambda v, e: isinstance(v, pd.Series) and _matches(v, _own_growth(), 0.05),
                 "these are each region's own growth rates; a contribution is the region's change divided by the "
                 "three regions' 2023 total, times 100."),
            Hint(lambda v, e: not isinstance(v, pd.Series),
                 "contrib should be a pandas Series indexed by partner id (asean, africa, cee), e.g. the 2024 row "
                 "of growth.contributions_pp(...)."),
        )),
        Answer("total_growth", "the growth of the three regions together, in per cent",
               lambda: growth.yoy_pct(_regions().loc[2024].sum(), _regions().loc[2023].sum()), 0.01, (
            Hint(lambda v, e: _number(v) is not None and any(abs(_number(v) - g) < 0.05 for g in _own_growth()),
                 "{value:.2f} is one region's growth; the exercise asks for the growth of their sum."),
        )),
        Answer("largest", "the partner id of the largest contribution", lambda: str(_contributions().idxmax()), 0.0, (
            Hint(lambda v, e: _text(v) == _text(_own_growth().idxmax()),
                 "{value} grew fastest in per cent; the largest contribution is the largest change in 亿元."),
        )),
    ),
    "e3": (
        Answer("widest", "the method (row of intervals) with the widest interval",
               lambda: str(_intervals()["width"].idxmax()), 0.0, (
            Hint(lambda v, e: _text(v) in {"hac trend", "hac"},
                 "compare the widths again: with ten points the HAC interval is not the wide one."),
        )),
        Answer("hac_wider", "whether the HAC interval is wider than the OLS one (True or False)",
               lambda: bool(_intervals().loc["HAC trend", "width"] > _intervals().loc["OLS trend", "width"]), 0.0, (
            Hint(lambda v, e: v is True, "look again at high % - low % of the HAC and OLS rows: at n = 10 the "
                                          "Newey-West interval is narrower, its known small-sample bias."),
        )),
    ),
    "e4": (
        Answer("order_changes", "whether RCEP and CPTPP swap places for any weight (True or False)", _order_changes),
        Answer("moves_most", "the agreement id whose score moves most between weights 0 and 1", _moves_most, 0.0, (
            Hint(lambda v, e: True, "{value}: compute, for each agreement, its score at weight 1 minus its score at "
                                    "weight 0 (scores[1.0] - scores[0.0]) and take the largest; it is not simply the "
                                    "agreement with most best-endeavour cells."),
        )),
    ),
    "e5": (
        Answer("share_2023", "the invention share of all grants in 2023, per cent",
               lambda: float(_patents().loc[2023, "share %"]), 0.01, (
            Hint(lambda v, e: _number(v) is not None and _number(v) < 1,
                 "{value:.4f} is a fraction; multiply by 100 for per cent."),
        )),
        Answer("per_10k_2023", "invention grants per 10,000 residents in 2023",
               lambda: float(_patents().loc[2023, "per 10k residents"]), 0.01, (
            Hint(lambda v, e: _number(v) is not None and _number(v) < float(e) / 100,
                 "{value:.4f}: the population is in 万人 (10,000 persons), so inventions / population is already "
                 "per 10,000 residents; do not divide again."),
        )),
        Answer("bound_2015", "whether the 2015 share is an upper or a lower bound ('upper' or 'lower')", _bound_2015, 0.0, (
            Hint(lambda v, e: _text(v).startswith("lower"),
                 "the 2015 total of all grants is printed as 'more than', and it sits in the denominator: a larger true "
                 "total means a smaller true share."),
        )),
        Answer("changed_more", "what changed more from 2021 to 2023 in relative terms ('share' or 'per head')",
               _changed_more),
    ),
    "e6": (
        Answer("share", "the 2024 parts as a percentage of the 2023 total", lambda: _ecommerce()["share"], 0.05, (
            Hint(lambda v, e: _number(v) is not None and _number(v) < 1,
                 "{value:.4f} is a fraction; multiply by 100 for per cent."),
        )),
        Answer("needed", "the smallest 2024 exports with which the total would not have fallen, 亿元",
               lambda: _ecommerce()["needed"], 0.05, (
            Hint(lambda v, e: _near(_ecommerce()["exports"], 0.5)(v, e),
                 "{value:g} is the printed floor itself; the question is what exports would have to be for "
                 "exports + imports to reach the 2023 total."),
        )),
    ),
    "e7": (
        Answer("rejecting", "the break years whose test rejects one trend at 5 per cent, all years (a list)",
               lambda: {int(y) for y, p in _breaks(False)["p"].items() if p < 0.05}, 0.0, (
            Hint(lambda v, e: True, "read the p column of the all-years table and keep the years with p < 0.05."),
        )),
        Answer("p_2022_published", "the 2022 p-value on the published years only",
               lambda: float(_breaks(True).loc[2022, "p"]), 0.005, (
            Hint(lambda v, e: _near(float(_breaks(False).loc[2022, "p"]), 0.005)(v, e),
                 "{value:.3f} is the p-value with all years; drop the implied years (kind == 'derived') first."),
        )),
    ),
    "e8": (
        Answer("naive_ratio", "the reader's ratio, per cent", _naive_ratio, 0.05, (
            Hint(lambda v, e: _number(v) is not None and _number(v) > float(e) * 1.4,
                 "{value:.2f}: scale the first quarter to five months (times 5 / 3) before dividing, as the reader did."),
        )),
        Answer("same_window", "whether the two figures cover the same months (True or False)", lambda: False),
        Answer("same_flow", "whether the two figures measure the same flow (True or False)", lambda: False, 0.0, (
            Hint(lambda v, e: v is True, "read the definitions (no.meta): certificates cover exports; the trade "
                                          "figure is exports plus imports."),
        )),
    ),
}


def answers(exercise: str) -> tuple[Answer, ...]:
    """The answers an exercise asks for."""
    if exercise not in EXERCISES:
        raise KeyError(f"no exercise {exercise!r}; the exercises are {', '.join(EXERCISES)}")
    return EXERCISES[exercise]


def _verdict(answer: Answer, value) -> str:
    if value is PENDING:
        return f"… {answer.name}: not answered yet ({answer.what})"
    expected = answer.expected()
    if _matches(value, expected, answer.tolerance):
        return f"✓ {answer.name}: right"
    if isinstance(expected, bool) and isinstance(value, str):
        return f"✗ {answer.name}: give True or False without quotes ({value!r} is a text)."
    if _rounded(value, expected, answer.tolerance):
        return (f"✗ {answer.name}: {value} is close; the check needs it within ±{answer.tolerance:g}, so give the "
                "value as computed, not rounded.")
    for hint in answer.hints:
        try:
            fits = hint.when(value, expected)
        except (TypeError, ValueError, KeyError):
            fits = False
        if fits:
            return f"✗ {answer.name}: " + _say(hint.say, value)
    return f"✗ {answer.name}: " + _say(answer.fallback, value, answer.what)


def _rounded(value, expected, tolerance: float) -> bool:
    """A number off by no more than rounding to a few digits would make it (within 0.5 %)."""
    number = _number(value)
    if number is None or isinstance(expected, bool | str | set | pd.Series):
        return False
    return abs(number - float(expected)) <= max(0.005 * abs(float(expected)), tolerance)


def _say(template: str, value, what: str = "") -> str:
    """The hint with the student's value in it; a number format that does not fit the value
    (a text where a number was expected) falls back to the value as written."""
    try:
        return template.format(value=value, what=what)
    except (ValueError, TypeError):
        return re.sub(r"\{value:[^}]*\}", "{value}", template).format(value=value, what=what)


def verdicts(exercise: str, **given) -> list[str]:
    """One line per answer of ``exercise`` (``✓``, ``✗`` with a hint, or ``…`` not answered yet),
    after a ``?`` line for each name the exercise does not ask for."""
    names = [a.name for a in answers(exercise)]
    lines = [f"? {name}: exercise {exercise} asks for no answer of that name (it asks for {', '.join(names)})"
             for name in sorted(set(given) - set(names))]
    return lines + [_verdict(answer, given.get(answer.name, PENDING)) for answer in answers(exercise)]


def check(exercise: str, **given) -> None:
    """Print a mark for each answer of ``exercise`` given by name; an answer left as ``...``
    is reported as not answered yet."""
    print("\n".join(verdicts(exercise, **given)))
