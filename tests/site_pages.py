"""The site's pages as listed in mkdocs.yml's nav, and where each is built and served."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def nav_pages() -> list[str]:
    """Every page in the navigation, as a path relative to docs/, in nav order."""

    def walk(items: list) -> list[str]:
        pages = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            pages += walk(value) if isinstance(value, list) else [value]
        return pages

    return walk(load_config(config_file=str(ROOT / "mkdocs.yml")).nav)


def page_url(page: str) -> str:
    """The page's URL path under the site root, with directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def html_path(site: Path, page: str) -> Path:
    """Where MkDocs writes the page's HTML inside the built `site`."""
    return site / page_url(page) / "index.html"
