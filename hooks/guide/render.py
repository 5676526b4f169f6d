"""Renderers: each turns the guide's data into the Markdown for one marker.

Each takes a `Context` (the data, the page being built, and which page holds the
sources and disagreements) plus the marker's parameters, and returns Markdown in which
every claim is followed by its `<!-- md:cite -->` marker. Anything that spans roles
takes the roles it shows as `roles=a,b` (all roles when left out). Output order follows
the data files, or is sorted, so the same data always gives the same page.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from . import citations, export, reference
from .data import Guide
from .markdown import link, table, tabs, text
from .models import DATA_FILES, Citation, Claim, Dimension, GlossaryTerm, Role, Skill
from .paths import pair_page, role_page


class MarkerError(Exception):
    """A marker that cannot be expanded, worded for the page's author."""

    def __init__(self, message: str, page: str | None = None) -> None:
        super().__init__(message)
        self.page = page  # the page it is on, when the message does not say


@dataclass(frozen=True)
class Context:
    guide: Guide
    page: str  # the page being built, relative to docs/
    homes: dict[str, str]  # "list sources" -> the page holding that marker

    def cite(self, sources: Sequence[Citation]) -> str:
        return citations.marker(sources)

    def claim(self, claim: Claim) -> str:
        """The claim's text followed by its citation."""
        return text(claim.text) + self.cite(claim.sources)

    def cell(self, column: str, claim: Claim) -> str:
        """A table cell's claim, citing quietly: the row's reference lists it under `column`."""
        return text(claim.text) + citations.cell_marker(column, claim.sources)

    def role_link(self, role: Role, mid_sentence: bool = False) -> str:
        return link(role.mid_sentence if mid_sentence else role.name, role_page(role.id), self.page)

    def role(self, role_id: str) -> Role:
        ids = [role.id for role in self.guide.roles]
        if role_id not in ids:
            raise MarkerError(f"unknown role {role_id!r}; expected one of: {', '.join(ids)}")
        return self.guide.role(role_id)

    def roles(self, wanted: str | None) -> tuple[Role, ...]:
        """All roles, or those named in a comma-separated `roles=` parameter, in that order."""
        if wanted is None:
            return self.guide.roles
        chosen = tuple(self.role(role_id) for role_id in wanted.split(","))
        if len({role.id for role in chosen}) != len(chosen):
            raise MarkerError(f"roles={wanted} names a role twice; expected each role once")
        return chosen

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

    def home(self, key: str) -> str | None:
        return self.homes.get(key)


def _disagreement_anchor(disagreement_id: str) -> str:
    return f"disagreement-{disagreement_id}"


def _dimension_cell(context: Context, dimension: Dimension) -> str:
    """The row heading: the dimension, the question it answers, its anchor, and a link to any disagreement."""
    cell = f'<span id="{dimension.id}"></span>**{text(dimension.label)}**<br><small>{text(dimension.question)}</small>'
    home = context.home("list disagreements")
    disputes = [d for d in context.guide.disagreements if d.dimension == dimension.id] if home else []
    for disagreement in disputes:
        # Named when a row has several, so each link says where it leads.
        label = f"Sources disagree: {disagreement.title}" if len(disputes) > 1 else "Sources disagree"
        target = f"{home}#{_disagreement_anchor(disagreement.id)}"
        cell += "<br>" + link(label, target, context.page) + "{ .pvp-disagree }"
    return cell


# --- Tables ----------------------------------------------------------------------------


def _hidden(label: str) -> str:
    """A header that screen readers announce but the eye does not need: the corner of a grid."""
    return f'<span class="pvp-visually-hidden">{text(label)}</span>'


def comparison_table(context: Context, roles: str | None = None, dimensions: str | None = None) -> str:
    """Roles side by side, one row per dimension, one reference per row."""
    shown = context.roles(roles)
    header = ["Dimension", *(context.role_link(role) for role in shown)]
    rows = [
        [
            _dimension_cell(context, d) + citations.ROW_MARKER,
            *(context.cell(role.name, role.values[d.id]) for role in shown),
        ]
        for d in context.dimensions(dimensions)
    ]
    return table(header, rows)


