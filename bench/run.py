"""Speed and weight budgets, measured: `make bench`.

Builds the site (strict) five times, times the project's hooks in-process, then
serves the build gzip-compressed as a real host would and loads every nav page
once on a first visit (no cache) in headless Chromium, counting the requests and
the bytes that went over the wire and reading the largest contentful paint.

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

import mkdocs
import mkdocs.commands.build
import mkdocs.config
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from built_site import CHROMIUM_ARGS, chromium_path, html_path, nav_pages, page_url  # noqa: E402 - needs the path above

CONFIG_FILE = ROOT / "mkdocs.yml"
HOOKS_DIR = ROOT / "hooks"
REPORT_FILE = ROOT / "bench" / "REPORT.md"
MERMAID_VERSION_FILE = ROOT / "docs" / "assets" / "vendor" / "mermaid" / "VERSION"
MERMAID_URL = "/assets/vendor/mermaid/"

BUILD_RUNS = 5
KB = 1000
PAGE_BUDGET_KB = 150
DIAGRAM_PAGE_BUDGET_KB = 450
HOOK_SHARE_BUDGET = 0.10
BUILD_BUDGET_S = 3.0

# Material replaces each `pre.mermaid` with a `div.mermaid` only once the diagram is drawn.
DIAGRAM_DRAWN = "!document.querySelector('pre.mermaid') && !!document.querySelector('div.mermaid')"
# Resolves with the last LCP candidate (the final one on a page nobody touches), or null if none came.
READ_LCP = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => resolve(null), 2000);
})"""
QUIET_S = 1.0  # nothing asked for or sent for this long: the page has finished loading
PAGE_TIMEOUT_MS = 30_000


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


# --- Local server with gzip, counting what it sends -------------------------------------------


@dataclass(frozen=True)
class Transfer:
    path: str  # URL path on the site, e.g. /assets/javascripts/bundle.min.js
    wire_bytes: int  # status line + headers + body, exactly as written to the socket
    body_bytes: int  # the body alone: gzip-compressed for text


class Traffic:
    """Every response the server sent, and whether it is busy; shared by the server's threads.

    Counted at the server because the browser's own figures miss some requests
    (Playwright reports a 0-byte body for the script of Material's search worker).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._transfers: list[Transfer] = []
        self._busy = 0
        self._last_done = time.monotonic()

    @contextmanager
    def serving(self) -> Iterator[None]:
        with self._lock:
            self._busy += 1
        try:
            yield
        finally:
            with self._lock:
                self._busy -= 1
                self._last_done = time.monotonic()

    def record(self, transfer: Transfer) -> None:
        with self._lock:
            self._transfers.append(transfer)

    def idle_for(self) -> float:
        """Seconds since the last response was sent; 0 while one is being sent."""
        with self._lock:
            return 0.0 if self._busy else time.monotonic() - self._last_done

    def take(self) -> list[Transfer]:
        """The responses sent since the last take(), and start counting afresh."""
        with self._lock:
            transfers, self._transfers = self._transfers, []
        return transfers


class CountingWriter:
    """A socket writer that counts the bytes written through it."""

    def __init__(self, raw) -> None:
        self._raw = raw
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        return self._raw.write(data)

    def __getattr__(self, name: str):
        return getattr(self._raw, name)  # flush, close, closed: as the socket writer has them


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory like a static host: text gzip-compressed when the client accepts it."""

    COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml"}
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def __init__(self, *args, traffic: Traffic, **kwargs) -> None:
        self.traffic = traffic  # set first: the base class handles the request inside __init__
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.wfile = CountingWriter(self.wfile)

    def do_GET(self) -> None:
        with self.traffic.serving():
            self.headers_end = 0
            super().do_GET()
            self.traffic.record(
                Transfer(self.path.split("?")[0], self.wfile.written, self.wfile.written - self.headers_end)
            )

    def end_headers(self) -> None:
        super().end_headers()
        self.headers_end = self.wfile.written

    def send_head(self):
        path = self._file_path()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path is None or path.suffix not in self.COMPRESSIBLE or not accepts_gzip:
            return super().send_head()  # directory redirects, 404s, images, clients without gzip
        body = compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def _file_path(self) -> Path | None:
        """The file a request names (index.html for a directory URL), or None if there is none."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path /= "index.html"
        return path if path.is_file() else None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@functools.cache
def compressed(path: Path, mtime_ns: int) -> bytes:
    """gzip at level 6, the usual default of static hosts; cached so compressing stays out of LCP."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def serve(site_dir: Path, traffic: Traffic) -> Iterator[str]:
    """The site on a free local port; yields its base URL."""
    handler = functools.partial(GzipHandler, directory=str(site_dir), traffic=traffic)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- Pages ------------------------------------------------------------------------------


