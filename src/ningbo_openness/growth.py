"""Growth arithmetic on published figures. Rates are in percent throughout."""
from __future__ import annotations

from decimal import Decimal


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


def growth_rounding_bound(value: str, base: str, stated_pct: str) -> float:
    """Largest gap (percentage points) between a stated growth rate and the rate computed
    from the two printed levels that rounding alone can explain.

    Arguments are the numbers as printed (strings), so their precision is known.
    """
    v, b = float(value), float(base)
    ratio = v / b
    relative = half_unit(value) / v + half_unit(base) / b
    return half_unit(stated_pct) + 100 * ratio * relative


def share_pct(part, whole):
    """``part`` as a percentage of ``whole`` (numbers or aligned arrays)."""
    return part / whole * 100
