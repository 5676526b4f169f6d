"""Read pages back as a reader gets them: parsed HTML (Beautiful Soup), never Markdown strings.

The markup of a reference (its number, its popover, the list at the end of the page) is
read here only, so a change to it is a change to this file.
"""

from __future__ import annotations

import copy

from bs4 import BeautifulSoup, NavigableString, Tag

# A reference in the text: a link showing its number. The list of references at the end of the page.
REFERENCE = "a.pvp-ref"
LISTED = ".pvp-references li"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def without_references(node: Tag) -> Tag:
    """A copy of `node` without reference numbers, their popovers, the list of references, or the meanings
    spelled out after abbreviations; a line break becomes a space."""
    node = copy.copy(node)
    for reference in node.select(f"{REFERENCE}, .pvp-references, #references"):
        reference.decompose()
    for line_break in node.find_all("br"):
        line_break.replace_with(" ")
    for abbreviation in node.find_all("abbr"):
        # Spelled out where a page first uses it: "GDS (Government Digital Service)". The data has "GDS".
        after, meaning = abbreviation.next_sibling, f" ({abbreviation.get('title')})"
        if isinstance(after, NavigableString) and after.startswith(meaning):
            after.replace_with(after[len(meaning) :])
    return node


def text_of(node: Tag) -> str:
    """The words a reader sees in `node`, without references."""
    return words(without_references(node).get_text(""))


def numbers(node: Tag) -> list[int]:
    """The reference numbers shown in `node`, in page order."""
    return [int(button.get_text(strip=True)) for button in node.select(REFERENCE)]


def listed(page: Tag) -> list[Tag]:
    """The entries of the page's list of references, in order."""
    return page.select(LISTED)


def tables(node: Tag) -> list[list[list[str]]]:
    """Each table as rows of cell texts, without references."""
    return [
        [[text_of(cell) for cell in row.find_all(["th", "td"], recursive=False)] for row in table.find_all("tr")]
        for table in node.find_all("table")
    ]
