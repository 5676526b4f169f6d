"""The built site in a real headless Chromium, as a reader uses it on a desktop and on a phone.

Every test also fails if the page requested anything from a host other than the local server.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Page, expect

from built_site import ROOT, page_url, role_page, site_pages
from conftest import foreign_requests
from product_vs_project.loading import load_guide

GUIDE = load_guide(ROOT / "data", ROOT / "evidence")
SITE_URLS = [page_url(page) for page in site_pages()]
PHONE = (390, 844)


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


def new_visit(browser: Browser, server: str, width: int, height: int) -> tuple[Visit, object]:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    visit = Visit(page, server)
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    return visit, context


@pytest.fixture(params=[(1280, 900), PHONE], ids=["desktop", "phone"])
def visit(browser: Browser, server: str, request: pytest.FixtureRequest) -> Iterator[Visit]:
    visit, context = new_visit(browser, server, *request.param)
    yield visit
    context.close()
    assert foreign_requests(visit.requests, visit.base) == []


@pytest.fixture
def phone(browser: Browser, server: str) -> Iterator[Visit]:
    visit, context = new_visit(browser, server, *PHONE)
    yield visit
    context.close()
    assert foreign_requests(visit.requests, visit.base) == []


def test_home_page_loads_without_console_errors(visit: Visit) -> None:
    visit.open()
    expect(visit.page.locator("h1")).to_have_text(heading("Product vs Project"))
    visit.page.wait_for_load_state("networkidle")
    assert visit.errors == []


def follow(visit: Visit, section: str, name: str | None = None) -> None:
    """Go to a section's first page, or to the page `name` in it, as a reader would: with the
    tabs and the sidebar on a desktop, through the drawer and the section's pane on a phone."""
    page = visit.page
    menu = page.locator("label.md-header__button[for='__drawer']")
    target = name or section
    if menu.is_visible():
        menu.click()
        drawer = page.locator("nav.md-nav--primary")
        item = drawer.locator("li.md-nav__item--nested").filter(
            has=page.locator("label.md-nav__link", has_text=section)
        )
        item.first.locator("label.md-nav__link").first.click()
        # The section's pane slides over the drawer: only its links are on screen now; the first is its own page.
        pane = item.first.locator("nav a.md-nav__link").locator("visible=true")
        (pane.get_by_text(name, exact=True) if name else pane).first.click()
    else:
        page.locator(".md-tabs").get_by_role("link", name=section, exact=True).click()
        if name:
            page.locator("nav.md-nav--primary").get_by_role("link", name=name, exact=True).first.click()
    expect(page.locator("h1")).to_contain_text(target, ignore_case=True)  # "What does a product manager do?"


@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda role: role.id)
def test_each_role_page_is_reachable_through_the_navigation(visit: Visit, role) -> None:
    visit.open()
    follow(visit, "The roles", role.name)
    assert visit.page.url == visit.base + page_url(role_page(role.id))
    assert visit.errors == []


@pytest.mark.parametrize("path", SITE_URLS, ids=lambda path: path or "home")
def test_no_page_scrolls_sideways_on_a_phone(phone: Visit, path: str) -> None:
    """Only code blocks and tab strips may scroll sideways at 390 px; the page itself never."""
    phone.open(path)
    phone.page.wait_for_load_state("networkidle")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE[0], path
    wide = phone.page.evaluate(
        """() => [...document.querySelectorAll('article *')]
            .filter(el => el.scrollWidth > el.clientWidth + 1)
            .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
            .filter(el => !el.closest(
                'pre, .tabbed-labels, .md-typeset__scrollwrap:has(> .md-typeset__table > table:not([data-stack]))'))
            .map(el => el.tagName + '.' + el.className)"""
    )
    assert wide == [], f"{path}: boxes that scroll sideways: {wide}"
    assert phone.errors == []


