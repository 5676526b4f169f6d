"""Renderers: each turns the guide's data into the Markdown for one marker.

Each takes a `Context` (the data, the page being built, and which page holds the
sources and disagreements) plus the marker's parameters, and returns Markdown.
Output order follows the data files, or is sorted, so the same data always gives
the same page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from .data import Claim, Dimension, Guide, Role, Skill
from .markdown import link, table, tabs, text


class MarkerError(Exception):
    """A marker that cannot be expanded, worded for the page's author."""

    def __init__(self, message: str, page: str | None = None) -> None:
        super().__init__(message)
        self.page = page  # the page it is on, when the message does not say


@dataclass(frozen=True)
class Context:
    guide: Guide
    page: str  # the page being built, relative to docs/
    homes: dict[str, str]  # "list: sources" -> the page holding that marker

    def cite(self, source_ids: Sequence[str]) -> str:
        """Links to each source's entry on the Sources page, e.g. '[Amdari](../reference/sources.md#amdari)'."""
        home = self.homes.get("list: sources")
        if home is None:
            raise MarkerError("citations need a page with <!-- list: sources -->, and none has it")
        return "; ".join(link(self.guide.sources[i].label, f"{home}#{i}", self.page) for i in source_ids)

    def claim(self, claim: Claim) -> str:
        return f"{text(claim.text)} ({self.cite(claim.sources)})"

    def role_link(self, role: Role) -> str:
        return link(role.name, role.page, self.page)

    def role(self, role_id: str) -> Role:
        ids = [role.id for role in self.guide.roles]
        if role_id not in ids:
            raise MarkerError(f"unknown role {role_id!r}; expected one of: {', '.join(ids)}")
        return self.guide.role(role_id)

    def dimensions(self, wanted: str | None) -> tuple[Dimension, ...]:
        """All dimensions, or those named in a comma-separated `dimensions=` parameter, in that order."""
        if wanted is None:
            return self.guide.dimensions
        by_id = {dimension.id: dimension for dimension in self.guide.dimensions}
        chosen = []
        for dimension_id in wanted.split(","):
            if dimension_id not in by_id:
                raise MarkerError(f"unknown dimension {dimension_id!r}; expected one of: {', '.join(by_id)}")
            chosen.append(by_id[dimension_id])
        return tuple(chosen)


def _disagreement_anchor(dimension: Dimension) -> str:
    return f"disagreement-{dimension.id}"


def _sources_cell(context: Context, dimension: Dimension) -> str:
    cell = context.cite(dimension.sources)
    home = context.homes.get("list: disagreements")
    if dimension.disagreement and home:
        cell += " · " + link("Sources disagree", f"{home}#{_disagreement_anchor(dimension)}", context.page)
    return cell


# --- Tables --------------------------------------------------------------------


def comparison_table(context: Context, dimensions: str | None = None) -> str:
    roles = context.guide.roles
    header = ["Dimension", *(context.role_link(role) for role in roles), "Sources"]
    rows = [
        [f"**{text(d.label)}**", *(text(d.values[role.id]) for role in roles), _sources_cell(context, d)]
        for d in context.dimensions(dimensions)
    ]
    return table(header, rows)


def at_a_glance_table(context: Context, role: str, dimensions: str | None = None) -> str:
    chosen = context.role(role)
    rows = [["**In one sentence**", text(chosen.summary), context.cite(chosen.sources)]]
    rows += [
        [f"**{text(d.label)}**", text(d.values[chosen.id]), _sources_cell(context, d)]
        for d in context.dimensions(dimensions)
    ]
    return table(["Dimension", text(chosen.name), "Sources"], rows)


def _shared_skills(guide: Guide) -> list[Skill]:
    """Skills more than one role needs, by name."""
    return sorted((s for s in guide.skills if len(s.roles) > 1), key=lambda s: s.name.casefold())


def _own_skills(guide: Guide, role: Role) -> list[Skill]:
    """Skills only `role` needs, by name."""
    return sorted((s for s in guide.skills if s.roles == (role.id,)), key=lambda s: s.name.casefold())


def fit_table(context: Context) -> str:
    """Interests and distinct strengths side by side, one column per role."""
    guide = context.guide
    roles = guide.roles

    def names(skills: list[Skill]) -> str:
        return "<br>".join(text(skill.name) for skill in skills)

    rows = [
        ["**You may enjoy it if you like**", *("<br>".join(map(context.claim, r.interests)) for r in roles)],
        ["**Strengths that set it apart**", *(names(_own_skills(guide, r)) for r in roles)],
        ["**Strengths both need**", *(names(_shared_skills(guide)) for _ in roles)],
    ]
    return table(["Aspect", *(context.role_link(role) for role in roles)], rows)


