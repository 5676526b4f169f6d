"""The real site, built once with --strict and the link check: its pages, what they show, and their references,
checked against the data files as read here (plain YAML) and the pages expected in tests/built_site.py."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from built_site import (
    ROLES,
    ROOT,
    html_path,
    page_url,
    pair_pages,
    role_page,
    role_pages,
    site_config,
    site_pages,
    sitemap_urls,
)
from conftest import mkdocs_build
from html_tools import listed, numbers, tables, text_of, words

DATA = ROOT / "data"


def read(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


ROLE_FILES = {role: read(f"roles/{role}.yml") for role in ROLES}
BY_NAME = sorted(ROLES, key=lambda role: ROLE_FILES[role]["name"].casefold())
DIMENSIONS = read("dimensions.yml")["dimensions"]
DISAGREEMENTS = read("dimensions.yml").get("disagreements", [])


def cell(role: str, dimension: str) -> str:
    """A role's value on a dimension as a table shows it: the words of its file, then a mark for each disagreement
    about that cell, named by its title when the cell has several."""
    disputes = [d for d in DISAGREEMENTS if d.get("dimension") == dimension and role in d.get("roles", [])]
    marks = (
        [f"Sources disagree: {d['title']}" for d in disputes]
        if len(disputes) > 1
        else ["Sources disagree"] * len(disputes)
    )
    return " ".join([words(ROLE_FILES[role]["values"][dimension]["text"]), *marks])


@pytest.fixture(scope="module")
def soups(site: Path) -> dict[str, BeautifulSoup]:
    return {
        page: BeautifulSoup(html_path(site, page).read_text(encoding="utf-8"), "html.parser") for page in site_pages()
    }


def article(soups: dict[str, BeautifulSoup], page: str):
    return soups[page].select_one("article")


def test_data_holds_the_roles_these_tests_expect() -> None:
    assert sorted(path.stem for path in (DATA / "roles").glob("*.yml")) == list(ROLES)


def test_the_site_has_every_page_expected_and_no_other(site: Path) -> None:
    """The pages of mkdocs.yml, a page per role and a page per pair of roles: the sitemap lists each once."""
    for page in site_pages():
        assert html_path(site, page).is_file(), page
    assert sorted(sitemap_urls(site)) == sorted(page_url(page) for page in site_pages())
    assert len(pair_pages()) == len(ROLES) * (len(ROLES) - 1) // 2


def test_every_role_page_and_pair_page_is_in_the_navigation(soups: dict[str, BeautifulSoup]) -> None:
    navigation = soups["index.md"].select_one("nav.md-nav--primary")
    linked = {urlsplit(urljoin("/", a["href"])).path for a in navigation.find_all("a", href=True)}
    for page in role_pages() + pair_pages():
        assert "/" + page_url(page) in linked, page


def test_every_page_has_its_own_meta_description(soups: dict[str, BeautifulSoup]) -> None:
    default = site_config().site_description.strip()
    descriptions = {}
    for page, soup in soups.items():
        [meta] = soup.find_all("meta", attrs={"name": "description"})
        assert meta["content"] and meta["content"] != default, page
        descriptions.setdefault(meta["content"], []).append(page)
    assert [pages for pages in descriptions.values() if len(pages) > 1] == []


def test_the_full_comparison_shows_every_role_on_every_dimension(soups: dict[str, BeautifulSoup]) -> None:
    [table] = [t for t in tables(article(soups, "compare/index.md")) if t[0][0] == "Dimension"]
    assert table[0] == ["Dimension", *(ROLE_FILES[role]["name"] for role in BY_NAME)]
    assert [row[0] for row in table[1:]] == [f"{d['label']} {d['question']}" for d in DIMENSIONS]
    for row, dimension in zip(table[1:], DIMENSIONS, strict=True):
        assert row[1:] == [cell(role, dimension["id"]) for role in BY_NAME]


def test_each_role_page_shows_its_own_value_on_every_dimension(soups: dict[str, BeautifulSoup]) -> None:
    for role, data in ROLE_FILES.items():
        [table] = [t for t in tables(article(soups, role_page(role))) if t[0][0] == "Dimension"]
        assert table[0] == ["Dimension", data["name"]], role
        assert [row[1] for row in table[1:]] == [cell(role, d["id"]) for d in DIMENSIONS], role


def test_no_marker_or_citation_token_is_left_in_any_page(site: Path) -> None:
    for page in site_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        assert "<!-- md" not in html, page
        assert "\ue000" not in html and "\ue001" not in html, page


def test_no_page_source_links_to_the_sources_page_by_hand() -> None:
    for path in (ROOT / "docs").rglob("*.md"):
        assert "sources.md#" not in path.read_text(encoding="utf-8"), path


def cited_sources(soups: dict[str, BeautifulSoup], page: str) -> list[str]:
    """The source ids a page's list of references links to, on the Sources page."""
    sources_url = "/" + page_url("reference/sources.md")
    targets = [
        urlsplit(urljoin("/" + page_url(page), link["href"]))
        for entry in listed(soups[page])
        for link in entry.find_all("a", href=True)
    ]
    return [target.fragment for target in targets if target.path == sources_url]


