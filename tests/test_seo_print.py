"""What search engines, link previews and printers get: page metadata, the 404 page, print styles.

Metadata is read from the built HTML; the 404 page and printing are checked in Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.utils.meta import get_data
from playwright.sync_api import Browser, Page, expect

from built_site import ROOT, html_path, page_url, pair_pages, role_pages, site_config, site_pages
from conftest import foreign_requests
from test_accessibility import MISSING, SITE_PREFIX, open_page, serve_like_the_host, settle

CONFIG = site_config()
SITE_URL = CONFIG.site_url
SITE_NAME = CONFIG.site_name
OPEN_GRAPH = ("og:title", "og:description", "og:url", "og:type", "og:site_name")


class HeadParser(HTMLParser):
    """The <title>, <meta> and <link> tags of a page, and every URL it loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.loads: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "title" and not self.title:  # the page's, not an SVG's <title> in the body
            self._in_title = True
        elif tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        elif tag == "link":
            self.links.setdefault(a.get("rel", ""), []).append(a.get("href", ""))
            if a.get("rel") in ("stylesheet", "preconnect", "preload", "icon", "modulepreload", "manifest"):
                self.loads.append(a.get("href", ""))
        if tag in ("script", "img", "iframe", "source", "video", "audio") and a.get("src"):
            self.loads.append(a["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def head(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def one(values: dict[str, list[str]], key: str, page: str) -> str:
    found = values.get(key, [])
    assert len(found) == 1, f"{page}: expected one {key}, found {found}"
    return found[0]


def role_name(role_id: str) -> str:
    return yaml.safe_load((ROOT / "data" / "roles" / f"{role_id}.yml").read_text(encoding="utf-8"))["name"]


def check_description(page: str, description: str) -> None:
    """The description a contributor wrote in the page's front matter; else a role's summary from its file, or for
    a pair of roles, a description that names both."""
    source = ROOT / "docs" / page
    front_matter = get_data(source.read_text(encoding="utf-8"))[1] if source.is_file() else {}
    if "description" in front_matter:
        assert description == front_matter["description"].strip()
    elif page in role_pages():
        role = yaml.safe_load((ROOT / "data" / page.replace(".md", ".yml")).read_text(encoding="utf-8"))
        assert description == role["summary"]["text"]
    else:
        assert page in pair_pages()
        for role in page.removeprefix("compare/").removesuffix(".md").split("-vs-"):
            assert role_name(role).casefold() in description.casefold()


@pytest.mark.parametrize("page", site_pages())
def test_page_has_description_canonical_url_and_open_graph_tags(site: Path, page: str) -> None:
    tags = head(html_path(site, page))
    description = one(tags.meta, "description", page)
    check_description(page, description)
    canonical = one(tags.links, "canonical", page)
    assert canonical == SITE_URL + page_url(page)

    assert one(tags.meta, "og:url", page) == canonical
    assert one(tags.meta, "og:description", page) == description
    assert one(tags.meta, "og:site_name", page) == SITE_NAME
    is_home = page_url(page) == ""
    assert one(tags.meta, "og:type", page) == ("website" if is_home else "article")
    # The page's own title, without the " - site name" that <title> adds.
    title = one(tags.meta, "og:title", page)
    assert title == (SITE_NAME if is_home else tags.title.strip().removesuffix(f" - {SITE_NAME}"))
    assert title


def test_404_page_metadata(site: Path) -> None:
    tags = head(site / "404.html")
    assert tags.title.strip() == f"Page not found - {SITE_NAME}"
    assert one(tags.meta, "robots", "404") == "noindex"
    assert one(tags.meta, "og:title", "404") == "Page not found"
    assert one(tags.meta, "og:site_name", "404") == SITE_NAME
    assert one(tags.meta, "og:description", "404") == one(tags.meta, "description", "404")
    assert one(tags.meta, "og:type", "404") == "website"
    # A "not found" page, shown at any missing address, has no canonical address.
    assert "canonical" not in tags.links
    assert "og:url" not in tags.meta


def test_pages_load_nothing_from_another_host(site: Path) -> None:
    """No web font, CDN script or analytics: every stylesheet, script and image is the site's own."""
    site_host = urlsplit(SITE_URL).netloc
    for path in [*(html_path(site, page) for page in site_pages()), site / "404.html"]:
        for url in head(path).loads:
            host = urlsplit(url).netloc
            assert not host or host == site_host, f"{path.relative_to(site)} loads {url}"


# --- The 404 page, as the host serves it ---------------------------------------------


@pytest.fixture(params=[(1280, 900), (390, 844)], ids=["desktop", "phone"])
def host_page(request: pytest.FixtureRequest, browser: Browser, server: str, site: Path) -> Iterator[Page]:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    serve_like_the_host(context, site, server)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page
    context.close()
    assert foreign_requests(requests, server) == []


def test_404_page_explains_and_links_onwards(host_page: Page, server: str) -> None:
    page = host_page
    response = page.goto(server + MISSING)
    assert response is not None and response.status == 404
    settle(page)
    article = page.locator("article")
    expect(article.locator("h1")).to_have_text("Page not found")
    expect(article).to_contain_text("There is no page at this address")
    # Styled like every other page (its stylesheet links are absolute, under site_url's path).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    onwards = [("Home", ""), ("The roles", "roles/"), ("Compare roles", "compare/"), ("FAQ", "reference/faq/")]
    for name, target in onwards:
        link = article.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        assert link.evaluate("a => a.href") == server + SITE_PREFIX + target
    article.get_by_role("link", name="Compare roles").click()
    page.wait_for_url(server + SITE_PREFIX + "compare/")
    expect(page.locator("article h1")).to_be_visible()


def test_404_page_search_box_opens_search_with_the_query(host_page: Page, server: str) -> None:
    page = host_page
    open_page(page, server + MISSING)
    form = page.get_by_role("search", name="Search the guide")
    form.get_by_label("Search for").fill("roadmap")
    form.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/product-vs-project/\?q=roadmap$"))
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    expect(page.locator("input.md-search__input")).to_have_value("roadmap")


# --- Print -----------------------------------------------------------------------------

# The page's chrome, none of which belongs on paper.
CHROME = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-content__button",
]
PRINT_STATE = """chrome => {
  const shown = selector => [...document.querySelectorAll(selector)].filter(e => e.checkVisibility()).length;
  const article = document.querySelector("article").getBoundingClientRect();
  const rgb = color => color.match(/[\\d.]+/g).slice(0, 3).map(Number);
  return {
    chrome: Object.fromEntries(chrome.map(selector => [selector, shown(selector)])),
    wrappers: [...document.querySelectorAll(".md-typeset__scrollwrap")].map(w => getComputedStyle(w).overflowX),
    tables: [...document.querySelectorAll("article table")].map(table => ({
      first: table.querySelector("th, td").textContent.trim(),
      overflow: table.getBoundingClientRect().right - article.right,
      clipped: Math.max(table.scrollWidth - table.clientWidth,
                        table.parentElement.scrollWidth - table.parentElement.clientWidth),
      rows: [...table.querySelectorAll("tr")].map(tr => getComputedStyle(tr).breakInside),
      head: table.tHead ? getComputedStyle(table.tHead).display : "table-header-group",
    })),
    text: rgb(getComputedStyle(document.querySelector("article p")).color),
    paper: rgb(getComputedStyle(document.documentElement).backgroundColor),
  };
}"""


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "compare/",
        "careers/",
        "compare/raci/",
    ],
    ids=["compare", "careers", "raci"],
)
def test_pages_print_without_chrome_and_with_whole_tables(
    browser: Browser, server: str, palette: str, path: str
) -> None:
    # A4 paper is 794 CSS pixels wide: lay the page out as the printer will.
    context = browser.new_context(viewport={"width": 794, "height": 1123}, color_scheme=palette)
    page = context.new_page()
    open_page(page, server + path)
    page.emulate_media(media="print")
    state = page.evaluate(PRINT_STATE, CHROME)
    context.close()

    assert state["chrome"] == dict.fromkeys(CHROME, 0), "shown on paper"
    assert state["tables"], "the page has tables to check"
    assert set(state["wrappers"]) == {"visible"}, "a table's scrolling box would clip it"
    for table in state["tables"]:
        assert table["overflow"] <= 1 and table["clipped"] <= 1, f"table '{table['first']}' is cut: {table}"
        assert set(table["rows"]) == {"avoid"}, f"rows of table '{table['first']}' may split across pages"
        assert table["head"] == "table-header-group"
    # Dark ink on white paper, whichever palette is on screen.
    assert max(state["text"]) < 100, state["text"]
    assert min(state["paper"]) == 255, state["paper"]


def test_the_raci_prints_on_one_sheet_of_a4(browser: Browser, server: str) -> None:
    page = browser.new_page()
    open_page(page, server + "compare/raci/")
    pdf = page.pdf(format="A4")
    page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_comparison_page_prints_to_pdf(browser: Browser, server: str) -> None:
    """Chromium's own print path: the comparison page makes a multi-page A4 PDF."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    open_page(page, server + "compare/")
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 3