def skills_table(context: Context) -> str:
    """Shared skills, then each role's own, as content tabs (a group with no skills gets no tab)."""
    guide = context.guide
    groups = [("Shared by both", _shared_skills(guide))]
    groups += [(f"{role.name} only", _own_skills(guide, role)) for role in guide.roles]

    def panel(skills: list[Skill]) -> str:
        rows = [[f"**{text(s.name)}**", text(s.description), context.cite(s.sources)] for s in skills]
        return table(["Skill", "What it means", "Sources"], rows)

    return tabs((title, panel(skills)) for title, skills in groups if skills)


def handoff_crossings_table(context: Context) -> str:
    """What crosses the boundary, one tab per direction."""
    handoff = context.guide.handoff
    order = [role.id for role in context.guide.roles]
    directions = sorted(
        {(c.from_role, c.to_role) for c in handoff.crossings},
        key=lambda pair: (order.index(pair[0]), order.index(pair[1])),
    )
    panels = []
    for from_role, to_role in directions:
        crossings = sorted(
            (c for c in handoff.crossings if (c.from_role, c.to_role) == (from_role, to_role)),
            key=lambda c: handoff.number(c.at),
        )
        rows = [
            [text(c.item), text(f"{handoff.number(c.at)}. {handoff.step(c.at).title}"), context.cite(c.sources)]
            for c in crossings
        ]
        title = f"{context.guide.role(from_role).name} → {context.guide.role(to_role).name}"
        panels.append((title, table(["What crosses", "At step", "Sources"], rows)))
    return tabs(panels)


# --- Lists ---------------------------------------------------------------------


def routes_list(context: Context, role: str) -> str:
    return "\n".join(f"- {context.claim(route)}" for route in context.role(role).routes)


def disagreements_list(context: Context) -> str:
    sections = [
        f"### {text(d.label)} {{ #{_disagreement_anchor(d)} }}\n\n{context.claim(d.disagreement)}"
        for d in context.guide.dimensions
        if d.disagreement
    ]
    return "\n\n".join(sections) or "The sources cited here agree on every dimension."


def handoff_steps_list(context: Context) -> str:
    """The numbered text equivalent of the diagram: every step, owner, output and next step."""
    handoff = context.guide.handoff
    items = []
    for number, step in enumerate(handoff.steps, 1):
        parts = [f"{number}. **{text(step.title)}.** Led by the {context.role_link(context.guide.role(step.owner))}."]
        parts.append(text(step.summary))
        if step.produces:
            parts.append(f"*Produces:* {text(', '.join(step.produces))}.")
        for transition in step.next:
            target = handoff.number(transition.step)
            goes = "goes back to" if target <= number else "leads to"
            label = f" ({text(transition.label)})" if transition.label else ""
            parts.append(f"Then {goes} step {target}{label}.")
        parts.append(f"({context.cite(step.sources)})")
        items.append(" ".join(parts))
    return "\n".join(items)


def handoff_checklist(context: Context) -> str:
    return "\n".join(f"- [ ] {context.claim(item)}" for item in context.guide.handoff.checklist)


def glossary_list(context: Context) -> str:
    entries = []
    for term in sorted(context.guide.glossary, key=lambda t: t.term.casefold()):
        name = f"{text(term.term)} ({text(term.abbreviation)})" if term.abbreviation else text(term.term)
        entries.append(f"{name} {{ #{term.id} }}\n:   {text(term.definition)} ({context.cite(term.sources)})")
    return "\n\n".join(entries)


def _full_stop(value: str) -> str:
    """The full stop that ends a bibliography part, unless the part ends a sentence already ('…?')."""
    return "" if value.rstrip().endswith((".", "?", "!", "…")) else "."


def sources_list(context: Context) -> str:
    """The bibliography: one heading per source, its id as the anchor citations link to."""
    entries = []
    for source in sorted(context.guide.sources.values(), key=lambda s: s.label.casefold()):
        parts = [(source.title, "*{}*"), (source.publisher, "{}")]
        parts += [(value, "{}") for value in (source.author, source.date) if value]
        parts.append((source.kind.capitalize(), "{}"))
        lines = [
            f"### {text(source.label)} {{ #{source.id} }}",
            " ".join(form.format(text(value)) + _full_stop(value) for value, form in parts),
        ]
        if source.url:
            lines.append(f"<{quote(source.url, safe=':/?#@!$&+,;=%~')}>")
        if source.licence:
            lines.append(f"Licence: {text(source.licence)}.")
        lines.append(f"Used for: {text(source.contributes)}")
        entries.append("\n\n".join(lines))
    return "\n\n".join(entries)
