"""What every part of the benchmark shares: paths, the environment of a build, a timed strict
build, the pages a built site holds, the Chromium to run Lighthouse in, and copies of the project.

Self-contained on purpose: nothing here imports from the project's own Python (hooks/, scripts/).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable  # `make bench` runs bench/run.py with the project's .venv/bin/python
KB = 1000

# Root in CI needs --no-sandbox; the rest stop Chromium calling home on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Left out of every copy of the project: history, builds, installs and caches.
NOT_COPIED = {".git", "site", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
NOT_COPIED_PATHS = {"bench/node_modules", "bench/.work"}


class BenchError(Exception):
    """A step could not measure what it set out to: the message says which and why."""


def build_env() -> dict[str, str]:
    """The environment of every MkDocs the benchmark starts: `make build`'s (mkdocs.yml, without the link check of
    mkdocs.linkcheck.yml)."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONUNBUFFERED"] = "1"  # log lines arrive as they are written (the preview step times them)
    return env


def strict_build(project_dir: Path, site_dir: Path) -> float:
    """`python -m mkdocs build --strict` in a fresh process with cwd = project_dir; returns wall seconds."""
    command = [PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project_dir, capture_output=True, text=True, env=build_env())
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise BenchError(f"Strict build failed in {project_dir}:\n{result.stderr[-4000:]}")
    return elapsed


def sitemap_pages(site_dir: Path) -> list[str]:
    """Every page in the built site's sitemap.xml, as its URL path under the site root ('' for the home
    page, 'roles/' ...), in the sitemap's order; 404 left out."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        raise BenchError(f"No sitemap.xml in {site_dir}")
    locs = [loc.text.strip() for loc in ET.parse(sitemap).getroot().iterfind("s:url/s:loc", namespace) if loc.text]
    paths = [unquote(urlsplit(loc).path) for loc in locs]
    if not paths:
        raise BenchError(f"{sitemap} lists no pages")
    # The site root (site_url's path) is the part every page shares, e.g. /product-vs-project/.
    root = os.path.commonprefix(paths)
    root = root[: root.rfind("/") + 1]
    pages = [path.removeprefix(root) for path in paths]
    pages = [page for page in pages if page not in ("404.html", "404/")]
    missing = [page for page in pages if not local_file(site_dir, page)]
    if missing:
        raise BenchError(f"The sitemap of {site_dir} names pages that are not there: {', '.join(missing[:5])}")
    return pages


def local_file(site_dir: Path, url_path: str) -> Path | None:
    """The file a URL path names in a built site (index.html for a directory URL), or None."""
    path = site_dir / unquote(urlsplit(url_path).path).lstrip("/")
    if url_path.endswith("/") or url_path == "":
        path /= "index.html"
    return path if path.is_file() else None


def chromium_path() -> str | None:
    """$CHROMIUM, else a `chromium` on the PATH."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def copy_project(dest: Path, with_git: bool = False) -> Path:
    """A copy of the whole project tree in dest (which must not exist yet), without builds, installs and
    caches, and without .git unless with_git; it builds with the same Python."""

    def ignored(directory: str, names: list[str]) -> set[str]:
        relative = Path(directory).resolve().relative_to(ROOT)
        skip = NOT_COPIED - ({".git"} if with_git else set())
        return {name for name in names if name in skip or (relative / name).as_posix() in NOT_COPIED_PATHS}

    shutil.copytree(ROOT, dest, ignore=ignored, symlinks=True)
    return dest
