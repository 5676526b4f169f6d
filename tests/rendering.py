"""The guide's Markdown extension on its own, as any Python-Markdown user runs it: no MkDocs."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown

from built_site import ROOT, TEMPLATES
from product_vs_project.markdown_extension import GuideExtension
from product_vs_project.site import Site

# The site's Markdown extensions that come with Python-Markdown and pymdown-extensions (MkDocs adds
# fenced_code itself; Material's emoji are left out: they are Material's, not the guide's).
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "fenced_code",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.escapeall",
    "pymdownx.tabbed",
]
CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}}

# The pages of a small docs/ for the sample data: the pages other pages link to, and the real templates.
SAMPLE_PAGES = {
    "reference/sources.md": "# Sources\n\n<!-- md:list sources -->\n",
    "reference/glossary.md": "# Glossary\n\n<!-- md:list glossary -->\n",
    "compare/index.md": "# Compare\n\n<!-- md:list disagreements -->\n",
}


def sample_docs(folder: Path, pages: dict[str, str] | None = None) -> Path:
    """A docs/ folder: SAMPLE_PAGES (and `pages`), with the real page templates."""
    for page, text in {**SAMPLE_PAGES, **(pages or {})}.items():
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_text(text, encoding="utf-8")
    for template in TEMPLATES:
        (folder / template).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / template, folder / template)
    return folder


def extension(data: Path, docs: Path, page: str, evidence: Path | None = None, site: Site | None = None):
    options = {"data": str(data), "docs": str(docs), "evidence": str(evidence or ROOT / "evidence"), "page": page}
    return GuideExtension(**options, **({"site": site} if site else {}))


def render(text: str, data: Path, docs: Path, page: str = "page.md", **options) -> str:
    """The HTML of `text` as the page `page` (relative to docs/)."""
    return markdown.markdown(
        text, extensions=[*EXTENSIONS, extension(data, docs, page, **options)], extension_configs=CONFIGS
    )


def body(path: Path) -> str:
    """A page file's Markdown without its front matter, as MkDocs passes it on."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        return text[text.index("\n---\n", 4) + 5 :]
    return text
