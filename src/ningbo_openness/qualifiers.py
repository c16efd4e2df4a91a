"""What a published figure's qualifier says about the true value, and the qualifier of a
figure computed from qualified ones. Shared by the build (derived rows, the audit) and the
analysis (bounds on shares, growth rates and decompositions).

- ``exact``: the printed figure, up to the rounding of its last digit;
- ``approx`` (约, "about", "some"; and estimates, 预计): close to it, on either side;
- ``floor`` (超过, 突破, 多: "more than"): at least the printed figure;
- ``nearly`` (近: "nearly"): at most the printed figure.
"""
from __future__ import annotations

QUALIFIERS = ("exact", "floor", "nearly", "approx")
#: Where the true value lies against the printed figure: +1 at or above it, -1 at or below
#: it, 0 on it up to rounding. ``approx`` has no side.
SIDE = {"exact": 0, "floor": 1, "nearly": -1}
ONE_SIDED = ("floor", "nearly")


def combine(*terms: tuple[str, int]) -> str:
    """Qualifier of a figure that rises with every input of sign +1 and falls with every input
    of sign -1: a sum is ``(a, 1), (b, 1)``; a difference, or a ratio of positive figures, is
    ``(a, 1), (b, -1)``. One-sided inputs that all push the same way give a one-sided result
    (a floor less an exact figure is a floor; an exact figure over a floor is at most the
    printed ratio); sides that conflict, or an approximate input, give ``approx``."""
    sides = set()
    for qualifier, sign in terms:
        if qualifier not in SIDE:
            return "approx"
        if SIDE[qualifier]:
            sides.add(SIDE[qualifier] * sign)
    if len(sides) > 1:
        return "approx"
    return {frozenset(): "exact", frozenset({1}): "floor", frozenset({-1}): "nearly"}[frozenset(sides)]
