"""Speed, weight and quality budgets, measured: `make bench`.

Builds the site (strict) five times and times the project's hooks in-process, then
serves the build gzip-compressed as a real host would and runs Lighthouse (pinned in
bench/package.json, mobile preset) once on every page the build writes, on a first
visit. Lighthouse gives the four category scores, the largest contentful paint and
every request with the bytes it took.

Prints a Markdown report, writes it to bench/REPORT.md and exits non-zero if any
budget fails. KB means 1000 bytes throughout.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import http.server
import inspect
import io
import itertools
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import mkdocs
import mkdocs.commands.build
import mkdocs.config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from built_site import CHROMIUM_ARGS, chromium_path, page_url, site_pages  # noqa: E402 - needs the path above

CONFIG_FILE = ROOT / "mkdocs.yml"
HOOKS_DIR = ROOT / "hooks"
REPORT_FILE = ROOT / "bench" / "REPORT.md"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
SEARCH_INDEX = "search/search_index.json"  # fetched by Material in the background: budgeted on its own

BUILD_RUNS = 5
KB = 1000
SCORE_BUDGET = 100  # each Lighthouse category, on every page
PAGE_BUDGET_KB = 120  # first visit, search index left out
SEARCH_INDEX_BUDGET_KB = 60  # gzip-compressed, as the server sends it
LCP_BUDGET_MS = 2500  # "good" in Core Web Vitals, where Lighthouse's mobile LCP scoring is anchored
# Set for 13 pages; the site now writes 34, and the hook reads every claim back out of each
# page for the open data export. `make serve` rebuilds everything on each save: keep it brisk.
HOOK_SHARE_BUDGET = 0.15
BUILD_BUDGET_S = 5.0

CATEGORIES = {  # Lighthouse's id: the column's name
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
# Chromium resolves no host name but the local server's, so nothing it or the page asks of
# another host can wait on a closed network (it would look up accounts.google.com and
# clients2.google.com otherwise). Quoted so Lighthouse passes the rule on as one flag.
NO_HOST_NAMES = '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS, NO_HOST_NAMES])
LIGHTHOUSE_TIMEOUT_S = 300
# A metric's audit names nothing; Lighthouse names what it measured in another audit.
METRIC_EVIDENCE = {"largest-contentful-paint": "lcp-breakdown-insight", "total-blocking-time": "long-tasks"}
SHOWN_DETAILS = 8  # rows of an audit's details shown per page; Lighthouse's own report has them all


# --- Build --------------------------------------------------------------------------


@dataclass
class BuildTimes:
    wall_s: list[float]
    hook_share: list[float]
    hook_s_by_handler: dict[str, list[float]]

    @property
    def wall_passed(self) -> bool:
        return statistics.median(self.wall_s) <= BUILD_BUDGET_S

    @property
    def hooks_passed(self) -> bool:
        return statistics.median(self.hook_share) <= HOOK_SHARE_BUDGET


def strict_build(site_dir: Path) -> float:
    """`mkdocs build --strict` in a fresh process, as `make build` runs it; returns wall seconds."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"Strict build failed:\n{result.stderr}")
    return elapsed


def is_project_hook(handler: Callable) -> bool:
    try:
        return Path(inspect.getfile(handler)).resolve().is_relative_to(HOOKS_DIR)
    except TypeError:  # a builtin or other object without a source file
        return False


def timed(handler: Callable, spent: dict[str, float]) -> Callable:
    """`handler`, adding the seconds each call takes to spent[<module>.<function>]."""
    name = f"{Path(inspect.getfile(handler)).stem}.{handler.__name__}"
    spent.setdefault(name, 0.0)

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    return wrapper


def time_hooks_in_process(site_dir: Path) -> tuple[float, dict[str, float]]:
    """One strict build in this process with every hook handler timed: (total seconds, seconds by handler)."""
    spent: dict[str, float] = {}
    start = time.perf_counter()
    config = mkdocs.config.load_config(str(CONFIG_FILE), site_dir=str(site_dir), strict=True)
    for handlers in config.plugins.events.values():
        handlers[:] = [timed(h, spent) if is_project_hook(h) else h for h in handlers]
    mkdocs.commands.build.build(config)
    return time.perf_counter() - start, spent