@dataclass
class SitePage:
    url_path: str  # relative to the site root, e.g. "roles/product-manager/"
    has_diagram: bool

    @property
    def budget_kb(self) -> int:
        return DIAGRAM_PAGE_BUDGET_KB if self.has_diagram else PAGE_BUDGET_KB


@dataclass
class PageLoad:
    page: SitePage
    transfers: list[Transfer]
    lcp_ms: float | None

    @property
    def total_bytes(self) -> int:
        return sum(t.wire_bytes for t in self.transfers)

    @property
    def passed(self) -> bool:
        return self.total_bytes <= self.page.budget_kb * KB


def site_pages(site_dir: Path) -> list[SitePage]:
    pages = []
    for source in nav_pages():
        html = html_path(site_dir, source).read_text(encoding="utf-8")  # missing: let it raise
        pages.append(SitePage(page_url(source), has_diagram='class="mermaid"' in html))
    return pages


def wait_until_quiet(page: Page, traffic: Traffic, in_flight: set) -> None:
    """Wait until nothing has been asked for or sent for QUIET_S.

    Playwright's networkidle fires only once, possibly before late requests
    (search worker, Mermaid chunks), so quiet is judged here from both ends.
    """
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while in_flight or traffic.idle_for() < QUIET_S:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url} still loading after {PAGE_TIMEOUT_MS} ms")
        page.wait_for_timeout(100)


def first_visit(browser: Browser, base: str, site_page: SitePage, traffic: Traffic) -> PageLoad:
    """Load a page in a fresh context (empty cache) and wait for everything it fetches, diagram included."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    in_flight: set = set()
    context.on("request", lambda r: in_flight.add(r))
    context.on("requestfinished", lambda r: in_flight.discard(r))
    context.on("requestfailed", lambda r: in_flight.discard(r))
    traffic.take()  # start from zero
    page = context.new_page()
    page.goto(base + site_page.url_path, wait_until="load", timeout=PAGE_TIMEOUT_MS)
    if site_page.has_diagram:
        page.wait_for_function(DIAGRAM_DRAWN, timeout=PAGE_TIMEOUT_MS)
    wait_until_quiet(page, traffic, in_flight)
    lcp_ms = page.evaluate(READ_LCP)
    context.close()
    return PageLoad(site_page, traffic.take(), lcp_ms)


def load_pages(site_dir: Path, pages: list[SitePage]) -> tuple[list[PageLoad], str]:
    """First visit of every page; also returns the browser's version."""
    traffic = Traffic()
    with serve(site_dir, traffic) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            return [first_visit(browser, base, page, traffic) for page in pages], browser.version
        finally:
            browser.close()


# --- Report -------------------------------------------------------------------------------


def verdict(passed: bool) -> str:
    return "PASS" if passed else "**FAIL**"


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def machine_facts(chromium_version: str, load_average: tuple[float, float, float]) -> list[str]:
    return [
        f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
        # Other work on the machine slows every timing: this says how busy it was.
        "- Load average at start (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in load_average),
        f"- Python {platform.python_version()}, MkDocs {mkdocs.__version__}",
        f"- Chromium {chromium_version} (headless, 1280x900, first visit: fresh context, empty cache)",
        f"- Mermaid {MERMAID_VERSION_FILE.read_text().strip()} (vendored)",
        "- Server: local, gzip level 6 for html/css/js/mjs/json/svg/xml; KB = 1000 bytes",
    ]