def role_values_table(context: Context, role: str, dimensions: str | None = None) -> str:
    """One role's own value on each dimension."""
    chosen = context.role(role)
    rows = [[_dimension_cell(context, d), context.claim(chosen.values[d.id])] for d in context.dimensions(dimensions)]
    return table(["Dimension", text(chosen.name)], rows)


def _skills(context: Context, role: Role) -> dict[str, Skill]:
    return {needed.skill: context.guide.skills[needed.skill] for needed in role.skills}


def shared_and_own_skills(context: Context, shown: Sequence[Role]) -> tuple[list[Skill], dict[str, list[Skill]]]:
    """Skills every role shown needs, and each role's skills that no other role shown needs, by name."""
    by_role = {role.id: _skills(context, role) for role in shown}
    shared = set.intersection(*(set(skills) for skills in by_role.values()))
    own = {
        role.id: [
            skill
            for skill_id, skill in by_role[role.id].items()
            if not any(skill_id in by_role[other.id] for other in shown if other is not role)
        ]
        for role in shown
    }
    name = lambda skill: skill.name.casefold()  # noqa: E731 - a sort key
    return sorted((context.guide.skills[s] for s in shared), key=name), {k: sorted(v, key=name) for k, v in own.items()}


def _all_sources(lists: Iterable[Sequence[Citation]]) -> tuple[Citation, ...]:
    """Every citation in `lists`, once each, in the order first met: one reference for several claims."""
    return tuple(dict.fromkeys(citation for citations_ in lists for citation in citations_))


def _skill_sources(skills: Sequence[Skill], holders: Sequence[Role]) -> tuple[Citation, ...]:
    """The sources that name any of `skills` for any of `holders`."""
    ids = {skill.id for skill in skills}
    return _all_sources(needed.sources for role in holders for needed in role.skills if needed.skill in ids)


