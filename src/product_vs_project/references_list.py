"""After Markdown has parsed a page: number its references, give prose claims their text, list the references.

Each citation token is an element in the tree by now. In page order, this:
- takes the text of a prose claim: the text of its block (paragraph, list item, table
  cell, heading) since the previous reference in the same block; references side by side
  back the same text;
- shows at most one reference number per sentence: the references of one sentence are
  merged into its last one (each claim keeps its own sources in the export);
- numbers the references in the order they first appear (the same sources twice share a
  number) and makes each a link to its entry in the list;
- lists every reference at the end, under a "References" heading, folded into a
  <details>: each source, the place and the quoted words, with a link that opens the
  source at the passage (a URL text fragment) in browsers that support it.
The page's script (docs/assets/javascripts/references.js) opens a reference in place, as
a popover showing its entry, when its number is tapped, clicked or activated from the
keyboard, and opens the list on wide screens. Without script a number leads to its entry
(browsers unfold the list to show it). Each entry is written once.
"""

from __future__ import annotations

import functools
import itertools
import posixpath
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit
from xml.etree.ElementTree import Element, SubElement

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .citations import Part, Reference
from .evidence import ELLIPSIS
from .models import Citation, Source
from .tree_text import seen

if TYPE_CHECKING:
    from .markdown_extension import GuideExtension, PageState

CITE_TAG = "pvp-cite"
REFERENCES_HEADING = "References"
# Elements that hold a claim, and elements whose text belongs to other claims.
_BLOCKS = {"td", "th", "li", "dd", "dt", "p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary"}
_OTHER = _BLOCKS | {"ul", "ol", "table", "div", "svg"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(\s|$)")


class ReferencesTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GuideExtension, state: PageState) -> None:
        super().__init__(md)
        self.extension = extension
        self.state = state

    def run(self, root: Element) -> None:
        citations = self.state.citations
        if citations is None:
            return
        shown = list(self._claims(root, citations.references))
        if not shown:
            return
        site = self.extension.site()
        links = _Links(site.guide.sources, site.homes.get("list sources"), citations.page)
        numbers: dict[tuple[Part, ...], int] = {}
        for element, parts in shown:
            _reference(element, numbers.setdefault(parts, len(numbers) + 1))
        root.append(_heading())
        root.append(_list(numbers, links))

    def _claims(self, root: Element, references: Sequence[Reference]) -> Iterator[tuple[Element, tuple[Part, ...]]]:
        """Each reference shown, in page order, with what it stands for; prose claims get the text before them.

        The references of one sentence are merged into its last one: the others' elements are removed.
        """
        for block in list(root.iter()):
            if block.tag not in _BLOCKS:
                continue
            pieces: list[str] = []
            claim = ""
            pending: list[tuple[Element, Reference]] = []  # the current sentence's references
            for item in list(_walk(block)):
                if isinstance(item, str):
                    pieces.append(item)
                    if pending and _SENTENCE_END.search(item):
                        yield self._merged(block, pending)
                        pending = []
                    continue
                index = int(item.get("index"))
                reference = references[index]
                self.state.citations.shown.append(index)
                claim = _claim_text(seen(self.md, "".join(pieces))) or claim
                for recorded in reference.claims:
                    if recorded[0] is None:
                        recorded[0] = claim
                pieces = []
                pending.append((item, reference))
            if pending:
                yield self._merged(block, pending)

    def _merged(self, block: Element, pending: list[tuple[Element, Reference]]) -> tuple[Element, tuple[Part, ...]]:
        """The sentence's last reference, standing for all of its references."""
        last = pending[-1][0]
        parts: list[Part] = []
        for element, reference in pending:
            for part in reference.parts:
                if part not in parts:
                    parts.append(part)
            if element is not last:
                _remove(block, element)
        return last, _join_prose_parts(parts)


def _join_prose_parts(parts: list[Part]) -> tuple[Part, ...]:
    """Unlabelled parts (prose) join into one list of citations; labelled ones (a row's columns) stay apart."""
    if all(label is None for label, _ in parts):
        return ((None, tuple(dict.fromkeys(c for _, citations in parts for c in citations))),)
    return tuple(parts)


def _walk(block: Element) -> Iterator[str | Element]:
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


