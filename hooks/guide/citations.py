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

CITE = re.compile(r"<!--\s*md:cite\b(?P<body>.*?)-->", re.S)
# Markers side by side (nothing but spaces between) make one reference.
_CITE_RUN = re.compile(r"<!--\s*md:cite\b.*?-->(?:[ \t]*<!--\s*md:cite\b.*?-->)*", re.S)
_ITEM = re.compile(r'\s*(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\s*"(?P<at>[^"]+)")?\s*(?:;|$)')
_LABEL = "cite-"  # footnote labels: cite-1, cite-2...
REFERENCES_HEADING = "References"


class CitationError(Exception):
    """A citation marker that names no known source, or cannot be read."""


def marker(citations: Sequence[Citation]) -> str:
    """The inline marker that cites `citations`: what generated Markdown puts after a claim."""
    return "<!-- md:cite " + "; ".join(f'{c.id} "{c.at}"' if c.at else c.id for c in citations) + " -->"


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
        citations.append(Citation(id=source_id, at=match["at"]))
        position = match.end()
    if not citations:
        raise CitationError('names no source; expected e.g. <!-- md:cite amdari "The Core Difference" -->')
    return tuple(citations)


def check(markdown: str, sources: dict[str, Source], first_line: int = 1) -> None:
    """Raise CitationError, naming the line, for the first marker outside code that cannot be read."""
    for start, part in _outside_code(markdown):
        for found in CITE.finditer(part):
            try:
                parse(found["body"], sources)
            except CitationError as error:
                line = first_line + markdown.count("\n", 0, start + found.start())
                raise CitationError(f"line {line}: {error}") from None


@dataclass(frozen=True)
class References:
    """A page's citations, numbered in order of first use."""

    groups: tuple[tuple[Citation, ...], ...]

    def label(self, number: int) -> str:
        return f"{_LABEL}{number}"

    def citations(self, label: str) -> tuple[Citation, ...]:
        return self.groups[int(label.removeprefix(_LABEL)) - 1]


def _reference_text(citations: Sequence[Citation], sources: dict[str, Source], sources_page: str, page: str) -> str:
    """'[Amdari](../reference/sources.md#amdari), “The Core Difference”; ...' with a link to each original."""
    parts = []
    for citation in citations:
        source = sources[citation.id]
        part = link(source.label, f"{sources_page}#{source.id}", page)
        if citation.at:
            part += f", “{text(citation.at)}”"
        if source.url:
            part += f" ({link(urlsplit(source.url).hostname or source.url, source.url, page)})"
        parts.append(part)
    return "; ".join(parts) + "."


def to_footnotes(
    markdown: str, sources: dict[str, Source], sources_page: str | None, page: str
) -> tuple[str, References]:
    """The page with each citation marker replaced by a footnote reference, and its references appended."""
    groups: list[tuple[Citation, ...]] = []

    def reference(run: re.Match[str]) -> str:
        citations: tuple[Citation, ...] = ()
        for found in CITE.finditer(run[0]):
            citations += tuple(c for c in parse(found["body"], sources) if c not in citations)
        if citations not in groups:
            groups.append(citations)
        return f"[^{_LABEL}{groups.index(citations) + 1}]"

    markdown = "".join(_CITE_RUN.sub(reference, part) if outside else part for outside, part in _parts(markdown))
    if not groups:
        return markdown, References(())
    if sources_page is None:
        raise CitationError("citations need a page with <!-- md:list sources -->, and none has it")
    definitions = [
        f"[^{_LABEL}{number}]: {_reference_text(citations, sources, sources_page, page)}"
        for number, citations in enumerate(groups, 1)
    ]
    # The footnotes extension puts its list where its place marker stands: under this heading.
    # Left out of search: the same references recur on many pages.
    heading = f"## {REFERENCES_HEADING} {{ #references data-search-exclude }}"
    ending = f"\n\n{heading}\n\n///Footnotes Go Here///\n\n" + "\n".join(definitions)
    return markdown.rstrip("\n") + ending + "\n", References(tuple(groups))


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
            if child.name == "sup" and child.find("a", class_="footnote-ref"):
                yield child
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
            label = item.find("a", class_="footnote-ref")["href"].removeprefix("#fn:")
            # References side by side back the same text.
            claim = _claim_text(pieces) or claim
            if label.startswith(_LABEL):
                found.append((claim, references.citations(label)))
            pieces = []
    return found
