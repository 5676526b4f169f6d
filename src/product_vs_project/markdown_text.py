"""Small builders for generated Markdown. All data text goes through `text()`."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence


def text(value: str) -> str:
    """Markdown that renders as exactly `value`, as plain text on one line.

    Every character that is not a letter, digit or space is backslash-escaped,
    which pymdownx.escapeall turns back into the literal character (HTML-escaped
    where needed). So `|` cannot end a table cell, `<` cannot open a tag, and a
    backtick, `*` or `[` cannot start Markdown syntax. Line breaks become spaces
    because a newline would end a table row.
    """
    return "".join(char if char.isalnum() or char == " " else "\\" + char for char in " ".join(value.split()))


def link(label: str, target: str, page: str) -> str:
    """A Markdown link from `page` to `target` (both relative to docs/, target may carry #anchor)."""
    if "://" in target:
        return f"[{text(label)}]({target})"
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(page) or ".") if path != page else ""
    return f"[{text(label)}]({relative}{'#' + anchor if anchor else ''})"


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
