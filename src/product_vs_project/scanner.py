"""The one scanner for `<!-- md:... -->` markers and fenced code in a page's Markdown.

Markers are invisible HTML comments in the style of Material's own documentation. Every
comment that starts `<!-- md` must read as a marker, `<!-- md:kind ... -->` on one line:
anything else (a missing colon, no closing `-->`, an unknown kind) stops the build with
the file and line, instead of leaving a gap in the page. Markers inside fenced code
blocks are left alone, so pages can show examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import MarkerError

_OPENING = re.compile(r"<!--\s*md\b")
_MARKER = re.compile(r"<!--\s*md:(?P<kind>[a-z][a-z-]*)(?P<body>(?:(?!-->).)*)-->")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Line:
    """A line of a page's Markdown and where an author finds it."""

    text: str
    file: str  # as shown in messages: docs/roles/product-owner.md
    number: int  # 1-based, in that file

    def error(self, message: str) -> MarkerError:
        return MarkerError(f"{self.file}:{self.number}: {message}")


def lines_of(text: str, file: str, first: int = 1) -> list[Line]:
    return [Line(line, file, number) for number, line in enumerate(text.split("\n"), first)]


@dataclass(frozen=True)
class Found:
    """A marker: its kind, the text after the kind, and where it stands in its line."""

    line: Line
    kind: str
    body: str
    start: int
    end: int

    @property
    def alone(self) -> bool:
        """Whether the marker stands on a line of its own."""
        return not (self.line.text[: self.start] + self.line.text[self.end :]).strip()


def scan(lines: Iterable[Line], kinds: Iterable[str]) -> Iterator[tuple[Line, list[Found]]]:
    """Each line with the markers on it, in order; lines in fenced code have none. MarkerError on an unreadable one."""
    known = tuple(kinds)
    fence = None
    for line in lines:
        opening = _FENCE.match(line.text)
        if opening:
            mark = opening["fence"]
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            yield line, []
            continue
        if fence is not None:
            yield line, []
            continue
        yield line, list(_markers(line, known))


def _markers(line: Line, known: tuple[str, ...]) -> Iterator[Found]:
    position = 0
    for opening in _OPENING.finditer(line.text):
        if opening.start() < position:
            continue
        marker = _MARKER.match(line.text, opening.start())
        if marker is None:
            rest = line.text[opening.start() :]
            problem = "has no closing -->" if "-->" not in rest else "cannot be read"
            raise line.error(
                f"the comment {_cut(rest)!r} {problem}; expected a marker on one line, like <!-- md:kind name -->, "
                f"with kind one of: {', '.join(known)}"
            )
        if marker["kind"] not in known:
            raise line.error(f"unknown marker 'md:{marker['kind']}'; expected one of: {', '.join(known)}")
        position = marker.end()
        yield Found(line, marker["kind"], marker["body"], marker.start(), marker.end())


def _cut(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
