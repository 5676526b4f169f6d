"""One build of the guide: the data it loaded and what it learns while pages are rendered.

hooks/build_guide.py (the only MkDocs hook) creates one GuideBuild per build and
passes it strings; nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import citations, html_fixes
from .abbreviations import abbreviation_definitions
from .citations import CitationError
from .data import Guide, load_guide
from .export import export_files
from .markers import expand_markers, find_homes
from .models import Citation
from .pages import GeneratedPage, generated_pages, with_role_pages
from .render import Context, MarkerError


@dataclass
class PageState:
    references: citations.References = citations.References(())


@dataclass
class GuideBuild:
    guide: Guide
    generated: dict[str, GeneratedPage]
    homes: dict[str, str] = field(default_factory=dict)
    pages: dict[str, PageState] = field(default_factory=dict)
    claims: dict[str, list[tuple[str, tuple[Citation, ...]]]] = field(default_factory=dict)

    @classmethod
    def start(cls, data_dir: Path) -> GuideBuild:
        """Load and check data/ (DataError on the first problem)."""
        guide = load_guide(data_dir)
        return cls(guide=guide, generated=generated_pages(guide))

    def nav(self, nav: list) -> list:
        return with_role_pages(nav, self.guide)

    def find_homes(self, pages: dict[str, str]) -> None:
        """Note which page holds each marker other pages link to (MarkerError naming the page)."""
        self.homes = find_homes(pages)

    def page_markdown(self, page: str, markdown: str, first_line: int) -> str:
        """A page's Markdown with markers expanded, citations numbered and abbreviations defined.

        `first_line` is the file line `markdown` starts on, so errors name the line the author sees.
        Raises MarkerError or CitationError, worded for the page's author.
        """
        try:
            citations.check(markdown, self.guide.sources, first_line)
        except CitationError as error:
            raise MarkerError(str(error), page) from None
        context = Context(guide=self.guide, page=page, homes=self.homes)
        markdown = expand_markers(markdown, context, first_line)
        if page in self.generated:
            generated = self.generated[page]
            if markdown.lstrip().startswith("# "):
                raise MarkerError(
                    f"line {first_line}: the page's title comes from {generated.data_file}; "
                    "expected the prose to start below it, without a '# ' heading",
                    page,
                )
            markdown = expand_markers(generated.compose(markdown), context)
        markdown, references = citations.to_footnotes(
            markdown, self.guide.sources, self.homes.get("list sources"), page
        )
        self.pages[page] = PageState(references)
        return f"{markdown}\n\n{abbreviation_definitions(self.guide.glossary)}\n"

    def page_html(self, page: str, html: str) -> str:
        """The rendered page, fixed for assistive technology and phones; its claims are noted for the export."""
        state = self.pages.get(page, PageState())
        self.claims[page] = citations.claims_in_html(html, state.references)
        return html_fixes.fix(html)

    def export(self) -> dict[str, str]:
        """The open data export: file name under site/data/ -> JSON text."""
        return export_files(self.guide, self.claims)
