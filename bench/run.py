"""Speed, weight and quality budgets, measured against stock Material: `make bench`.

Four parts, each against its budget:

1. build: the project's strict build (`python -m mkdocs build --strict`, as `make build`
   runs it, without LINKCHECK) against a generated stock Material project with as many
   pages (bench/stock.py), alternating, 5 fresh processes each: the ratio of the medians.
2. curve: strict builds of copies of the project with 6, 12 and 24 roles (bench/roles.py),
   3 each, beside stock builds with as many pages: seconds per page and the ratio.
3. serve: `mkdocs serve --livereload` on a copy of the project; the time from saving a
   data file to the rebuild's log lines (bench/preview.py), 3 times.
4. lighthouse: the stock page, then every page of the project's build, served with gzip,
   Lighthouse once each in the same loop (bench/lighthouse.py): scores, weight, TBT and
   LCP, each page against the stock page.

    python bench/run.py                          # all four; writes bench/REPORT.md
    python bench/run.py --only build,curve,serve  # the fast parts; prints the report only
    python bench/run.py --only lighthouse --pages /,/roles/ --report /tmp/r.md

Prints a Markdown report (and writes it to bench/REPORT.md when every part ran, or to
--report) and exits 1 if any budget fails, 2 if a part could not be measured. KB means
1000 bytes throughout. Nothing here imports the project's own Python (hooks/, scripts/).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import itertools
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import lighthouse
import preview
import roles
import stock
from common import KB, ROOT, BenchError, chromium_path, copy_project, sitemap_pages, strict_build
from lighthouse import CATEGORIES, SEARCH_INDEX, PageResult

REPORT_FILE = ROOT / "bench" / "REPORT.md"
PARTS = ("build", "curve", "serve", "lighthouse")

BUILD_RUNS = 5
BUILD_RATIO_BUDGET = 2.0  # project / stock Material, medians, same number of pages
CURVE_ROLES = (6, 12, 24)  # 6: the project as it is
CURVE_RUNS = 3
CURVE_RATIO_BUDGET = 2.0  # at the most roles
PREVIEW_DATA_FILE = "data/glossary.yml"
PREVIEW_RUNS = 3
# Lighthouse's scores vary from run to run on one machine; its documentation
# (docs/variability.md) advises several runs. The report keeps each page's median run.
LIGHTHOUSE_RUNS = 3
PREVIEW_BUDGET_S = 2.0  # from saving a data file to the browser's reload, median
WEIGHT_MARGIN_KB = 30  # first visit, gzip: each page at most the stock page's weight + this
SCORE_BUDGET = 100  # accessibility, best practices, SEO; performance: at least the stock page's
SEARCH_INDEX_BUDGET_KB = 60  # gzip-compressed, as the server sends it
SHOWN_DETAILS = 8  # rows of an audit's details shown per page; Lighthouse's own report has them all


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- 1 and 2: builds against stock Material -------------------------------------------------


@dataclass
class Comparison:
    """Strict builds of a project and of a stock Material project with as many pages, alternating."""

    label: str
    pages: int
    project_s: list[float] = field(default_factory=list)
    stock_s: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return median(self.project_s) / median(self.stock_s)


def compare_builds(label: str, project_dir: Path, scratch: Path, runs: int) -> tuple[Comparison, Path, Path]:
    """`runs` strict builds of project_dir and of a stock project with as many pages as its build writes,
    alternating, each a fresh process. Returns the times, the project's last build and the stock's."""
    project_site, stock_site = scratch / "project-site", scratch / "stock-site"
    progress(f"{label}: build 1/{runs}")
    first = strict_build(project_dir, project_site)
    comparison = Comparison(label, len(sitemap_pages(project_site)), [first])
    stock_dir = stock.write_stock_project(scratch / "stock", comparison.pages)
    for run in range(1, runs + 1):
        if run > 1:
            progress(f"{label}: build {run}/{runs}")
            comparison.project_s.append(strict_build(project_dir, project_site))
        progress(f"{label}: stock Material, {comparison.pages} pages, build {run}/{runs}")
        comparison.stock_s.append(strict_build(stock_dir, stock_site))
    stock_pages = len(sitemap_pages(stock_site))
    if stock_pages != comparison.pages:
        raise BenchError(f"The stock build wrote {stock_pages} pages, not {comparison.pages}")
    return comparison, project_site, stock_site


def measure_curve(scratch: Path) -> list[Comparison]:
    points = []
    for count in CURVE_ROLES:
        project = copy_project(scratch / f"roles-{count}" / "project")
        roles.add_roles(project, count)
        comparison, _, _ = compare_builds(f"{count} roles", project, scratch / f"roles-{count}", CURVE_RUNS)
        points.append(comparison)
    return points


# --- 4: Lighthouse ----------------------------------------------------------------------------


@dataclass
class LighthouseRun:
    stock: PageResult
    pages: list[PageResult]
    index_bytes: int  # the project's search index, gzip, as the server sends it
    stock_index_bytes: int

    def perf_passed(self, page: PageResult) -> bool:
        ours, theirs = page.scores["performance"], self.stock.scores["performance"]
        return ours is not None and theirs is not None and ours >= theirs

    def weight_passed(self, page: PageResult) -> bool:
        return page.page_bytes <= self.stock.page_bytes + WEIGHT_MARGIN_KB * KB

    def total_passed(self, page: PageResult) -> bool:
        return page.total_bytes <= self.stock.total_bytes + WEIGHT_MARGIN_KB * KB

    @staticmethod
    def score_passed(page: PageResult, category: str) -> bool:
        return page.scores[category] == SCORE_BUDGET

    def failures(self, page: PageResult) -> list[str]:
        failed = ["Performance"] * (not self.perf_passed(page))
        failed += [CATEGORIES[c] for c in list(CATEGORIES)[1:] if not self.score_passed(page, c)]
        failed += ["weight"] * (not self.weight_passed(page))
        return failed + ["weight with search index"] * (not self.total_passed(page))


def lighthouse_tools() -> str:
    """The Chromium to run Lighthouse in; BenchError saying what to do when it or Lighthouse is missing."""
    if not lighthouse.LIGHTHOUSE.is_file():
        raise BenchError("Lighthouse is not installed: `make bench` installs it (npm ci --prefix bench).")
    chromium = chromium_path()
    if chromium is None:
        raise BenchError("Lighthouse needs Chromium: apt-get install chromium (or set CHROMIUM to one).")
    return chromium


def measure_lighthouse(project_site: Path, stock_site: Path, chromium: str, only_pages: list[str]) -> LighthouseRun:
    """Lighthouse on the stock page first, then on every project page, one after another in one loop
    (side by side they slow each other), each site from its own local gzip server."""
    url_paths = sitemap_pages(project_site)
    if only_pages:
        wanted = {page.lstrip("/") for page in only_pages}
        unknown = sorted(wanted - set(url_paths))
        if unknown:
            raise BenchError(f"No such page in the build: {', '.join('/' + page for page in unknown)}")
        url_paths = [page for page in url_paths if page in wanted]
    with lighthouse.serve(stock_site) as stock_base, lighthouse.serve(project_site) as project_base:
        targets = [(stock_base, stock_site, stock.typical_page(), "stock ")]
        targets += [(project_base, project_site, url_path, "") for url_path in url_paths]
        runs: list[list[lighthouse.PageResult]] = [[] for _ in targets]
        # Round after round over every page, so that a slow spell of the machine falls on all pages alike.
        for round_number in range(1, LIGHTHOUSE_RUNS + 1):
            for number, (base, site, url_path, prefix) in enumerate(targets, 1):
                progress(
                    f"Lighthouse round {round_number}/{LIGHTHOUSE_RUNS}, {number}/{len(targets)}: {prefix}/{url_path}"
                )
                lhr = lighthouse.run_lighthouse(base + url_path, chromium)
                runs[number - 1].append(lighthouse.measure_page(lhr, f"{prefix}/{url_path}", site))
        results = [lighthouse.median_run(page_runs) for page_runs in runs]
    return LighthouseRun(
        results[0],
        results[1:],
        lighthouse.body_bytes(project_site, SEARCH_INDEX),
        lighthouse.body_bytes(stock_site, SEARCH_INDEX),
    )


# --- Budgets ------------------------------------------------------------------------------------


@dataclass
class Budget:
    name: str
    limit: str
    measured: str
    passed: bool


@dataclass
class Results:
    parts: list[str]
    load_average: tuple[float, float, float]
    build: Comparison | None = None
    curve: list[Comparison] | None = None
    rebuilds: list[float] | None = None  # seconds from a save to the reload
    index_bytes: int | None = None  # the project's search index
    lighthouse: LighthouseRun | None = None
    chromium: str | None = None
    errors: dict[str, str] = field(default_factory=dict)  # by part: why it could not be measured


def budgets(results: Results) -> list[Budget]:
    found = [
        Budget(f"Part `{part}` measured", "no error", f"could not: {first_line(error)}", False)
        for part, error in results.errors.items()
    ]
    if results.build:
        build = results.build
        found.append(
            Budget(
                "Strict build time, project / stock Material (same pages, medians)",
                f"≤ {BUILD_RATIO_BUDGET:.1f}",
                f"{build.ratio:.2f} ({median(build.project_s):.2f} s / {median(build.stock_s):.2f} s)",
                build.ratio <= BUILD_RATIO_BUDGET,
            )
        )
    if results.curve:
        last = results.curve[-1]
        found.append(
            Budget(
                f"Strict build time at {CURVE_ROLES[-1]} roles, project / stock Material",
                f"≤ {CURVE_RATIO_BUDGET:.1f}",
                f"{last.ratio:.2f} ({median(last.project_s):.2f} s / {median(last.stock_s):.2f} s, {last.pages} pages)",
                last.ratio <= CURVE_RATIO_BUDGET,
            )
        )
    if results.rebuilds:
        reload_s = median(results.rebuilds)
        found.append(
            Budget(
                f"Preview: saving {PREVIEW_DATA_FILE} to the browser's reload (median)",
                f"< {PREVIEW_BUDGET_S:.1f} s",
                f"{reload_s:.2f} s",
                reload_s < PREVIEW_BUDGET_S,
            )
        )
    if results.index_bytes is not None:
        found.append(
            Budget(
                "Search index, gzip",
                f"< {SEARCH_INDEX_BUDGET_KB} KB",
                f"{kb(results.index_bytes)} KB",
                results.index_bytes < SEARCH_INDEX_BUDGET_KB * KB,
            )
        )
    if results.lighthouse:
        found += lighthouse_budgets(results.lighthouse)
    return found


def lighthouse_budgets(run: LighthouseRun) -> list[Budget]:
    pages, stock_page = run.pages, run.stock
    count = f"of {len(pages)} pages"

    def worst(key: Callable[[PageResult], float]) -> PageResult:
        return max(pages, key=key)

    slowest = worst(lambda p: -(p.scores["performance"] or 0))
    found = [
        Budget(
            "Lighthouse performance, every page",
            f"≥ stock page ({stock_page.scores['performance']})",
            f"lowest {slowest.scores['performance']} ({slowest.label}); "
            f"{sum(not run.perf_passed(p) for p in pages)} {count} below",
            all(run.perf_passed(p) for p in pages),
        )
    ]
    for budget_name, size, passed, stock_size in (
        ("search index left out", lambda p: p.page_bytes, run.weight_passed, stock_page.page_bytes),
        ("search index included", lambda p: p.total_bytes, run.total_passed, stock_page.total_bytes),
    ):
        heaviest = worst(size)
        found.append(
            Budget(
                f"First-visit weight, gzip, {budget_name}, every page",
                f"≤ stock + {WEIGHT_MARGIN_KB} KB ({kb(stock_size + WEIGHT_MARGIN_KB * KB)} KB)",
                f"heaviest {kb(size(heaviest))} KB ({heaviest.label}), {signed_kb(size(heaviest) - stock_size)} "
                f"on stock; {sum(not passed(p) for p in pages)} {count} over",
                all(passed(p) for p in pages),
            )
        )
    for category in list(CATEGORIES)[1:]:
        lowest = worst(lambda p, c=category: -(p.scores[c] or 0))
        failed = sum(not run.score_passed(p, category) for p in pages)
        found.append(
            Budget(
                f"Lighthouse {CATEGORIES[category]}, every page",
                f"= {SCORE_BUDGET}",
                f"{SCORE_BUDGET} on all {len(pages)} pages"
                if not failed
                else f"lowest {lowest.scores[category]} ({lowest.label}); {failed} {count} below",
                not failed,
            )
        )
    return found


# --- Report -----------------------------------------------------------------------------------


def first_line(text: str, limit: int = 200) -> str:
    line = next((line for line in text.splitlines() if line.strip()), "")
    return (line if len(line) <= limit else line[: limit - 1] + "…").replace("|", "\\|")


def verdict(passed: bool) -> str:
    return "PASS" if passed else "**FAIL**"


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def signed_kb(size: int) -> str:
    return f"{size / KB:+.1f} KB"


def marked(text: str, passed: bool) -> str:
    """A table cell, in bold when it is over budget."""
    return text if passed else f"**{text}**"


def command_output(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def machine_facts(results: Results) -> list[str]:
    versions = ", ".join(
        f"{name} {importlib.metadata.version(package)}"
        for name, package in (("MkDocs", "mkdocs"), ("Material", "mkdocs-material"))
    )
    facts = [
        f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
        # Other work on the machine slows every timing: this says how busy it was.
        "- Load average at start (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in results.load_average),
        f"- Python {platform.python_version()}, {versions}",
        f"- Parts run: {', '.join(results.parts)}",
    ]
    run = results.lighthouse
    if run:
        settings, throttling = run.stock.settings, run.stock.settings["throttling"]
        benchmark = [page.benchmark_index for page in [run.stock, *run.pages]]
        facts += [
            f"- Node.js {command_output('node', '--version')}",
            f"- {command_output(results.chromium, '--version')} ({results.chromium}, headless)",
            f"- Lighthouse {run.stock.version}, {settings['formFactor']} preset (its default): "
            f"{settings['screenEmulation']['width']}x{settings['screenEmulation']['height']} screen, "
            f"{settings['throttlingMethod']}d throttling ({throttling['rttMs']:.0f} ms RTT, "
            f"{throttling['throughputKbps']:.0f} kbit/s, CPU slowed {throttling['cpuSlowdownMultiplier']:g}x); "
            f"{LIGHTHOUSE_RUNS} runs per page, in rounds, and of each page the run with the median performance "
            "score; first visit (fresh profile, empty cache)",
            # Lighthouse's scores move with the machine's speed, which it measures on every run.
            f"- Lighthouse's CPU benchmark index: median {median(benchmark):.0f} "
            f"(from {min(benchmark):.0f} to {max(benchmark):.0f})",
            "- Server: local, gzip level 6 for html/css/js/mjs/json/svg/xml; KB = 1000 bytes",
        ]
    return facts


def budget_table(found: list[Budget]) -> list[str]:
    rows = ["| Budget | Limit | Measured | Result |", "|---|---|---|---|"]
    rows += [f"| {b.name} | {b.limit} | {b.measured} | {verdict(b.passed)} |" for b in found]
    return rows


def runs_text(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def build_section(build: Comparison) -> list[str]:
    rows = [
        "## 1. Build time against stock Material",
        "",
        f"`python -m mkdocs build --strict` in a fresh process, {BUILD_RUNS} runs each, alternating project and "
        "stock. The project is built from its root, as `make build` does (without LINKCHECK); the stock "
        f"project has as many pages as the project's sitemap lists ({build.pages}).",
        "",
        "| Build | Pages | Median s | s per page | Runs (s) |",
        "|---|--:|--:|--:|---|",
    ]
    for name, times in (("This project", build.project_s), ("Stock Material", build.stock_s)):
        rows.append(
            f"| {name} | {build.pages} | {median(times):.2f} | {median(times) / build.pages:.3f} | {runs_text(times)} |"
        )
    rows += ["", f"Ratio project / stock: **{build.ratio:.2f}** (budget ≤ {BUILD_RATIO_BUDGET:.1f})."]
    return rows


def curve_section(curve: list[Comparison]) -> list[str]:
    rows = [
        "## 2. Role curve",
        "",
        "Copies of the project tree (no .git, so the last-updated dates fall back to the build date) with the "
        "role files of data/roles/ copied under new ids, names and texts until there are N roles; each built "
        f"strict {CURVE_RUNS} times, alternating with a stock Material build of as many pages.",
        "",
        "| Roles | Pages written | Median s | s per page | Stock median s | Stock s per page | Ratio | Runs (s) |",
        "|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for point in curve:
        ours, theirs = median(point.project_s), median(point.stock_s)
        rows.append(
            f"| {point.label.split()[0]} | {point.pages} | {ours:.2f} | {ours / point.pages:.3f} | {theirs:.2f} "
            f"| {theirs / point.pages:.3f} | {point.ratio:.2f} | {runs_text(point.project_s)} |"
        )
    rows += ["", f"Budget: ratio at {CURVE_ROLES[-1]} roles ≤ {CURVE_RATIO_BUDGET:.1f}."]
    return rows


def preview_section(rebuilds: list[float]) -> list[str]:
    rows = [
        "## 3. Preview rebuild",
        "",
        "`python -m mkdocs serve --livereload` on a copy of the project (with its .git), without LINKCHECK. "
        f"A first save of {PREVIEW_DATA_FILE}, untimed, until the file watcher has seen one; then in each run "
        'one more newline appended, timed from the write to MkDocs\' "Reloading browsers" log line; the file '
        "restored at the end.",
        "",
        '| Run | To "Reloading browsers" (s) |',
        "|--:|--:|",
    ]
    rows += [f"| {n} | {seconds:.2f} |" for n, seconds in enumerate(rebuilds, 1)]
    rows.append(f"| Median | {median(rebuilds):.2f} |")
    rows += ["", f"Budget: the reload, median, under {PREVIEW_BUDGET_S:.1f} s."]
    return rows


def delta(value: float | None, reference: float | None, fmt: str) -> str:
    """value with its difference to the stock page's, e.g. '97 (−1)'."""
    if value is None:
        return "n/a"
    if reference is None:
        return format(value, fmt)
    return f"{value:{fmt}} ({value - reference:+{fmt}})"


