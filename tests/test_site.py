"""The real site, built with --strict: pages, generated tables, links and citations, checked in the HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from built_site import html_path, nav_pages, page_url, site_config
from conftest import build_site
from guide.data import load_guide
from guide.markers import find_markers
from html_tools import PageParser, parse

ROOT = Path(__file__).resolve().parent.parent
GUIDE = load_guide(ROOT / "data")
MARKER_COMMENT = re.compile(r"^\s*[a-z][a-z0-9-]*:")


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, PageParser]:
    return {page: parse(html_path(site, page).read_text(encoding="utf-8")) for page in nav_pages()}


def first_column(table: list[list[str]]) -> list[str]:
    return [row[0] for row in table[1:]]


def test_every_nav_page_is_built(site: Path) -> None:
    pages = nav_pages()
    assert len(pages) == 13
    for page in pages:
        assert html_path(site, page).is_file(), page


def test_every_page_has_its_own_meta_description(site: Path) -> None:
    default = site_config().site_description.strip()
    for page in nav_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        [description] = re.findall(r'<meta name="description" content="([^"]*)"', html)
        assert description and description != default, page


def test_generated_tables_show_every_dimension_and_role_asked_for(pages: dict[str, PageParser]) -> None:
    role_names = [role.name for role in GUIDE.roles]
    labels = {d.id: d.label for d in GUIDE.dimensions}
    checked = 0
    for page in nav_pages():
        for marker in find_markers((ROOT / "docs" / page).read_text(encoding="utf-8")):
            if marker.kind != "table" or marker.name not in ("comparison", "at-a-glance"):
                continue
            wanted = (
                [labels[i] for i in marker.params["dimensions"].split(",")]
                if "dimensions" in marker.params
                else list(labels.values())
            )
            if marker.name == "at-a-glance":
                wanted = ["In one sentence", *wanted]
                columns = [GUIDE.role(marker.params["role"]).name]
            else:
                columns = role_names
            matching = [t for t in pages[page].tables if first_column(t) == wanted and t[0][1:-1] == columns]
            assert matching, f"{page}: no table with rows {wanted} and role columns {columns}"
            assert all(all(cell for cell in row) for row in matching[0]), f"{page}: empty cell"
            checked += 1
    assert checked >= 4  # home, comparison, and both role pages


def test_full_comparison_has_every_dimension_with_sources(pages: dict[str, PageParser]) -> None:
    [table] = [t for t in pages["compare/index.md"].tables if t[0][0] == "Dimension"]
    assert first_column(table) == [d.label for d in GUIDE.dimensions]
    assert table[0] == ["Dimension", *(r.name for r in GUIDE.roles), "Sources"]
    for row, dimension in zip(table[1:], GUIDE.dimensions, strict=True):
        for source in dimension.sources:
            assert GUIDE.sources[source].label in row[-1], (dimension.id, source)


def test_skills_fit_crossings_glossary_and_sources_are_all_shown(pages: dict[str, PageParser]) -> None:
    skill_rows = {row[0] for t in pages["compare/working-together.md"].tables if t[0][0] == "Skill" for row in t[1:]}
    assert skill_rows == {skill.name for skill in GUIDE.skills}
    [fit] = [t for t in pages["careers/index.md"].tables if t[0][1:] == [r.name for r in GUIDE.roles]]
    assert first_column(fit) == ["You may enjoy it if you like", "Strengths that set it apart", "Strengths both need"]
    crossing_rows = {row[0] for t in pages["handoff/index.md"].tables if t[0][0] == "What crosses" for row in t[1:]}
    assert crossing_rows == {" ".join(c.item.split()) for c in GUIDE.handoff.crossings}
    assert set(GUIDE.sources) <= pages["reference/sources.md"].ids


def test_handoff_page_has_the_diagram_and_every_step_as_text(site: Path) -> None:
    html = html_path(site, "handoff/index.md").read_text(encoding="utf-8")
    [diagram] = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', html, re.S)
    for role in GUIDE.roles:
        assert role.name in diagram
    steps = re.findall(r"<li><strong>(.*?)\.</strong>", html)
    assert steps == [step.title for step in GUIDE.handoff.steps]


def test_no_marker_is_left_in_any_page(pages: dict[str, PageParser]) -> None:
    for page, parsed in pages.items():
        assert not [c for c in parsed.comments if MARKER_COMMENT.match(c)], page


def test_every_citation_lands_on_its_source_entry(site: Path, pages: dict[str, PageParser]) -> None:
    """Links in general are checked by the build (htmlproofer); a citation must also reach its source."""
    sources_url = "/" + page_url("reference/sources.md")
    sources_ids = pages["reference/sources.md"].ids
    cited: set[str] = set()
    for page, parsed in pages.items():
        if page == "reference/sources.md":
            continue  # its own headings link to it too; citations come from the other pages
        for href in parsed.links:
            target = urlsplit(urljoin("/" + page_url(page), href))
            if target.path == sources_url and target.fragment:
                assert target.fragment in GUIDE.sources and target.fragment in sources_ids, f"{page}: {href}"
                cited.add(target.fragment)
    assert cited == set(GUIDE.sources)  # and every source in the bibliography is cited somewhere


def test_abbreviations_show_as_tooltips(site: Path) -> None:
    html = "".join(html_path(site, page).read_text(encoding="utf-8") for page in nav_pages())
    for term in (t for t in GUIDE.glossary if t.abbreviation):
        assert f'<abbr title="{term.term}">{term.abbreviation}</abbr>' in html, term.abbreviation


def test_same_data_builds_byte_identical_pages(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build_site(again).returncode == 0
    for page in nav_pages():
        first, second = (without_build_time(html_path(s, page).read_bytes()) for s in (site, again))
        assert first == second, page


def without_build_time(html: bytes) -> bytes:
    """A page not yet committed to git shows the build time as its last update; blank only that stamp."""
    return re.sub(rb'(git-revision-date-localized-plugin-date" title=")[^"]*(">)[^<]*', rb"\1\2", html)
