"""Accessibility of the built site in a real Chromium: axe-core on every page, and the keyboard.

axe-core (bundled by axe-playwright-python) audits every page in the navigation and
the 404 page, in the light and the dark palette on a desktop and in the light palette
on a phone, against WCAG 2.0/2.1/2.2 A and AA and axe's best practices. No rule and
no element is left out: what stock Material failed is fixed in docs/stylesheets/extra.css
and overrides/, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from site_pages import nav_pages, page_url

ROOT = Path(__file__).resolve().parent.parent
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE = Axe()

# The path of site_url. The 404 page is served at whatever address was missing, so
# MkDocs writes its links and assets with this absolute prefix; it is tested as the
# host serves it (see serve_like_the_host).
SITE_PREFIX = "product-vs-project/"
MISSING = SITE_PREFIX + "no-such-page/"
PAGES = [page_url(page) for page in nav_pages()] + [MISSING]

# Material draws each Mermaid diagram in a closed shadow root, out of axe's reach;
# opened, the drawn diagram is audited like the rest of the page.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attachShadow.call(this, { ...init, mode: "open" }); };
"""


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
    context.add_init_script(OPEN_SHADOW_ROOTS)
    serve_like_the_host(context, site, server)
    yield Tab(context.new_page(), setting)
    context.close()


def open_page(page: Page, url: str) -> None:
    """Load a page and wait until Material's scripts have laid it out (and drawn any diagram)."""
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.document$ !== undefined && document.body.dataset.mdColorScheme")
    if page.locator(".mermaid").count():
        expect(page.locator(".mermaid svg")).to_be_visible(timeout=15_000)
    # Two frames: a11y.js and Material finish their work on the next animation frame.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def describe(violations: list[dict], where: str) -> str:
    """axe's findings, one block per rule: id, impact, what it checks, and each element's selector."""
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            summary = re.sub(r"\s+", " ", node.get("failureSummary") or "").strip()
            lines.append(f"    {' > '.join(map(str, node['target']))}\n        {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_has_no_axe_violations(tab: Tab, server: str, path: str) -> None:
    page, setting = tab.page, tab.setting
    open_page(page, server + path)
    # The audit is only worth something in the palette it claims to check.
    assert page.evaluate("document.body.dataset.mdColorScheme") == setting.scheme
    if path == MISSING:
        # Served as the host does, with its stylesheet, not as an unstyled page.
        expect(page.locator("h1")).to_have_text("Page not found")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, describe(violations, f"/{path} ({setting})")


def test_audit_would_catch_a_violation(tab: Tab, server: str) -> None:
    """The audit is not vacuous: an image without alt text added to a page is reported."""
    page = tab.page
    open_page(page, server)
    page.evaluate("document.querySelector('article').append(Object.assign(new Image(), {src: 'data:,'}))")
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert "image-alt" in [violation["id"] for violation in results.response["violations"]]
