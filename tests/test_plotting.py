"""Figures for papers: CJK glyphs, journal sizes, byte-identical files, embedded fonts, manifest."""
from __future__ import annotations

import hashlib
import re
import struct
import subprocess
import sys
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from ningbo_openness.publishing import export, figure_manifest, figures, style

CHINESE = "宁波舟山港集装箱吞吐量（万标箱）"


def draw_chinese() -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title(CHINESE)
        ax.set_ylabel(style.label("port_container_throughput", "zh"))
        fig.canvas.draw()
        plt.close(fig)
    return [w for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]


def test_chinese_renders_without_missing_glyphs():
    style.use_style("zh")
    assert draw_chinese() == []


def test_the_glyph_check_can_fail_without_the_cjk_font():
    style.use_style("en")
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        assert draw_chinese() != []


def test_labels_from_metadata():
    assert style.label("trade_total", "en") == "Goods trade (imports + exports; 100 million yuan)"
    assert style.label("port_container_throughput", "en") == "Port container throughput (10,000 TEU)"
    assert style.label("trade_total", "zh") == "货物进出口总额（亿元）"
    assert style.label("patent_grants", "zh") == "专利授权量（件）"
    assert style.name("cee", "partners", "zh") == "中东欧国家"
    with pytest.raises(ValueError):
        style.label("trade_total", "fr")


def test_journal_sizes():
    assert export.figure_size("single", 60) == pytest.approx((85 / 25.4, 60 / 25.4))
    assert export.figure_size("double")[0] == pytest.approx(178 / 25.4)
    assert export.figure_size(120, 80) == pytest.approx((120 / 25.4, 80 / 25.4))


