"""The site works around a few shortcomings of Material for MkDocs. Each test here checks that the
shortcoming is still there in the installed Material: when one fails, Material has fixed it, and the
workaround it names can go (and this test with it).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import material
import pytest
from material.plugins.search.plugin import Element

MATERIAL = Path(material.__file__).parent / "templates"
ROOT = Path(__file__).resolve().parent.parent


def _template(name: str) -> str:
    return (MATERIAL / name).read_text(encoding="utf-8")


def test_material_still_unescapes_the_title_it_strips_of_tags() -> None:
    """Workaround: overrides/main.html's htmltitle block escapes the title after `striptags`."""
    assert "<title>{{ page.title | striptags }} - {{ config.site_name }}</title>" in _template("base.html")
    assert "{% block htmltitle %}" in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")


def test_material_still_writes_the_description_unescaped() -> None:
    """Workaround: hooks/build_guide.py escapes page.meta.description once, as Markup."""
    assert '<meta name="description" content="{{ page.meta.description }}">' in _template("base.html")


def test_materials_search_parser_still_tells_elements_apart_by_tag_only() -> None:
    """Workaround: references_list.py keeps every <span> out of the excluded popover <span>, marks the
    number's <button> itself, and comparison tables are excluded through a <div>."""
    assert Element("span", {"data-search-exclude": ""}) == Element("span", {"class": "other"})


def test_material_still_gives_the_menu_button_and_search_dialog_no_name_or_tab_stop() -> None:
    """Workaround: docs/assets/javascripts/a11y.js, part 4, names them and makes the menu button focusable."""
    header = _template("partials/header.html")
    assert '<label class="md-header__button md-icon" for="__drawer">' in header
    assert '<div class="md-search" data-md-component="search" role="dialog">' in _template("partials/search.html")


def test_material_still_wraps_tables_in_a_box_that_takes_no_focus() -> None:
    """Workaround: a11y.js, part 1, makes a table's sideways-scrolling box a named tab stop while it overflows."""
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    wrapper = re.search(r'x\("div",\{class:"md-typeset__scrollwrap"\}[^;]{0,200}', bundle)
    assert wrapper is not None, "Material's bundle no longer builds the table wrapper as it did: recheck a11y.js"
    assert "tabindex" not in wrapper[0]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


def test_material_still_throws_on_svg_links_during_instant_navigation(site: Path, browser, tmp_path: Path) -> None:
    """Workaround: the guard in overrides/main.html's scripts block. Without it, Material's instant navigation
    assigns `href` to the handoff diagram's SVG links, which have a read-only href, and throws."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    guard = re.compile(r"<script>\(function\(\)\{var d=Object\.getOwnPropertyDescriptor\(SVGAElement[^<]*</script>")
    for page in copy.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(guard.sub("", text), encoding="utf-8")
    assert not guard.search((copy / "index.html").read_text(encoding="utf-8"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        page.wait_for_load_state("networkidle")
        page.locator("a[href$='handoff/']").first.click()
        page.wait_for_url("**/handoff/")
        page.wait_for_timeout(500)
        page.close()
    finally:
        server.shutdown()
    if not any("href" in error for error in errors):
        pytest.fail("Material no longer throws on SVG links: remove the guard from overrides/main.html")


def test_materials_palette_script_still_restyles_the_whole_page_at_load() -> None:
    """Workaround: overrides/partials/palette.html and partials/javascripts/palette.html switch palettes themselves.
    Material's palette script marks <body> as switching, which its CSS applies to every element, and reads the
    header's computed style, forcing the whole page to be styled inside its start-up task."""
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    script = re.search(r'document\.body\.setAttribute\("data-md-color-switching",""\).{0,1500}', bundle)
    assert script is not None, "Material's palette script no longer marks the body as switching: recheck the override"
    assert "getComputedStyle" in script[0]
    assert re.search(r"\[data-md-color-switching\] \*", _palette_css())


def _palette_css() -> str:
    return next((MATERIAL / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")


def test_material_still_loads_its_bundle_with_a_plain_script_tag() -> None:
    """overrides/main.html's scripts block defers Material's scripts by rewriting `<script src="` in Material's block;
    this fails when Material writes that tag differently, before the rewrite silently stops."""
    block = re.search(r"\{% block scripts %\}(.*?)\{% endblock %\}", _template("base.html"), flags=re.S)
    assert block is not None
    assert "<script src=\"{{ 'assets/javascripts/bundle." in block[1]
    assert "script_tag" in block[1]  # extra_javascript: the site lists none, so nothing else is rewritten
