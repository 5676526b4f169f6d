"""Citations: `<!-- md:cite id "place"; id -->` in a page becomes a numbered reference.

In prose and in generated Markdown alike, a claim cites its sources with an inline
marker right after it:

    Products keep evolving.<!-- md:cite amdari "The Core Difference"; pmi -->

Each source id may be followed by the place in the source, in double quotes: a section
heading as the source prints it, an O*NET code and task, an ESCO occupation. A marker
becomes a footnote reference (a small number; Material shows its text on hover and
keyboard focus, and a tap leads to it), and the page ends with its references: each
source with its place, a link to its entry on the Sources page and to the original.
The same citation twice on a page shares one number, and markers side by side make one.

Tables that compare roles cite by row, so that a row of six cells carries one number,
not six: each cell ends with `<!-- md:cite-cell "Column" id "place" -->`, which shows
nothing, and the row's first cell holds `<!-- md:cite-row -->`, the row's reference,
whose note gives each column's sources in turn. Each cell is still a claim of its own.

After rendering, `claims_in_html` reads each reference back out of the HTML with the
text it backs, for the open data export (site/data/citations.json).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from .data import did_you_mean
from .markdown import link, text
from .models import Citation, Source

CITE = re.compile(r"<!--\s*md:cite\s(?P<body>.*?)-->", re.S)
# Markers side by side (nothing but spaces between) make one reference.
_CITE_RUN = re.compile(r"<!--\s*md:cite\s.*?-->(?:[ \t]*<!--\s*md:cite\s.*?-->)*", re.S)
CELL = re.compile(r'<!--\s*md:cite-cell\s+"(?P<column>[^"]*)"(?P<body>.*?)-->', re.S)
ROW = re.compile(r"<!--\s*md:cite-row\s*-->")
_CELL_LABEL = "cell-"  # quiet cell citations: cell-1, cell-2...
_ITEM = re.compile(
    r'\s*(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\s*"(?P<at>[^"]+)")?(?:\s*"(?P<quote>[^"]+)")?\s*(?:;|$)'
)
_LABEL = "cite-"  # footnote labels: cite-1, cite-2...
REFERENCES_HEADING = "References"


class CitationError(Exception):
    """A citation marker that names no known source, or cannot be read."""


def marker(citations: Sequence[Citation]) -> str:
    """The inline marker that cites `citations`: what generated Markdown puts after a claim."""
    return "<!-- md:cite " + "; ".join(_item(c) for c in citations) + " -->"


def _item(citation: Citation) -> str:
    return " ".join([citation.id, *(f'"{part}"' for part in (citation.at, citation.quote) if part)])


def cell_marker(column: str, citations: Sequence[Citation]) -> str:
    """The marker that ends a table cell: it cites without showing, for the row's reference to list."""
    return marker(citations).replace("md:cite ", f'md:cite-cell "{column}" ', 1)


ROW_MARKER = "<!-- md:cite-row -->"


def parse(body: str, sources: dict[str, Source]) -> tuple[Citation, ...]:
    """The citations in a marker's body, checked against the known sources."""
    citations, position = [], 0
    body = body.strip()
    while position < len(body):
        match = _ITEM.match(body, position)
        if not match or match.end() == position:
            raise CitationError(
                f"cannot read {body[position:]!r}; expected source ids, each optionally followed by its place "
                'in double quotes, separated by ";", e.g. <!-- md:cite amdari "The Core Difference"; pmi -->'
            )
        source_id = match["id"]
        if source_id not in sources:
            raise CitationError(
                f"unknown source {source_id!r}{did_you_mean(source_id, sources)}; "
                f"expected one of the ids in data/sources.yml: {', '.join(sorted(sources))}"
            )
        try:
            citations.append(Citation(id=source_id, at=match["at"], quote=match["quote"]))
        except ValueError as error:
            raise CitationError(f"{source_id}: {error.errors()[0]['msg']}") from None
        position = match.end()
    if not citations:
        raise CitationError('names no source; expected e.g. <!-- md:cite amdari "The Core Difference" -->')
    return tuple(citations)


def check(markdown: str, sources: dict[str, Source], first_line: int = 1) -> None:
    """Raise CitationError, naming the line, for the first marker outside code that cannot be read."""
    for start, part in _outside_code(markdown):
        for found in [*CITE.finditer(part), *CELL.finditer(part)]:
            try:
                parse(found["body"], sources)
            except CitationError as error:
                line = first_line + markdown.count("\n", 0, start + found.start())
                raise CitationError(f"line {line}: {error}") from None


Part = tuple[str | None, tuple[Citation, ...]]  # a column's name (for a row's note) and its citations


@dataclass(frozen=True)
class References:
    """A page's notes, numbered in order of first use, and the citations of its table cells."""

    notes: tuple[tuple[Part, ...], ...] = ()
    cells: tuple[tuple[Citation, ...], ...] = ()

    def citations(self, label: str) -> tuple[Citation, ...] | None:
        """The citations a reference or cell label stands for; None for a row's reference,
        whose cells are claims of their own."""
        if label.startswith(_CELL_LABEL):
            return self.cells[int(label.removeprefix(_CELL_LABEL)) - 1]
        parts = self.notes[int(label.removeprefix(_LABEL)) - 1]
        return parts[0][1] if len(parts) == 1 and parts[0][0] is None else None


def _reference_text(parts: Sequence[Part], sources: dict[str, Source], sources_page: str, page: str) -> str:
    """'[Amdari](../reference/sources.md#amdari), “The Core Difference”; ...' with a link to each original;
    a row's note names each column before its sources."""

    def cited(citation: Citation) -> str:
        source = sources[citation.id]
        part = link(source.label, f"{sources_page}#{source.id}", page)
        if citation.at:
            part += f", “{text(citation.at)}”"
        if source.url:
            part += f" ({link(urlsplit(source.url).hostname or source.url, source.url, page)})"
        return part

    return " ".join(
        (f"{text(column)}: " if column else "") + "; ".join(map(cited, citations)) + "." for column, citations in parts
    )