def lighthouse_table(run: LighthouseRun) -> list[str]:
    heads = [*CATEGORIES.values(), "KB page", "KB search index", "KB total", "TBT ms", "LCP ms"]
    rows = ["| Page | " + " | ".join(heads) + " | Result |", "|---|" + "--:|" * len(heads) + "---|"]
    stock_page = run.stock

    def cells(page: PageResult, reference: PageResult | None) -> list[str]:
        def cell(value: Callable[[PageResult], float | None], fmt: str) -> str:
            return delta(value(page), value(reference) if reference else None, fmt)

        return [
            *(cell(lambda p, c=c: p.scores[c], "d") for c in CATEGORIES),
            cell(lambda p: p.page_bytes / KB, ".1f"),
            cell(lambda p: p.index_bytes / KB, ".1f"),
            cell(lambda p: p.total_bytes / KB, ".1f"),
            cell(lambda p: p.tbt_ms, ".0f"),
            cell(lambda p: p.lcp_ms, ".0f"),
        ]

    rows.append(f"| *{stock_page.label}* (reference) | " + " | ".join(cells(stock_page, None)) + " | |")
    for page in run.pages:
        values = cells(page, stock_page)
        checks = [run.perf_passed(page)] + [run.score_passed(page, c) for c in list(CATEGORIES)[1:]]
        checks += [run.weight_passed(page), True, run.total_passed(page), True, True]
        values = [marked(v, ok) for v, ok in zip(values, checks, strict=True)]
        failures = run.failures(page)
        result = "PASS" if not failures else "**FAIL**: " + ", ".join(failures)
        rows.append(f"| {page.label} | " + " | ".join(values) + f" | {result} |")
    return rows


