"""Find `<!-- md:kind name key=value -->` markers in a page and replace them with generated Markdown.

Markers are invisible HTML comments in the style of Material's own documentation. A
block marker (table, list, diagram, text) stands on a line of its own; `md:cite` stands
inline after a claim (see guide.citations). Every `<!-- md:... -->` comment must be
known: an unknown kind, name or parameter stops the build instead of leaving a gap.
Markers inside fenced code blocks are left alone, so pages can show examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import checklists, raci, render
from .diagram import handoff_diagram
from .markdown import table, text
from .render import Context, MarkerError

_ANY = re.compile(r"<!--\s*md:(?P<kind>[a-z-]*)")
_BLOCK = re.compile(r"^(?P<indent>\s*)<!--\s*md:(?P<kind>[a-z][a-z-]*)\s+(?P<body>.*?)-->\s*$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
INLINE_KINDS = ("cite", "cite-cell", "cite-row")


@dataclass(frozen=True)
class Generator:
    render: Callable[..., str]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    anchors: bool = False  # defines anchors other pages link to, so it may appear on one page only


def _handoff_diagram(context: Context) -> str:
    """The handoff as an inline SVG drawn at build time: a lane per role, a legend, and each step linked to its text."""
    return handoff_diagram(context.guide)


GENERATORS: dict[str, dict[str, Generator]] = {
    "table": {
        "comparison": Generator(render.comparison_table, optional=("roles", "dimensions")),
        "role-values": Generator(render.role_values_table, required=("role",), optional=("dimensions",)),
        "fit": Generator(render.fit_table, optional=("roles",)),
        "handoff-crossings": Generator(render.handoff_crossings_table, optional=("roles",)),
        "pairs": Generator(render.pairs_table),
        "crosswalk": Generator(render.crosswalk_table),
        "raci": Generator(raci.raci_table, required=("setting",)),
    },
    "list": {
        "interests": Generator(render.interests_list, required=("role",)),
        "routes": Generator(render.routes_list, required=("role",)),
        "credentials": Generator(render.credentials_list, required=("role",)),
        "role-skills": Generator(render.role_skills_list, required=("role",)),
        "skills": Generator(render.skills_list, required=("roles",)),
        "skills-glossary": Generator(render.skills_glossary),
        "pairs": Generator(render.pairs_list, optional=("role",)),
        "roles": Generator(render.roles_list),
        "tasks": Generator(render.tasks_list, required=("role",)),
        "pair-together": Generator(render.pair_together_list, required=("roles",)),
        "pair-confusion": Generator(render.pair_confusion_list, required=("roles",)),
        "raci-settings": Generator(raci.settings_list),
        "disagreements": Generator(render.disagreements_list, anchors=True),
        "handoff-steps": Generator(render.handoff_steps_list),
        "handoff-checklist": Generator(checklists.handoff_checklist),
        "selfcheck": Generator(checklists.selfcheck),
        "glossary": Generator(render.glossary_list, anchors=True),
        "sources": Generator(render.sources_list, anchors=True),
        "data-files": Generator(render.data_files_list),
        "data-export": Generator(render.data_export_list),
    },
    "text": {
        "pair-lead": Generator(render.pair_lead, required=("roles",)),
    },
    "diagram": {
        "handoff": Generator(_handoff_diagram),
    },
}
INLINE_DESCRIPTIONS = {
    "cite": "After a claim: its sources, each with the place in quotes; becomes a numbered reference.",
    "cite-cell": "Ends a table cell: the column's name in quotes, then its sources; shows nothing itself.",
    "cite-row": "In a row's first cell: one reference listing the sources of every cell in the row.",
}


def markers_reference(context: Context) -> str:
    """Every marker a page may use, with its parameters and what it gives."""
    rows = []
    for kind, generators in GENERATORS.items():
        for name, generator in sorted(generators.items()):
            params = [f"`{p}=` (required)" for p in generator.required] + [f"`{p}=`" for p in generator.optional]
            doc = (generator.render.__doc__ or "").strip().splitlines()
            rows.append([f"`md:{kind} {name}`", ", ".join(params) or "none", text(doc[0] if doc else "")])
    rows += [[f"`md:{kind}`", "inline", text(INLINE_DESCRIPTIONS[kind])] for kind in INLINE_KINDS]
    return table(["Marker", "Parameters", "What it gives"], rows)


GENERATORS["list"]["markers"] = Generator(markers_reference)


@dataclass(frozen=True)
class Marker:
    line: int  # 1-based, in the file
    indent: str
    kind: str
    name: str
    params: dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.kind} {self.name}"


def _kinds() -> str:
    return ", ".join([*GENERATORS, *INLINE_KINDS])


def _parse(line: int, match: re.Match[str]) -> Marker:
    kind = match["kind"]
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
            raise MarkerError(f"line {line}: md:{kind} {name!r} does not take {word!r}; expected {expected}")
        params[key] = value
    missing = [p for p in generator.required if p not in params]
    if missing:
        raise MarkerError(f"line {line}: md:{kind} {name!r} needs {missing[0]}=...")
    return Marker(line, match["indent"], kind, name, params)


def find_markers(markdown: str, first_line: int = 1) -> Iterator[Marker]:
    """Every block marker outside fenced code, in page order; MarkerError on an unknown or misplaced one.

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
        if fence is not None:
            continue
        for found in _ANY.finditer(line):
            kind = found["kind"]
            if kind not in GENERATORS and kind not in INLINE_KINDS:
                raise MarkerError(f"line {number}: unknown marker 'md:{kind}'; expected one of: {_kinds()}")
        block = _BLOCK.match(line)
        if block and block["kind"] in GENERATORS:
            yield _parse(number, block)
        elif any(found["kind"] in GENERATORS for found in _ANY.finditer(line)):
            raise MarkerError(
                f"line {number}: a md:table, md:list, md:text or md:diagram marker must stand on a line of its own"
            )


def find_homes(pages: dict[str, str]) -> dict[str, str]:
    """Which page holds each marker that defines anchors ('list sources' -> 'reference/sources.md')."""
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
                    f"line {marker.line}: <!-- md:{marker.key} --> is already on {homes[marker.key]}; "
                    "expected it on one page only, because other pages link to its anchors",
                    page,
                )
            homes[marker.key] = page
    return homes


def expand_markers(markdown: str, context: Context, first_line: int = 1) -> str:
    """The page with every block marker replaced by its generated Markdown."""
    lines = markdown.splitlines()
    for marker in reversed(list(find_markers(markdown, first_line))):
        generator = GENERATORS[marker.kind][marker.name]
        try:
            generated = generator.render(context, **marker.params)
        except MarkerError as error:
            raise MarkerError(f"line {marker.line}: md:{marker.key}: {error}") from None
        indented = [marker.indent + line if line else "" for line in generated.splitlines()]
        index = marker.line - first_line
        lines[index : index + 1] = indented
    return "\n".join(lines) + "\n"
