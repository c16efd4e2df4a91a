"""Data tests: every published number of the source page is in the processed table,
with its locator, and every raw row is transcribed faithfully."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pandas as pd
import pytest

from conftest import SEED_TEXT
from ningbo_openness import load_indicators, paths
from ningbo_openness.ingest.raw import COLUMNS
from ningbo_openness.ingest.registry import load_registry

# (indicator, geo, partner, period, value in canonical unit, lines of the seed text)
SEED_NUMBERS = [
    ("firms_facing_institutional_differences_share", "china", "none", "2023", 80, "37-41"),
    ("rcep_co_certificates", "ningbo", "rcep", "2025M01-M05", 15278, "69-72"),
    ("rcep_co_value", "ningbo", "rcep", "2025M01-M05", 38.22, "69-72"),
    ("cee_standard_titles", "ningbo", "cee", "2025", 976000, "73-76"),
    ("trade_total", "ningbo", "asean", "2024", 1876.9, "88-90"),
    ("exports", "ningbo", "asean", "2024", 1002.8, "90-91"),
    ("trade_total", "ningbo", "cee", "2024", 561.3, "91-92"),
    ("trade_total", "ningbo", "africa", "2024", 732.5, "93-94"),
    ("overseas_warehouse_firms", "ningbo", "world", "2024-06-30", 73, "103-106"),
    ("overseas_warehouse_countries", "ningbo", "world", "2024-06-30", 24, "531-533"),
    ("overseas_warehouses", "ningbo", "world", "2024-06-30", 217, "531-533"),
    ("overseas_warehouse_area", "ningbo", "world", "2024-06-30", 374.7, "103-106"),
    ("port_cargo_throughput", "ningbo_zhoushan_port", "none", "2024", 13.7, "199-201"),
    ("port_cargo_rank_world", "ningbo_zhoushan_port", "none", "2024", 1, "199-201"),
    ("port_cargo_rank1_streak", "ningbo_zhoushan_port", "none", "2024", 16, "199-201"),
    ("port_container_throughput", "ningbo_zhoushan_port", "none", "2024", 3930, "201-202"),
    ("port_container_rank_world", "ningbo_zhoushan_port", "none", "2024", 3, "201-202"),
    ("ocean_trunk_routes", "ningbo_zhoushan_port", "none", "2025", 148, "203-205"),
    ("countries_connected", "ningbo_zhoushan_port", "none", "2025", 200, "203-205"),
    ("ports_connected", "ningbo_zhoushan_port", "none", "2025", 600, "203-205"),
    ("sea_rail_lines", "ningbo_zhoushan_port", "none", "2025", 27, "205-207"),
    ("sea_rail_provinces", "ningbo_zhoushan_port", "none", "2025", 16, "205-207"),
    ("sea_rail_cities", "ningbo_zhoushan_port", "none", "2025", 67, "205-207"),
    ("cbec_trade", "ningbo", "world", "2023", 2301.8, "208-210"),
    ("cbec_exports", "ningbo", "world", "2024", 450, "210-212"),
    ("cbec_618_orders", "ningbo", "world", "2025-06-18", 13363000, "212-213"),
    ("cbec_618_sales", "ningbo", "world", "2025-06-18", 45.9, "212-213"),
    ("cbec_bonded_import_rank_china", "ningbo", "world", "2025", 1, "213-216"),
    ("cbec_provincial_parks", "ningbo", "none", "2025", 16, "216-217"),
    ("cbec_provincial_brands", "ningbo", "none", "2025", 53, "217-218"),
    ("cbec_firms", "ningbo", "none", "2025", 20000, "218"),
    ("cbec_imports", "ningbo", "world", "2024", 257.4, "287-289"),
    ("cbec_618_retail_import_share_china", "ningbo", "world", "2025-06-18", 20, "289-290"),
    ("rtas_in_force", "world", "none", "2025-05-31", 375, "472-473"),
    ("patent_grants", "ningbo", "none", "2023", 64110, "506-508"),
    ("invention_patent_grants", "ningbo", "none", "2023", 9372, "506-508"),
    ("pct_applications", "ningbo", "none", "2023", 648, "508-509"),
    ("valid_invention_patents", "ningbo", "none", "2023", 55794, "509-510"),
    ("high_value_invention_patents", "ningbo", "none", "2023", 17959, "511-512"),
    ("fund_pool_pilot_firms", "ningbo", "none", "2025-06-30", 3, "518-520"),
    ("fund_pool_covered_firms", "ningbo", "none", "2025-06-30", 45, "518-520"),
    ("green_corridor_partner_ports", "ningbo_zhoushan_port", "none", "2025", 3, "585-588"),
]
SEED_GROWTH = {("rcep_co_certificates", "2025M01-M05"): 11.95, ("rcep_co_value", "2025M01-M05"): 13.73,
               ("trade_total", "2024"): None, ("pct_applications", "2023"): 22.96,
               ("valid_invention_patents", "2023"): 18.5, ("high_value_invention_patents", "2023"): 30.32}
CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@pytest.fixture(scope="module")
def reported():
    return load_indicators(kind="reported", source_id="theory_page_2025")


@pytest.fixture(scope="module")
def raw():
    reg = load_registry(paths.DATA)
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False).assign(_file=f.name) for f in sorted(paths.RAW.glob("*.csv"))]
    return reg, pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("indicator, geo, partner, period, value, lines", SEED_NUMBERS, ids=[f"{r[0]}-{r[2]}" for r in SEED_NUMBERS])
def test_seed_number_present_with_locator(reported, indicator, geo, partner, period, value, lines):
    rows = reported[(reported["indicator"] == indicator) & (reported["geo"] == geo)
                    & (reported["partner"] == partner) & (reported["period"] == period)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["value"] == pytest.approx(value)
    assert f"lines {lines}" in row["locator"]


def test_seed_growth_rates(reported):
    for (indicator, period), rate in SEED_GROWTH.items():
        rows = reported[(reported["indicator"] == indicator) & (reported["period"] == period)]
        if rate is None:
            assert sorted(rows["yoy_pct"]) == [11.2, 20.7, 21.0]
        else:
            assert rows["yoy_pct"].tolist() == [rate]


def test_every_seed_row_is_listed_here(reported):
    listed = {(i, g, p, t) for i, g, p, t, _, _ in SEED_NUMBERS}
    present = set(zip(reported["indicator"], reported["geo"], reported["partner"], reported["period"], strict=True))
    assert present == listed


#: Ranks printed as words (English, Italian, Chinese), e.g. "the world's fourth busiest".
ORDINAL_WORDS = {
    1: ("first", "top position", "largest", "busiest", "primo", "首位", "第一", "连冠", "連冠"),
    2: ("second",), 3: ("third", "terzo"), 4: ("fourth",), 5: ("fifth",), 6: ("sixth",),
}


#: Korean and Japanese large numbers around 억/億 (10^8): 1조 4200억, 5조5천500억, 8천690억7천만,
#: 9707億5千万, 59億9000万.
#: A thousands separator: a point or comma before exactly three digits (182,000; 15.670.000).
THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
LARGE_NUMBER = re.compile(r"(?:(\d+)[조兆])?(?:(\d+)[천千])?(\d+)?[억億亿](?:(?:(\d+)[천千])?(\d+)?[만万])?")
COUNT_IN_WAN = re.compile(r"(\d+)[万만](\d{1,4})(?![\d.])")  # a count in Japanese notation: 7万2806 = 72806


def _in_yi(jo: str, thousands: str, yi: str, fraction_thousands: str, fraction: str) -> str:
    """A matched large number in units of 억/億, e.g. ('5', '5', '500', '', '') -> '55500'."""
    number = (Decimal(jo or 0) * 10000 + Decimal(thousands or 0) * 1000 + Decimal(yi or 0)
              + (Decimal(fraction_thousands or 0) * 1000 + Decimal(fraction or 0)) / 10000)
    return format(number.normalize(), "f")


def _numbers_in(quote: str) -> set[str]:
    """Every number a quote prints, in the raw file's notation: decimal commas
    (17,3) read as points, thousands separators (182,000; 15.670.000) dropped,
    Chinese tenths (两成 = 20 %), counts (三大 = 3), ranks in words and Korean or
    Japanese large numbers (1조 4200억 = 14200 억, 59億9000万 = 59.9 億, 7万2,806 = 72806)."""
    text = unicodedata.normalize("NFKC", quote)  # full-width digits and points (２４．７)
    text = re.sub(r"(?<=\d)・(?=\d)", ".", text)  # Japanese middle dot as decimal point (7・3)
    grouped = THOUSANDS.sub("", text)
    comma_grouped = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # 1,091.428
    decimal_commas = re.sub(r"(?<=\d),(?=\d)", ".", text)
    found = set()
    for variant in (text, grouped, comma_grouped, decimal_commas):
        found |= set(re.findall(r"\d+(?:\.\d+)?", variant))
    squeezed = re.sub(r"\s", "", text)  # also a stray space inside a number (36, 800)
    for variant in (squeezed, THOUSANDS.sub("", squeezed)):  # also 5,925億6,000万 = 5925.6 億
        found |= set(re.findall(r"\d+(?:\.\d+)?", variant))
        found |= {_in_yi(*parts) for parts in LARGE_NUMBER.findall(variant)}
        found |= {str(int(wan) * 10000 + int(rest)) for wan, rest in COUNT_IN_WAN.findall(variant)}
    for char, digit in CHINESE_DIGITS.items():
        if char + "成" in squeezed:
            found.add(str(digit * 10))
        if char + "大" in squeezed or "第" + char in squeezed or "连续" + char in squeezed:
            found.add(str(digit))
    lowered = squeezed.lower()
    for rank, words in ORDINAL_WORDS.items():
        if any(w.replace(" ", "") in lowered for w in words):
            found.add(str(rank))
    return found


@pytest.mark.parametrize("printed, yi", [("1조4200억", "14200"), ("5조5천500억", "55500"), ("8천690억7천만", "8690.7"),
                                         ("9707億5千万", "9707.5"), ("59億9000万", "59.9"), ("1兆2900億", "12900"),
                                         ("7万2,806件", "72806"), ("5,925億6,000万元", "5925.6")])
def test_large_numbers_in_quotes(printed, yi):
    assert yi in _numbers_in(printed)


def test_value_and_growth_appear_in_the_quote(raw):
    _, rows = raw
    for _, r in rows.iterrows():
        numbers = _numbers_in(r["quote"])
        assert r["value"] in numbers, (r["_file"], r["indicator"], r["period"], r["quote"])
        if r["yoy_pct"]:  # a fall is printed as a positive number after 下降 / "decreased by"
            assert r["yoy_pct"].lstrip("-") in numbers, (r["_file"], r["indicator"], r["period"], r["quote"])


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the seed OCR text sits in ../shared/seed beside the repository")
def test_seed_quotes_stand_at_their_lines(raw):
    _, rows = raw
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    for _, r in rows[rows["source_id"] == "theory_page_2025"].iterrows():
        first, _, last = r["locator"].removeprefix("lines ").partition("-")
        passage = "".join(lines[int(first) - 1: int(last or first)])
        assert re.sub(r"\s", "", r["quote"]) in re.sub(r"\s", "", passage), (r["locator"], r["quote"])


def test_registry_covers_every_raw_row(raw):
    reg, rows = raw
    assert list(rows.columns[:-1]) == COLUMNS
    assert set(rows["indicator"]) <= set(reg.indicators.index)
    assert set(rows["source_id"]) <= set(reg.sources.index)
    assert (rows["locator"].str.strip() != "").all()


def test_sources_are_citable():
    reg = load_registry(paths.DATA)
    for _, s in reg.sources.iterrows():
        assert s["url"] or s["citation"], s["source_id"]


def test_processed_indicators_have_metadata():
    reg = load_registry(paths.DATA)
    processed = load_indicators()
    assert set(processed["indicator"].astype(str)) <= set(reg.indicators.index)
    units = processed.groupby("indicator", observed=True)["unit"].agg(lambda u: set(u.astype(str)))
    for indicator, found in units.items():
        assert found == {reg.indicators.at[indicator, "unit"]}, indicator