def lighthouse_section(run: LighthouseRun, index_bytes: int) -> list[str]:
    rows = [
        "## 4. Lighthouse, first visit, against stock Material",
        "",
        f"The stock page ({run.stock.label}, from the stock Material build of part 1) first, then every page of the "
        "project's build, in one loop, with the same flags. In brackets: the difference to the stock page.",
        "",
    ]
    rows += lighthouse_table(run)
    unseen = [page.label for page in [run.stock, *run.pages] if not page.index_seen]
    rows += [
        "",
        "Scores, TBT (total blocking time) and LCP are Lighthouse's. KB page: status line, headers and body (gzip",
        "for text) of every request Lighthouse saw but the search index; Lighthouse counts only the headers of",
        "the search worker's script, so its body is added as the server sent it. KB search index: Material's",
        "search worker fetches it on every first visit. KB total: both. Budgets: performance at least the",
        f"stock page's, KB page and KB total at most the stock page's + {WEIGHT_MARGIN_KB} KB, the other scores",
        f"{SCORE_BUDGET}. Over budget in **bold**.",
    ]
    if unseen:
        rows += [
            "",
            f"Lighthouse finished before the search index arrived on {len(unseen)} page(s) "
            f"({', '.join(unseen[:5])}{' …' if len(unseen) > 5 else ''}): it is counted as the server sends it.",
        ]
    rows += ["", "### Search index (gzip, as the server sends it)", ""]
    rows += search_index_table(index_bytes, run.stock_index_bytes)
    warned = [page for page in [run.stock, *run.pages] if page.warnings]
    if warned:
        rows += ["", "### Lighthouse's warnings", ""]
        rows += [f"- {page.label}: {warning}" for page in warned for warning in page.warnings]
    if any(page.shortfalls for page in [run.stock, *run.pages]):
        rows += [
            "",
            "### Below 100: what Lighthouse failed or flagged",
            "",
            "Per category below 100 (the stock page's too), each audit Lighthouse failed or flagged there.",
            "Weight 0: it explains the score (insights, diagnostics) rather than counting in it.",
        ]
        rows += shortfall_sections([run.stock, *run.pages])
    over = [page for page in run.pages if not run.total_passed(page) or not run.weight_passed(page)]
    if over:
        rows += ["", "### Over the weight budget: what was transferred"]
        for page in over:
            rows += heavy_files(page, run.stock)
    return rows


