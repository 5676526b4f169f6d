"""One build of the guide: the data, the pages generated from it, and what each page cites.

The Markdown extension renders pages against a Site; the MkDocs hook makes one per build
and tells it which page is being rendered. Outside MkDocs the extension makes its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .citations import PageCitations
from .errors import MarkerError
from .loading import Guide, load_guide
from .markers import GENERATORS, KINDS, parse_block
from .pages import TEMPLATES, GeneratedPage, generated_pages
from .scanner import lines_of, scan


@dataclass
class Site:
    docs_dir: Path
    guide: Guide
    generated: dict[str, GeneratedPage]
    homes: dict[str, str]  # "list sources" -> the page that holds that marker
    pages: dict[str, PageCitations] = field(default_factory=dict)  # every page rendered so far
    current: tuple[str, int] | None = None  # the page being rendered (relative to docs/) and its first line

    @classmethod
    def load(cls, data_dir: Path, docs_dir: Path, evidence_dir: Path) -> Site:
        """Load and check data/ (DataError listing every problem) and find the pages other pages link to."""
        guide = load_guide(data_dir, evidence_dir)
        return cls(docs_dir, guide, generated_pages(guide), find_homes(docs_dir))

    def begin_page(self, page: str, first_line: int = 1) -> None:
        """The page the next rendering is of, and the file line its Markdown starts on (after front matter)."""
        self.current = (page, first_line)

    def claims(self) -> dict[str, list]:
        """Every page's cited claims, in page order."""
        return {page: citations.recorded() for page, citations in sorted(self.pages.items())}


def find_homes(docs_dir: Path) -> dict[str, str]:
    """Which page holds each marker that defines anchors ('list sources' -> 'reference/sources.md')."""
    homes: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        if page in TEMPLATES:
            continue
        for _, found in scan(lines_of(path.read_text(encoding="utf-8"), f"{docs_dir.name}/{page}"), KINDS):
            for marker in found:
                if marker.kind not in GENERATORS:
                    continue
                try:
                    block = parse_block(marker.kind, marker.body)
                except ValueError as error:
                    raise marker.line.error(str(error)) from None
                if not block.generator.anchors:
                    continue
                if block.key in homes:
                    raise MarkerError(
                        f"{marker.line.file}:{marker.line.number}: <!-- md:{block.key} --> is already on "
                        f"{homes[block.key]}; expected it on one page only, because other pages link to its anchors"
                    )
                homes[block.key] = page
    return homes
