"""Where the true value of a published figure lies, and of any figure computed from published
ones: rounding of the last printed digit, and the one-sidedness of floors ("more than") and
of "nearly", carried through levels, growth rates, shares and decompositions alike.

A figure becomes a ``Range`` with ``printed``; ``propagate`` evaluates a function of several
ranges at the central values and at every corner of the box they span. For functions that
move one way in each input (sums, differences, ratios, growth rates, shares) the corners give
the exact range; for others (the ``mix`` term of a shift-share) they give the range over the
corners, which is what the docstring of the caller must say. Open ends are infinite: a floor
has no upper end, and "nearly" none but zero below (published figures here are not negative).
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .growth import half_unit_of_value
from .growth import shift_share as shift_share_point
from .qualifiers import SIDE


@dataclass(frozen=True)
class Range:
    """A central value and the ends the true value lies between (``low`` may be -inf,
    ``high`` inf). ``least``: the smallest value the quantity can take at all (0 for a
    level or a share, -100 for a growth rate); a ``low`` there is no lower end."""

    value: float
    low: float
    high: float
    least: float = -math.inf

    @property
    def width(self) -> float:
        return self.high - self.low

    def describe(self, digits: int = 1) -> str:
        """The range in words: ``5.0 to 7.2``, ``at least 5.0``, ``at most 7.2`` or ``unbounded``."""
        low, high = (f"{end:.{digits}f}" for end in (self.low, self.high))
        open_low = self.low <= self.least
        if open_low and math.isinf(self.high):
            return "unbounded"
        if math.isinf(self.high):
            return f"at least {low}"
        if open_low:
            return f"at most {high}"
        return f"{low} to {high}"


def printed(value: float, qualifier: str = "exact", half: float | None = None) -> Range:
    """The range of a published figure. ``half``: half a unit of its last printed digit (read
    off the stored value by default, trailing zeros taken as not significant). ``exact`` and
    ``approx``: value +- half; ``floor``: at least the value; ``nearly``: at most the value and
    not below zero."""
    half = half_unit_of_value(value) if half is None else half
    side = SIDE.get(qualifier, 0)
    if side > 0:
        return Range(value, value, math.inf)
    if side < 0:
        return Range(value, 0.0, value, least=0.0)
    return Range(value, value - half, value + half)


def of_year(series, year: int) -> Range:
    """The range of one year of an ``annual_series`` table: its ``low`` and ``high`` (which carry
    the rounding of the figures an implied value comes from), else its value and qualifier."""
    row = series.loc[year]
    figure = printed(float(row["value"]), row["qualifier"])
    if "low" not in series.columns:
        return figure
    return replace(figure, low=float(row["low"]), high=float(row["high"]))


def exact(value: float) -> Range:
    """A value taken as known (no range): for inputs whose rounding is negligible here."""
    return Range(value, value, value)


def propagate(function: Callable[..., float | Mapping[str, float]], **inputs: Range) -> Range | dict[str, Range]:
    """``function(**values)`` at the central values, and its smallest and largest value over
    every corner of the inputs' ranges (inputs without width are not varied); a function that
    returns several named results gets a ``Range`` for each. Values are numpy floats, so
    dividing by a zero end gives an infinite end; a corner where a result is undefined
    (infinity over infinity) leaves both its sides open."""
    def call(values):
        out = function(**values)
        return dict(out) if isinstance(out, Mapping) else {None: out}

    central = call({name: np.float64(r.value) for name, r in inputs.items()})
    varied = [name for name, r in inputs.items() if r.low != r.high]
    corners = {key: [] for key in central}
    with np.errstate(all="ignore"):
        for ends in itertools.product((0, 1), repeat=len(varied)):
            values = {name: np.float64(r.value) for name, r in inputs.items()}
            for name, end in zip(varied, ends, strict=True):
                values[name] = np.float64(inputs[name].high if end else inputs[name].low)
            for key, result in call(values).items():
                corners[key].append(float(result))
    ranges = {}
    for key, centre in central.items():
        results = np.array(corners[key] or [centre], dtype=float)
        undefined = np.isnan(results).any()
        low = -math.inf if undefined else float(results.min())
        high = math.inf if undefined else float(results.max())
        ranges[key] = Range(float(centre), min(low, float(centre)), max(high, float(centre)))
    return ranges[None] if list(ranges) == [None] else ranges


def _with_least(result: Range, least: float) -> Range:
    return Range(result.value, result.low, result.high, least)


def growth_pct(after: Range, before: Range) -> Range:
    """Growth in percent from ``before`` to ``after``."""
    return _with_least(propagate(lambda a, b: (a / b - 1) * 100, a=after, b=before), -100.0)


def share_pct(part: Range, whole: Range) -> Range:
    """``part`` as a percentage of ``whole``."""
    return _with_least(propagate(lambda p, w: p / w * 100, p=part, w=whole), 0.0)


def per_unit(count: Range, units: Range) -> Range:
    """``count`` per one of ``units`` (grants per 10,000 residents when the population is
    given in units of 10,000)."""
    return _with_least(propagate(lambda c, u: c / u, c=count, u=units), 0.0)


def cagr_pct(first: Range, last: Range, years: float) -> Range:
    """Compound annual growth in percent between two figures ``years`` apart."""
    return _with_least(propagate(lambda f, v: ((v / f) ** (1 / years) - 1) * 100, f=first, v=last), -100.0)


def shift_share(local_before: Mapping[str, Range], local_after: Mapping[str, Range],
                bench_before: Mapping[str, Range], bench_after: Mapping[str, Range],
                total: str = "total", rest: str = "other") -> pd.DataFrame:
    """``growth.shift_share`` over the ranges of every level. Each mapping holds the named
    partners' levels and the reporter's ``total``; the residual partner ``rest`` = total -
    named partners is formed at each corner, so the rounding of a total reaches it. Returns
    one row per component (``total``, ``benchmark``, ``mix``, ``within``) with ``value``,
    ``low`` and ``high`` over the corners (exact ends for ``total`` and ``benchmark``; for
    ``mix`` and ``within`` the ends over the corners)."""
    sides = {"lb": local_before, "la": local_after, "bb": bench_before, "ba": bench_after}
    named = [p for p in local_before if p != total]
    inputs = {f"{side}__{p}": r for side, levels in sides.items() for p, r in levels.items()}

    def components(**values):
        series = {}
        for side in sides:
            parts = {p: values[f"{side}__{p}"] for p in named}
            parts[rest] = values[f"{side}__{total}"] - sum(parts.values())
            series[side] = pd.Series(parts)
        return shift_share_point(series["lb"], series["la"], series["bb"], series["ba"])

    ranges = propagate(components, **inputs)
    return pd.DataFrame({key: {"value": r.value, "low": r.low, "high": r.high} for key, r in ranges.items()}).T
