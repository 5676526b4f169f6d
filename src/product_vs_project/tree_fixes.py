"""Tree processors that fit pages to narrow screens and assistive technology.

Tables with three or more columns are marked so that, on a phone, each row becomes a
block (docs/stylesheets/extra.css): its first cell turns into a row header and every
other cell carries the name of its column, shown before its value. Nothing but code and
tab strips then scrolls sideways, however many roles a table compares. A RACI (a table
inside <div class="pvp-raci">) stays a compact matrix instead, each row's A marked.

Abbreviations take focus, because Material shows their meaning on focus as well as on
hover: that is what a tap or the Tab key gives. And each is spelled out where a page first
uses it, outside headings, unless the page spells it out itself.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown.treeprocessors import Treeprocessor

from .tree_text import seen, unescape


def _raw(cell: Element) -> str:
    """A cell's text with Markdown's placeholders, leaving out reference numbers and their popovers."""
    parts = [cell.text or ""]
    for child in cell:
        if "pvp-ref" not in child.get("class", "").split():
            parts.append(_raw(child))
        parts.append(child.tail or "")
    return "".join(parts)


class StackedTablesTreeprocessor(Treeprocessor):
    def _text(self, cell: Element) -> str:
        return " ".join(seen(self.md, _raw(cell)).split())

    def run(self, root: Element) -> None:
        matrices = {
            id(table) for box in root.iter("div") if "pvp-raci" in box.get("class", "") for table in box.iter("table")
        }
        for table in root.iter("table"):
            rows = list(table.iter("tr"))
            if not rows:
                continue
            header = [self._text(cell) for cell in rows[0] if cell.tag in ("th", "td")]
            # Attributes, not classes: Material styles (and wraps) only tables without a class.
            if id(table) in matrices:
                _matrix(table, rows)
                continue
            if len(header) < 3:
                continue
            table.set("data-stack", "")
            for row in rows[1:]:
                for column, cell in enumerate(row):
                    if cell.tag == "th":
                        continue
                    if column == 0:  # the row's own name: a header for the cells after it
                        cell.tag = "th"
                        cell.set("scope", "row")
                    else:
                        cell.set("data-label", header[column] if column < len(header) else "")


def _matrix(table: Element, rows: list[Element]) -> None:
    """A RACI: first cells head their rows, and the cell holding the A is marked (its letters are plain)."""
    table.set("data-raci", "")
    for row in rows[1:]:
        for column, cell in enumerate(row):
            if column == 0 and cell.tag == "td":
                cell.tag = "th"
                cell.set("scope", "row")
            elif "A" in (cell.text or "").split(", "):
                cell.set("class", "pvp-raci__a")


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class EarlyUnescape(Treeprocessor):
    """Escaped characters back in the text before the abbreviations are found, so that `O\\*NET`, escaped in
    Markdown, is found as the abbreviation O*NET. Python-Markdown does the same at the end (its unescape
    tree processor), only too late for abbreviations; code keeps its escapes, as there."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.text and element.tag != "code":
                element.text = unescape(element.text)
            if element.tail:
                element.tail = unescape(element.tail)


class FocusableAbbreviations(Treeprocessor):
    """Spells out each abbreviation at its first use on the page, and makes each later one a tab
    stop that spells itself out when tapped or focused (extra.css: abbr[tabindex]:focus)."""

    def run(self, root: Element) -> None:
        # Not in headings or link text, nor in references (their popovers come first in the page, but a
        # reader meets them later).
        aside = {
            id(a)
            for element in root.iter()
            if element.tag in _HEADINGS
            or element.tag == "a"
            or {"pvp-ref__pop", "pvp-references"} & set(element.get("class", "").split())
            for a in element.iter("abbr")
        }
        # A tab stop inside a link would be a control inside a control.
        in_links = {id(a) for link in root.iter("a") for a in link.iter("abbr")}
        page_text = " ".join(root.itertext()).casefold()
        spelled: set[str] = set()
        for abbreviation in root.iter("abbr"):
            meaning = abbreviation.get("title", "")
            if id(abbreviation) not in in_links:
                abbreviation.set("tabindex", "0")
            if id(abbreviation) in aside or meaning in spelled:
                continue
            spelled.add(meaning)
            if meaning and meaning.casefold() not in page_text:
                abbreviation.attrib.pop("tabindex", None)  # spelled out right here
                abbreviation.tail = f" ({meaning})" + (abbreviation.tail or "")
