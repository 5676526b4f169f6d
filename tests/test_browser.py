"""The built site in a real headless Chromium: loads cleanly, navigates, searches, draws the diagram.

Every test also fails if the page requested anything from a host other than the local server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from built_site import nav_pages, page_url
from conftest import OPEN_SHADOW_ROOTS, foreign_requests
from guide.data import load_guide

GUIDE = load_guide(Path(__file__).resolve().parent.parent / "data")
NAV_URLS = [page_url(page) for page in nav_pages()]


def heading(title: str) -> re.Pattern[str]:
    """A page title as shown, allowing for the permalink sign after it."""
    return re.compile(rf"^{re.escape(title)}\W*$")


@dataclass
class Visit:
    page: Page
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str = "") -> None:
        self.page.goto(self.base + path)

    def search(self, query: str) -> None:
        """Open search as a reader would (a button on a phone, the field on a desktop) and type."""
        self.page.locator("label.md-header__button[for='__search'], input.md-search__input").locator(
            "visible=true"
        ).first.click()
        self.page.locator("input.md-search__input").press_sequentially(query, delay=30)


@pytest.fixture(params=[(1280, 900), (390, 844)], ids=["desktop", "phone"])
def visit(browser: Browser, server: str, request: pytest.FixtureRequest) -> Iterator[Visit]:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(OPEN_SHADOW_ROOTS)  # so the drawn diagram can be read
    page = context.new_page()
    visit = Visit(page, server)
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    yield visit
    context.close()
    assert foreign_requests(visit.requests, visit.base) == []


def test_home_page_loads_without_console_errors(visit: Visit) -> None:
    visit.open()
    expect(visit.page.locator("h1")).to_have_text(heading("Product vs Project"))
    visit.page.wait_for_load_state("networkidle")
    assert visit.errors == []


def follow(visit: Visit, name: str) -> None:
    """Click the navigation link called `name` as a reader would: tabs on a desktop, the drawer on a phone."""
    menu = visit.page.locator("label.md-header__button[for='__drawer']")
    if menu.is_visible():
        menu.click()
    visit.page.locator(".md-tabs, nav.md-nav--primary").get_by_role("link", name=name, exact=True).locator(
        "visible=true"
    ).first.click()
    expect(visit.page.locator("h1")).to_have_text(heading(name))


@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda role: role.id)
def test_each_role_page_is_reachable_through_the_navigation(visit: Visit, role) -> None:
    visit.open()
    follow(visit, "The roles")
    follow(visit, role.name)
    assert visit.page.url == visit.base + page_url(role.page)
    assert visit.errors == []


def test_search_for_roadmap_shows_results(visit: Visit) -> None:
    visit.open()
    visit.search("roadmap")
    results = visit.page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert results.count() >= 3
    expect(visit.page.locator(".md-search-result mark").first).to_contain_text("roadmap", ignore_case=True)


def test_handoff_diagram_is_drawn_from_local_files_only(visit: Visit) -> None:
    visit.open("handoff/")
    svg = visit.page.locator(".mermaid svg")
    expect(svg).to_be_visible(timeout=15_000)
    drawn = svg.text_content()
    for role in GUIDE.roles:
        assert role.name in drawn
    for step in GUIDE.handoff.steps:
        assert step.title in drawn
    assert visit.page.locator("pre.mermaid code").count() == 0  # the code block was replaced
    assert any("/assets/vendor/mermaid/" in url for url in visit.requests)
    assert visit.errors == []


def test_pages_without_a_diagram_load_no_mermaid(visit: Visit) -> None:
    visit.open("compare/")
    visit.page.wait_for_load_state("networkidle")
    assert not [url for url in visit.requests if "/vendor/mermaid/" in url]


def test_diagram_draws_after_instant_navigation_from_home(visit: Visit) -> None:
    visit.open()
    follow(visit, "The handoff")
    expect(visit.page.locator(".mermaid svg")).to_be_visible(timeout=15_000)
    assert visit.errors == []


@pytest.mark.parametrize("path", NAV_URLS)
def test_every_page_loads_only_from_the_site_itself(visit: Visit, path: str) -> None:
    """The fixture fails the test on any request to another host; here every page is opened and settled."""
    visit.open(path)
    visit.page.wait_for_load_state("networkidle")
    assert visit.requests and visit.errors == []


def test_searching_and_switching_palette_stay_on_the_site(visit: Visit) -> None:
    visit.open("handoff/")
    expect(visit.page.locator(".mermaid svg")).to_be_visible(timeout=15_000)
    scheme = visit.page.locator("body").get_attribute("data-md-color-scheme")
    visit.page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(visit.page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    visit.search("scope")
    expect(visit.page.locator(".md-search-result__item").first).to_be_visible()
    visit.page.wait_for_load_state("networkidle")
