"""The static site (``make html``): every executed notebook, the exercises in student and
solution versions, the figures in both languages and the sources, rendered to HTML that
works offline, with figures embedded.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from .. import paths
from ..load import sources
from . import figure_manifest
from .handouts import exercise_id, student_version
from .notebooks import notebook_paths

#: Script tags that load from the network (require.js, MathJax): the notebooks use
#: neither widgets nor formulas, so the site drops them and works offline.
REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>\s*")

def _title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            return cell.source.splitlines()[0][2:].strip()
    return fallback


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
            "td,th{padding:.2rem .6rem;text-align:left;vertical-align:top}</style></head>"
            f"<body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n")


def _source_row(row) -> str:
    where = f'<a href="{html.escape(row["url"])}">link</a>' if row["url"] else html.escape(row["citation"])
    cells = [html.escape(row[c]) for c in ("source_id", "title", "publisher", "date", "tier")] + [where]
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _figures_page(out_dir: Path, figures_dir: Path) -> str:
    """Copy the PNG of every figure in both languages and list them with captions."""
    manifest = figure_manifest.read(figures_dir)
    pngs = manifest[manifest["format"] == "png"].sort_values(["notebook", "name", "lang"])
    blocks = []
    for (notebook, name), group in pngs.groupby(["notebook", "name"], sort=False):
        images = []
        for _, row in group.iterrows():
            target = out_dir / "figures" / row["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(figures_dir / row["file"], target)
            images.append(f'<figure><img src="figures/{row["file"]}" width="400" alt="{html.escape(name)} ({row["lang"]})">'
                          f'<figcaption>{row["lang"]}</figcaption></figure>')
        caption = html.escape(group.iloc[0]["caption"])
        blocks.append(f"<h2>{html.escape(name)}</h2><p>{caption} <em>({html.escape(notebook)}; sources: "
                      f"{html.escape(group.iloc[0]['sources'].replace(';', ', '))})</em></p><div style=\"display:flex;gap:1rem\">"
                      + "".join(images) + "</div>")
    return _page("Figures in English and Chinese", "<p>PDF and SVG versions: run <code>make figures</code>.</p>" + "".join(blocks))


def build_site(out_dir: Path, figures_dir: Path = paths.FIGURES) -> Path:
    """Render the notebooks, exercises, figures (from ``make figures``) and sources into
    ``out_dir``; returns the index page."""
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: dict[str, list[tuple[str, str]]] = {"Notebooks": [], "Exercises (student)": [],
                                                 "Exercises (teacher's key: solutions and model answers)": []}
    for path in notebook_paths():
        notebook = nbformat.read(path, as_version=4)
        versions = [("Notebooks", notebook, path.stem)]
        if path.parent.name == "exercises":
            versions = [("Exercises (student)", student_version(notebook, exercise_id(path)), f"{path.stem}_student"),
                        ("Exercises (teacher's key: solutions and model answers)", notebook, f"{path.stem}_solution")]
        for section, version, stem in versions:
            body, _ = exporter.from_notebook_node(version)
            (out_dir / f"{stem}.html").write_text(REMOTE_SCRIPT.sub("", body), encoding="utf-8")
            entries[section].append((f"{stem}.html", _title(version, stem)))
    rows = "".join(_source_row(r) for _, r in sources().iterrows())
    (out_dir / "figures.html").write_text(_figures_page(out_dir, figures_dir), encoding="utf-8")
    (out_dir / "sources.html").write_text(_page("Sources", "<table><tr><th>id</th><th>title</th><th>publisher</th><th>date</th>"
                                                "<th>tier</th><th>where</th></tr>" + rows + "</table>"), encoding="utf-8")
    sections = "".join(
        f"<h2>{html.escape(section)}</h2><ul>"
        + "".join(f"<li><a href=\"{href}\">{html.escape(title)}</a></li>" for href, title in items) + "</ul>"
        for section, items in entries.items())
    intro = ("<p>Ningbo's opening-up in cited numbers: executed notebooks, seminar exercises and the source registry. "
             "Every number traces to its source; see <a href=\"sources.html\">Sources</a>.</p>")
    index = out_dir / "index.html"
    extra = ("<h2>Figures and sources</h2><ul><li><a href=\"figures.html\">Every figure in English and Chinese</a></li>"
             "<li><a href=\"sources.html\">All sources</a></li></ul>")
    index.write_text(_page("ningbo-openness", intro + sections + extra), encoding="utf-8")
    return index
