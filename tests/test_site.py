"""The real site, built with --strict: pages, generated tables, citations and the data export, checked in the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from built_site import html_path, nav_pages, page_url, site_config, site_pages
from conftest import build_site
from guide.data import load_guide
from guide.paths import pair_page, role_page
from html_tools import PageParser, parse

ROOT = Path(__file__).resolve().parent.parent
GUIDE = load_guide(ROOT / "data")
MARKER_COMMENT = re.compile(r"^\s*md:")


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, PageParser]:
    return {page: parse(html_path(site, page).read_text(encoding="utf-8")) for page in site_pages()}


@pytest.fixture(scope="module")
def soups(site: Path) -> dict[str, BeautifulSoup]:
    return {
        page: BeautifulSoup(html_path(site, page).read_text(encoding="utf-8"), "html.parser") for page in site_pages()
    }


def first_column(table: list[list[str]]) -> list[str]:
    return [row[0] for row in table[1:]]


def test_every_page_is_built_with_a_role_page_and_a_page_for_every_pair(site: Path) -> None:
    for page in site_pages():
        assert html_path(site, page).is_file(), page
    for role in GUIDE.roles:
        assert role_page(role.id) in nav_pages()  # each role has its place in the navigation
    pairs = {pair_page(a.id, b.id) for i, a in enumerate(GUIDE.roles) for b in GUIDE.roles[i + 1 :]}
    assert pairs <= set(site_pages())


def test_every_page_has_its_own_meta_description(site: Path) -> None:
    default = site_config().site_description.strip()
    for page in site_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        [description] = re.findall(r'<meta name="description" content="([^"]*)"', html)
        assert description and description != default, page


def test_the_full_comparison_shows_every_role_on_every_dimension(pages: dict[str, PageParser]) -> None:
    [table] = [t for t in pages["compare/index.md"].tables if t[0][0] == "Dimension"]
    assert table[0] == ["Dimension", *(role.name for role in GUIDE.roles)]
    labels = [" ".join(label.split("Sources disagree")[0].split()) for label in first_column(table)]
    assert labels == [f"{d.label} {d.question}" for d in GUIDE.dimensions]
    for row in table[1:]:
        assert all(cell for cell in row), row[0]


def test_role_and_pair_pages_show_their_own_roles_only(pages: dict[str, PageParser]) -> None:
    for role in GUIDE.roles:
        tables = [t for t in pages[role_page(role.id)].tables if t[0][0] == "Dimension"]
        assert [t[0] for t in tables] == [["Dimension", role.name]], role.id
        cells = {row[1] for row in tables[0][1:]}
        assert cells == {" ".join(role.values[d.id].text.split()) for d in GUIDE.dimensions}
    first, second = GUIDE.roles[:2]
    [table] = [t for t in pages[pair_page(first.id, second.id)].tables if t[0][0] == "Dimension"]
    assert table[0][1:] == sorted(
        [first.name, second.name], key=lambda name: next(r.id for r in GUIDE.roles if r.name == name)
    )


def test_no_marker_is_left_in_any_page(pages: dict[str, PageParser]) -> None:
    for page, parsed in pages.items():
        assert not [c for c in parsed.comments if MARKER_COMMENT.match(c)], page


def test_no_page_source_links_to_the_sources_page_by_hand() -> None:
    for path in (ROOT / "docs").rglob("*.md"):
        assert "sources.md#" not in path.read_text(encoding="utf-8"), path


def test_every_reference_reaches_its_source_entry_and_every_source_is_cited(
    soups: dict[str, BeautifulSoup], pages: dict[str, PageParser]
) -> None:
    sources_url = "/" + page_url("reference/sources.md")
    cited: set[str] = set()
    for page, soup in soups.items():
        for footnote in soup.select("div.footnote li"):
            for href in (a["href"] for a in footnote.find_all("a", href=True)):
                target = urlsplit(urljoin("/" + page_url(page), href))
                if target.path == sources_url:
                    assert target.fragment in pages["reference/sources.md"].ids, f"{page}: {href}"
                    cited.add(target.fragment)
    assert cited == set(GUIDE.sources)


def test_citation_links_are_at_most_3_percent_of_the_words_a_reader_sees(soups: dict[str, BeautifulSoup]) -> None:
    """References are small numbers; their full text is in the list at the end of the page."""
    for page, soup in soups.items():
        article = soup.select_one("article")
        for footnotes in article.select("div.footnote"):
            footnotes.decompose()
        words = len(article.get_text(" ").split())
        cite_words = sum(len(a.get_text(" ").split()) for a in article.select("a.footnote-ref"))
        cite_words += sum(
            len(a.get_text(" ").split()) for a in article.find_all("a", href=re.compile(r"reference/sources/#"))
        )
        assert cite_words <= 0.03 * words, f"{page}: {cite_words} of {words} words are citation links"


def test_the_data_export_holds_every_cited_claim_with_its_sources(site: Path, soups: dict[str, BeautifulSoup]) -> None:
    claims = json.loads((site / "data" / "citations.json").read_text(encoding="utf-8"))
    sources = json.loads((site / "data" / "sources.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in sources] == sorted(GUIDE.sources)
    assert all({"id", "title", "url"} <= set(s) for s in sources)
    for claim in claims:
        assert set(claim) == {"page", "claim", "sources"}
        assert claim["claim"], claim
        assert all(set(c) == {"id", "at"} and c["id"] in GUIDE.sources for c in claim["sources"])

    # A claim is a sentence with its own reference, or a table cell whose sources its row's reference lists.
    def is_row_reference(a: Tag) -> bool:
        row = a.find_parent("tr")
        return row is not None and row.select_one("[data-cite]") is not None

    for page, soup in soups.items():
        in_text = [a for a in soup.select("article sup a.footnote-ref") if not is_row_reference(a)]
        in_cells = soup.select("article [data-cite]")
        assert sum(1 for c in claims if c["page"] == page) == len(in_text) + len(in_cells), page
    roles = json.loads((site / "data" / "roles.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in roles] == sorted(r.id for r in GUIDE.roles)
    for data_file in ("dimensions", "skills", "glossary", "handoff"):
        assert json.loads((site / "data" / f"{data_file}.json").read_text(encoding="utf-8"))
    assert json.loads((site / "data" / "schemas" / "role.schema.json").read_text(encoding="utf-8"))["type"] == "object"


def test_abbreviations_show_as_tooltips(site: Path) -> None:
    html = "".join(html_path(site, page).read_text(encoding="utf-8") for page in site_pages())
    for term in (t for t in GUIDE.glossary if t.abbreviation):
        assert f'<abbr tabindex="0" title="{term.term}">{term.abbreviation}</abbr>' in html, term.abbreviation


def test_same_data_builds_byte_identical_pages(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build_site(again).returncode == 0
    for page in site_pages():
        first, second = (without_build_time(html_path(s, page).read_bytes()) for s in (site, again))
        assert first == second, page
    for export in sorted((site / "data").rglob("*.json")):
        assert export.read_bytes() == (again / export.relative_to(site)).read_bytes(), export


def without_build_time(html: bytes) -> bytes:
    """A page not yet committed to git shows the build time as its last update; blank only that stamp."""
    return re.sub(rb'(git-revision-date-localized-plugin-date" title=")[^"]*(">)[^<]*', rb"\1\2", html)
