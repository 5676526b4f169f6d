"""Lighthouse on a built site, served gzip-compressed as a real host would: runs of a page,
mobile preset (Lighthouse's default), first visit (fresh profile, empty cache).

Lighthouse is pinned in bench/package.json and installed into bench/node_modules.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from common import CHROMIUM_ARGS, KB, ROOT, BenchError, local_file

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
SEARCH_INDEX = "/search/search_index.json"  # fetched by Material's search worker after the page loads

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


# --- Local server with gzip ---------------------------------------------------------------


COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory like a static host: text gzip-compressed when the client accepts it."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def send_head(self):
        path = local_file(Path(self.directory), urlsplit(self.path).path)
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


@functools.cache
def compressed(path: Path, mtime_ns: int) -> bytes:
    """gzip at level 6, the usual default of static hosts; cached so compressing stays out of the timings."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def body_bytes(site_dir: Path, url_path: str) -> int:
    """The size of the body the server sends for a URL path (gzip for text), 0 if it has no such file."""
    path = local_file(site_dir, url_path)
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
        raise BenchError(f"Lighthouse failed on {url}:\n{result.stderr[-4000:]}")
    lhr = json.loads(result.stdout)
    if lhr.get("runtimeError"):
        raise BenchError(f"Lighthouse could not measure {url}: {lhr['runtimeError']['message']}")
    return lhr


@dataclass(frozen=True)
class Transfer:
    url_path: str  # on the site, e.g. /assets/javascripts/bundle.min.js
    wire_bytes: int  # status line, headers and body (gzip for text)


@dataclass(frozen=True)
class Shortfall:
    """An audit Lighthouse failed or flagged in a category that scored below 100."""

    category: str
    audit_id: str
    title: str
    weight: float  # 0: it explains the score (insights, diagnostics) rather than counting in it
    value: str  # Lighthouse's display value, e.g. "440 ms"; may be empty
    details: tuple[str, ...]  # what Lighthouse names: elements, sources, messages


@dataclass
class PageResult:
    label: str  # as the report names it: the URL path on its site, e.g. /roles/product-manager/
    scores: dict[str, int | None]  # by category id; None when Lighthouse could not score it
    lcp_ms: float | None
    tbt_ms: float | None
    request_count: int
    transfers: list[Transfer]  # every request but the search index's
    index_bytes: int  # the search index, as sent (gzip), whether or not Lighthouse waited for it
    index_seen: bool  # whether Lighthouse saw the search index's request
    shortfalls: list[Shortfall]
    warnings: list[str]
    benchmark_index: float  # Lighthouse's CPU benchmark: its scores move with it
    settings: dict  # Lighthouse's configSettings
    version: str

    @property
    def page_bytes(self) -> int:
        """First visit, search index left out."""
        return sum(t.wire_bytes for t in self.transfers)

    @property
    def total_bytes(self) -> int:
        """First visit, search index included."""
        return self.page_bytes + self.index_bytes


def transfers(lhr: dict, site_dir: Path) -> tuple[list[Transfer], int, bool]:
    """The requests Lighthouse saw, with the bytes each took, leaving out inline data: URLs; and apart
    from them the search index's bytes, and whether Lighthouse saw its request.

    A response is never smaller than its body: where Lighthouse's figure is, it counted
    the headers alone (it does for the script a Web Worker loads, Material's search
    worker), so the body the server sent for it is added. The search index counts as the
    server sends it when Lighthouse stopped before it arrived: a browser fetches it all the same.
    """
    found, index_bytes, index_seen = [], body_bytes(site_dir, SEARCH_INDEX), False
    for request in lhr["audits"]["network-requests"]["details"]["items"]:
        url_path = urlsplit(request["url"]).path
        if not request["url"].startswith("http"):
            continue
        wire = request.get("transferSize") or 0
        body = body_bytes(site_dir, url_path)
        wire = wire + body if wire < body else wire
        if url_path == SEARCH_INDEX:
            index_bytes, index_seen = wire, True
        else:
            found.append(Transfer(url_path, wire))
    return found, index_bytes, index_seen


def score(category: dict) -> int | None:
    return None if category["score"] is None else round(category["score"] * 100)


def shortfalls(lhr: dict) -> list[Shortfall]:
    """What Lighthouse failed or flagged in each category below 100.

    Audits Lighthouse hides from its own report are left out, as are those that
    only inform and those that do not apply.
    """
    found = []
    for category_id, category in lhr["categories"].items():
        if score(category) == 100:
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


def median_run(runs: list[PageResult]) -> PageResult:
    """Of several runs of one page, the one with the median performance score (the lower middle
    of an even number); a run Lighthouse could not score counts as lowest."""
    ranked = sorted(runs, key=lambda run: run.scores["performance"] or 0)
    return ranked[(len(ranked) - 1) // 2]


def measure_page(lhr: dict, label: str, site_dir: Path) -> PageResult:
    """What the report shows of one Lighthouse run on a page of the site in site_dir."""
    resources = {row["resourceType"]: row for row in lhr["audits"]["resource-summary"]["details"]["items"]}
    found, index_bytes, index_seen = transfers(lhr, site_dir)
    return PageResult(
        label=label,
        scores={c: score(lhr["categories"][c]) for c in CATEGORIES},
        lcp_ms=lhr["audits"]["largest-contentful-paint"].get("numericValue"),
        tbt_ms=lhr["audits"]["total-blocking-time"].get("numericValue"),
        request_count=resources["total"]["requestCount"],
        transfers=found,
        index_bytes=index_bytes,
        index_seen=index_seen,
        shortfalls=shortfalls(lhr),
        warnings=lhr["runWarnings"],
        benchmark_index=lhr["environment"]["benchmarkIndex"],
        settings=lhr["configSettings"],
        version=lhr["lighthouseVersion"],
    )