def test_a_comparison_on_a_phone_keeps_each_dimension_with_its_values(phone: Visit) -> None:
    phone.open("compare/")
    phone.page.evaluate("document.querySelectorAll('article details').forEach(box => { box.open = true; })")
    comparison = phone.page.locator("table[data-stack]", has=phone.page.locator("thead th", has_text="Dimension"))
    row = comparison.first.locator("tbody tr").first
    header, first_cell = row.locator("th[scope='row']"), row.locator("td").first
    expect(header).to_be_visible()
    heading, cell = header.bounding_box(), first_cell.bounding_box()
    assert heading["y"] + heading["height"] <= cell["y"] + 1  # stacked: the dimension above, covering nothing
    assert cell["width"] > 300  # each value has the width of the screen
    label = phone.page.evaluate("td => getComputedStyle(td, '::before').content", first_cell.element_handle())
    assert label.strip('"') == GUIDE.roles[0].name  # each value says whose it is
    # Scrolled past the row's start, the dimension stays in view, just below the site's header.
    row.evaluate("tr => window.scrollTo(0, tr.getBoundingClientRect().top + scrollY + 150)")
    bar = phone.page.locator(".md-header").bounding_box()
    assert header.bounding_box()["y"] == pytest.approx(bar["y"] + bar["height"], abs=2)


def test_handoff_diagram_is_an_inline_svg_of_every_role_and_step_with_no_script(visit: Visit, browser: Browser) -> None:
    # Drawn at build time: without JavaScript the page shows the same drawing, every step a link.
    context = browser.new_context(java_script_enabled=False, viewport=visit.page.viewport_size)
    static = context.new_page()
    static.goto(visit.base + "handoff/")
    expect(static.locator("figure.pvp-diagram svg:visible a")).to_have_count(len(GUIDE.handoff.steps))
    context.close()
    visit.open("handoff/")
    visit.page.wait_for_load_state("networkidle")
    svg = visit.page.locator("figure.pvp-diagram svg:visible")
    expect(svg).to_have_count(1)
    expect(svg.locator("title")).to_have_text(GUIDE.handoff.title)
    links = svg.locator("a")
    expect(links).to_have_count(len(GUIDE.handoff.steps))
    for number, (step, link) in enumerate(zip(GUIDE.handoff.steps, links.all(), strict=True), 1):
        # Named by what it shows: the number, on a phone the role, then the title.
        expect(link).to_have_accessible_name(re.compile(rf"^{number} (.+ )?{re.escape(step.title)}$"))
        assert link.get_attribute("href") == f"#step-{step.id}"
    drawn = svg.text_content()
    for role in {step.owner for step in GUIDE.handoff.steps}:
        assert GUIDE.role(role).name in drawn or visit.page.viewport_size["width"] > PHONE[0]
    legend = visit.page.locator("figure.pvp-diagram .pvp-legend").text_content()
    for role in {step.owner for step in GUIDE.handoff.steps}:
        assert GUIDE.role(role).name in legend
    if visit.page.viewport_size["width"] == PHONE[0]:
        smallest = visit.page.evaluate(
            """svg => Math.min(...[...svg.querySelectorAll('text')].map(t =>
                parseFloat(getComputedStyle(t).fontSize)
                * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width))""",
            svg.element_handle(),
        )
        assert smallest >= 12, f"text as small as {smallest:.1f} px on a phone"
    links.first.click()
    assert visit.page.url.endswith(f"#step-{GUIDE.handoff.steps[0].id}")
    assert visit.errors == []


def test_the_self_check_keeps_its_key_hidden_answers_and_leads_on(phone: Visit) -> None:
    phone.open("careers/")
    check = phone.page.locator(".pvp-check[data-pvp-store='selfcheck']")
    status = check.locator(".pvp-check__status")
    expect(status).to_have_attribute("role", "status")
    expect(check.locator(".pvp-check__key").first).to_be_hidden()  # the statements do not give the answer away
    leaning = GUIDE.selfcheck[0].leans
    other = next(s.leans for s in GUIDE.selfcheck if s.leans != leaning)
    statements = [s for s in GUIDE.selfcheck if s.leans == leaning][:2] + [
        next(s for s in GUIDE.selfcheck if s.leans == other)
    ]
    for statement in statements:
        check.locator("label", has_text=statement.text).click()  # anywhere on the statement, not just the box
    role, second = GUIDE.role(leaning), GUIDE.role(other)
    expect(status).to_contain_text(f"lean towards the {role.mid_sentence} (2 of 3)")
    expect(status).to_be_in_viewport()  # the result stays in view, not below the list
    first_id, second_id = sorted((role.id, second.id))
    expect(status.get_by_role("link", name=role.mid_sentence, exact=True)).to_have_attribute(
        "href", re.compile(rf"roles/{role.id}/")
    )
    expect(status.locator(f"a[href*='compare/{first_id}-vs-{second_id}/']")).to_have_count(1)
    phone.page.reload()
    expect(status).to_contain_text(f"lean towards the {role.mid_sentence} (2 of 3)")
    expect(check.locator("input:checked")).to_have_count(3)
    check.get_by_role("button", name="Clear my ticks").click()
    expect(check.locator("input:checked")).to_have_count(0)
    assert phone.page.evaluate("localStorage.getItem('pvp:selfcheck')") == "[]"


