"""What the tests expect of the built site, written out here rather than asked of the package that builds it.

The pages: those listed in mkdocs.yml, one per role of data/roles/ (listed below, so a new
role file is a deliberate change to the tests too) and one per pair of roles. Also where
MkDocs writes and serves each page, the pages a built site's sitemap lists, the scripts/
helpers the tests use, and the Chromium to open pages in.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import os
import re
import shutil
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent

# The roles of data/roles/, by id (tests/test_site.py checks that the folder holds these and no others).
ROLES = (
    "delivery-manager",
    "product-manager",
    "product-owner",
    "programme-manager",
    "project-manager",
    "scrum-master",
)
# Page templates in docs/, which are not pages.
TEMPLATES = ("roles/_template.md", "compare/_template.md")


@functools.cache
def site_config() -> MkDocsConfig:
    """mkdocs.yml, loaded once: read it, never change it."""
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def site_path() -> str:
    """The path of site_url, where a host serves the site: 'product-vs-project/'."""
    return urlsplit(site_config().site_url).path.lstrip("/")


def role_page(role_id: str) -> str:
    return f"roles/{role_id}.md"


def pair_page(first: str, second: str) -> str:
    a, b = sorted((first, second))
    return f"compare/{a}-vs-{b}.md"


def role_pages() -> list[str]:
    return [role_page(role) for role in ROLES]


def pair_pages() -> list[str]:
    return [pair_page(a, b) for a, b in itertools.combinations(ROLES, 2)]


def _walk(items: list) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += _walk(value) if isinstance(value, list) else [value]
    return pages


def listed_pages() -> list[str]:
    """The pages mkdocs.yml's nav lists (the build adds each role's page and each pair's)."""
    return _walk(site_config().nav)


def site_pages() -> list[str]:
    """Every page the build writes: mkdocs.yml's, each role's, then each pair's."""
    return list(dict.fromkeys(listed_pages() + role_pages() + pair_pages()))


def page_url(page: str) -> str:
    """The page's URL path under the site root, with directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def html_path(site: Path, page: str) -> Path:
    """Where MkDocs writes the page's HTML inside the built `site`."""
    return site / page_url(page) / "index.html"


def sitemap_urls(site: Path) -> list[str]:
    """The URL paths (under the site root) that the built site's sitemap.xml lists."""
    root = site_config().site_url
    listed = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    return [url.removeprefix(root) for url in listed]


def script(name: str) -> ModuleType:
    """A module of scripts/ (fetch_axe, check_text), loaded from its file: scripts/ is not a package."""
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Root in CI needs --no-sandbox; the rest stop Chromium calling home on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
