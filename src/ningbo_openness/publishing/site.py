"""The static site (``make html``): every executed notebook, the exercises as students get them
and the teacher's key, the figures in both languages with their files, and the sources with
the figures taken from each. It works offline and on a machine without CJK fonts: every page
loads a subset of the project's CJK font (only the characters the site uses) through
``@font-face``, and nothing is fetched from the network.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat
from fontTools import subset
from fontTools.ttLib import TTFont
from nbconvert import HTMLExporter

from .. import paths
from ..load import printed_rows, sources
from . import figure_manifest
from .figures import REGISTRY
from .fonts import truetype_copy
from .handouts import exercise_id, student_version
from .notebooks import notebook_paths
from .style import CJK_FONT_FILE

#: Script tags that load from the network (require.js, MathJax): the notebooks use
#: neither widgets nor formulas, so the site drops them and works offline.
REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>\s*")
FONT_FILE = "fonts/site-cjk.woff"
FONT_FAMILY = "ningbo-openness CJK"
#: The code points the site's CJK face serves (CJK, kana, hangul, CJK punctuation, full-width
#: forms, curly quotes); everything else falls through to the reader's own sans-serif. The face
#: comes first in every font stack: a system sans-serif may claim CJK code points it cannot draw.
UNICODE_RANGE = "U+2018-201F,U+2E80-9FFF,U+AC00-D7AF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF"
STYLE = (f"@font-face{{font-family:'{FONT_FAMILY}';src:url('{FONT_FILE}') format('woff');font-weight:100 900;"
         f"unicode-range:{UNICODE_RANGE};font-display:block}}"
         f"body,nav.site{{font-family:'{FONT_FAMILY}',sans-serif}}"
         "nav.site{background:#f3f3f3;padding:.4rem .8rem;margin:0 0 1rem}"
         "nav.site a{margin-right:1.2rem}"
         ".page{max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
         "td,th{padding:.2rem .6rem;text-align:left;vertical-align:top}")
#: The site's sections: (page, English, Chinese).
NAV = [("index.html", "Home", "首页"), ("index.html#notebooks", "Notebooks", "笔记本"),
       ("index.html#exercises", "Exercises", "练习"), ("figures.html", "Figures", "图表"),
       ("sources.html", "Sources", "资料来源")]
SECTIONS = {"notebooks": ("Notebooks", "笔记本"), "exercises": ("Exercises (student)", "练习（学生版）"),
            "exercises-key": ("Exercises (teacher's key: solutions and model answers)", "练习（教师版：答案与参考回答）")}


def nav_html() -> str:
    """The navigation bar of every page, English and Chinese side by side."""
    links = "".join(f'<a href="{href}">{html.escape(en)} {zh}</a>' for href, en, zh in NAV)
    return f'<nav class="site">{links}</nav>'


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head>\n<body>{nav_html()}<div class=\"page\">\n<h1>{html.escape(title)}</h1>\n"
            f"{body}\n</div></body></html>\n")


def _notebook_page(body: str, source_ids: set[str]) -> str:
    """An nbconvert page with the site's style and navigation, offline, and with every table
    cell that holds a source id linked to its entry on the sources page."""
    body = REMOTE_SCRIPT.sub("", body)
    body = body.replace("</head>", f"<style>{STYLE}</style></head>", 1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav_html(), body, count=1)

    def link(match):
        value = match.group(2)
        if value not in source_ids:
            return match.group(0)
        return f'{match.group(1)}<a href="sources.html#src-{value}">{value}</a></td>'

    return re.sub(r"(<td[^>]*>)([a-z0-9_]+)</td>", link, body)


def _title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            return cell.source.splitlines()[0][2:].strip()
    return fallback


def _printed_item(row) -> str:
    growth = f", {html.escape(row['yoy_pct'])} %" if row["yoy_pct"] else ""
    return (f"<li>{html.escape(row['indicator'])} ({html.escape(row['geo'])}, {html.escape(row['partner'])}, "
            f"{html.escape(row['period'])}): {html.escape(row['value'])} {html.escape(row['unit'])}{growth} &mdash; "
            f"<em>{html.escape(row['locator'])}</em> &mdash; “{html.escape(row['quote'])}”</li>")


def _sources_page() -> str:
    """One entry per source, anchored ``src-<id>``, with its details and the figures taken from it."""
    by_source = {sid: rows for sid, rows in printed_rows().groupby("source_id")}
    entries = []
    for _, row in sources().iterrows():
        sid = row["source_id"]
        where = (f'<a href="{html.escape(row["url"])}">{html.escape(row["url"])}</a>' if row["url"]
                 else html.escape(row["citation"]))
        taken = by_source.get(sid)
        items = "" if taken is None else "<ul>" + "".join(_printed_item(r) for _, r in taken.iterrows()) + "</ul>"
        title_en = f" ({html.escape(row['title_en'])})" if row["title_en"] else ""
        notes = f"<p>{html.escape(row['notes'])}</p>" if row["notes"] else ""
        entries.append(
            f'<section id="src-{html.escape(sid)}"><h2>{html.escape(sid)}</h2>'
            f"<p><strong>{html.escape(row['title'])}</strong>{title_en}<br>"
            f"Publisher 发布者: {html.escape(row['publisher'])}<br>Date 日期: {html.escape(row['date'])} &middot; "
            f"Tier 等级: {html.escape(row['tier'])} &middot; Read 查阅: {html.escape(row['accessed'])}<br>"
            f"Address 地址: {where}</p>{notes}{items}</section>")
    intro = ("<p>Every document the data cite, with the figures taken from each as printed (locator and quoted "
             "passage). Tier 1: an official release; 2: a named news organisation or journal; 3: a secondary page. "
             "数据引用的每份文献及从中摘取的数字（位置与原文摘录）。</p>")
    return _page("Sources 资料来源", intro + "".join(entries))


def _figures_page(out_dir: Path, figures_dir: Path) -> str:
    """Every figure in both languages: the PNG shown, its PDF, SVG and PNG linked, with captions."""
    manifest = figure_manifest.read(figures_dir)
    blocks = []
    for (notebook, name), group in manifest.sort_values(["notebook", "name", "lang", "format"]).groupby(
            ["notebook", "name"], sort=False):
        for file in group["file"]:
            target = out_dir / "figures" / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(figures_dir / file, target)
        spec = REGISTRY.get(name)
        languages = []
        for lang, files in group.groupby("lang", sort=True):
            png = files.loc[files["format"] == "png", "file"]
            image = f'<img src="figures/{png.iloc[0]}" width="400" alt="{html.escape(name)} ({lang})">' if len(png) else ""
            links = " ".join(f'<a href="figures/{f}">{fmt.upper()}</a>'
                             for f, fmt in zip(files["file"], files["format"], strict=True))
            caption = spec.caption_in(lang) if spec else files.iloc[0]["caption"]
            languages.append(f"<figure>{image}<figcaption>{html.escape(caption)}<br>{links}</figcaption></figure>")
        used = ", ".join(f'<a href="sources.html#src-{s}">{s}</a>' for s in group.iloc[0]["sources"].split(";") if s)
        blocks.append(f"<h2>{html.escape(name)}</h2><p><em>{html.escape(notebook)}</em>; sources 资料来源: {used}</p>"
                      '<div style="display:flex;gap:1rem;flex-wrap:wrap">' + "".join(languages) + "</div>")
    intro = ("<p>Each figure in English and Chinese, as PDF (fonts embedded), SVG and PNG (300 dpi), with the sources "
             "of the data drawn. 每幅图均有英文版与中文版（PDF、SVG、PNG）。</p>")
    return _page("Figures 图表", intro + ("".join(blocks) or "<p>No figures yet: run <code>make figures</code>.</p>"))


def _used_characters(out_dir: Path) -> set[int]:
    """Every non-ASCII character in the site's pages."""
    return {ord(c) for page in out_dir.glob("*.html") for c in page.read_text(encoding="utf-8") if ord(c) > 0x7F}