def search_index_table(index_bytes: int, stock_index_bytes: int | None) -> list[str]:
    rows = [
        "| Site | File | KB (gzip) | Budget KB | Result |",
        "|---|---|--:|--:|---|",
        f"| This project | {SEARCH_INDEX} | {kb(index_bytes)} | under {SEARCH_INDEX_BUDGET_KB} "
        f"| {verdict(index_bytes < SEARCH_INDEX_BUDGET_KB * KB)} |",
    ]
    if stock_index_bytes is not None:
        rows.append(f"| Stock Material (reference) | {SEARCH_INDEX} | {kb(stock_index_bytes)} | – | |")
    return rows


def shortfall_sections(pages: list[PageResult]) -> list[str]:
    """Each audit that cost points, once, with the pages where Lighthouse named the same things."""
    found = [(shortfall, page.label) for page in pages for shortfall in page.shortfalls]
    found.sort(key=lambda f: (list(CATEGORIES).index(f[0].category), -f[0].weight, f[0].audit_id))  # stable
    lines = []
    for _, same_audit in itertools.groupby(found, key=lambda f: (f[0].category, f[0].audit_id)):
        same_audit = list(same_audit)
        audit = same_audit[0][0]  # category, id, title and weight: the same throughout
        pages_by_finding: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for shortfall, label in same_audit:
            pages_by_finding.setdefault((shortfall.value, shortfall.details), []).append(label)
        lines += [
            "",
            f"#### {CATEGORIES[audit.category]}: `{audit.audit_id}`, {audit.title} (weight {audit.weight:g})",
            "",
        ]
        lines += ["| Pages | Value | What Lighthouse names |", "|---|---|---|"]
        for (value, details), labels in pages_by_finding.items():
            named = [d.replace("|", "\\|") for d in details[:SHOWN_DETAILS]]
            if len(details) > SHOWN_DETAILS:
                named.append(f"… and {len(details) - SHOWN_DETAILS} more")
            lines.append(f"| {', '.join(labels)} | {value} | {'<br>'.join(named)} |")
    return lines