def test_the_self_check_reads_as_a_list_with_its_key_without_javascript(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": PHONE[0], "height": PHONE[1]})
    page = context.new_page()
    page.goto(server + "careers/")
    items = page.locator(".pvp-check[data-pvp-store='selfcheck'] li")
    expect(items).to_have_count(len(GUIDE.selfcheck))
    expect(items.first.locator(".pvp-check__key")).to_be_visible()
    expect(page.locator(".pvp-check__status").first).to_be_hidden()
    context.close()


def test_the_handoff_checklist_counts_names_what_is_open_and_keeps_its_ticks(phone: Visit) -> None:
    phone.open("handoff/")
    check = phone.page.locator(".pvp-check[data-pvp-store='handoff-checklist']")
    status = check.locator(".pvp-check__status")
    total = len(GUIDE.handoff.checklist)
    expect(status).to_contain_text(f"0 of {total} ticked.")
    for item in GUIDE.handoff.checklist[:3]:
        check.locator("label", has_text=item.text).click()
    expect(status).to_contain_text(f"3 of {total} ticked.")
    expect(status).to_contain_text(GUIDE.handoff.checklist[3].text)  # still open, by name
    expect(status).not_to_contain_text(GUIDE.handoff.checklist[0].text)
    phone.page.reload()
    expect(status).to_contain_text(f"3 of {total} ticked.")


def test_an_abbreviation_spells_itself_out_when_tapped_or_focused(visit: Visit) -> None:
    visit.open("reference/faq/")
    abbreviation = visit.page.locator("article abbr[tabindex]").locator("visible=true").first
    meaning = abbreviation.get_attribute("title")
    after = "el => getComputedStyle(el, '::after').content"
    assert abbreviation.evaluate(after) == "none"
    abbreviation.click()
    expect(abbreviation).to_be_focused()
    assert abbreviation.evaluate(after) == f'" ({meaning})"'
    visit.page.keyboard.press("Tab")
    assert abbreviation.evaluate(after) == "none"


def test_a_reference_opens_in_place_with_its_source_place_and_quoted_words(visit: Visit) -> None:
    visit.open("roles/product-owner/")
    button = visit.page.locator("article .pvp-ref").first
    button.scroll_into_view_if_needed()
    before = visit.page.evaluate("window.scrollY")
    button.click()  # a tap: test_a_reference_opens_on_a_tap
    popover = visit.page.locator(".pvp-ref__pop:popover-open")
    expect(popover).to_have_count(1)
    expect(popover).to_be_in_viewport()
    expect(popover).to_contain_text("Scrum Guide")
    expect(popover.locator("q").first).not_to_be_empty()
    opener = popover.locator("a[href*=':~:text=']").first
    expect(opener).to_have_attribute("href", re.compile(r"#:~:text="))
    assert visit.page.evaluate("window.scrollY") == before  # the reader stays at the sentence
    visit.page.keyboard.press("Escape")
    expect(visit.page.locator(".pvp-ref__pop:popover-open")).to_have_count(0)
    # From the keyboard: focus the number, open it with Enter.
    button.focus()
    visit.page.keyboard.press("Enter")
    expect(visit.page.locator(".pvp-ref__pop:popover-open")).to_have_count(1)
    assert visit.errors == []


def test_a_reference_opens_on_a_tap(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "compare/product-manager-vs-project-manager/")
    button = page.locator("article .pvp-ref").nth(2)
    button.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    button.tap()
    expect(page.locator(".pvp-ref__pop:popover-open")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") == before
    context.close()


@pytest.mark.parametrize(
    ("path", "question", "answer"),
    [
        ("", "article h2", "article h2 + p"),
        ("roles/product-owner/", "article h1", "article h1 + p"),
        ("compare/product-manager-vs-project-manager/", "article h1", "article h1 + p"),
        ("compare/", "article h1", "article h1 + p"),
        ("careers/", "article h1", "article h1 + p"),
        ("compare/raci/", "article h1", "article h1 + p"),
        # The FAQ's first screen is its questions, each a link to its answer.
        ("reference/faq/", "article h1", ".pvp-questions li a"),
    ],
)
def test_on_a_phone_the_first_screen_holds_the_question_and_its_answer_and_references_stay_short(
    phone: Visit, path: str, question: str, answer: str
) -> None:
    phone.open(path)
    page = phone.page
    asked = page.locator(question).first
    expect(asked).to_be_in_viewport()
    if path != "reference/faq/":
        expect(asked).to_contain_text("?")
    box = page.locator(answer).first.bounding_box()
    assert box is not None and box["y"] < PHONE[1] * 0.8, f"{path}: the answer starts at {box}"
    references = page.locator("article details.pvp-references")
    if references.count():
        expect(references).not_to_have_attribute("open", "")
        share = page.evaluate(
            """() => { const d = document.querySelector('article details.pvp-references');
                       const h = document.querySelector('#references');
                       return (d.getBoundingClientRect().height + h.getBoundingClientRect().height)
                              / document.querySelector('article').getBoundingClientRect().height; }"""
        )
        assert share <= 0.10, f"{path}: references take {share:.0%} of the page's height"


def test_on_a_phone_a_pair_page_shows_its_table_within_two_screens(phone: Visit) -> None:
    for first, second in (("product-manager", "project-manager"), ("delivery-manager", "scrum-master")):
        phone.open(f"compare/{first}-vs-{second}/")
        top = phone.page.evaluate("document.querySelector('article table').getBoundingClientRect().top + scrollY")
        assert top < 2 * PHONE[1], f"{first} vs {second}: the table starts at {top:.0f} px"


def test_the_quiz_scores_and_explains_each_answer(phone: Visit) -> None:
    phone.open("compare/quiz/")
    quiz = phone.page.locator(".pvp-quiz")
    items = quiz.locator(".pvp-quiz__item")
    assert items.count() >= 12
    score = quiz.locator(".pvp-quiz__score")
    first = items.nth(0)
    right = first.get_attribute("data-answer")
    first.locator(f"button[data-party='{right}']").click()
    expect(first.locator("details")).to_have_attribute("open", "")
    expect(first.locator("details .pvp-ref").first).to_be_visible()  # each answer is cited
    second = items.nth(1)
    wrong = second.locator(f"button:not([data-party='{second.get_attribute('data-answer')}'])").first
    wrong.click()
    expect(wrong).to_have_class(re.compile("pvp-quiz__option--wrong"))
    expect(second.locator(".pvp-quiz__option--right")).to_have_count(1)
    expect(score).to_contain_text(f"1 right out of 2 answered, of {items.count()} questions")
    assert phone.errors == []


# Records every layout shift from the first paint on, as Lighthouse's CLS audit counts them.
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => {
  if (!entry.hadRecentInput) window.__shifts.push(entry.value);
})).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("path", ["compare/quiz/", "careers/", "handoff/", "roles/product-manager/"])
def test_nothing_moves_on_a_phone_when_the_page_scripts_run(phone: Visit, path: str) -> None:
    """The quiz, the self-check and the checklists are laid out before their scripts run, so the
    page does not jump under a reader's thumb (Lighthouse's budget for a good page is 0.1)."""
    phone.page.add_init_script(RECORD_SHIFTS)
    phone.open(path)
    phone.page.wait_for_load_state("networkidle")
    phone.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    if path == "compare/quiz/":  # the script has run: the options are buttons
        expect(phone.page.locator(".pvp-quiz__option").first).to_be_visible()
    shift = sum(phone.page.evaluate("window.__shifts"))
    assert shift < 0.01, f"{path}: layout shift {shift:.3f} as the page loads"