def _skill_names(context: Context, skills: Sequence[Skill]) -> str:
    """'[A](…), [B](…) and [C](…)': each name links to its description on the glossary page."""
    home = context.home("list glossary")
    names = [
        link(skill.name, f"{home}#skill-{skill.id}", context.page) if home else text(skill.name) for skill in skills
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _by_sources(needed: Sequence[tuple[Skill, tuple[Citation, ...]]]) -> list[tuple[list[Skill], tuple[Citation, ...]]]:
    """Skills grouped by the sources that name them, so each group carries one reference."""
    groups: dict[tuple[Citation, ...], list[Skill]] = {}
    for skill, sources in needed:
        groups.setdefault(sources, []).append(skill)
    return [(skills, sources) for sources, skills in groups.items()]


def skills_list(context: Context, roles: str) -> str:
    """For two or more roles: the skills all of them need, then each role's own, each group cited."""
    shown = context.roles(roles)
    shared, own = shared_and_own_skills(context, shown)
    everyone = "Both need" if len(shown) == 2 else f"All {len(shown)} need"

    groups = [(everyone, shared, shown)] + [(f"Named only for the {r.mid_sentence}", own[r.id], (r,)) for r in shown]
    lines = [
        f"- **{text(title)}:** {_skill_names(context, skills)}.{context.cite(_skill_sources(skills, holders))}"
        for title, skills, holders in groups
        if skills
    ]
    return "\n".join(lines) or "None of these roles names a skill."


def fit_table(context: Context, roles: str | None = None) -> str:
    """The work at the heart of each role, and its skills that no other role shown needs, one column per role."""
    shown = context.roles(roles)
    _, own = shared_and_own_skills(context, shown)

    def work(role: Role) -> str:
        cited = _all_sources(claim.sources for claim in role.interests)
        return "<br>".join(text(claim.text) for claim in role.interests) + citations.cell_marker(role.name, cited)

    def skills(role: Role) -> str:
        if not own[role.id]:
            return "None named for this role only"
        cited = _skill_sources(own[role.id], (role,))
        return _skill_names(context, own[role.id]) + citations.cell_marker(role.name, cited)

    rows = [
        ["**The work at its heart**" + citations.ROW_MARKER, *(work(r) for r in shown)],
        ["**Skills the sources name for this role only**" + citations.ROW_MARKER, *(skills(r) for r in shown)],
    ]
    return table([_hidden("What"), *(context.role_link(role) for role in shown)], rows)


def handoff_crossings_table(context: Context, roles: str | None = None) -> str:
    """What crosses between the roles shown, one tab per direction."""
    handoff = context.guide.handoff
    shown = context.roles(roles)
    order = [role.id for role in shown]
    crossings = [c for c in handoff.crossings if c.from_role in order and c.to_role in order]
    panels = []
    for (from_role, to_role), group in itertools.groupby(
        sorted(crossings, key=lambda c: (order.index(c.from_role), order.index(c.to_role), handoff.number(c.step))),
        key=lambda c: (c.from_role, c.to_role),
    ):
        rows = [
            [text(c.item) + context.cite(c.sources), text(f"{handoff.number(c.step)}. {handoff.step(c.step).title}")]
            for c in group
        ]
        title = f"{context.guide.role(from_role).name} → {context.guide.role(to_role).name}"
        panels.append((title, table(["What crosses", "At step"], rows)))
    return tabs(panels) if panels else "Nothing in the handoff data passes between these roles."


# --- Lists -----------------------------------------------------------------------------


def _claims_list(context: Context, claims: Sequence[Claim]) -> str:
    """A list item per claim; neighbours citing the same sources share an item and its reference."""
    items: list[tuple[list[str], tuple[Citation, ...]]] = []
    for claim in claims:
        if items and items[-1][1] == claim.sources:
            items[-1][0].append(claim.text)
        else:
            items.append(([claim.text], claim.sources))
    return "\n".join(f"- {text(_joined(texts))}{context.cite(sources)}" for texts, sources in items)


def _joined(texts: Sequence[str]) -> str:
    """Sentences side by side stay sentences; phrases join with semicolons: 'Plans', 'Budgets' -> 'Plans; budgets'."""
    if all(t.endswith(".") for t in texts):
        return " ".join(texts)
    return "; ".join([texts[0], *(_lower_first(t) for t in texts[1:])])


def interests_list(context: Context, role: str) -> str:
    """What people who enjoy the role tend to like about it, each with its sources."""
    return _claims_list(context, context.role(role).interests)


def routes_list(context: Context, role: str) -> str:
    """The routes into one role that the sources name."""
    return _claims_list(context, context.role(role).routes)


def credentials_list(context: Context, role: str) -> str:
    """The credentials the sources name for one role, or a line saying they name none."""
    chosen = context.role(role)
    if not chosen.credentials:
        return "The sources at hand name no credential for this role."
    return _claims_list(context, chosen.credentials)


def role_skills_list(context: Context, role: str) -> str:
    """The role's skills, grouped by the sources that name them."""
    chosen = context.role(role)
    needed = [(context.guide.skills[n.skill], n.sources) for n in chosen.skills]
    return "\n".join(
        f"- {_skill_names(context, skills)}.{context.cite(sources)}" for skills, sources in _by_sources(needed)
    )


def skills_glossary(context: Context) -> str:
    """Every skill the role files name, with the guide's own description, each with its anchor."""
    skills = sorted(context.guide.skills.values(), key=lambda skill: skill.name.casefold())
    return "\n\n".join(
        f"### {text(skill.name)} {{ #skill-{skill.id} }}\n\n{text(skill.description)}" for skill in skills
    )


def pairs_list(context: Context, role: str | None = None) -> str:
    """Links to the comparison of each pair of roles (with `role=`, the pairs it is in)."""
    roles = context.guide.roles
    pairs = [(a, b) for a, b in itertools.combinations(roles, 2) if role is None or role in (a.id, b.id)]
    if role is not None:
        context.role(role)
    return "\n".join(
        f"- {link(f'{a.name} vs {b.mid_sentence}', pair_page(a.id, b.id), context.page)}" for a, b in pairs
    )


def pair_lead(context: Context, roles: str) -> str:
    """The one-paragraph difference between two roles, from their one-sentence summaries."""
    shown = _pair(context, roles)
    return " ".join(
        f"A {context.role_link(role, mid_sentence=True)}: {text(_lower_first(role.summary.text))}"
        f"{context.cite(role.summary.sources)}"
        for role in shown
    )


def _lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def disagreements_list(context: Context) -> str:
    """Each point where sources disagree, both sides with their sources; comparison rows link here."""
    dimensions = {d.id: d for d in context.guide.dimensions}
    sections = []
    for disagreement in context.guide.disagreements:
        lines = [f"### {text(disagreement.title)} {{ #{_disagreement_anchor(disagreement.id)} }}", ""]
        if disagreement.dimension:
            label = dimensions[disagreement.dimension].label
            lines += [f"On the dimension {link(label, f'{context.page}#{disagreement.dimension}', context.page)}:", ""]
        lines += [f"- {context.claim(side)}" for side in disagreement.sides]
        sections.append("\n".join(lines))
    return "\n\n".join(sections) or "The sources cited here agree on every dimension."


def handoff_steps_list(context: Context) -> str:
    """The numbered text equivalent of the diagram: every step, owner, output and next step."""
    handoff = context.guide.handoff
    items = []
    for number, step in enumerate(handoff.steps, 1):
        owner = context.role_link(context.guide.role(step.owner), mid_sentence=True)
        parts = [f'{number}. <span id="step-{step.id}"></span>**{text(step.title)}.** Led by the {owner}.']
        parts.append(text(step.summary) + context.cite(step.sources))
        if step.produces:
            parts.append(f"*Produces:* {text(', '.join(step.produces))}.")
        for transition in step.next:
            target = handoff.number(transition.step)
            goes = "goes back to" if target <= number else "leads to"
            label = f" ({text(transition.label)})" if transition.label else ""
            parts.append(f"Then {goes} step {target}{label}.")
        items.append(" ".join(parts))
    return "\n".join(items)


def _glossary_entry(context: Context, term: GlossaryTerm) -> tuple[str, str, str]:
    """(anchor, heading, body) of a term from data/glossary.yml."""
    name = f"{text(term.term)} ({text(term.abbreviation)})" if term.abbreviation else text(term.term)
    return term.id, name, text(term.definition) + context.cite(term.sources)


def _role_entry(context: Context, role: Role) -> tuple[str, str, str]:
    """(anchor, heading, body) of a role: its summary, and a link to its page."""
    more = link(f"More on the {role.mid_sentence}", role_page(role.id), context.page)
    return role.id, text(role.name), f"{context.claim(role.summary)} {more}."


def glossary_list(context: Context) -> str:
    """An A–Z index, then a heading per initial and per term, so each term can be linked to and found by search."""
    # Each role is defined once, by the summary in its own file, and leads to its page.
    entries = [_glossary_entry(context, term) for term in context.guide.glossary]
    entries += [_role_entry(context, role) for role in context.guide.roles]
    entries.sort(key=lambda entry: entry[1].casefold())
    letters = sorted({name[0].upper() for _, name, _ in entries})
    index = " ".join(f"[{letter}](#{letter.lower()})" for letter in letters)
    sections = [f'<nav class="pvp-az" aria-label="Glossary, A to Z" markdown>{index}</nav>']
    for letter in letters:
        sections.append(f"## {letter} {{ #{letter.lower()} }}")
        sections += [f"### {name} {{ #{id_} }}\n\n{body}" for id_, name, body in entries if name[0].upper() == letter]
    return "\n\n".join(sections)


def _full_stop(value: str) -> str:
    """The full stop that ends a bibliography part, unless the part ends a sentence already ('…?')."""
    return "" if value.rstrip().endswith((".", "?", "!", "…")) else "."


def sources_list(context: Context) -> str:
    """The bibliography: one heading per source, its id as the anchor references link to."""
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
        if source.credit:
            lines.append(f"Credit: {text(source.credit)}")
        lines.append(f"Used for: {text(source.contributes)}")
        entries.append("\n\n".join(lines))
    return "\n\n".join(entries)


def data_files_list(context: Context) -> str:
    """The field reference of every data file, generated from its model."""
    return reference.data_files()


def data_export_list(context: Context) -> str:
    """Links to each file of the open data export, and to the schemas of the data files."""
    items = [
        f"- {link(name, f'{export.FOLDER}/{name}', context.page)}: {text(contents)}."
        for name, contents in export.CONTENTS.items()
    ]
    schemas = ", ".join(
        link(data_file.schema, f"{export.FOLDER}/schemas/{data_file.schema}", context.page) for data_file in DATA_FILES
    )
    return "\n".join(items) + f"\n- Schemas: {schemas}."


# --- Roles, pairs and titles -----------------------------------------------------------


def roles_list(context: Context) -> str:
    """Each role with its one-sentence summary, linking to its page."""
    return "\n".join(f"- **{context.role_link(role)}**: {context.claim(role.summary)}" for role in context.guide.roles)


def pairs_table(context: Context) -> str:
    """A grid of roles by roles: each cell links to the comparison of its row and column."""
    roles = context.guide.roles
    header = [_hidden("Role"), *(text(role.name) for role in roles)]
    rows = []
    for row in roles:
        cells = [f"**{text(row.name)}**"]
        for column in roles:
            if column.id == row.id:
                cells.append("")
            else:
                label = f"{row.name} vs {column.mid_sentence}"
                cells.append(link(label, pair_page(row.id, column.id), context.page))
        rows.append(cells)
    return table(header, rows)


def crosswalk_table(context: Context) -> str:
    """Where each role title sits in each taxonomy, one row (and one reference) per role."""
    taxonomies = context.guide.taxonomies

    def cell(taxonomy, claim: Claim | None) -> str:
        return context.cell(taxonomy.label, claim) if claim is not None else "Not listed"

    header = ["Role", *(text(taxonomy.label) for taxonomy in taxonomies)]
    rows = [
        [context.role_link(role) + citations.ROW_MARKER, *(cell(t, role.crosswalk[t.id]) for t in taxonomies)]
        for role in context.guide.roles
    ]
    return table(header, rows)


def tasks_list(context: Context, role: str) -> str:
    """The role's O*NET task statements as one block, with one reference naming each task's code and ID."""
    chosen = context.role(role)
    if not chosen.tasks:
        return "No O*NET task statements are shown for this title."
    cited = _all_sources(task.sources for task in chosen.tasks)
    # One block, so that its reference stands for every line of it (a claim is the text of its block).
    return "<br>\n".join(f"• {text(task.text)}" for task in chosen.tasks) + context.cite(cited)


def _pair(context: Context, roles: str) -> tuple[Role, Role]:
    shown = context.roles(roles)
    if len(shown) != 2:
        raise MarkerError(f"roles={roles} names {len(shown)} roles; expected two")
    return shown[0], shown[1]


def pair_together_list(context: Context, roles: str) -> str:
    """What the sources say about how two roles work together."""
    first, second = _pair(context, roles)
    pair = context.guide.pair(first.id, second.id)
    if pair is None or not pair.together:
        return "None of the sources at hand describes how these two roles work together."
    return _claims_list(context, pair.together)


def pair_confusion_list(context: Context, roles: str) -> str:
    """What the sources say about where two roles meet or are mixed up."""
    first, second = _pair(context, roles)
    pair = context.guide.pair(first.id, second.id)
    if pair is None or not pair.confusion:
        return "None of the sources at hand says why these two roles are confused."
    # Most sources state an overlap, not a confusion: the link between the two is the guide's.
    lead = "The sources state where the two titles meet; that this is why people mix them up is the guide's reading."
    return lead + "\n\n" + _claims_list(context, pair.confusion)