def heavy_files(page: PageResult, stock_page: PageResult) -> list[str]:
    """Every file an over-budget page received, heaviest first, beside the stock page's, so the cause is plain."""
    rows = [
        "",
        f"#### {page.label}: {kb(page.page_bytes)} KB + search index {kb(page.index_bytes)} KB; "
        f"stock page {kb(stock_page.page_bytes)} KB + {kb(stock_page.index_bytes)} KB",
        "",
        "| File | KB transferred | Stock page: file | KB |",
        "|---|--:|---|--:|",
    ]
    ours = sorted(page.transfers, key=lambda t: (-t.wire_bytes, t.url_path))
    theirs = sorted(stock_page.transfers, key=lambda t: (-t.wire_bytes, t.url_path))
    for mine, other in itertools.zip_longest(ours, theirs):
        left = f"{mine.url_path} | {kb(mine.wire_bytes)}" if mine else " | "
        right = f"{other.url_path} | {kb(other.wire_bytes)}" if other else " | "
        rows.append(f"| {left} | {right} |")
    return rows


def report(results: Results, found: list[Budget]) -> str:
    lines = ["# Benchmark: build time, preview and Lighthouse against stock Material", ""]
    lines += ["Written by `make bench` (bench/run.py).", "", "## Budgets", ""]
    lines += budget_table(found)
    lines += ["", "## Machine", ""] + machine_facts(results)
    for part, error in results.errors.items():
        lines += ["", f"## Part `{part}`: could not be measured", "", "```text", error.rstrip(), "```"]
    if results.build:
        lines += ["", *build_section(results.build)]
    if results.curve:
        lines += ["", *curve_section(results.curve)]
    if results.rebuilds:
        lines += ["", *preview_section(results.rebuilds)]
    if results.lighthouse:
        lines += ["", *lighthouse_section(results.lighthouse, results.index_bytes)]
    elif results.index_bytes is not None:
        lines += ["", "## Search index (gzip, as the server sends it)", ""]
        lines += search_index_table(results.index_bytes, None)
    return "\n".join(lines).rstrip() + "\n"


