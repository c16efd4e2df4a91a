"""The built site in a real browser: headless Chromium (Debian's ``chromium``) driven by
playwright. Every page loads with no failed request and no request leaving the machine, the
bundled CJK font face loads on a Chinese page, and the navigation links resolve. Screenshots of
the index and a Chinese page are saved under ``build/screenshots/`` for a person to look at.
"""
from __future__ import annotations

import io
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import numpy as np
import pytest
from matplotlib import image

from ningbo_openness import paths
from ningbo_openness.publishing import figures, site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: Flags for a closed network (TOOLCHAIN.md): without them Chromium retries connections.
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    figures_dir = tmp_path_factory.mktemp("figures")
    for lang in ("en", "zh"):
        figures.export("partner_trade_2024", lang, out_dir=figures_dir)
    out = tmp_path_factory.mktemp("site")
    site.build_site(out, figures_dir=figures_dir)
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


def visit(browser, url: str):
    """Open ``url``; every request that is not a local file is blocked and recorded."""
    page = browser.new_page()
    outside, failed = [], []
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith("file://") else route.continue_())
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(url, wait_until="load")
    return page, outside, failed


def test_every_page_loads_offline_with_no_failed_request(built, browser):
    pages = sorted(built.glob("*.html"))
    assert len(pages) >= 20
    for path in pages:
        page, outside, failed = visit(browser, path.as_uri())
        page.close()
        assert outside == [], f"{path.name} asked the network for {outside}"
        assert failed == [], f"{path.name}: failed requests {failed}"


def test_the_bundled_cjk_font_loads_on_a_chinese_page(built, browser):
    page, _, _ = visit(browser, (built / "figures.html").as_uri())
    status = page.evaluate(f"""async () => {{
        await document.fonts.load("16px '{site.FONT_FAMILY}'", "宁波舟山港");
        await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.includes("{site.FONT_FAMILY}")).map(f => f.status);
    }}""")
    assert "loaded" in status
    # What a reader sees: the page's own font stack must draw Chinese as the bundled face does
    # (a system sans-serif may claim the code points and draw boxes).
    page.evaluate(f"""() => {{
        for (const [id, family] of [["stack", ""], ["face", "'{site.FONT_FAMILY}'"]]) {{
            const span = document.createElement("div");
            span.id = id; span.textContent = "宁波舟山港"; span.style.fontSize = "24px";
            span.style.width = "200px"; span.style.height = "40px";
            if (family) span.style.fontFamily = family;
            document.querySelector("h1").after(span);
        }}
    }}""")
    page.evaluate("document.fonts.ready")
    stack, face = (image.imread(io.BytesIO(page.locator(f"#{i}").screenshot()), format="png")[..., :3].mean(axis=2)
                   for i in ("stack", "face"))
    differing = (np.abs(stack - face) > 0.25).mean()
    assert differing < 0.01, "the page's font stack does not draw Chinese with the bundled face"
    shots = paths.BUILD / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "figures.png"), full_page=False)
    page.close()
    index, _, _ = visit(browser, (built / "index.html").as_uri())
    index.screenshot(path=str(shots / "index.png"), full_page=True)
    index.close()


def test_navigation_and_links_resolve(built, browser):
    anchors: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in anchors:
            other, _, _ = visit(browser, file.as_uri())
            anchors[file] = set(other.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"))
            other.close()
        return anchors[file]

    for name in ("index.html", "01_trade_growth.html", "e1_recover_the_base_student.html", "figures.html"):
        page, _, _ = visit(browser, (built / name).as_uri())
        nav = page.eval_on_selector_all("nav.site a", "links => links.map(a => a.href)")
        links = page.eval_on_selector_all("a[href^='file:']", "links => links.map(a => a.href)")
        page.close()
        assert len(nav) == len(site.NAV), name
        for href in sorted(set(nav) | set(links)):
            target = urlparse(href)
            file = Path(unquote(target.path))
            assert file.exists(), f"{name}: {href} points to no file"
            if target.fragment:
                assert target.fragment in ids_of(file), f"{name}: no anchor for {href}"
