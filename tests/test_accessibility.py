"""Accessibility of the built site in a real Chromium: axe-core on every page, and the keyboard.

axe-core (the pinned release that scripts/fetch_axe.py downloads and checks, the same
that Lighthouse runs) audits every page in the navigation, two generated pair pages and
the 404 page in the light palette on a phone, and a page of each kind in the dark palette
on a phone and in both palettes on a desktop, against WCAG 2.0/2.1/2.2 A and AA and axe's best practices. No rule and no
element is left out: what stock Material failed is fixed in docs/stylesheets/extra.css
and overrides/, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from built_site import listed_pages, page_url, pair_pages, role_pages, script, site_path

_AXE = script("fetch_axe")
AXE_SCRIPT, AXE_VERSION = _AXE.TARGET, _AXE.VERSION

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# The path of site_url. The 404 page is served at whatever address was missing, so
# MkDocs writes its links and assets with this absolute prefix; it is tested as the
# host serves it (see serve_like_the_host).
SITE_PREFIX = site_path()
MISSING = SITE_PREFIX + "no-such-page/"
# Every page mkdocs.yml lists, every role's page, and of the pair pages, which all share one
# template, the first and the last.
AUDITED = [*listed_pages(), *role_pages(), pair_pages()[0], pair_pages()[-1]]
PAGES = [page_url(page) for page in dict.fromkeys(AUDITED)] + [MISSING]
# On a desktop only the sidebars differ from a phone, and they are the same on every page; the
# dark palette changes only colours, which pages of one kind share. So there a page of each
# kind is enough: one per template and one per page with its own widget (table, RACI matrix,
# quiz, diagram and checklist, self-check, FAQ, glossary, 404).
PAGE_OF_EACH_KIND = [
    "",
    "compare/",
    "compare/raci/",
    "compare/quiz/",
    "handoff/",
    "careers/",
    "reference/faq/",
    "reference/glossary/",
    page_url(role_pages()[0]),
    page_url(pair_pages()[0]),
    MISSING,
]


@dataclass(frozen=True)
class Setting:
    """A palette (through prefers-color-scheme, which Material's palette follows) and a screen."""

    palette: str
    width: int
    height: int
    screen: str

    @property
    def scheme(self) -> str:
        """The value Material puts in body[data-md-color-scheme] for this palette."""
        return {"light": "default", "dark": "slate"}[self.palette]

    def __str__(self) -> str:
        return f"{self.palette} palette, {self.screen}"


SETTINGS = [
    Setting("light", 1280, 900, "desktop"),
    Setting("dark", 1280, 900, "desktop"),
    Setting("light", 390, 844, "phone"),
    Setting("dark", 390, 844, "phone"),
]


def serve_like_the_host(context: BrowserContext, site: Path, base: str) -> None:
    """Answer requests under the site_url path as a static host would: the file if there is
    one, otherwise 404.html with status 404. `base` is the local server's root URL."""

    def handle(route: Route) -> None:
        relative = route.request.url.removeprefix(base + SITE_PREFIX).split("?")[0].split("#")[0]
        target = site / relative
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            route.fulfill(path=target)
        else:
            route.fulfill(status=404, path=site / "404.html", content_type="text/html; charset=utf-8")

    context.route(base + SITE_PREFIX + "**", handle)


@dataclass
class Tab:
    page: Page
    setting: Setting


@pytest.fixture(scope="module", params=SETTINGS, ids=str)
def tab(request: pytest.FixtureRequest, browser: Browser, server: str, site: Path) -> Iterator[Tab]:
    """One browser tab per setting, reused for every page (a new context per page is slow)."""
    setting: Setting = request.param
    context = browser.new_context(
        viewport={"width": setting.width, "height": setting.height},
        color_scheme=setting.palette,
        reduced_motion="reduce",
    )
    serve_like_the_host(context, site, server)
    yield Tab(context.new_page(), setting)
    context.close()


def open_page(page: Page, url: str) -> None:
    """Load a page and wait until Material's scripts have laid it out."""
    page.goto(url, wait_until="load")
    settle(page)


def settle(page: Page) -> None:
    """Wait until Material's scripts have laid out the loaded page."""
    page.wait_for_function("() => window.document$ !== undefined && document.body.dataset.mdColorScheme")
    # Two frames: a11y.js and Material finish their work on the next animation frame.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def violations(page: Page) -> list[dict]:
    """What axe finds on the page as it is now, for the WCAG A/AA and best-practice rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(document, options).then(result => result.violations)", options)


def test_the_audit_runs_the_pinned_axe_core(tab: Tab, server: str) -> None:
    open_page(tab.page, server)
    violations(tab.page)
    assert tab.page.evaluate("axe.version") == AXE_VERSION


def describe(violations: list[dict], where: str) -> str:
    """axe's findings, one block per rule: id, impact, what it checks, and each element's selector."""
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            summary = re.sub(r"\s+", " ", node.get("failureSummary") or "").strip()
            lines.append(f"    {' > '.join(map(str, node['target']))}\n        {summary}")
    return "\n".join(lines)


AUDITS = [
    (setting, path)
    for setting in SETTINGS
    for path in (PAGES if (setting.screen, setting.palette) == ("phone", "light") else PAGE_OF_EACH_KIND)
]


@pytest.mark.parametrize(
    ("tab", "path"), AUDITS, indirect=["tab"], ids=[f"{setting}-{path or 'home'}" for setting, path in AUDITS]
)
def test_page_has_no_axe_violations(tab: Tab, server: str, path: str) -> None:
    page, setting = tab.page, tab.setting
    open_page(page, server + path)
    # The audit is only worth something in the palette it claims to check.
    assert page.evaluate("document.body.dataset.mdColorScheme") == setting.scheme
    if path == MISSING:
        # Served as the host does, with its stylesheet, not as an unstyled page.
        expect(page.locator("h1")).to_have_text("Page not found")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    found = violations(page)
    assert not found, describe(found, f"/{path} ({setting})")


@pytest.mark.parametrize("query", ["", "roadmap"], ids=["empty", "results"])
def test_open_search_has_no_axe_violations(tab: Tab, server: str, query: str) -> None:
    """The search dialog, opened from the keyboard, before typing and with results."""
    page, setting = tab.page, tab.setting
    open_page(page, server)
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    if query:
        search.press_sequentially(query, delay=20)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
    else:
        expect(page.locator(".md-search-result__meta")).to_be_visible()
    page.wait_for_timeout(300)  # the dialog's fade-in
    found = violations(page)
    assert not found, describe(found, f"the search dialog, query {query!r} ({setting})")


def test_audit_would_catch_a_violation(tab: Tab, server: str) -> None:
    """The audit is not vacuous: an image without alt text added to a page is reported."""
    page = tab.page
    open_page(page, server)
    page.evaluate("document.querySelector('article').append(Object.assign(new Image(), {src: 'data:,'}))")
    assert "image-alt" in [violation["id"] for violation in violations(page)]


# --- Keyboard -----------------------------------------------------------------------

# What a sighted keyboard user sees of the focused element: its focus indicator (its
# own outline or box shadow; the palette toggle's radio button is invisible and shows
# focus on its label), and whether it is on screen and not covered (WCAG 2.4.7, 2.4.11).
FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const shown = element.matches("input.md-option") ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const rect = shown.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const transparent = /rgba\\(.*,\\s*0\\)$|transparent/.test(style.outlineColor);
  return {
    name: (element.getAttribute("aria-label") || element.textContent || element.className)
      .trim().replace(/\\s+/g, " ").slice(0, 60),
    area: element.closest("input.md-search__input") ? "search"
      : element.closest(".md-tabs, nav.md-nav--primary") ? "navigation"
      : element.closest("article.md-content__inner") ? "content" : "other",
    option: element.matches("input.md-option"),
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !transparent)
      || style.boxShadow !== "none",
    onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
      && rect.left < innerWidth && rect.top < innerHeight
      && style.visibility === "visible" && parseFloat(style.opacity) > 0.5,
    uncovered: !!hit && (shown.contains(hit) || hit.contains(shown)),
  };
}"""


def visible_focus(page: Page) -> dict:
    """The focused element once it has settled (menus slide, the search box opens), checked to
    be visible with a focus indicator; fails with what was focused if it never is."""
    try:
        settled = f"() => {{ const s = ({FOCUS_STATE})(); return s && s.indicator && s.onScreen && s.uncovered; }}"
        page.wait_for_function(settled, timeout=3_000)
    except Exception:  # noqa: BLE001 - report what was focused instead of a bare timeout
        pytest.fail(f"focus is not visible: {page.evaluate(FOCUS_STATE)}")
    return page.evaluate(FOCUS_STATE)


def keyboard_page(browser: Browser, server: str, path: str, width: int, height: int) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    page = context.new_page()
    open_page(page, server + path)
    return context, page


def tab_until(page: Page, area: str, stops: list[str], key: str = "Tab", limit: int = 40) -> dict:
    """Press `key` until focus is in `area`, checking that every stop on the way shows focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        focus = visible_focus(page)
        stops.append(f"{focus['area']}: {focus['name']} [{focus['outline']}]")
        if focus["area"] == area:
            return focus
    pytest.fail(f"{key} never reached the {area}:\n" + "\n".join(stops))


def test_tab_reaches_search_navigation_and_content_with_visible_focus(browser: Browser, server: str) -> None:
    """Desktop: from the top of the home page, Tab goes to the search field, then the
    navigation, then the main content, and every stop on the way shows where focus is."""
    context, page = keyboard_page(browser, server, "", 1280, 900)
    stops: list[str] = []
    for area in ("search", "navigation", "content"):
        tab_until(page, area, stops)
    # Nothing reached the content before the navigation, nor the navigation before search.
    order = [stop.split(":")[0] for stop in stops]
    assert order.index("search") < order.index("navigation") < order.index("content"), "\n".join(stops)
    context.close()


def test_phone_keyboard_reaches_search_navigation_and_content(browser: Browser, server: str) -> None:
    """Phone: the navigation is in a drawer. Tab goes past the closed drawer (its links are
    off screen) from the search field to the content; the menu button opens the drawer on
    Enter and focus goes into it; leaving it closes it; Escape closes it too. Every stop
    shows where focus is, on screen and not shaded over."""
    context, page = keyboard_page(browser, server, "roles/", 390, 844)
    drawer = page.locator("nav.md-nav--primary")
    stops: list[str] = []
    tab_until(page, "search", stops)
    tab_until(page, "content", stops)
    assert "navigation" not in [stop.split(":")[0] for stop in stops], "\n".join(stops)
    # Back up to the menu button, open the drawer, walk through it and out of it.
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if visible_focus(page)["name"] == "Navigation":
            break
    else:
        pytest.fail("Shift+Tab never reached the menu button")
    page.keyboard.press("Enter")
    expect(drawer).to_be_visible()
    assert visible_focus(page)["area"] == "navigation"
    links = [visible_focus(page)["name"]]
    while True:
        page.keyboard.press("Tab")
        focus = visible_focus(page)
        if focus["area"] != "navigation":
            break
        links.append(focus["name"])
    assert {"Product manager", "Project manager"} <= set(links), links
    assert focus["area"] == "content"
    expect(drawer).to_be_hidden()
    page.locator("label.md-header__button[for='__drawer']").focus()
    page.keyboard.press("Space")
    expect(drawer).to_be_visible()
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    assert visible_focus(page)["name"] == "Navigation"
    context.close()


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_palette_toggle_works_from_the_keyboard(browser: Browser, server: str, key: str) -> None:
    """Tab to the palette toggle; Enter or Space switches the palette, and back."""
    context, page = keyboard_page(browser, server, "", 1280, 900)
    for _ in range(10):
        page.keyboard.press("Tab")
        if visible_focus(page)["option"]:
            break
    else:
        pytest.fail("Tab never reached the palette toggle")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.keyboard.press(key)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert visible_focus(page)["option"]  # focus stays on the toggle, still visible
    page.keyboard.press(key)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    context.close()