def _remove(block: Element, element: Element) -> None:
    """Take `element` out of the tree below `block`, keeping its tail text."""
    for parent in block.iter():
        children = list(parent)
        if element in children:
            index = children.index(element)
            if element.tail:
                if index:
                    children[index - 1].tail = (children[index - 1].tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
            return


def _claim_text(text: str) -> str:
    return " ".join(text.split()).lstrip(".,;:)] ").strip()


# --- What a reference shows ----------------------------------------------------------------


@functools.cache
def text_fragment(url: str, quote_text: str) -> str:
    """`url` with a text fragment that highlights the quoted passage (#:~:text=start,end)."""
    parts = [part.strip(" .,;:") for part in quote_text.split(ELLIPSIS)]

    def encoded(part: str) -> str:
        return quote(part, safe="").replace("-", "%2D")

    directive = ":~:text=" + ",".join(encoded(part) for part in parts if part)
    return url + directive if "#" in url else f"{url}#{directive}"


class _Links:
    """Where a page's references link: each source's entry on the Sources page, and the source itself."""

    def __init__(self, sources: dict[str, Source], sources_page: str | None, page: str) -> None:
        self.sources = sources
        self.sources_page = sources_page
        self.page = page

    @functools.cached_property
    def _sources_path(self) -> str | None:
        return posixpath.relpath(self.sources_page, posixpath.dirname(self.page) or ".") if self.sources_page else None

    def entry(self, source: Source) -> str | None:
        return f"{self._sources_path}#{source.id}" if self._sources_path else None


def _link(parent: Element, label: str, href: str, css: str | None = None) -> Element:
    link = SubElement(parent, "a", {"href": href})
    if css:
        link.set("class", css)
    link.text = label
    return link


def _append_text(parent: Element, text: str) -> None:
    """Text after the last child of `parent` (or as its text)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _source(parent: Element, citations: Sequence[Citation], links: _Links) -> None:
    """One source's citations at one place, inside `parent`:
    'Scrum Guide, “The Product Owner”: “first quote” open the passage; “second quote” open the passage'."""
    source = links.sources[citations[0].id]
    entry = links.entry(source)
    if entry:
        _link(parent, source.label, entry)
    else:
        _append_text(parent, source.label)
    if citations[0].at:
        _append_text(parent, f", “{citations[0].at}”")
    for index, citation in enumerate(citations):
        _append_text(parent, ": " if index == 0 and citation.quote else "; " if index else " ")
        if citation.quote:
            SubElement(parent, "q").text = citation.quote
            _append_text(parent, " ")
            _link(parent, "open the passage", text_fragment(source.url, citation.quote))
        else:
            _link(parent, urlsplit(source.url).hostname or "open the source", source.url)


def _parts(parent: Element, parts: tuple[Part, ...], links: _Links) -> None:
    """A reference's citations, a line per source and place; a row's reference names each column first."""
    for column, citations in parts:
        groups = [list(group) for _, group in itertools.groupby(citations, key=lambda c: (c.id, c.at))]
        for index, group in enumerate(groups):
            line = SubElement(parent, "cite")
            if column and index == 0:
                SubElement(line, "strong").text = f"{column}: "
            _source(line, group, links)


def _reference(element: Element, number: int) -> None:
    """The token's element, turned into reference `number`: a link to its entry in the list, which the page's
    script (docs/assets/javascripts/references.js) opens in place instead, as a popover."""
    tail = element.tail
    element.clear()
    element.tag = "a"
    # Material's search leaves out elements marked data-search-exclude, but its parser tells elements apart by
    # tag only (material/plugins/search/plugin.py, Element.__eq__): the first closing tag of the same kind ends
    # the exclusion. So the mark sits on the <a>, which holds nothing but the number.
    # tests/test_theme.py fails when Material's parser compares more than the tag.
    element.attrib.update(
        {
            "href": f"#ref-{number}",
            "class": "pvp-ref",
            "aria-label": f"Reference {number}",
            "data-search-exclude": "",
        }
    )
    element.text = str(number)
    element.tail = tail


def _heading() -> Element:
    heading = Element("h2", {"id": "references", "data-search-exclude": ""})
    heading.text = REFERENCES_HEADING
    return heading


def _list(numbers: dict[tuple[Part, ...], int], links: _Links) -> Element:
    box = Element("details", {"class": "pvp-references", "data-search-exclude": "", "data-pvp-script": "references"})
    summary = SubElement(box, "summary")
    count = len(numbers)
    summary.text = f"{count} reference{'s' if count != 1 else ''}: each source, the place in it and the quoted words"
    items = SubElement(box, "ol")
    for parts, number in numbers.items():
        item = SubElement(items, "li", {"id": f"ref-{number}"})
        _parts(item, parts, links)
    return box