def _hashes(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_resave_is_byte_identical(tmp_path):
    style.use_style("zh")
    fig, ax = plt.subplots()
    ax.plot([2020, 2021, 2022], [1, 3, 2], label=CHINESE)
    ax.legend()
    export.save_figure(fig, "a", out_dir=tmp_path / "one")
    export.save_figure(fig, "a", out_dir=tmp_path / "two")
    one, two = _hashes(tmp_path / "one"), _hashes(tmp_path / "two")
    assert sorted(one) == ["manifest.csv", "zh/a.pdf", "zh/a.png", "zh/a.svg"]
    assert one == two
    # the layout engine is back: the same figure re-laid out at double-column width
    export.save_figure(fig, "a", "double", 80, formats=("png",), out_dir=tmp_path / "wide")
    plt.close(fig)
    png = (tmp_path / "wide" / "zh" / "a.png").read_bytes()
    assert struct.unpack(">II", png[16:24]) == (int(178 / 25.4 * 300), int(80 / 25.4 * 300))
    assert fig.get_layout_engine() is not None


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every registered figure, exported twice by two separate processes (running side by side)."""
    outs = [tmp_path_factory.mktemp(run) for run in ("first", "second")]
    runs = [subprocess.Popen([sys.executable, "-m", "ningbo_openness", "figures", "--out-dir", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for out in outs]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    return outs


def test_export_is_reproducible_across_processes(exported):
    first, second = exported
    assert _hashes(first) == _hashes(second)


def test_every_figure_in_every_language_and_format(exported):
    files = set(_hashes(exported[0]))
    for name in figures.REGISTRY:
        for lang in style.LANGS:
            for fmt in ("pdf", "svg", "png"):
                assert f"{lang}/{name}.{fmt}" in files


def test_manifest_lists_exactly_the_files(exported):
    out = exported[0]
    manifest = figure_manifest.read(out)
    on_disk = {k: v for k, v in _hashes(out).items() if k != "manifest.csv"}
    assert dict(zip(manifest["file"], manifest["sha256"], strict=True)) == on_disk
    assert (manifest["caption"] != "").all() and (manifest["sources"] != "").all()
    for _, row in manifest.iterrows():  # each language's files carry that language's caption
        assert row["caption"] == figures.REGISTRY[row["name"]].caption_in(row["lang"])
    assert set(manifest["notebook"]) == {spec.notebook for spec in figures.REGISTRY.values()}


#: How a font program starts: TrueType (glyf outlines) or OpenType with CFF outlines.
TRUETYPE_MAGIC, CFF_MAGIC = (b"\x00\x01\x00\x00", b"true"), b"OTTO"


def embedded_fonts(path):
    """(font name, subtype, font program kind) for every font of a PDF, read with pypdf."""
    from pypdf import PdfReader

    found = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for part in descendants:
                descriptor = part.get("/FontDescriptor")
                program = None
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
                        if key in descriptor:
                            program = (key, descriptor[key].get_object().get_data()[:4])
                found.append((str(part.get("/BaseFont")), str(part.get("/Subtype")), program))
    return found


def test_every_chinese_pdf_embeds_a_truetype_program_that_is_truetype(exported):
    pdfs = sorted((exported[0] / "zh").glob("*.pdf"))
    assert len(pdfs) == len(figures.REGISTRY)
    for pdf in pdfs:
        fonts = embedded_fonts(pdf)
        cjk = [f for f in fonts if "CJK" in f[0]]
        assert cjk, pdf.name
        for name, subtype, program in fonts:
            assert program is not None, f"{pdf.name}: {name} is not embedded"
            key, magic = program
            assert subtype != "/Type3", f"{pdf.name}: {name} is a Type 3 font"
            if key == "/FontFile2":  # a TrueType program must hold TrueType outlines, not CFF
                assert magic in TRUETYPE_MAGIC and magic != CFF_MAGIC, f"{pdf.name}: {name} is CFF inside FontFile2"


def test_poppler_reads_every_chinese_pdf_without_a_warning(exported):
    import shutil

    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed (apt-get install poppler-utils)")
    for pdf in sorted((exported[0] / "zh").glob("*.pdf")):
        run = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
        assert run.stderr == "", f"{pdf.name}: {run.stderr}"
        assert "CID TrueType" in run.stdout and " no " not in run.stdout.split("\n", 2)[2]


def test_chinese_svgs_draw_text_as_outlines_and_english_keep_text(exported):
    for svg in sorted((exported[0] / "zh").glob("*.svg")):
        text = svg.read_text(encoding="utf-8")
        assert "<text" not in text and "font-family" not in text, svg.name
    english = (exported[0] / "en" / "partner_trade_2024.svg").read_text(encoding="utf-8")
    assert "<text" in english and "ASEAN" in english


def test_png_resolution(exported):
    png = (exported[0] / "en" / "partner_trade_2024.png").read_bytes()
    width = struct.unpack(">I", png[16:20])[0]
    assert width >= 85 / 25.4 * 300 - 1
    assert png.index(b"pHYs") > 0
    per_metre = struct.unpack(">I", png[png.index(b"pHYs") + 4: png.index(b"pHYs") + 8])[0]
    assert per_metre * 0.0254 == pytest.approx(300, abs=1)


def test_figure_sources_for_a_notebook(exported):
    table = figures.figure_sources("00_overview_and_audit", out_dir=exported[0])
    assert table["source_id"].tolist() == ["theory_page_2025"]


def test_figure_sources_ignore_the_other_language(tmp_path):
    rows = [{"name": "f", "lang": lang, "format": "png", "file": f"{lang}/f.png", "notebook": "nb", "caption": "",
             "sources": sources, "width_mm": "85", "height_mm": "60", "sha256": ""}
            for lang, sources in (("en", "theory_page_2025"), ("zh", "theory_page_2025;nb_bulletin_2024"))]
    pd.DataFrame(rows, columns=figure_manifest.COLUMNS).to_csv(tmp_path / "manifest.csv", index=False)
    assert figures.figure_sources("nb", out_dir=tmp_path, lang="en")["source_id"].tolist() == ["theory_page_2025"]
    assert len(figures.figure_sources("nb", out_dir=tmp_path, lang="zh")) == 2


def test_long_labels_wrap():
    assert style.label("trade_total", "en", wrap=40) == "Goods trade (imports + exports; 100\nmillion yuan)"


def _save_many(out_dir, prefix):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ningbo_openness.publishing import export as p

    for i in range(20):
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, i])
        p.save_figure(fig, f"{prefix}{i}", formats=("svg",), lang="en", out_dir=out_dir)
        plt.close(fig)


def test_manifest_survives_parallel_writers(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(_save_many, tmp_path, prefix) for prefix in ("a", "b")]:
            future.result()
    # without the lock, rows of one writer are regularly lost here
    assert sorted(figure_manifest.read(tmp_path)["name"]) == sorted(f"{p}{i}" for p in "ab" for i in range(20))


def test_one_figure_for_a_paper_goes_where_asked_and_leaves_other_rows_alone(tmp_path):
    out = tmp_path / "paper"
    figures.export("trade_long_run", "en", out_dir=out)
    before = figure_manifest.read(out)
    figures.export("partner_trade_2024", "zh", out_dir=out, width="double", height_mm=90, source_line=True)
    after = figure_manifest.read(out)
    kept = after[after["name"] == "trade_long_run"].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, before.reset_index(drop=True))
    mine = after[after["name"] == "partner_trade_2024"]
    spec = figures.REGISTRY["partner_trade_2024"]
    assert set(mine["caption"]) == {spec.caption_in("zh")} and set(mine["notebook"]) == {spec.notebook}
    assert set(mine["width_mm"]) == {"178.0"} and float(mine["height_mm"].iloc[0]) > 90  # the source strip
    assert (out / "zh" / "partner_trade_2024.pdf").exists()


def test_the_source_line_names_the_dataset_and_every_source(tmp_path):
    style.use_style("zh")
    fig, drawn = figures.REGISTRY["partner_trade_2024"].draw("zh")
    export.save_figure(fig, "source_line", lang="zh", sources=drawn, out_dir=tmp_path, source_line=True)
    texts = [t.get_text() for t in fig.texts]
    assert any(t.startswith("资料来源：ningbo-openness") and all(s in t.replace("\n", "") for s in drawn) for t in texts)
    plt.close(fig)
    assert export.source_text(["b", "a"], "en") == "Source: ningbo-openness dataset, compiled from a, b."


@pytest.mark.parametrize("name", sorted(figures.REGISTRY))
def test_no_text_overlaps_no_legend_covers_data_and_every_axis_can_be_read(name):
    from ningbo_openness.publishing import layout

    spec = figures.REGISTRY[name]
    for lang in style.LANGS:
        style.use_style(lang)
        fig, _ = spec.draw(lang)
        export.at_export_size(fig, spec.width)
        found = layout.problems(fig)
        plt.close(fig)
        assert found == [], f"{name} ({lang}): {found}"


def test_the_layout_check_finds_what_it_looks_for():
    from ningbo_openness.publishing import layout

    style.use_style("en")
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.bar([1, 2, 3], [5, 6, 7], label="bars")
    ax.legend(loc="center")
    ax.text(1, 6, "a label")
    ax.text(1, 6, "another label")
    ax.set_ylim(0, 7.5)
    ax.set_yticks([0, 7])
    found = layout.problems(fig)
    plt.close(fig)
    assert any("runs into" in f for f in found) and "the legend covers a bar" in found
    assert any("only 2 labelled ticks" in f for f in found)


def test_every_figure_has_a_chinese_caption():
    from ningbo_openness.publishing.figures.captions_zh import CAPTIONS_ZH

    assert set(CAPTIONS_ZH) == set(figures.REGISTRY)
    assert all(re.search("[\u4e00-\u9fff]", caption) for caption in CAPTIONS_ZH.values())


def test_peer_density_draws_exactly_its_lower_bounds_open():
    from ningbo_openness.peers import per_10k

    style.use_style("en")
    fig, _ = figures.REGISTRY["peer_invention_density"].draw("en")
    open_points = {(float(x), round(float(y), 6)) for c in fig.axes[0].collections
                   if len(c.get_offsets()) and (c.get_facecolor()[:, :3] == 1).all() for x, y in c.get_offsets()}
    plt.close(fig)
    table = per_10k()
    bounds = table[table["high"] == float("inf")]
    assert open_points == {(float(y), round(v, 6)) for y, v in zip(bounds["year"], bounds["per_10k"], strict=True)}