def measure_builds(site_dir: Path) -> BuildTimes:
    """BUILD_RUNS subprocess builds for wall time, BUILD_RUNS in-process builds for the hooks' share.

    Each in-process build gets a fresh interpreter, as `mkdocs build` does: a warm
    one would keep the data the hooks cache between builds and flatter them.
    """
    wall = [strict_build(site_dir) for _ in range(BUILD_RUNS)]
    shares: list[float] = []
    by_handler: dict[str, list[float]] = {}
    fresh_process = multiprocessing.get_context("spawn")
    with (
        tempfile.TemporaryDirectory(prefix="bench-inproc-") as scratch,
        ProcessPoolExecutor(max_workers=1, mp_context=fresh_process, max_tasks_per_child=1) as pool,
    ):
        for _ in range(BUILD_RUNS):
            total, spent = pool.submit(time_hooks_in_process, Path(scratch)).result()
            shares.append(sum(spent.values()) / total)
            for name, seconds in spent.items():
                by_handler.setdefault(name, []).append(seconds)
    return BuildTimes(wall, shares, by_handler)


# --- Local server with gzip ---------------------------------------------------------------


COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory like a static host: text gzip-compressed when the client accepts it."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def send_head(self):
        path = file_for(Path(self.directory), self.path)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path is None or path.suffix not in COMPRESSIBLE or not accepts_gzip:
            return super().send_head()  # directory redirects, 404s, images, clients without gzip
        body = compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def file_for(site_dir: Path, url: str) -> Path | None:
    """The file a URL (or its path) names (index.html for a directory URL), or None if there is none."""
    url_path = unquote(urlsplit(url).path)
    path = site_dir / url_path.lstrip("/")
    if url_path.endswith("/"):
        path /= "index.html"
    return path if path.is_file() else None


@functools.cache
def compressed(path: Path, mtime_ns: int) -> bytes:
    """gzip at level 6, the usual default of static hosts; cached so compressing stays out of the timings."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def body_bytes(site_dir: Path, url_path: str) -> int:
    """The size of the body the server sends for a URL path (gzip for text), 0 if it has no such file."""
    path = file_for(site_dir, url_path)
    if path is None:
        return 0
    return len(compressed(path, path.stat().st_mtime_ns)) if path.suffix in COMPRESSIBLE else path.stat().st_size


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """The site on a free local port; yields its base URL."""
    handler = functools.partial(GzipHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- Lighthouse ---------------------------------------------------------------------------


def run_lighthouse(url: str, chromium: str) -> dict:
    """Lighthouse's result (its JSON report) for one page: mobile preset, fresh profile, empty cache."""
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--no-enable-error-reporting",  # no prompt on a terminal, no reports sent anywhere
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=LIGHTHOUSE_TIMEOUT_S,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr}")
    lhr = json.loads(result.stdout)
    if lhr.get("runtimeError"):
        sys.exit(f"Lighthouse could not measure {url}: {lhr['runtimeError']['message']}")
    return lhr


@dataclass(frozen=True)
class Transfer:
    url_path: str  # on the site, e.g. /assets/javascripts/bundle.min.js
    wire_bytes: int  # status line, headers and body (gzip for text)


@dataclass(frozen=True)
class Shortfall:
    """An audit Lighthouse failed or flagged in a category that scored below budget."""

    category: str
    audit_id: str
    title: str
    weight: float  # 0: it explains the score (insights, diagnostics) rather than counting in it
    value: str  # Lighthouse's display value, e.g. "440 ms"; may be empty
    details: tuple[str, ...]  # what Lighthouse names: elements, sources, messages


@dataclass
class PageResult:
    url_path: str  # relative to the site root, e.g. "roles/product-manager/"
    scores: dict[str, int | None]  # by category id; None when Lighthouse could not score it
    lcp_ms: float | None
    request_count: int
    transfers: list[Transfer]  # every request but the search index's
    shortfalls: list[Shortfall]
    warnings: list[str]
    benchmark_index: float  # Lighthouse's CPU benchmark: its scores move with it

    @property
    def transfer_bytes(self) -> int:
        return sum(t.wire_bytes for t in self.transfers)

    def score_passed(self, category: str) -> bool:
        return self.scores[category] == SCORE_BUDGET

    @property
    def weight_passed(self) -> bool:
        return self.transfer_bytes <= PAGE_BUDGET_KB * KB

    @property
    def lcp_passed(self) -> bool:
        return self.lcp_ms is not None and self.lcp_ms <= LCP_BUDGET_MS

    @property
    def failures(self) -> list[str]:
        failed = [CATEGORIES[c] for c in CATEGORIES if not self.score_passed(c)]
        return failed + ["weight"] * (not self.weight_passed) + ["LCP"] * (not self.lcp_passed)


