"""Tree processors that fit pages to narrow screens and assistive technology.

Tables with three or more columns are marked so that, on a phone, each row becomes a
block (docs/stylesheets/extra.css): its first cell turns into a row header and every
other cell carries the name of its column, shown before its value. Nothing but code and
tab strips then scrolls sideways, however many roles a table compares.

Abbreviations take focus, because Material shows their meaning on focus as well as on
hover: that is what a tap or the Tab key gives.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

_SHORT = 4  # characters: a value this short fits on its column name's line
_ESCAPED = re.compile("\x02(\\d+)\x03")
_STASHED = re.compile("\x02wzxhzdk:\\d+\x03")


def _text(cell: etree.Element) -> str:
    """A cell's text, without reference numbers, hidden corners of grids or Markdown's placeholders."""
    parts = [cell.text or ""]
    for child in cell:
        if child.tag not in ("sup", "pvp-cite"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    text = _ESCAPED.sub(lambda m: chr(int(m[1])), _STASHED.sub("", "".join(parts)))
    return " ".join(text.split())


class StackedTablesTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            rows = list(table.iter("tr"))
            if not rows:
                continue
            header = [_text(cell) for cell in rows[0] if cell.tag in ("th", "td")]
            if len(header) < 3:
                continue
            values = [_text(cell) for row in rows[1:] for cell in list(row)[1:]]
            # An attribute, not a class: Material styles (and wraps) only tables without a class.
            # Cells of a letter or two (a RACI) sit beside their column's name instead of under it.
            table.set("data-stack", "short" if values and max(map(len, values)) <= _SHORT else "")
            for row in rows[1:]:
                for column, cell in enumerate(row):
                    if cell.tag == "th":
                        continue
                    if column == 0:  # the row's own name: a header for the cells after it
                        cell.tag = "th"
                        cell.set("scope", "row")
                    else:
                        cell.set("data-label", header[column] if column < len(header) else "")


class FocusableAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for abbreviation in root.iter("abbr"):
            abbreviation.set("tabindex", "0")
