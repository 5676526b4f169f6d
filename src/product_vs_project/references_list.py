"""After Markdown has parsed a page: number its references, give prose claims their text, list the references.

Each citation token is an element in the tree by now. In page order, this:
- takes the text of a prose claim: the text of its block (paragraph, list item, table
  cell, heading) since the previous reference in the same block; references side by side
  back the same text;
- numbers the references in the order they first appear (the same sources twice share a
  number) and turns each token into a footnote-style reference number, in the markup of
  Python-Markdown's footnotes, which Material styles and shows as a tooltip;
- appends the list of references under a "References" heading.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .citations import Part, Reference
from .models import Citation, Source

if TYPE_CHECKING:
    from .markdown_extension import GuideExtension, PageState

CITE_TAG = "pvp-cite"
LABEL = "cite-"
REFERENCES_HEADING = "References"
# Elements that hold a claim, and elements whose text belongs to other claims.
_BLOCKS = {"td", "th", "li", "dd", "dt", "p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary"}
_OTHER = _BLOCKS | {"ul", "ol", "table", "div", "svg"}
_ESCAPED = re.compile("\x02(\\d+)\x03")
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAG = re.compile(r"<[^>]*>")


class ReferencesTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GuideExtension, state: PageState) -> None:
        super().__init__(md)
        self.extension = extension
        self.state = state

    def run(self, root: etree.Element) -> None:
        citations = self.state.citations
        if citations is None:
            return
        tokens = list(self._claims(root, citations.references))
        if not tokens:
            return
        numbers: dict[tuple[Part, ...], int] = {}
        uses: dict[int, int] = {}
        for element, reference in tokens:
            number = numbers.setdefault(reference.parts, len(numbers) + 1)
            uses[number] = uses.get(number, 0) + 1
            _reference_number(element, number, uses[number])
        site = self.extension.site()
        sources_page = site.homes.get("list sources")
        root.append(_heading())
        root.append(_list(numbers, uses, site.guide.sources, sources_page, citations.page))

    def _claims(
        self, root: etree.Element, references: Sequence[Reference]
    ) -> Iterator[tuple[etree.Element, Reference]]:
        """Each token in page order with its reference; prose claims get the text before them."""
        for block in root.iter():
            if block.tag not in _BLOCKS:
                continue
            pieces: list[str] = []
            claim = ""
            for item in _walk(block):
                if isinstance(item, str):
                    pieces.append(item)
                    continue
                reference = references[int(item.get("index"))]
                claim = _claim_text(self._plain("".join(pieces))) or claim
                for recorded in reference.claims:
                    if recorded[0] is None:
                        recorded[0] = claim
                pieces = []
                yield item, reference

    def _plain(self, text: str) -> str:
        """Text as the reader sees it: escaped characters and stashed inline HTML restored, tags left out."""

        def stashed(match: re.Match[str]) -> str:
            raw = str(self.md.htmlStash.rawHtmlBlocks[int(match[1])])
            return " " if raw.startswith("<br") else html.unescape(_TAG.sub("", raw))

        return _ESCAPED.sub(lambda m: chr(int(m[1])), _STASHED.sub(stashed, text))


def _walk(block: etree.Element) -> Iterator[str | etree.Element]:
    """The text and citation tokens of `block` in order, not entering nested blocks."""
    if block.text:
        yield block.text
    for child in block:
        if child.tag == CITE_TAG:
            yield child
        elif child.tag == "br":  # the lines of one cell: keep their words apart
            yield " "
        elif child.tag not in _OTHER:
            yield from _walk(child)
        if child.tail:
            yield child.tail


def _claim_text(text: str) -> str:
    return " ".join(text.split()).lstrip(".,;:)] ").strip()


def _reference_number(element: etree.Element, number: int, use: int) -> None:
    """The token's element, turned into the footnote reference of `number` (its `use`-th on the page)."""
    tail = element.tail
    element.clear()
    element.tag = "sup"
    element.set("id", f"fnref{use if use > 1 else ''}:{LABEL}{number}")
    link = etree.SubElement(element, "a", {"class": "footnote-ref", "href": f"#fn:{LABEL}{number}"})
    link.text = str(number)
    element.tail = tail


def _heading() -> etree.Element:
    heading = etree.Element("h2", {"id": "references", "data-search-exclude": ""})
    heading.text = REFERENCES_HEADING
    return heading


def _link(parent: etree.Element, label: str, href: str) -> etree.Element:
    link = etree.SubElement(parent, "a", {"href": href})
    link.text = label
    return link


def _relative(target: str, page: str) -> str:
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(page) or ".") if path != page else ""
    return relative + (f"#{anchor}" if anchor else "")


def _append_text(parent: etree.Element, text: str) -> None:
    """Text after the last child of `parent` (or as its text)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _cited(parent: etree.Element, citation: Citation, source: Source, sources_page: str | None, page: str) -> None:
    if sources_page:
        _link(parent, source.label, _relative(f"{sources_page}#{source.id}", page))
    else:
        _append_text(parent, source.label)
    if citation.at:
        _append_text(parent, f", “{citation.at}”")
    if source.url:
        _append_text(parent, " (")
        _link(parent, urlsplit(source.url).hostname or source.url, source.url)
        _append_text(parent, ")")


def _list(
    numbers: dict[tuple[Part, ...], int],
    uses: dict[int, int],
    sources: dict[str, Source],
    sources_page: str | None,
    page: str,
) -> etree.Element:
    box = etree.Element("div", {"class": "footnote"})
    etree.SubElement(box, "hr")
    items = etree.SubElement(box, "ol")
    for parts, number in numbers.items():
        item = etree.SubElement(items, "li", {"id": f"fn:{LABEL}{number}"})
        paragraph = etree.SubElement(item, "p")
        for index, (column, citations) in enumerate(parts):
            if index:
                _append_text(paragraph, " ")
            if column:
                _append_text(paragraph, f"{column}: ")
            for position, citation in enumerate(citations):
                if position:
                    _append_text(paragraph, "; ")
                _cited(paragraph, citation, sources[citation.id], sources_page, page)
            _append_text(paragraph, ".")
        for use in range(1, uses[number] + 1):
            _append_text(paragraph, "\u00a0")
            back = _link(paragraph, "\u21a9", f"#fnref{use if use > 1 else ''}:{LABEL}{number}")
            back.set("class", "footnote-backref")
            back.set("title", f"Jump back to footnote {number} in the text")
    return box