def transfers(lhr: dict, site_dir: Path) -> list[Transfer]:
    """The requests Lighthouse saw, with the bytes each took, leaving out inline data: URLs and the search index.

    A response is never smaller than its body: where Lighthouse's figure is, it counted
    the headers alone (it does for the script a Web Worker loads, Material's search
    worker), so the body the server sent for it is added.
    """
    found = []
    for request in lhr["audits"]["network-requests"]["details"]["items"]:
        url_path = urlsplit(request["url"]).path
        if not request["url"].startswith("http") or url_path == "/" + SEARCH_INDEX:
            continue
        wire = request["transferSize"]
        body = body_bytes(site_dir, url_path)
        found.append(Transfer(url_path, wire + body if wire < body else wire))
    return found


def score(category: dict) -> int | None:
    return None if category["score"] is None else round(category["score"] * 100)


def shortfalls(lhr: dict) -> list[Shortfall]:
    """What Lighthouse failed or flagged in each category below budget.

    Audits Lighthouse hides from its own report are left out, as are those that
    only inform and those that do not apply.
    """
    found = []
    for category_id, category in lhr["categories"].items():
        if score(category) == SCORE_BUDGET:
            continue
        for ref in category["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            flagged = audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
            if ref.get("group") == "hidden" or not flagged or audit["score"] is None or audit["score"] >= 1:
                continue
            found.append(
                Shortfall(
                    category_id,
                    ref["id"],
                    audit["title"],
                    ref["weight"],
                    audit.get("displayValue", ""),
                    tuple(detail_rows(evidence(lhr, ref["id"]))),
                )
            )
    return found


def evidence(lhr: dict, audit_id: str) -> dict | None:
    """The details that say what an audit found: for a metric, those of the audit that names its elements or tasks."""
    return lhr["audits"][METRIC_EVIDENCE.get(audit_id, audit_id)].get("details")


def detail_rows(details: dict | None) -> list[str]:
    """One line per thing an audit's details name: table rows (cells as the headings type them),
    elements, and the longest chain of requests."""
    kind = (details or {}).get("type")
    if kind == "list":
        return [row for item in details["items"] if isinstance(item, dict) for row in detail_rows(item)]
    if kind == "list-section":
        return detail_rows(details["value"])
    if kind == "network-tree":
        return [longest_chain(details)]
    if kind == "node":
        return [typed_value(details)]
    if kind not in ("table", "opportunity"):
        return []  # no details, or only prose (e.g. "no origins were preconnected")
    headings = [h for h in details["headings"] if h.get("key")]
    rows = []
    for item in details["items"]:
        cells = [cell(item.get(h["key"]), h) for h in headings]
        rows.append(" · ".join(c for c in cells if c))
    return rows


def longest_chain(tree: dict) -> str:
    """The chain of requests, each started by the one before, that ends last: what a critical path is."""
    links, level = [], tree["chains"]
    while link := next((child for child in level.values() if child.get("isLongest")), None):
        links.append(site_path(link["url"]))
        level = link["children"]
    return f"longest chain ({tree['longestChain']['duration']:.0f} ms): " + " → ".join(links)


def cell(value: object, heading: dict) -> str:
    """A table cell as short text: an element by its selector, a place in a file by path:line:column,
    a number with its heading's label and unit."""
    value_type = heading.get("valueType", "")
    if isinstance(value, dict):
        return typed_value(value)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        if value_type == "bytes":
            amount = f"{value / KB:.1f} KB"
        else:
            amount = f"{value:.0f} ms" if value_type in ("ms", "timespanMs") else f"{value:g}"
        return f"{heading.get('label', '')} {amount}".strip()
    text = str(value)
    return site_path(text) if value_type == "url" else first_line(text)


def typed_value(value: dict) -> str:
    """Lighthouse's typed values: node, source-location, url, code, text (others have nothing to name)."""
    kind = value.get("type")
    if kind == "node":
        label = value.get("nodeLabel", "")
        return f"`{value.get('selector', '')}`" + (f" ({first_line(label)})" if label else "")
    if kind == "source-location":
        where = f"{site_path(value['url'])}:{value['line'] + 1}:{value['column'] + 1}"
        original = value.get("original")  # mapped through the source map, when there is one
        return where + (f" (source: {original['file']}:{original['line'] + 1})" if original else "")
    if kind == "url":
        return site_path(value["value"])
    if kind in ("code", "text"):
        return first_line(str(value["value"]))
    return ""


def site_path(url: str) -> str:
    """A URL on the local server as its path on the site; other URLs (data:, another host) as they are, cut short."""
    parts = urlsplit(url)
    return parts.path if parts.hostname == "127.0.0.1" else first_line(url)


def first_line(text: str, limit: int = 160) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def measure_page(lhr: dict, url_path: str, site_dir: Path) -> PageResult:
    resources = {row["resourceType"]: row for row in lhr["audits"]["resource-summary"]["details"]["items"]}
    return PageResult(
        url_path=url_path,
        scores={c: score(lhr["categories"][c]) for c in CATEGORIES},
        lcp_ms=lhr["audits"]["largest-contentful-paint"].get("numericValue"),
        request_count=resources["total"]["requestCount"],
        transfers=transfers(lhr, site_dir),
        shortfalls=shortfalls(lhr),
        warnings=lhr["runWarnings"],
        benchmark_index=lhr["environment"]["benchmarkIndex"],
    )


@dataclass
class LighthouseRun:
    pages: list[PageResult]
    version: str
    settings: dict  # the configSettings of the first page's run: the same for all


def measure_pages(site_dir: Path, chromium: str) -> LighthouseRun:
    """Lighthouse on every page the build writes, one page after another (run side by side, they slow each other)."""
    url_paths = [page_url(page) for page in site_pages()]
    pages: list[PageResult] = []
    first: dict = {}
    with serve(site_dir) as base:
        for number, url_path in enumerate(url_paths, 1):
            print(f"Lighthouse {number}/{len(url_paths)}: /{url_path}", file=sys.stderr, flush=True)
            lhr = run_lighthouse(base + url_path, chromium)
            first = first or lhr
            pages.append(measure_page(lhr, url_path, site_dir))
    return LighthouseRun(pages, first["lighthouseVersion"], first["configSettings"])


# --- Report -------------------------------------------------------------------------------


def verdict(passed: bool) -> str:
    return "PASS" if passed else "**FAIL**"


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def marked(text: str, passed: bool) -> str:
    """A table cell, in bold when it is over budget."""
    return text if passed else f"**{text}**"


def command_output(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def machine_facts(run: LighthouseRun, chromium: str, load_average: tuple[float, float, float]) -> list[str]:
    throttling = run.settings["throttling"]
    benchmark = [page.benchmark_index for page in run.pages]
    return [
        f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
        # Other work on the machine slows every timing: this says how busy it was.
        "- Load average at start (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in load_average),
        f"- Python {platform.python_version()}, MkDocs {mkdocs.__version__}",
        f"- Node.js {command_output('node', '--version')}",
        f"- {command_output(chromium, '--version')} ({chromium}, headless)",
        f"- Lighthouse {run.version}, {run.settings['formFactor']} preset (its default): "
        f"{run.settings['screenEmulation']['width']}x{run.settings['screenEmulation']['height']} screen, "
        f"{run.settings['throttlingMethod']}d throttling ({throttling['rttMs']:.0f} ms RTT, "
        f"{throttling['throughputKbps']:.0f} kbit/s, CPU slowed {throttling['cpuSlowdownMultiplier']:g}x); "
        "one run per page, first visit (fresh profile, empty cache)",
        # Lighthouse's scores move with the machine's speed, which it measures on every run.
        f"- Lighthouse's CPU benchmark index: median {statistics.median(benchmark):.0f} "
        f"(from {min(benchmark):.0f} to {max(benchmark):.0f})",
        "- Server: local, gzip level 6 for html/css/js/mjs/json/svg/xml; KB = 1000 bytes",
    ]


def pages_table(pages: list[PageResult]) -> list[str]:
    rows = [
        "| Page | " + " | ".join(CATEGORIES.values()) + " | KB transferred | Requests | LCP ms | Result |",
        "|---|" + "--:|" * len(CATEGORIES) + "--:|--:|--:|---|",
        "| *Budget* | " + " | ".join([str(SCORE_BUDGET)] * len(CATEGORIES)) + f" | {PAGE_BUDGET_KB:.1f} | – "
        f"| {LCP_BUDGET_MS} | |",
    ]
    for page in pages:
        scores = [marked(str(page.scores[c]), page.score_passed(c)) for c in CATEGORIES]
        lcp = marked("n/a" if page.lcp_ms is None else f"{page.lcp_ms:.0f}", page.lcp_passed)
        result = "PASS" if not page.failures else "**FAIL**: " + ", ".join(page.failures)
        rows.append(
            f"| /{page.url_path} | {' | '.join(scores)} | {marked(kb(page.transfer_bytes), page.weight_passed)} "
            f"| {page.request_count} | {lcp} | {result} |"
        )
    return rows


def search_index_table(index_bytes: int) -> list[str]:
    return [
        "| File | KB (gzip) | Budget KB | Result |",
        "|---|--:|--:|---|",
        f"| /{SEARCH_INDEX} | {kb(index_bytes)} | under {SEARCH_INDEX_BUDGET_KB} "
        f"| {verdict(search_index_passed(index_bytes))} |",
    ]


def shortfall_sections(pages: list[PageResult]) -> list[str]:
    """Each audit that cost points, once, with the pages where Lighthouse named the same things."""
    found = [(shortfall, f"/{page.url_path}") for page in pages for shortfall in page.shortfalls]
    found.sort(key=lambda f: (list(CATEGORIES).index(f[0].category), -f[0].weight, f[0].audit_id))  # stable
    lines = []
    for _, same_audit in itertools.groupby(found, key=lambda f: (f[0].category, f[0].audit_id)):
        same_audit = list(same_audit)
        audit = same_audit[0][0]  # category, id, title and weight: the same throughout
        pages_by_finding: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for shortfall, url_path in same_audit:
            pages_by_finding.setdefault((shortfall.value, shortfall.details), []).append(url_path)
        lines += [
            "",
            f"### {CATEGORIES[audit.category]}: `{audit.audit_id}`, {audit.title} (weight {audit.weight:g})",
            "",
        ]
        lines += ["| Pages | Value | What Lighthouse names |", "|---|---|---|"]
        for (value, details), url_paths in pages_by_finding.items():
            named = [d.replace("|", "\\|") for d in details[:SHOWN_DETAILS]]
            if len(details) > SHOWN_DETAILS:
                named.append(f"… and {len(details) - SHOWN_DETAILS} more")
            lines.append(f"| {', '.join(url_paths)} | {value} | {'<br>'.join(named)} |")
    return lines


def heavy_files(page: PageResult) -> list[str]:
    """Every file an over-budget page received, heaviest first, so the cause is plain."""
    rows = [
        "",
        f"### /{page.url_path}: {kb(page.transfer_bytes)} KB, budget {PAGE_BUDGET_KB} KB",
        "",
        "| File | KB transferred |",
        "|---|--:|",
    ]
    for transfer in sorted(page.transfers, key=lambda t: (-t.wire_bytes, t.url_path)):
        rows.append(f"| {transfer.url_path} | {kb(transfer.wire_bytes)} |")
    return rows


def build_table(builds: BuildTimes) -> list[str]:
    wall = statistics.median(builds.wall_s)
    share = statistics.median(builds.hook_share)
    runs_s = ", ".join(f"{t:.2f}" for t in builds.wall_s)
    runs_share = ", ".join(f"{s:.1%}" for s in builds.hook_share)
    return [
        f"| Measure (median of {BUILD_RUNS}) | Median | Runs | Budget | Result |",
        "|---|--:|---|--:|---|",
        f"| Strict build, wall time (`mkdocs build --strict`) | {wall:.2f} s | {runs_s} "
        f"| {BUILD_BUDGET_S:.0f} s | {verdict(builds.wall_passed)} |",
        f"| Hooks' share of build time (in-process `load_config` + `build`) | {share:.1%} | {runs_share} "
        f"| {HOOK_SHARE_BUDGET:.0%} | {verdict(builds.hooks_passed)} |",
    ]


def hooks_table(builds: BuildTimes) -> list[str]:
    rows = ["| Hook handler | Median ms per build |", "|---|--:|"]
    for name, seconds in sorted(builds.hook_s_by_handler.items()):
        rows.append(f"| `{name}` | {statistics.median(seconds) * 1000:.1f} |")
    return rows


def report(
    builds: BuildTimes,
    run: LighthouseRun,
    index_bytes: int,
    chromium: str,
    load_average: tuple[float, float, float],
) -> str:
    lines = ["# Benchmark: speed, weight and Lighthouse budgets", "", "Written by `make bench` (bench/run.py).", ""]
    lines += machine_facts(run, chromium, load_average) + ["", "## Pages: Lighthouse, first visit", ""]
    lines += pages_table(run.pages)
    lines += [
        "",
        "Scores, LCP and requests are Lighthouse's. KB transferred: status line, headers and body (gzip for",
        "text) of every request Lighthouse saw, but the search index (below); Lighthouse counts only the headers",
        "of the search worker's script, so its body is added as the server sent it. Requests: Lighthouse's count,",
        f'search index included. LCP budget: {LCP_BUDGET_MS} ms, "good" in Core Web Vitals. Over budget in **bold**.',
        "",
        "## Search index (fetched by Material in the background, not counted in the pages)",
        "",
    ]
    lines += search_index_table(index_bytes)
    warned = [page for page in run.pages if page.warnings]
    if warned:
        lines += ["", "## Lighthouse's warnings", ""]
        lines += [f"- /{page.url_path}: {warning}" for page in warned for warning in page.warnings]
    if any(page.shortfalls for page in run.pages):
        lines += ["", "## Below 100: what Lighthouse failed or flagged", ""]
        lines += [
            "Per category below budget, each audit Lighthouse failed or flagged there. Weight 0: it",
            "explains the score (insights, diagnostics) rather than counting in it.",
        ]
        lines += shortfall_sections(run.pages)
    over = [page for page in run.pages if not page.weight_passed]
    if over:
        lines += ["", "## Over budget: what was transferred"]
        for page in over:
            lines += heavy_files(page)
    lines += ["", "## Build", ""]
    lines += build_table(builds) + ["", *hooks_table(builds), ""]
    lines += [
        "Hooks' share: time in the event handlers of hooks/*.py over `load_config` + `build`, each build in a",
        "fresh interpreter as `mkdocs build` runs (a warm one keeps the hooks' data cache). Importing the",
        "hook modules (and what they import) happens in `load_config` and is not counted as hook time.",
        "",
    ]
    return "\n".join(lines).rstrip() + "\n"


def search_index_passed(index_bytes: int) -> bool:
    return index_bytes < SEARCH_INDEX_BUDGET_KB * KB


def all_passed(builds: BuildTimes, run: LighthouseRun, index_bytes: int) -> bool:
    pages_passed = all(not page.failures for page in run.pages)
    return builds.wall_passed and builds.hooks_passed and search_index_passed(index_bytes) and pages_passed


def tools() -> str:
    """The Chromium to run Lighthouse in; exits with what to do when it or Lighthouse is missing."""
    if not LIGHTHOUSE.is_file():
        sys.exit("Lighthouse is not installed: `make bench` installs it (npm ci --prefix bench).")
    chromium = chromium_path()
    if chromium is None:
        sys.exit("Lighthouse needs Chromium: apt-get install chromium (or set CHROMIUM to one).")
    return chromium


def main() -> int:
    chromium = tools()
    load_average = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
        site_dir = Path(scratch)
        builds = measure_builds(site_dir)
        index_bytes = body_bytes(site_dir, "/" + SEARCH_INDEX)
        run = measure_pages(site_dir, chromium)
    text = report(builds, run, index_bytes, chromium, load_average)
    REPORT_FILE.write_text(text, encoding="utf-8")
    print(text)
    return 0 if all_passed(builds, run, index_bytes) else 1


if __name__ == "__main__":
    sys.exit(main())