# --- Main -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts to run, of {','.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="Lighthouse on these project pages only, comma-separated URL paths, e.g. /,/roles/ (default: all)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        help="write the report here (default: bench/REPORT.md when every part runs on every page, else nowhere)",
    )
    args = parser.parse_args(argv)
    args.parts = [part.strip() for part in args.only.split(",") if part.strip()]
    unknown = [part for part in args.parts if part not in PARTS]
    if unknown or not args.parts:
        parser.error(f"--only takes parts of {','.join(PARTS)}; not {','.join(unknown) or 'nothing'}")
    args.parts = [part for part in PARTS if part in args.parts]
    args.pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    if args.report is None and args.parts == list(PARTS) and not args.pages:
        args.report = REPORT_FILE
    return args


def measure(args: argparse.Namespace, scratch: Path) -> Results:
    """Every part asked for. A part that cannot be measured (a build that fails while someone edits
    the project, say) is recorded as an error, and the others still run."""
    results = Results(args.parts, os.getloadavg())
    sites: dict[str, Path] = {}

    def build() -> None:
        results.build, sites["project"], sites["stock"] = compare_builds(
            "This project", ROOT, scratch / "build", BUILD_RUNS
        )

    def curve() -> None:
        results.curve = measure_curve(scratch / "curve")

    def serve() -> None:
        progress(f"Preview: {PREVIEW_RUNS} rebuilds after saving {PREVIEW_DATA_FILE}")
        copy = copy_project(scratch / "preview", with_git=True)
        results.rebuilds = preview.measure_rebuilds(copy, PREVIEW_DATA_FILE, PREVIEW_RUNS)

    def lighthouse_part() -> None:
        results.chromium = lighthouse_tools()
        if "project" not in sites:  # built once each, untimed
            _, sites["project"], sites["stock"] = compare_builds("For Lighthouse", ROOT, scratch / "lighthouse", 1)
        results.lighthouse = measure_lighthouse(sites["project"], sites["stock"], results.chromium, args.pages)

    parts = {"build": build, "curve": curve, "serve": serve, "lighthouse": lighthouse_part}
    if "lighthouse" in args.parts:  # before the long parts: say at once what is missing
        try:
            lighthouse_tools()
        except BenchError as error:
            sys.exit(f"bench: {error}")
    for part in args.parts:
        try:
            parts[part]()
        except BenchError as error:
            progress(f"bench: {part}: {error}")
            results.errors[part] = str(error)
    if "project" in sites:
        results.index_bytes = lighthouse.body_bytes(sites["project"], SEARCH_INDEX)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        results = measure(args, Path(scratch))
    found = budgets(results)
    text = report(results, found)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    print(text)
    if results.errors:
        return 2
    return 0 if all(b.passed for b in found) else 1


if __name__ == "__main__":
    sys.exit(main())
