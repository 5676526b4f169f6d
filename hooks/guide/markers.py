"""Find `<!-- kind: name key=value -->` markers in a page and replace them with generated Markdown.

A marker is an HTML comment on a line of its own whose text starts with a
lowercase word and a colon. Every such comment must name a known generator:
an unknown kind, name or parameter stops the build instead of leaving a gap.
Markers inside fenced code blocks are left alone, so pages can show examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import render
from .data import Guide
from .diagram import handoff_diagram
from .render import Context, MarkerError

_MARKER = re.compile(r"^(?P<indent>\s*)<!--\s*(?P<kind>[a-z][a-z0-9-]*):(?P<body>.*?)-->\s*$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Generator:
    render: Callable[..., str]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    anchors: bool = False  # defines anchors other pages link to, so it may appear on one page only


GENERATORS: dict[str, dict[str, Generator]] = {
    "table": {
        "comparison": Generator(render.comparison_table, optional=("dimensions",)),
        "at-a-glance": Generator(render.at_a_glance_table, required=("role",), optional=("dimensions",)),
        "skills": Generator(render.skills_table),
        "fit": Generator(render.fit_table),
        "handoff-crossings": Generator(render.handoff_crossings_table),
    },
    "list": {
        "routes": Generator(render.routes_list, required=("role",)),
        "disagreements": Generator(render.disagreements_list, anchors=True),
        "handoff-steps": Generator(render.handoff_steps_list),
        "handoff-checklist": Generator(render.handoff_checklist),
        "glossary": Generator(render.glossary_list),
        "sources": Generator(render.sources_list, anchors=True),
    },
    "diagram": {
        "handoff": Generator(lambda context: handoff_diagram(context.guide)),
    },
}


@dataclass(frozen=True)
class Marker:
    line: int  # 1-based
    indent: str
    kind: str
    name: str
    params: dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.kind}: {self.name}"


def _parse(line: int, match: re.Match[str]) -> Marker:
    kind = match["kind"]
    if kind not in GENERATORS:
        raise MarkerError(f"line {line}: unknown marker kind {kind!r}; expected one of: {', '.join(GENERATORS)}")
    name, *words = match["body"].split() or [""]
    known = GENERATORS[kind]
    if name not in known:
        raise MarkerError(f"line {line}: unknown {kind} {name!r}; expected one of: {', '.join(sorted(known))}")
    generator = known[name]
    allowed = generator.required + generator.optional
    params: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals or not value or key not in allowed:
            expected = ", ".join(f"{p}=..." for p in allowed) or "no parameters"
            raise MarkerError(f"line {line}: {kind} {name!r} does not take {word!r}; expected {expected}")
        params[key] = value
    missing = [p for p in generator.required if p not in params]
    if missing:
        raise MarkerError(f"line {line}: {kind} {name!r} needs {missing[0]}=...")
    return Marker(line, match["indent"], kind, name, params)


def find_markers(markdown: str, first_line: int = 1) -> Iterator[Marker]:
    """Every marker outside fenced code, in page order; MarkerError on a malformed one.

    `first_line` is the file line `markdown` starts on (after front matter), so
    messages name the line the author sees in the file.
    """
    fence = None
    for number, line in enumerate(markdown.splitlines(), first_line):
        opening = _FENCE.match(line)
        if opening:
            mark = opening["fence"]
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            continue
        if fence is None and (match := _MARKER.match(line)):
            yield _parse(number, match)


def find_homes(pages: dict[str, str]) -> dict[str, str]:
    """Which page holds each marker that others link to (sources, disagreements)."""
    homes: dict[str, str] = {}
    for page, markdown in sorted(pages.items()):
        try:
            markers = list(find_markers(markdown))
        except MarkerError as error:
            raise MarkerError(str(error), page) from None
        for marker in markers:
            if not GENERATORS[marker.kind][marker.name].anchors:
                continue
            if marker.key in homes:
                raise MarkerError(
                    f"line {marker.line}: <!-- {marker.key} --> is already on {homes[marker.key]}; "
                    "expected it on one page only, because citations link to its anchors",
                    page,
                )
            homes[marker.key] = page
    return homes


def expand_markers(markdown: str, page: str, guide: Guide, homes: dict[str, str], first_line: int = 1) -> str:
    """The page with every marker replaced by its generated Markdown."""
    lines = markdown.splitlines()
    context = Context(guide=guide, page=page, homes=homes)
    for marker in reversed(list(find_markers(markdown, first_line))):
        generator = GENERATORS[marker.kind][marker.name]
        try:
            generated = generator.render(context, **marker.params)
        except MarkerError as error:
            raise MarkerError(f"line {marker.line}: {marker.key}: {error}") from None
        indented = [marker.indent + line if line else "" for line in generated.splitlines()]
        index = marker.line - first_line
        lines[index : index + 1] = indented
    return "\n".join(lines) + "\n"
