"""Each kind of bad input stops the build with one message naming file, line, column and
what was expected, and leaves data/processed byte-for-byte untouched."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import digest
from ningbo_openness import paths
from ningbo_openness.build import build
from ningbo_openness.errors import InputError

RAW = "raw/theory_page_2025.csv"
ASEAN_ROW = "trade_total,ningbo,asean,2024,1876.9,亿元,20.7,"


def _line_of(path: Path, prefix: str) -> int:
    """The 1-based line of ``path`` that starts with ``prefix``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, text in enumerate(lines, start=1) if text.startswith(prefix))


ASEAN_LINE = _line_of(paths.DATA / RAW, ASEAN_ROW)


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def append_line(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")


def asean_row(**changes) -> str:
    row = {
        "indicator": "trade_total", "geo": "ningbo", "partner": "asean", "period": "2023", "value": "1555.0",
        "unit": "亿元", "yoy_pct": "", "qualifier": "exact", "vintage": "", "source_id": "theory_page_2025",
        "locator": "test line", "quote": "1555.0", "note": "",
    }
    row.update(changes)
    return ",".join(row.values())


def check_stops(data: Path, file: str, line: int | None, column: str | None, expected: str) -> InputError:
    before = digest(data / "processed")
    with pytest.raises(InputError) as caught:
        build(data)
    err = caught.value
    message = str(err)
    assert Path(err.file).name == Path(file).name, message
    assert err.line == line, message
    assert err.column == column, message
    assert re.search(expected, message), message
    assert digest(data / "processed") == before
    return err


def test_missing_column(data_copy):
    path = data_copy / RAW
    text = path.read_text(encoding="utf-8").replace("indicator,geo,partner,", "indicator,geo,", 1)
    path.write_text(text, encoding="utf-8")
    check_stops(data_copy, RAW, 1, "partner", "a header with columns indicator, geo, partner")


SINGLE_CELL_EDITS = [
    # (what, old text, new text, column, expected message)
    ("non-numeric value", "1876.9", "约1876.9", "value", "a plain number"),
    ("unknown unit", "亿元", "亿卢布", "unit", "a published unit listed in data/unit_aliases.csv; found '亿卢布'"),
    ("unit of the wrong dimension", "亿元", "亿吨", "unit", "a unit convertible to cny_100m for trade_total"),
    ("unknown indicator", "trade_total", "trade_totl", "indicator", "an indicator id defined in data/indicators.csv; found 'trade_totl'"),
    ("unknown partner", ",asean,", ",mars,", "partner", "a partner id defined in data/partners.csv"),
    ("malformed period", ",2024,", ",2024年,", "period", "a period like 2024, 2024H1"),
    ("unknown source id", "theory_page_2025", "some_blog", "source_id", "a source id registered in data/sources.csv; found 'some_blog'"),
    ("missing locator", "lines 88-90", "", "locator", "a non-empty text"),
    ("unknown qualifier", ",exact,", ",about,", "qualifier", "one of exact, floor, approx"),
    ("unknown vintage", ",exact,,", ",exact,provisional,", "vintage", "blank or one of preliminary, final, revised"),
    ("non-numeric growth", ",20.7,", ",20.7%,", "yoy_pct", "a growth rate in percent such as 20.7, or blank"),
]


@pytest.mark.parametrize("what, old, new, column, expected", SINGLE_CELL_EDITS, ids=[e[0] for e in SINGLE_CELL_EDITS])
def test_single_cell_edit(data_copy, what, old, new, column, expected):
    edit_line(data_copy / RAW, ASEAN_LINE, old, new)
    check_stops(data_copy, RAW, ASEAN_LINE, column, expected)


def test_duplicate_key(data_copy):
    path = data_copy / RAW
    line = path.read_text(encoding="utf-8").split("\n")[ASEAN_LINE - 1]
    append_line(path, line)
    last = len(path.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    check_stops(data_copy, RAW, last, "indicator+geo+partner+period+source_id+locator", "a unique key")


def test_growth_contradicting_a_recorded_base(data_copy):
    # 1876.9 / 1000 - 1 = 87.7 %, far from the stated 20.7 %
    append_line(data_copy / RAW, asean_row(value="1000.0", quote="1000.0"))
    check_stops(data_copy, RAW, ASEAN_LINE, "yoy_pct", r"a growth rate within 1\.\d\d pp of 87\.69% .* found .20\.7.")


def test_growth_within_revision_allowance_passes(data_copy):
    # 1876.9 / 1560 - 1 = 20.31 %: 0.39 pp from 20.7, beyond rounding, within the allowance
    append_line(data_copy / RAW, asean_row(value="1560", quote="1560"))
    result = build(data_copy)
    audit = result.audit
    row = audit[(audit["check"] == "growth_vs_base") & (audit["geo"] == "ningbo") & (audit["partner"] == "asean")]
    assert row["status"].tolist() == ["note"]


def test_empty_file(data_copy):
    (data_copy / "raw" / "empty.csv").write_text("", encoding="utf-8")
    check_stops(data_copy, "raw/empty.csv", None, None, "an empty file")


def test_non_utf8_file(data_copy):
    path = data_copy / RAW
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    # line 2 holds the first Chinese character
    check_stops(data_copy, RAW, 2, None, "expected UTF-8 text; found 'byte 0x")


def test_ragged_row(data_copy):
    edit_line(data_copy / RAW, ASEAN_LINE, "lines 88-90", "lines 88,90")
    check_stops(data_copy, RAW, ASEAN_LINE, None, "13 fields .* found '14 fields'")


def test_duplicate_indicator_definition(data_copy):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    append_line(path, lines[1])
    check_stops(data_copy, "indicators.csv", len(lines) + 1, "indicator", "a unique indicator; found 'trade_total'")


def test_no_raw_files(data_copy):
    for f in (data_copy / "raw").glob("*.csv"):
        f.unlink()
    check_stops(data_copy, "raw", None, None, "at least one raw CSV file")


def test_malformed_source_date(data_copy):
    path = data_copy / "sources.csv"
    line = _line_of(path, "theory_page_2025,")
    edit_line(path, line, ",2025,,", ",May 2025,,")
    check_stops(data_copy, "sources.csv", line, "date", r"a date YYYY, YYYY-MM or YYYY-MM-DD, or n.d. \(no date\); found .May 2025.")


def test_unknown_growth_basis(data_copy):
    path = data_copy / "indicators.csv"
    line = _line_of(path, "gdp,")
    edit_line(path, line, ",constant_prices,", ",real,")
    check_stops(data_copy, "indicators.csv", line, "yoy_basis", "one of value, constant_prices; found 'real'")


def test_unknown_source_tier(data_copy):
    path = data_copy / "sources.csv"
    line = _line_of(path, "theory_page_2025,")
    edit_line(path, line, ",2026-11-25,2,", ",2026-11-25,4,")
    check_stops(data_copy, "sources.csv", line, "tier", "a source tier: 1 official release")


CELLS = "raw/rules/agreement_provisions.csv"
MEASURES = "raw/rules/ningbo_measures.csv"


@pytest.mark.parametrize("file, prefix, old, new, column, expected", [
    (CELLS, "cptpp,cross_border_data_flows,", "cptpp,cross_border_data_flows,", "cptpp,data_flows,", "provision", "a provision id defined in data/provisions.csv"),
    (CELLS, "cptpp,cross_border_data_flows,", ",binding,", ",mandatory,", "status", "one of binding, best_endeavour"),
    (MEASURES, "aeo_services,", ",roll-out,", ",rolled out,", "stage", "one of list, scenario, pilot, evaluation, roll-out"),
    (MEASURES, "aeo_services,", ",authorised_operators,", ",aeo,", "provisions", "provision ids from data/provisions.csv"),
], ids=["unknown provision", "unknown status", "unknown stage", "unknown provision in a measure"])
def test_rule_tables(data_copy, file, prefix, old, new, column, expected):
    path = data_copy / file
    line = _line_of(path, prefix)
    edit_line(path, line, old, new)
    check_stops(data_copy, file, line, column, expected)


def test_coded_cell_needs_its_article(data_copy):
    path = data_copy / CELLS
    line = _line_of(path, "rcep,cross_border_data_flows,")
    edit_line(path, line, ",Article 12.15.2,", ",,")
    check_stops(data_copy, CELLS, line, "article", "binding and best-endeavour cells cite their article")
