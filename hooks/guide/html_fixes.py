"""Fixes to the rendered HTML of a page, for narrow screens and assistive technology.

Tables with three or more columns are marked so that, on a phone, each row becomes a
block (docs/stylesheets/extra.css): its first cell turns into a row header and every
other cell carries the name of its column, shown before its value. Nothing but code
and tab strips then scrolls sideways, however many roles a table compares.

Abbreviations take focus, because Material shows their meaning on focus as well as on
hover: that is what a tap or the Tab key gives.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([dh])((?:\s[^>]*)?)>(.*?)</t\1>", re.S)
_SHORT = 4  # characters: a value this short fits on its column name's line


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" or ("class", "headerlink") in attrs:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag in ("sup", "a"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _plain(cell_html: str) -> str:
    """A cell's text, without reference numbers or permalink signs."""
    parser = _Text()
    parser.feed(cell_html)
    return " ".join("".join(parser.parts).split())


def _stack(match: re.Match[str]) -> str:
    body = match[1]
    rows = _ROW.findall(body)
    if not rows:
        return match[0]
    header = [_plain(cell[2]) for cell in _CELL.findall(rows[0])]
    if len(header) < 3:
        return match[0]

    def label_row(row: re.Match[str]) -> str:
        position = 0

        def label_cell(cell: re.Match[str]) -> str:
            nonlocal position
            kind, attributes, content = cell[1], cell[2], cell[3]
            column = position
            position += 1
            if kind == "h":
                return cell[0]
            if column == 0:  # the row's own name: a header for the cells after it
                return f'<th scope="row"{attributes}>{content}</th>'
            name = html.escape(header[column] if column < len(header) else "", quote=True)
            return f'<td data-label="{name}"{attributes}>{content}</td>'

        return f"<tr>{_CELL.sub(label_cell, row[1])}</tr>"

    # An attribute, not a class: Material styles (and wraps) only tables without a class.
    # Cells of a letter or two (a RACI) sit beside their column's name instead of under it.
    values = [_plain(cell[2]) for row in rows[1:] for cell in _CELL.findall(row)[1:]]
    kind = ' data-stack="short"' if values and max(map(len, values)) <= _SHORT else " data-stack"
    return f"<table{kind}>{_ROW.sub(label_row, body)}</table>"


def stack_tables(page_html: str) -> str:
    """Mark every table of three or more columns to stack on phones, naming each cell's column."""
    return _TABLE.sub(_stack, page_html)


_ABBREVIATION = re.compile(r"<abbr title=")


def focusable_abbreviations(page_html: str) -> str:
    """Let each abbreviation take focus, so its meaning shows on tap and keyboard focus, not only on hover."""
    return _ABBREVIATION.sub('<abbr tabindex="0" title=', page_html)


def fix(page_html: str) -> str:
    return focusable_abbreviations(stack_tables(page_html))