def pages_table(loads: list[PageLoad]) -> list[str]:
    rows = ["| Page | Requests | KB transferred | LCP ms | Budget KB | Result |", "|---|--:|--:|--:|--:|---|"]
    for load in loads:
        lcp = "n/a" if load.lcp_ms is None else f"{load.lcp_ms:.0f}"
        rows.append(
            f"| /{load.page.url_path} | {len(load.transfers)} | {kb(load.total_bytes)} | {lcp} "
            f"| {load.page.budget_kb} | {verdict(load.passed)} |"
        )
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


def heavy_files(load: PageLoad) -> list[str]:
    """Every file an over-budget page received, heaviest first, so the cause is plain."""
    rows = [
        f"### /{load.page.url_path}: {kb(load.total_bytes)} KB, budget {load.page.budget_kb} KB",
        "",
        "| File | Body KB (gzip for text) | KB transferred |",
        "|---|--:|--:|",
    ]
    for transfer in sorted(load.transfers, key=lambda t: (-t.wire_bytes, t.path)):
        rows.append(f"| {transfer.path} | {kb(transfer.body_bytes)} | {kb(transfer.wire_bytes)} |")
    mermaid = [t for t in load.transfers if t.path.startswith(MERMAID_URL)]
    if mermaid:
        mermaid_bytes = sum(t.wire_bytes for t in mermaid)
        rows += [
            "",
            f"Mermaid ({MERMAID_URL}): {len(mermaid)} files, {kb(mermaid_bytes)} KB transferred; "
            f"the page without them: {kb(load.total_bytes - mermaid_bytes)} KB.",
        ]
    return rows + [""]


def report(
    builds: BuildTimes, loads: list[PageLoad], chromium_version: str, load_average: tuple[float, float, float]
) -> str:
    lines = ["# Benchmark: speed and weight budgets", "", "Written by `make bench` (bench/run.py).", ""]
    lines += machine_facts(chromium_version, load_average) + ["", "## Pages, first visit", ""]
    lines += pages_table(loads)
    lines += [
        "",
        "Bytes are counted at the server as sent: status line, headers and body (gzip for text), for every",
        "request the page made until nothing had been asked for or sent for 1 s (search worker and index,",
        "Mermaid chunks included). LCP: last `largest-contentful-paint` entry.",
        "",
        "## Build",
        "",
    ]
    lines += build_table(builds) + ["", *hooks_table(builds), ""]
    lines += [
        "Hooks' share: time in the event handlers of hooks/*.py over `load_config` + `build`, each build in a",
        "fresh interpreter as `mkdocs build` runs (a warm one keeps the hooks' data cache). Importing the",
        "hook modules (and what they import) happens in `load_config` and is not counted as hook time.",
        "",
    ]
    over = [load for load in loads if not load.passed]
    if over:
        lines += ["## Over budget: what was transferred", ""]
        for load in over:
            lines += heavy_files(load)
    return "\n".join(lines).rstrip() + "\n"


def all_passed(builds: BuildTimes, loads: list[PageLoad]) -> bool:
    return builds.wall_passed and builds.hooks_passed and all(load.passed for load in loads)


def main() -> int:
    load_average = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
        site_dir = Path(scratch)
        builds = measure_builds(site_dir)
        loads, chromium_version = load_pages(site_dir, site_pages(site_dir))
    text = report(builds, loads, chromium_version, load_average)
    REPORT_FILE.write_text(text, encoding="utf-8")
    print(text)
    return 0 if all_passed(builds, loads) else 1


if __name__ == "__main__":
    sys.exit(main())