def to_footnotes(
    markdown: str, sources: dict[str, Source], sources_page: str | None, page: str
) -> tuple[str, References]:
    """The page with each citation marker replaced by a footnote reference, and its references appended."""
    notes: list[tuple[Part, ...]] = []
    cells: list[tuple[Citation, ...]] = []

    def note(parts: tuple[Part, ...]) -> str:
        if parts not in notes:
            notes.append(parts)
        return f"[^{_LABEL}{notes.index(parts) + 1}]"

    def reference(run: re.Match[str]) -> str:
        citations: tuple[Citation, ...] = ()
        for found in CITE.finditer(run[0]):
            citations += tuple(c for c in parse(found["body"], sources) if c not in citations)
        return note(((None, citations),))

    def row(line: str) -> str:
        """A table row whose cells cite quietly: one reference for the row, one claim per cell."""
        parts: list[Part] = []

        def cell(found: re.Match[str]) -> str:
            citations = parse(found["body"], sources)
            parts.append((found["column"], citations))
            cells.append(citations)
            return f'<span class="pvp-cited" data-cite="{_CELL_LABEL}{len(cells)}"></span>'

        line = CELL.sub(cell, line)
        return ROW.sub(lambda _: note(tuple(parts)) if parts else "", line)

    def outside(part: str) -> str:
        # Line by line, so references are numbered in the order they appear on the page.
        return "\n".join(_CITE_RUN.sub(reference, row(line) if ROW.search(line) else line) for line in part.split("\n"))

    markdown = "".join(outside(part) if is_outside else part for is_outside, part in _parts(markdown))
    if not notes:
        return markdown, References((), tuple(cells))
    if sources_page is None:
        raise CitationError("citations need a page with <!-- md:list sources -->, and none has it")
    definitions = [
        f"[^{_LABEL}{number}]: {_reference_text(parts, sources, sources_page, page)}"
        for number, parts in enumerate(notes, 1)
    ]
    # The footnotes extension puts its list where its place marker stands: under this heading.
    # Left out of search: the same references recur on many pages.
    heading = f"## {REFERENCES_HEADING} {{ #references data-search-exclude }}"
    ending = f"\n\n{heading}\n\n///Footnotes Go Here///\n\n" + "\n".join(definitions)
    return markdown.rstrip("\n") + ending + "\n", References(tuple(notes), tuple(cells))


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.M)


def _parts(markdown: str) -> Iterator[tuple[bool, str]]:
    """`markdown` cut into (outside fenced code?, text) parts, in order."""
    position, fence = 0, None
    for found in _FENCE.finditer(markdown):
        mark = found[1]
        if fence is None:
            yield True, markdown[position : found.start()]
            position, fence = found.start(), mark
        elif mark[0] == fence[0] and len(mark) >= len(fence):
            yield False, markdown[position : found.end()]
            position, fence = found.end(), None
    yield fence is None, markdown[position:]


def _outside_code(markdown: str) -> Iterator[tuple[int, str]]:
    """The parts of `markdown` outside fenced code, with the offset each starts at."""
    start = 0
    for outside, part in _parts(markdown):
        if outside:
            yield start, part
        start += len(part)


# --- Reading claims back out of the rendered page -------------------------------------

# The element that holds a claim: a table cell, list item, definition, paragraph or heading.
_BLOCKS = {"td", "th", "li", "dd", "dt", "p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary"}
_SKIP = {"headerlink"}  # permalink signs
_NOT_CLAIM_TEXT = _BLOCKS | {"ul", "ol", "table", "div", "svg"}  # other claims' blocks


def _claim_text(pieces: list[str]) -> str:
    return " ".join("".join(pieces).split()).lstrip(".,;:)] ").strip()


def _walk(block: Tag) -> Iterator[str | Tag]:
    """The text and footnote references of `block` in order, not entering nested blocks."""
    for child in block.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment
                yield str(child)
        elif isinstance(child, Tag):
            if (
                child.name == "sup"
                and child.find("a", class_="footnote-ref")
                or child.name == "span"
                and child.has_attr("data-cite")
            ):
                yield child
            elif child.name == "br":  # the lines of one cell: keep their words apart
                yield " "
            elif child.name in _NOT_CLAIM_TEXT or set(child.get("class") or ()) & _SKIP:
                continue
            else:
                yield from _walk(child)


def claims_in_html(page_html: str, references: References) -> list[tuple[str, tuple[Citation, ...]]]:
    """Each cited claim on the page, in page order: the text since the previous reference in the
    same block (cell, list item, paragraph), and the citations its reference stands for. References
    side by side share the text before the first of them."""
    soup = BeautifulSoup(page_html, "html.parser")
    for footnotes in soup.select("div.footnote"):
        footnotes.decompose()
    found = []
    for block in soup.find_all(_BLOCKS):
        pieces: list[str] = []
        claim = ""
        for item in _walk(block):
            if isinstance(item, str):
                pieces.append(item)
                continue
            if item.name == "span":
                label = item["data-cite"]
            else:
                label = item.find("a", class_="footnote-ref")["href"].removeprefix("#fn:")
            # References side by side back the same text.
            claim = _claim_text(pieces) or claim
            citations = references.citations(label) if label.startswith((_LABEL, _CELL_LABEL)) else None
            if citations:
                found.append((claim, citations))
            pieces = []
    return found
