"""Every marker a page may use: `<!-- md:kind name key=value -->`, and what each one generates.

A block marker (table, list, text, diagram) stands on a line of its own and is replaced
by the Markdown its renderer returns. `md:cite` stands inline after a claim (see
product_vs_project.citations). The registry below is the only list of markers: the
scanner, the error messages and the reference on the Contribute page all read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .markdown_text import table, text
from .renderers import bibliography, checklists, comparison, glossary, handoff, quiz, raci, roles
from .renderers.context import Context, ParameterError


@dataclass(frozen=True)
class Generator:
    render: Callable[..., str]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    anchors: bool = False  # defines anchors other pages link to, so it may appear on one page only

    @property
    def summary(self) -> str:
        return (self.render.__doc__ or "").strip().splitlines()[0]


CITE = "cite"
COUNT = "count"
VERSION = "version"
INLINE = {
    CITE: "After a claim: its sources, each with the place and a quote in double quotes; becomes a reference.",
    COUNT: "In a sentence: how many roles, pairs, steps, dimensions, settings, activities or sources the data holds, "
    "in words ('six').",
    VERSION: "In a sentence: the guide's version (pyproject.toml), which CITATION.cff and the data export carry.",
}
_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def _counts(context: Context) -> dict[str, int]:
    guide = context.guide
    roles = len(guide.roles)
    return {
        "roles": roles,
        "pairs": roles * (roles - 1) // 2,
        "steps": len(guide.handoff.steps),
        "dimensions": len(guide.dimensions),
        "settings": len(guide.raci.settings),
        "activities": len(guide.raci.activities),
        "sources": len(guide.sources),
    }


def count(context: Context, body: str) -> str:
    """`<!-- md:count roles -->`: the number, in words up to twelve, so prose never states a stale count."""
    counts = _counts(context)
    what = body.strip()
    if what not in counts:
        raise ValueError(f"md:count {what!r}; expected one of: {', '.join(counts)}")
    number = counts[what]
    return _NUMBERS[number] if number < len(_NUMBERS) else str(number)


def _data_files(context: Context) -> str:
    """The field reference of every data file, generated from its model."""
    from .field_reference import data_files  # the reference reads the data files' table, not the markers

    return data_files()


def _data_export(context: Context) -> str:
    """Links to each file of the open data export."""
    from .export import export_list

    return export_list(context.page)


_QUESTION = re.compile(r"^### (?P<question>.+?)\s*\{\s*#(?P<anchor>[\w-]+)\s*\}\s*$")
_SECTION = re.compile(r"^## (?P<section>[^{]+?)\s*(?:\{.*\})?\s*$")


def _questions(context: Context) -> str:
    """The page's own questions (its `### Question? { #anchor }` headings) as links, under their sections."""
    lines, group = [], None
    for row in context.page_lines:
        section, question = _SECTION.match(row), _QUESTION.match(row)
        if section:
            group = section["section"]
        elif question:
            if group is not None:
                lines.append(f"\n**{group}**\n")
                group = None
            lines.append(f"- [{question['question']}](#{question['anchor']})")
    if not lines:
        raise ValueError("md:list questions found no `### Question { #anchor }` heading on this page")
    # The attribute lets the page's style show each question's permalink on touch screens.
    return '<div class="pvp-questions" data-pvp-questions markdown>\n' + "\n".join(lines) + "\n\n</div>"


def _markers(context: Context) -> str:
    """Every marker a page may use, with its parameters and what it gives."""
    rows = []
    for kind, generators in GENERATORS.items():
        for name, generator in sorted(generators.items()):
            params = [f"`{p}=` (required)" for p in generator.required] + [f"`{p}=`" for p in generator.optional]
            rows.append([f"`md:{kind} {name}`", ", ".join(params) or "none", text(generator.summary)])
    rows += [[f"`md:{kind}`", "inline", text(description)] for kind, description in INLINE.items()]
    rows[-2][1] = ", ".join(f"`{name}`" for name in _counts(context))
    return table(["Marker", "Parameters", "What it gives"], rows)


GENERATORS: dict[str, dict[str, Generator]] = {
    "table": {
        "comparison": Generator(comparison.comparison_table, optional=("roles", "dimensions")),
        "role-values": Generator(comparison.role_values_table, required=("role",), optional=("dimensions",)),
        "fit": Generator(comparison.fit_table, optional=("roles",)),
        "handoff-crossings": Generator(handoff.handoff_crossings_table, optional=("roles",)),
        "pairs": Generator(comparison.pairs_table),
        "crosswalk": Generator(comparison.crosswalk_table),
        "skills": Generator(comparison.skills_table, required=("roles",)),
        "raci": Generator(raci.raci_table, required=("setting",)),
    },
    "list": {
        "interests": Generator(roles.interests_list, required=("role",)),
        "routes": Generator(roles.routes_list, required=("role",)),
        "credentials": Generator(roles.credentials_list, required=("role",)),
        "role-skills": Generator(roles.role_skills_list, required=("role",)),
        "skills-glossary": Generator(glossary.skills_glossary),
        "pairs": Generator(comparison.pairs_list, optional=("role",)),
        "roles": Generator(roles.roles_list),
        "tasks": Generator(roles.tasks_list, required=("role",)),
        "pair-in-short": Generator(comparison.pair_in_short, required=("roles",)),
        "pair-together": Generator(comparison.pair_together_list, required=("roles",)),
        "pair-confusion": Generator(comparison.pair_confusion_list, required=("roles",)),
        "raci-settings": Generator(raci.settings_list),
        "disagreements": Generator(bibliography.disagreements_list, anchors=True),
        "handoff-steps": Generator(handoff.handoff_steps_list),
        "handoff-checklist": Generator(checklists.handoff_checklist),
        "selfcheck": Generator(checklists.selfcheck),
        "quiz": Generator(quiz.quiz),
        "glossary": Generator(glossary.glossary_list, anchors=True),
        "sources": Generator(bibliography.sources_list, anchors=True),
        "data-files": Generator(_data_files),
        "data-export": Generator(_data_export),
        "markers": Generator(_markers),
        "questions": Generator(_questions),
    },
    "text": {
        "pair-answer": Generator(comparison.pair_answer, required=("roles",)),
        "role-summary": Generator(roles.role_summary, required=("role",)),
    },
    "diagram": {
        "handoff": Generator(handoff.diagram),
    },
}
KINDS = (*GENERATORS, *INLINE)


@dataclass(frozen=True)
class BlockMarker:
    kind: str
    name: str
    params: dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def generator(self) -> Generator:
        return GENERATORS[self.kind][self.name]

    def render(self, context: Context) -> str:
        return self.generator.render(context, **self.params)


def parse_block(kind: str, body: str) -> BlockMarker:
    """A block marker's name and parameters, checked against the registry (ValueError worded for the author)."""
    name, *words = body.split() or [""]
    known = GENERATORS[kind]
    if name not in known:
        raise ValueError(f"unknown {kind} {name!r}; expected one of: {', '.join(sorted(known))}")
    generator = known[name]
    allowed = generator.required + generator.optional
    params: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals or not value or key not in allowed:
            expected = ", ".join(f"{p}=..." for p in allowed) or "no parameters"
            raise ValueError(f"md:{kind} {name!r} does not take {word!r}; expected {expected}")
        params[key] = value
    missing = [p for p in generator.required if p not in params]
    if missing:
        raise ValueError(f"md:{kind} {name!r} needs {missing[0]}=...")
    return BlockMarker(kind, name, params)


__all__ = ["GENERATORS", "KINDS", "BlockMarker", "Context", "ParameterError", "parse_block"]
