"""Small builders for generated Markdown. All data text goes through `text()`."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Sequence

# Characters that start Markdown or HTML syntax anywhere in a line, with this site's extensions: code, emphasis,
# links and images, raw HTML and entities, table cells, attribute lists, emoji shortcodes, and escapes themselves.
_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_[]<>&!|{}:#~"})
_LIST_START = re.compile(r"^([-+]|\d+[.)])")


def text(value: str) -> str:
    """Markdown that renders as exactly `value`, as plain text on one line.

    Every character that can start Markdown or HTML syntax is backslash-escaped,
    which pymdownx.escapeall turns back into the literal character (HTML-escaped
    where needed): `|` cannot end a table cell, `<` cannot open a tag, a backtick,
    `*` or `[` cannot start Markdown syntax, and a leading `-`, `+` or `1.` cannot
    start a list. Other punctuation is left as it is: escaping it would only give
    Markdown more to undo. Line breaks become spaces: a newline would end a table row.
    """
    flat = " ".join(value.split())
    escaped = flat.translate(_ESCAPES)
    return _LIST_START.sub(lambda found: found[0][:-1] + "\\" + found[0][-1], escaped, count=1)


def link(label: str, target: str, page: str) -> str:
    """A Markdown link from `page` to `target` (both relative to docs/, target may carry #anchor)."""
    if "://" in target:
        return f"[{text(label)}]({target})"
    path, _, anchor = target.partition("#")
    return f"[{text(label)}]({relative(path, page)}{'#' + anchor if anchor else ''})"


@functools.cache
def relative(path: str, page: str) -> str:
    """`path` as written on `page` (both relative to docs/): '' for the page itself."""
    return posixpath.relpath(path, posixpath.dirname(page) or ".") if path != page else ""


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells must already be Markdown (use `text()` for data)."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def tabs(panels: Iterable[tuple[str, str]]) -> str:
    """pymdownx.tabbed content tabs: (title, Markdown body) pairs."""
    blocks = []
    for title, body in panels:
        indented = "\n".join("    " + line if line else "" for line in body.splitlines())
        blocks.append(f'=== "{text(title)}"\n\n{indented}')
    return "\n\n".join(blocks)
