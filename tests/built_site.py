"""The built site, for the tests and the benchmark: its pages, where each is built and
served, and the Chromium to open them in."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guide.data import load_guide  # noqa: E402 - needs the path above
from guide.pages import GeneratedPage, generated_pages, with_role_pages  # noqa: E402


@functools.cache
def site_config() -> MkDocsConfig:
    """mkdocs.yml, loaded once: read it, never change it."""
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def site_path() -> str:
    """The path of site_url, where a host serves the site: 'product-vs-project/'."""
    return urlsplit(site_config().site_url).path.lstrip("/")


@functools.cache
def _guide():
    return load_guide(ROOT / "data")


@functools.cache
def generated() -> dict[str, GeneratedPage]:
    """The pages the build makes from data/, by path relative to docs/."""
    return generated_pages(_guide())


def nav_pages() -> list[str]:
    """Every page in the navigation (the role pages the build adds included), relative to docs/, in nav order."""

    def walk(items: list) -> list[str]:
        pages = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            pages += walk(value) if isinstance(value, list) else [value]
        return pages

    return walk(with_role_pages(site_config().nav, _guide()))


def site_pages() -> list[str]:
    """Every page the build writes: the navigation's, then the generated pages left out of it."""
    listed = nav_pages()
    return listed + sorted(page for page in generated() if page not in listed)


def page_url(page: str) -> str:
    """The page's URL path under the site root, with directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def html_path(site: Path, page: str) -> Path:
    """Where MkDocs writes the page's HTML inside the built `site`."""
    return site / page_url(page) / "index.html"


# Root in CI needs --no-sandbox; the rest stop Chromium calling home on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