def test_every_reference_reaches_its_source_entry(soups: dict[str, BeautifulSoup]) -> None:
    entries = {element["id"] for element in soups["reference/sources.md"].select("article h3[id]")}
    assert entries == {source["id"] for source in read("sources.yml")}
    for page in soups:
        assert set(cited_sources(soups, page)) <= entries, page


def test_every_source_is_cited_somewhere(soups: dict[str, BeautifulSoup]) -> None:
    cited = {source for page in soups for source in cited_sources(soups, page)}
    assert {source["id"] for source in read("sources.yml")} - cited == set()


def test_every_reference_number_has_its_entry_in_the_list(soups: dict[str, BeautifulSoup]) -> None:
    for page, soup in soups.items():
        shown = numbers(article(soups, page))
        assert sorted(set(shown)) == list(range(1, len(listed(soup)) + 1)), page


SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(\s|$)")


def test_a_sentence_or_table_row_shows_at_most_one_reference(soups: dict[str, BeautifulSoup]) -> None:
    """Between two reference numbers in one paragraph, list item or cell, a sentence ends; a table row shows one."""
    for page in soups:
        body = article(soups, page)
        for row in body.find_all("tr"):
            assert len(row.select(".pvp-ref")) <= 1, f"{page}: {text_of(row)[:80]}"
        for block in body.find_all(["p", "li", "td", "th", "dd"]):
            between = ""
            seen_one = False
            for node in block.descendants:
                if getattr(node, "name", None) == "a" and "pvp-ref" in node.get("class", []):
                    assert not seen_one or SENTENCE_END.search(between), f"{page}: two references in {between!r}"
                    seen_one, between = True, ""
                elif isinstance(node, str) and not node.find_parent(class_="pvp-ref"):
                    between += node


def test_no_script_holds_up_the_first_paint(soups: dict[str, BeautifulSoup]) -> None:
    """Every script a page loads by address is deferred, Material's bundle included, so the page paints as soon as it
    is read and styled; and none is loaded in <head>, where it would stop the reading."""
    for page, soup in soups.items():
        loaded = soup.find_all("script", src=True)
        assert any("/bundle." in script["src"] for script in loaded), page
        assert [script["src"] for script in loaded if not script.has_attr("defer")] == [], page
        assert soup.head.find_all("script", src=True) == [], page


@pytest.mark.parametrize(
    "source",
    [*sorted((ROOT / "docs").glob("stylesheets/*.css")), *sorted((ROOT / "docs").glob("assets/**/*.js"))],
    ids=lambda path: path.name,
)
def test_the_sites_own_css_and_js_are_served_without_their_comments(site: Path, source: Path) -> None:
    """Written with a comment on every part; served without: the comments weighed half of each file on a phone."""
    written = source.read_text(encoding="utf-8")
    served = (site / source.relative_to(ROOT / "docs")).read_text(encoding="utf-8")
    assert "/*" in written
    assert "/*" not in served
    assert len(served) < 0.8 * len(written)


def test_each_abbreviation_is_explained_where_it_stands_or_on_focus(soups: dict[str, BeautifulSoup]) -> None:
    """Each abbreviation carries its meaning; each is spelled out after it, sits in a link
    (which is focused instead) or is a tab stop that spells itself out on focus (extra.css)."""
    meanings = {
        term["abbreviation"]: " ".join(term["term"].split())
        for term in read("glossary.yml")
        if term.get("abbreviation")
    }
    seen = set()
    for page, soup in soups.items():
        for abbreviation in soup.select("article abbr"):
            word = abbreviation.get_text()
            seen.add(word)
            assert abbreviation.get("title") == meanings[word], (page, word)
            spelled = str(abbreviation.next_sibling or "").startswith(f" ({meanings[word]})")
            in_link = abbreviation.find_parent("a") is not None
            assert (abbreviation.get("tabindex") == "0") != (spelled or in_link), (page, word)
    assert seen == set(meanings), set(meanings) - seen


def test_the_same_data_builds_byte_identical_pages_and_export(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = mkdocs_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    for page in site_pages():
        first, second = (without_build_time(html_path(s, page).read_bytes()) for s in (site, again))
        assert first == second, page
    for export in sorted((site / "data").rglob("*.*")):
        assert export.read_bytes() == (again / export.relative_to(site)).read_bytes(), export


def without_build_time(html: bytes) -> bytes:
    """A page not yet committed to git shows the build time as its last update; blank only that stamp."""
    return re.sub(rb'(title="Last update">.*?</span>)\s*\d{1,2} [A-Z][a-z]+ \d{4}', rb"\1", html, flags=re.S)
