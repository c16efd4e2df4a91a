"""Growth arithmetic on published figures. Rates are in percent throughout."""
from __future__ import annotations

import math
import re
from decimal import Decimal

import pandas as pd

from .qualifiers import ONE_SIDED, combine


def implied_base(value: float, yoy_pct: float) -> float:
    """Previous-period value implied by ``value`` and its year-on-year growth in percent."""
    return value / (1 + yoy_pct / 100)


def yoy_pct(current: float, previous: float) -> float:
    """Year-on-year growth of ``current`` over ``previous``, in percent."""
    return (current / previous - 1) * 100


def cagr_pct(first: float, last: float, years: float) -> float:
    """Compound annual growth rate in percent between two values ``years`` apart."""
    if years <= 0:
        raise ValueError("years must be positive")
    return ((last / first) ** (1 / years) - 1) * 100


def half_unit(printed: str) -> float:
    """Half a unit of the last printed digit: the rounding error bound of a published number."""
    exponent = Decimal(printed).as_tuple().exponent
    return 0.5 * 10.0 ** int(exponent)


def significant_digits(value: float) -> int:
    """Significant digits of a value as stored (12700 -> 3, 12671.1 -> 6)."""
    digits = re.sub(r"[^0-9]", "", f"{abs(value):.12g}".split("e")[0]).strip("0")
    return max(len(digits), 1)


def half_unit_of_value(value: float) -> float:
    """Half a unit of the last significant digit of a stored value (64100 -> 50,
    70000 -> 5000): the rounding of a figure whose printed form is not at hand. Trailing
    zeros are read as not significant, so the bound errs on the wide side."""
    exponent = math.floor(math.log10(abs(value)))
    return 0.5 * 10.0 ** (exponent - significant_digits(value) + 1)


def growth_rounding_bound(value: str, base: str, stated_pct: str) -> float:
    """Largest gap (percentage points) between a stated growth rate and the rate computed
    from the two printed levels that rounding alone can explain.

    Arguments are the numbers as printed (strings), so their precision is known; the
    base is not zero (no growth rate is defined over a zero base).
    """
    v, b = float(value), float(base)
    if v == 0:  # the rate is -100 %, uncertain by the current value's rounding alone
        return half_unit(stated_pct) + 100 * half_unit(value) / b
    ratio = v / b
    relative = half_unit(value) / v + half_unit(base) / b
    return half_unit(stated_pct) + 100 * ratio * relative


def share_pct(part, whole):
    """``part`` as a percentage of ``whole`` (numbers or aligned arrays)."""
    return part / whole * 100


def ratio_bound(numerator: str, denominator: str) -> str:
    """What the ratio of two published figures is, from their qualifiers (see
    ``qualifiers``): ``exact`` (up to rounding), ``lower bound`` (the true ratio is at least
    the printed one: a floor above the line, or "nearly" below it), ``upper bound`` (the
    reverse), ``approximate`` (an approximation and no one-sided figure), or ``no bound``
    (one-sided figures that push opposite ways, or with an approximation, so the printed
    ratio can err either way)."""
    result = combine((numerator, 1), (denominator, -1))
    if result == "approx":
        return "no bound" if {numerator, denominator} & set(ONE_SIDED) else "approximate"
    return {"exact": "exact", "floor": "lower bound", "nearly": "upper bound"}[result]


def yoy_series(values: pd.Series) -> pd.Series:
    """Growth in percent over the previous year, for a Series indexed by integer years.

    A year whose previous year is missing gets NaN: gaps are never bridged.
    """
    previous = values.reindex(values.index - 1).to_numpy()
    return pd.Series((values.to_numpy() / previous - 1) * 100, index=values.index, name=values.name)


def contributions_pp(parts: pd.DataFrame, total: pd.Series) -> pd.DataFrame:
    """Each part's contribution to the total's growth, in percentage points.

    ``parts``: one column per partner, indexed by integer year; ``total``: the total
    by year. Contribution of part p in year t = (p_t - p_{t-1}) / total_{t-1} * 100;
    over a partition of the total the contributions add up to the total's growth.
    """
    previous_total = total.reindex(parts.index - 1).to_numpy()
    change = parts.to_numpy() - parts.reindex(parts.index - 1).to_numpy()
    return pd.DataFrame(change / previous_total[:, None] * 100, index=parts.index, columns=parts.columns)


def shift_share(local_before: pd.Series, local_after: pd.Series,
                benchmark_before: pd.Series, benchmark_after: pd.Series) -> dict[str, float]:
    """Split a reporter's trade growth against a benchmark (e.g. China) by partner.

    Each Series is indexed by partner and must partition the total (include a
    residual "other" partner). With local weights w_p (base period), local partner
    growth g_p, benchmark partner growth b_p and benchmark total growth B:

    - ``benchmark``: B, growth had every partner grown at the benchmark's total rate;
    - ``mix``: sum w_p (b_p - B), gain from trading more with fast-growing partners;
    - ``within``: sum w_p (g_p - b_p), growing faster than the benchmark with the same partner;

    and ``total`` = benchmark + mix + within is the local total growth. All in percent.
    """
    partners = local_before.index
    for series in (local_after, benchmark_before, benchmark_after):
        if set(series.index) != set(partners):
            raise ValueError("all four Series must cover the same partners")
    weights = local_before / local_before.sum()
    local_growth = (local_after[partners] / local_before - 1) * 100
    bench_growth = (benchmark_after[partners] / benchmark_before[partners] - 1) * 100
    bench_total = (benchmark_after.sum() / benchmark_before.sum() - 1) * 100
    mix = float((weights * (bench_growth - bench_total)).sum())
    within = float((weights * (local_growth - bench_growth)).sum())
    total = (local_after.sum() / local_before.sum() - 1) * 100
    return {"total": float(total), "benchmark": float(bench_total), "mix": mix, "within": within}