def write_font(out_dir: Path) -> Path:
    """The subset of the project's CJK font holding the characters the site's pages use, as
    WOFF (``fonts/site-cjk.woff``)."""
    font = TTFont(truetype_copy(CJK_FONT_FILE), recalcTimestamp=False)
    options = subset.Options()
    options.flavor, options.layout_features, options.name_IDs = "woff", ["*"], ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(_used_characters(out_dir) & set(font.getBestCmap())))
    subsetter.subset(font)
    target = out_dir / FONT_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff"
    font.save(target)
    return target


def build_site(out_dir: Path, figures_dir: Path = paths.FIGURES) -> Path:
    """Render the notebooks, exercises, figures (from ``make figures``) and sources into
    ``out_dir``; returns the index page."""
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    source_ids = set(sources()["source_id"])
    entries: dict[str, list[tuple[str, str]]] = {key: [] for key in SECTIONS}
    for path in notebook_paths():
        notebook = nbformat.read(path, as_version=4)
        versions = [("notebooks", notebook, path.stem)]
        if path.parent.name == "exercises":
            versions = [("exercises", student_version(notebook, exercise_id(path)), f"{path.stem}_student"),
                        ("exercises-key", notebook, f"{path.stem}_solution")]
        for section, version, stem in versions:
            body, _ = exporter.from_notebook_node(version)
            (out_dir / f"{stem}.html").write_text(_notebook_page(body, source_ids), encoding="utf-8")
            entries[section].append((f"{stem}.html", _title(version, stem)))
    (out_dir / "figures.html").write_text(_figures_page(out_dir, figures_dir), encoding="utf-8")
    (out_dir / "sources.html").write_text(_sources_page(), encoding="utf-8")
    sections = "".join(
        f'<h2 id="{key}">{html.escape(SECTIONS[key][0])} {SECTIONS[key][1]}</h2><ul>'
        + "".join(f"<li><a href=\"{href}\">{html.escape(title)}</a></li>" for href, title in items) + "</ul>"
        for key, items in entries.items())
    intro = ("<p>Ningbo's opening-up in cited numbers: executed notebooks, seminar exercises, figures and the source "
             "registry. Every number traces to its source. 宁波对外开放的数据与分析：笔记本、练习、图表与资料来源。</p>")
    extra = ("<h2>Figures and sources 图表与资料来源</h2><ul><li><a href=\"figures.html\">Every figure in English and "
             "Chinese 全部图表（中英文）</a></li><li><a href=\"sources.html\">All sources 全部资料来源</a></li></ul>")
    index = out_dir / "index.html"
    index.write_text(_page("ningbo-openness 宁波开放", intro + sections + extra), encoding="utf-8")
    write_font(out_dir)
    return index
