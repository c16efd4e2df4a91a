"""Each kind of bad input stops the build with one line naming file, line, column and what
was expected, exit code 1, and leaves the data folder byte for byte as it was (processed
tables, data package, file modes) with no file left behind.

The cases run the command line in-process (``cli.main``), so the message tested is the
one a user sees.
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import snapshot
from ningbo_openness import cli, paths
from ningbo_openness.errors import shown

RAW = "raw/theory_page_2025.csv"
TRADE = "raw/trade.csv"
INNOVATION = "raw/innovation.csv"
CELLS = "raw/rules/agreement_provisions.csv"
MEASURES = "raw/rules/ningbo_measures.csv"
CHAPTERS = "raw/rules/chapters.csv"
COMPETENCE = "raw/rules/provision_competence.csv"
ORIGINS = "raw/rules/measure_origins.csv"
RCEP_12_QUOTE = (",No Party shall have recourse to dispute settlement under Chapter 19 (Dispute Settlement) for any matter "
                 "arising under this Chapter.,")
ASEAN_ROW = "trade_total,ningbo,asean,2024,1876.9,亿元,20.7,"
PATENT_ROW = "patent_grants,ningbo,none,2021,72390,件,19.5,"
HEADER = "indicator,geo,partner,period,value,unit,yoy_pct,qualifier,vintage,source_id,locator,quote,note"


def line_of(file: str, prefix: str) -> int:
    """The 1-based line of ``data/<file>`` that starts with ``prefix``."""
    lines = (paths.DATA / file).read_text(encoding="utf-8").split("\n")
    return next(i for i, text in enumerate(lines, start=1) if text.startswith(prefix))


def manifest_line(file: str) -> int:
    return line_of("manifest.csv", file + ",")


ASEAN_LINE = line_of(RAW, ASEAN_ROW)
PATENT_LINE = line_of(INNOVATION, PATENT_ROW)
RD_ROW = "rd_intensity,ningbo,none,2015,2.4,%,"
RD_LINE = line_of(INNOVATION, RD_ROW)
DATA_ROWS = {f: len((paths.DATA / f).read_text(encoding="utf-8").rstrip("\n").split("\n"))
             for f in (RAW, TRADE, CELLS, "indicators.csv", "manifest.csv")}


def edit(file: str, line: int, old: str, new: str) -> Callable[[Path], None]:
    """Replace ``old`` by ``new`` on one line of ``file``."""
    def apply(data: Path) -> None:
        path = data / file
        lines = path.read_text(encoding="utf-8").split("\n")
        assert old in lines[line - 1], lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    return apply


def append(file: str, text: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        path.write_text(path.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")
    return apply


def rewrite(file: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return apply


def drop_line(file: str, prefix: str) -> Callable[[Path], None]:
    """Remove the lines of ``file`` that start with ``prefix``."""
    return rewrite(file, lambda t: "".join(line + "\n" for line in t.splitlines() if not line.startswith(prefix)))


def asean_row(**changes) -> str:
    row = {
        "indicator": "trade_total", "geo": "ningbo", "partner": "asean", "period": "2023", "value": "1555.0",
        "unit": "亿元", "yoy_pct": "", "qualifier": "exact", "vintage": "", "source_id": "theory_page_2025",
        "locator": "test line", "quote": "1555.0", "note": "",
    }
    row.update(changes)
    return ",".join(row.values())


def delete(file: str) -> Callable[[Path], None]:
    return lambda data: (data / file).unlink()


def rename(file: str, new: str) -> Callable[[Path], None]:
    return lambda data: (data / file).rename(data / new)


def copy(file: str, new: str) -> Callable[[Path], None]:
    return lambda data: shutil.copy(data / file, data / new)


def steps(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        for change in changes:
            change(data)
    return apply


def header_only(data: Path) -> None:
    for file in ("theory_page_2025", "trade", "port", "innovation", "rule_counts"):
        (data / "raw" / f"{file}.csv").write_text(HEADER + "\n", encoding="utf-8")


def trailing_commas(text: str) -> str:
    lines = text.rstrip("\n").split("\n")
    return "\n".join([lines[0], *(line + "," for line in lines[1:])]) + "\n"


def declare(file: str) -> Callable[[Path], None]:
    return append("manifest.csv", f"{file},observations,a second copy")


# (id, change to a copy of data/, file, line, column, expected text (a regex))
CASES = [
    # the set of files
    ("theme file deleted", delete(TRADE), TRADE, None, None,
     f"expected the file declared on line {manifest_line(TRADE)} of .*manifest.csv; found 'no such file'"),
    ("theme file renamed to .bak", rename(TRADE, TRADE + ".bak"), TRADE, None, None, "found 'no such file'"),
    ("theme file truncated to its header", rewrite(TRADE, lambda t: t.split("\n")[0] + "\n"), TRADE, 2, None,
     "expected at least one data row below the header; found 'no data rows'"),
    ("every raw file emptied to its header", header_only, RAW, 2, None, "found 'no data rows'"),
    ("raw file copied under another name", copy(TRADE, "raw/trade_copy.csv"), "raw/trade_copy.csv", None, None,
     "expected only files declared in .*manifest.csv under .*raw/.*; found 'an undeclared file'"),
    ("copy declared as a second theme", steps(copy(TRADE, "raw/trade_copy.csv"), declare("raw/trade_copy.csv")),
     "raw/trade_copy.csv", 2, "indicator+geo+partner+period+source_id+locator",
     r"unique across all raw files; found 'a repeat of .*raw/trade.csv, line 2'"),
    ("rules file deleted", delete(CELLS), CELLS, None, None, "found 'no such file'"),
    ("reference file deleted", delete("units.csv"), "units.csv", None, None, "found 'no such file'"),
    ("manifest deleted", delete("manifest.csv"), "manifest.csv", None, None, "found 'no such file'"),
    ("empty file", rewrite(RAW, lambda t: ""), RAW, None, None, "an empty file"),
    # the shape of a file
    ("missing column", rewrite(RAW, lambda t: t.replace("indicator,geo,partner,", "indicator,geo,", 1)), RAW, 1, "partner",
     "a header with columns indicator, geo, partner"),
    ("ragged row", edit(RAW, ASEAN_LINE, "lines 88-90", "lines 88,90"), RAW, ASEAN_LINE, None,
     "expected 13 fields, as in the header .*; found '14 fields'"),
    ("short row", edit(RAW, ASEAN_LINE, ",1876.9,", ","), RAW, ASEAN_LINE, None, "found '12 fields'"),
    ("trailing comma on every data row", rewrite(TRADE, trailing_commas), TRADE, 2, None,
     "expected 13 fields, as in the header .*; found '14 fields'"),
    ("stray quote", edit(RAW, ASEAN_LINE, ",lines 88-90,", ',"lines 88"-90,'), RAW, ASEAN_LINE, None, "well-formed CSV quoting"),
    ("non-UTF-8 file", lambda data: (data / RAW).write_bytes((data / RAW).read_text(encoding="utf-8").encode("gb18030")),
     RAW, 2, None, "expected UTF-8 text; found 'byte 0x"),
    ("windows line ends", rewrite(RAW, lambda t: t.replace("\n", "\r\n")), RAW, 1, None, r"'\\n' line ends"),
    # cells
    ("non-numeric value", edit(RAW, ASEAN_LINE, "1876.9", "约1876.9"), RAW, ASEAN_LINE, "value", "a plain number"),
    ("full-width digits in a value", edit(RAW, ASEAN_LINE, "1876.9", "１８７６.９"), RAW, ASEAN_LINE, "value",
     "a plain number in ASCII digits .*; found '１８７６.９'"),
    ("full-width digits in a growth rate", edit(RAW, ASEAN_LINE, ",20.7,", ",２０.７,"), RAW, ASEAN_LINE, "yoy_pct",
     "a growth rate in percent in ASCII digits"),
    ("unknown unit", edit(RAW, ASEAN_LINE, "亿元", "亿卢布"), RAW, ASEAN_LINE, "unit",
     "a published unit listed in data/unit_aliases.csv; found '亿卢布'"),
    ("unit of the wrong dimension", edit(RAW, ASEAN_LINE, "亿元", "亿吨"), RAW, ASEAN_LINE, "unit",
     "a unit convertible to cny_100m for trade_total"),
    ("unknown indicator", edit(RAW, ASEAN_LINE, "trade_total", "trade_totl"), RAW, ASEAN_LINE, "indicator",
     "an indicator id defined in data/indicators.csv; found 'trade_totl'"),
    ("unknown partner", edit(RAW, ASEAN_LINE, ",asean,", ",mars,"), RAW, ASEAN_LINE, "partner", "a partner id defined"),
    ("malformed period", edit(RAW, ASEAN_LINE, ",2024,", ",2024年,"), RAW, ASEAN_LINE, "period", "a period like 2024, 2024H1"),
    ("period with a trailing newline", edit(RAW, ASEAN_LINE, ",2024,", ',"2024\n",'), RAW, ASEAN_LINE, "period",
     "a period like 2024"),
    ("unknown source id", edit(RAW, ASEAN_LINE, "theory_page_2025", "some_blog"), RAW, ASEAN_LINE, "source_id",
     "a source id registered in data/sources.csv; found 'some_blog'"),
    ("missing locator", edit(RAW, ASEAN_LINE, "lines 88-90", ""), RAW, ASEAN_LINE, "locator", "a non-empty text"),
    ("unknown qualifier", edit(RAW, ASEAN_LINE, ",exact,", ",about,"), RAW, ASEAN_LINE, "qualifier", "one of exact, floor, nearly, approx"),
    ("unknown vintage", edit(RAW, ASEAN_LINE, ",exact,,", ",exact,provisional,"), RAW, ASEAN_LINE, "vintage",
     "blank or one of preliminary, final, revised"),
    ("non-numeric growth", edit(RAW, ASEAN_LINE, ",20.7,", ",20.7%,"), RAW, ASEAN_LINE, "yoy_pct",
     "a growth rate in percent in ASCII digits such as 20.7, or blank"),
    # keys
    ("duplicate key in one file", append(RAW, (paths.DATA / RAW).read_text(encoding="utf-8").split("\n")[ASEAN_LINE - 1]),
     RAW, DATA_ROWS[RAW] + 1, "indicator+geo+partner+period+source_id+locator", f"found 'a repeat of line {ASEAN_LINE}'"),
    ("duplicate indicator definition",
     append("indicators.csv", (paths.DATA / "indicators.csv").read_text(encoding="utf-8").split("\n")[1]),
     "indicators.csv", DATA_ROWS["indicators.csv"] + 1, "indicator", "a unique indicator; found 'a repeat of line 2'"),
    # domain rules
    ("negative patent count", edit(INNOVATION, PATENT_LINE, ",72390,", ",-72390,"), INNOVATION, PATENT_LINE, "value",
     r"a value of at least 0 count \(min_value in data/units.csv\); found '-72390'"),
    ("share above 100", edit(INNOVATION, RD_LINE, ",2.4,", ",240,"), INNOVATION, RD_LINE, "value",
     r"a value of at most 100 percent \(max_value in data/units.csv\); found '240'"),
    ("period after the source's date", edit(RAW, ASEAN_LINE, ",2024,", ",2031,"), RAW, ASEAN_LINE, "period",
     r"a period that has begun by today"),
    ("period ending long after the source's date", edit(INNOVATION, PATENT_LINE, ",2021,", ",2022,"), INNOVATION,
     PATENT_LINE, "period", r"a period ending at most 31 days after its source's date \(cqt_nb_ip_2021: "),
    ("growth of -150 %", edit(RAW, ASEAN_LINE, ",20.7,", ",-150,"), RAW, ASEAN_LINE, "yoy_pct",
     r"a growth rate above -100 \(cny_100m cannot be negative\); found '-150'"),
    ("growth of -100 %", edit(RAW, ASEAN_LINE, ",20.7,", ",-100,"), RAW, ASEAN_LINE, "yoy_pct", "a growth rate above -100"),
    ("value beyond floating point", edit(RAW, ASEAN_LINE, ",1876.9,", "," + "9" * 400 + ","), RAW, ASEAN_LINE, "value",
     "a number within floating-point range once converted"),
    ("base of 0 for a stated growth rate", append(RAW, asean_row(value="0", quote="0")), RAW, ASEAN_LINE, "yoy_pct",
     "expected no stated growth rate .no growth rate is defined over the base"),
    ("growth contradicting a recorded base", append(RAW, asean_row(value="1000.0", quote="1000.0")), RAW, ASEAN_LINE,
     "yoy_pct", r"a growth rate within 1\.\d\d pp of 87\.69% .* found .20\.7."),
    # reference tables
    ("infinite unit factor", edit("unit_aliases.csv", line_of("unit_aliases.csv", "亿元,"), ",1", ",Infinity"),
     "unit_aliases.csv", line_of("unit_aliases.csv", "亿元,"), "factor", "a positive plain number .*; found 'Infinity'"),
    ("zero unit factor", edit("unit_aliases.csv", line_of("unit_aliases.csv", "亿元,"), ",1", ",0"),
     "unit_aliases.csv", line_of("unit_aliases.csv", "亿元,"), "factor", "a positive plain number"),
    ("malformed unit bound", edit("units.csv", line_of("units.csv", "count,"), ",0,", ",zero,"),
     "units.csv", line_of("units.csv", "count,"), "min_value", "a plain number, or blank"),
    ("malformed source date", edit("sources.csv", line_of("sources.csv", "theory_page_2025,"), ",2025,,", ",May 2025,,"),
     "sources.csv", line_of("sources.csv", "theory_page_2025,"), "date", r"a date YYYY, YYYY-MM or YYYY-MM-DD, or n.d."),
    ("source dated in the future", edit("sources.csv", line_of("sources.csv", "theory_page_2025,"), ",2025,,", ",2099-01-01,,"),
     "sources.csv", line_of("sources.csv", "theory_page_2025,"), "date", "a date no later than today"),
    ("source date that does not exist", edit("sources.csv", line_of("sources.csv", "theory_page_2025,"), ",2025,,", ",2025-02-30,,"),
     "sources.csv", line_of("sources.csv", "theory_page_2025,"), "date", "a date that exists"),
    ("unknown growth basis", edit("indicators.csv", line_of("indicators.csv", "gdp,"), ",constant_prices,", ",real,"),
     "indicators.csv", line_of("indicators.csv", "gdp,"), "yoy_basis", "one of value, constant_prices; found 'real'"),
    ("unknown source tier", edit("sources.csv", line_of("sources.csv", "theory_page_2025,"), ",2026-11-25,2,", ",2026-11-25,4,"),
     "sources.csv", line_of("sources.csv", "theory_page_2025,"), "tier", "a source tier: 1 official release"),
    ("manifest: unknown table", edit("manifest.csv", manifest_line(TRADE), ",observations,", ",trade,"),
     "manifest.csv", manifest_line(TRADE), "table", "one of indicators, sources"),
    ("manifest: a file declared twice", append("manifest.csv", f"{TRADE},observations,again"), "manifest.csv",
     DATA_ROWS["manifest.csv"] + 1, "path", f"each file declared once; found 'a repeat of line {manifest_line(TRADE)}'"),
    ("unknown RCEP status of a partner", edit("partners.csv", line_of("partners.csv", "japan,"), ",member", ",yes"),
     "partners.csv", line_of("partners.csv", "japan,"), "rcep", "member, non_member, overlap or blank; found 'yes'"),
    ("scope break with a malformed period", edit("scope_breaks.csv", line_of("scope_breaks.csv", ",,cee,2019,"), ",2019,", ",2019年,"),
     "scope_breaks.csv", line_of("scope_breaks.csv", ",,cee,2019,"), "from_period", "a period like 2024"),
    ("scope break of an unknown reporter", edit("scope_breaks.csv", line_of("scope_breaks.csv", "resident_population,"),
                                                ",ningbo,", ",ningpo,"),
     "scope_breaks.csv", line_of("scope_breaks.csv", "resident_population,"), "geo", "a reporter id defined in data/geos.csv"),
    # rule tables
    ("date of entry into force without its source", edit("agreements.csv", line_of("agreements.csv", "rcep,"),
                                                         ",chinaorg_jp_20211231_rcep,", ",,"),
     "agreements.csv", line_of("agreements.csv", "rcep,"), "source_id", "a date of entry into force is cited"),
    ("malformed date of entry into force", edit("agreements.csv", line_of("agreements.csv", "rcep,"), ",2022-01-01,", ",2022年,"),
     "agreements.csv", line_of("agreements.csv", "rcep,"), "in_force_china", "a date YYYY, YYYY-MM or YYYY-MM-DD, or blank"),
    ("unknown provision", edit(CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), "cptpp,cross_border_data_flows,",
                               "cptpp,data_flows,"), CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), "provision",
     "a provision id defined in data/provisions.csv"),
    ("unknown status", edit(CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), ",binding,", ",mandatory,"), CELLS,
     line_of(CELLS, "cptpp,cross_border_data_flows,"), "status", "one of binding, best_endeavour"),
    ("unknown stage", edit(MEASURES, line_of(MEASURES, "aeo_services,"), ",roll-out,", ",rolled out,"), MEASURES,
     line_of(MEASURES, "aeo_services,"), "stage", "one of list, scenario, pilot, evaluation, roll-out"),
    ("unknown provision in a measure", edit(MEASURES, line_of(MEASURES, "aeo_services,"), ",authorised_operators,", ",aeo,"),
     MEASURES, line_of(MEASURES, "aeo_services,"), "provisions", "provision ids from data/provisions.csv"),
    ("coded cell without its article", edit(CELLS, line_of(CELLS, "rcep,cross_border_data_flows,"), ",Article 12.15.2,", ",,"),
     CELLS, line_of(CELLS, "rcep,cross_border_data_flows,"), "article", "binding and best-endeavour cells cite their article"),
    ("cell in an unknown chapter", edit(CELLS, line_of(CELLS, "rcep,cross_border_data_flows,"), ",12,Article 12.15.2,",
                                       ",14,Article 12.15.2,"),
     CELLS, line_of(CELLS, "rcep,cross_border_data_flows,"), "chapter", "a chapter of rcep defined in data/raw/rules/chapters.csv"),
    ("operative words not in the quote", edit(CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), ",shall allow,text,",
                                              ",shall permit,text,"),
     CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), "operative", "words that stand in the quote"),
    ("operative words of no wording class", edit(CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), ",shall allow,text,",
                                                 ",allow,text,"),
     CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), "operative", "words of a wording class in data/wording.csv"),
    ("text quote without operative words", edit(CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), ",shall allow,text,",
                                                ",,text,"),
     CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), "operative", "a quote of the text names its operative words"),
    ("keep reason where the rule agrees", rewrite(CELLS, lambda t: "\n".join(
        line + "a reason" if line.startswith("cptpp,cross_border_data_flows,") else line for line in t.split("\n"))),
     CELLS, line_of(CELLS, "cptpp,cross_border_data_flows,"), "keep_reason", r"a blank value \(the typed status binding agrees"),
    ("chapter status without its quote", edit(CHAPTERS, line_of(CHAPTERS, "rcep,12,"), RCEP_12_QUOTE, ",,"),
     CHAPTERS, line_of(CHAPTERS, "rcep,12,"), "quote", "a known dispute-settlement status is quoted"),
    ("unknown dispute-settlement status", edit(CHAPTERS, line_of(CHAPTERS, "rcep,12,"), ",excluded,", ",partly,"),
     CHAPTERS, line_of(CHAPTERS, "rcep,12,"), "dispute_settlement", "one of applies, excluded, unknown"),
    ("chapter of an unknown agreement", edit(CHAPTERS, line_of(CHAPTERS, "rcep,12,"), "rcep,12,", "rcpe,12,"),
     CHAPTERS, line_of(CHAPTERS, "rcep,12,"), "agreement", "an agreement id defined in data/agreements.csv"),
    ("incomplete enforceability rule", drop_line("enforceability.csv", "mandatory,unknown,"),
     "enforceability.csv", None, "dispute_settlement", "a row for wording 'mandatory' with dispute settlement 'unknown' or 'any'"),
    ("wording pattern that does not compile", edit("wording.csv", line_of("wording.csv", "permissive,"), r"\bmay\b", "(may"),
     "wording.csv", line_of("wording.csv", "permissive,"), "pattern", "a regular expression that compiles"),
    ("unknown competence level", edit(COMPETENCE, line_of(COMPETENCE, "labour_standards,"), ",municipal,", ",county,"),
     COMPETENCE, line_of(COMPETENCE, "labour_standards,"), "level", "a level defined in data/competence_levels.csv"),
    ("provision without a competence row", drop_line(COMPETENCE, "labour_standards,"),
     COMPETENCE, None, "provision", "a row for every provision in data/provisions.csv; found 'labour_standards'"),
    ("competence without its quote", edit(COMPETENCE, line_of(COMPETENCE, "labour_standards,"),
                                          ",县级以上地方人民政府劳动行政部门主管本行政区域内的劳动工作,", ",,"),
     COMPETENCE, line_of(COMPETENCE, "labour_standards,"), "quote", "a non-empty text"),
    ("origin of an unknown measure", edit(ORIGINS, line_of(ORIGINS, "shore_power,"), "shore_power,", "shore_power_2,"),
     ORIGINS, line_of(ORIGINS, "shore_power,"), "measure_id", "a measure id of data/raw/rules/ningbo_measures.csv"),
    ("national measure without its scheme", rewrite(ORIGINS, lambda t: "\n".join(
        "shore_power,national,," + line.split(",", 3)[3] if line.startswith("shore_power,") else line
        for line in t.split("\n"))),
     ORIGINS, line_of(ORIGINS, "shore_power,"), "scheme", "a national scheme is named"),
    ("duplicate cell", append(CELLS, (paths.DATA / CELLS).read_text(encoding="utf-8").split("\n")[1]), CELLS,
     DATA_ROWS[CELLS] + 1, "agreement+provision",
     "found 'a repeat of line 2'"),
]


def stop_line(data: Path, capsys) -> tuple[int, str]:
    """Run ``python -m ningbo_openness build --data-dir data`` in-process: exit code and the one stderr line."""
    code = cli.main(["build", "--data-dir", str(data)])
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return code, lines[0]


@pytest.mark.parametrize("change, file, line, column, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_stops_with_one_line(data_copy, capsys, change, file, line, column, expected):
    change(data_copy)
    before = snapshot(data_copy)
    code, message = stop_line(data_copy, capsys)
    where = shown(data_copy / file) + (f", line {line}" if line else "") + (f", column '{column}'" if column else "")
    assert code == cli.EXIT_BAD_INPUT, message
    assert message.startswith(f"build stopped, nothing written: {where}: expected "), message
    assert re.search(expected, message), message
    assert snapshot(data_copy) == before


def test_growth_within_revision_allowance_passes(data_copy):
    # 1876.9 / 1560 - 1 = 20.31 %: 0.39 pp from 20.7, beyond rounding, within the allowance
    append(RAW, asean_row(value="1560", quote="1560"))(data_copy)
    from ningbo_openness.ingest.build import run

    audit = run(data_copy).audit
    row = audit[(audit["check"] == "growth_vs_base") & (audit["geo"] == "ningbo") & (audit["partner"] == "asean")]
    assert row["status"].tolist() == ["note"]


def test_year_to_date_milestone_before_the_year_ends_is_accepted():
    """A floor for 2017 stated on 28 December 2017 (the port passing 10亿吨) is valid input."""
    from ningbo_openness.ingest.build import run

    table = run(paths.DATA).indicators
    row = table[(table["indicator"] == "port_cargo_throughput") & (table["source_id"] == "zjol_20171228")]
    assert row["period"].tolist() == ["2017"] and row["qualifier"].tolist() == ["floor"]


def test_removing_a_theme_is_an_edit_of_the_manifest(data_copy, capsys):
    (data_copy / "raw" / "rule_counts.csv").unlink()
    drop_line("manifest.csv", "raw/rule_counts.csv,")(data_copy)
    assert cli.main(["build", "--data-dir", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert "rule_counts.csv" not in out and f"read {shown(data_copy / TRADE)}: {DATA_ROWS[TRADE] - 1} rows" in out
