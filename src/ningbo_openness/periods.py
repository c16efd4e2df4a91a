"""Period labels: parse them into dates and step them back one year.

Accepted labels: ``2024`` (year), ``2024H1`` (half), ``2024Q3`` (quarter),
``2024M08`` (month), ``2025M01-M05`` (months cumulated within a year) and
``2024-06-30`` (a stock at, or an event on, a date).
"""
from __future__ import annotations

import calendar
import re
from datetime import date

#: Matched with ``fullmatch`` (ASCII digits only, no trailing newline).
PATTERN = re.compile(
    r"(?P<year>[0-9]{4})(?:"
    r"H(?P<half>[12])"
    r"|Q(?P<quarter>[1-4])"
    r"|M(?P<m1>0[1-9]|1[0-2])(?:-M(?P<m2>0[1-9]|1[0-2]))?"
    r"|-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])"
    r")?"
)
DESCRIPTION = "a period like 2024, 2024H1, 2024Q3, 2024M08, 2025M01-M05 or 2024-06-30"


def is_valid(label: str) -> bool:
    """True if ``label`` is a well-formed period whose dates exist."""
    try:
        bounds(label)
    except ValueError:
        return False
    return True


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def bounds(label: str) -> tuple[date, date]:
    """First and last day covered by the period (equal for a date label)."""
    m = PATTERN.fullmatch(label)
    if not m:
        raise ValueError(f"not {DESCRIPTION}: {label!r}")
    year = int(m["year"])
    if m["half"]:
        first = 1 + 6 * (int(m["half"]) - 1)
        return date(year, first, 1), _month_end(year, first + 5)
    if m["quarter"]:
        first = 1 + 3 * (int(m["quarter"]) - 1)
        return date(year, first, 1), _month_end(year, first + 2)
    if m["m1"]:
        m1 = int(m["m1"])
        m2 = int(m["m2"]) if m["m2"] else m1
        if m2 < m1:
            raise ValueError(f"month range runs backwards: {label!r}")
        return date(year, m1, 1), _month_end(year, m2)
    if m["month"]:
        day = date(year, int(m["month"]), int(m["day"]))
        return day, day
    return date(year, 1, 1), date(year, 12, 31)


def shift_years(label: str, years: int) -> str:
    """The same period ``years`` later (earlier if negative); 29 February becomes the 28th."""
    bounds(label)
    year = int(label[:4]) + years
    rest = label[4:]
    if rest.startswith("-"):
        month, day = int(rest[1:3]), int(rest[4:6])
        day = min(day, calendar.monthrange(year, month)[1])
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}{rest}"


def previous_year(label: str) -> str:
    """The same period one year earlier (the base of a year-on-year growth rate)."""
    return shift_years(label, -1)


def next_year(label: str) -> str:
    """The same period one year later."""
    return shift_years(label, 1)