def test_the_quiz_reads_without_javascript(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": PHONE[0], "height": PHONE[1]})
    page = context.new_page()
    page.goto(server + "compare/quiz/")
    item = page.locator(".pvp-quiz__item").first
    expect(item.locator(".pvp-quiz__options li").first).to_be_visible()
    answer = item.locator("details")
    expect(answer).not_to_have_attribute("open", "")
    answer.locator("summary").click()
    expect(answer).to_have_attribute("open", "")
    context.close()


@pytest.mark.parametrize(
    ("query", "lands"),
    [
        ("RACI", "compare/raci/"),
        ("PMP or CSPO", "reference/faq/"),
        ("does a team need a project manager", "reference/faq/"),
        ("product owner vs product manager", "compare/product-manager-vs-product-owner/"),
    ],
)
def test_a_readers_own_words_find_the_answering_page_first(visit: Visit, query: str, lands: str) -> None:
    visit.open()
    visit.search(query)
    first = visit.page.locator(".md-search-result__item .md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(re.escape(lands)))


@pytest.mark.parametrize(
    ("query", "lands"), [("acceptance criteria", "reference/faq/"), ("increment", "reference/glossary/")]
)
def test_search_leads_to_a_single_answer_or_term(visit: Visit, query: str, lands: str) -> None:
    visit.open()
    visit.search(query)
    # A result for one answer or term, not the whole page: its address ends in that entry's anchor.
    results = visit.page.locator(f".md-search-result__link[href*='{lands}?h='][href*='#']")
    expect(results.first).to_be_visible()
    expect(visit.page.locator(".md-search-result mark").first).to_contain_text(query.split()[0], ignore_case=True)


def test_long_pages_have_a_table_of_contents_on_a_phone(phone: Visit) -> None:
    for path in ("compare/", "handoff/", "roles/"):
        phone.open(path)
        phone.page.locator("label.md-header__button[for='__drawer']").click()
        # The drawer opens on the page's own entry; a tap on it unfolds the page's contents.
        phone.page.locator("nav.md-nav--primary label[for='__toc']").locator("visible=true").first.click()
        toc = phone.page.locator("nav.md-nav--secondary").locator("visible=true").first
        expect(toc).to_be_visible()
        first_heading = phone.page.locator("article h2").first.get_attribute("id")
        expect(toc.locator(f"a[href$='#{first_heading}']")).to_be_visible()


def test_instant_navigation_keeps_the_checklists_working(visit: Visit) -> None:
    visit.open()
    follow(visit, "The handoff")
    check = visit.page.locator(".pvp-check[data-pvp-store='handoff-checklist']")
    expect(check.locator(".pvp-check__status")).to_be_visible()
    assert visit.errors == []


def test_searching_and_switching_palette_stay_on_the_site(visit: Visit) -> None:
    visit.open("handoff/")
    scheme = visit.page.locator("body").get_attribute("data-md-color-scheme")
    visit.page.locator("label[title^='Switch to']:visible").click()
    expect(visit.page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    visit.search("scope")
    expect(visit.page.locator(".md-search-result__item").first).to_be_visible()
    visit.page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("device", ["light", "dark"])
def test_the_palette_follows_the_device_until_the_reader_chooses(browser: Browser, server: str, device: str) -> None:
    """A first visit shows the device's palette, from the first paint; a reader's choice holds on the next page."""
    other = {"light": "dark", "dark": "light"}[device]
    scheme = {"light": "default", "dark": "slate"}
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, color_scheme=device)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Read as soon as the page is parsed, before Material's and the site's deferred scripts run.
    page.add_init_script(
        "document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive')"
        " window.__schemeAtParse = document.body.getAttribute('data-md-color-scheme') })"
    )
    page.goto(server + "roles/")
    body = page.locator("body")
    assert page.evaluate("window.__schemeAtParse") == scheme[device]
    expect(body).to_have_attribute("data-md-color-scheme", scheme[device])
    # Scrollbars and form controls in the same palette.
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == device
    page.emulate_media(color_scheme=other)  # the reader has not chosen: follow the device
    expect(body).to_have_attribute("data-md-color-scheme", scheme[other])
    page.emulate_media(color_scheme=device)
    expect(body).to_have_attribute("data-md-color-scheme", scheme[device])
    page.locator("label[title^='Switch to']:visible").click()  # the reader chooses
    expect(body).to_have_attribute("data-md-color-scheme", scheme[other])
    expect(body).not_to_have_attribute("data-md-color-switching", "")
    page.goto(server + "compare/")
    expect(body).to_have_attribute("data-md-color-scheme", scheme[other])
    expect(page.locator("label[title^='Switch to']:visible")).to_have_count(1)
    assert errors == []
    context.close()


def test_instant_navigation_works_under_make_serve_on_a_port_other_than_80(browser: Browser, tmp_path) -> None:
    """`make serve` runs on port 8000; Material's instant navigation must keep working there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        for line in server.stdout:
            if "Serving on" in line:
                address = line.split("Serving on", 1)[1].strip()
                break
            assert time.monotonic() < deadline, "mkdocs serve did not start"
        page = browser.new_page()
        page.goto(address)
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__pvpStayed = true")  # lost if the next page is a full load
        page.locator("a[href$='roles/']").first.click()
        page.wait_for_url("**/roles/")
        expect(page.locator("article h1")).to_contain_text("?")
        assert page.evaluate("window.__pvpStayed === true"), "the page was loaded in full: instant navigation is off"
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
