"""Roles side by side: comparison tables, skills, pairs and where each title is filed."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from ..markdown_text import link, table, text
from ..models import Citation, Claim, Dimension, Role, Skill
from ..paths import pair_page
from .context import Context


def disagreement_anchor(disagreement_id: str) -> str:
    return f"disagreement-{disagreement_id}"


def hidden(label: str) -> str:
    """A header that screen readers announce but the eye does not need: the corner of a grid."""
    return f'<span class="pvp-visually-hidden">{text(label)}</span>'


def _dimension_cell(context: Context, dimension: Dimension) -> str:
    """The row heading: the dimension, the question it answers, its anchor, and a link to any disagreement."""
    cell = f'<span id="{dimension.id}"></span>**{text(dimension.label)}**<br><small>{text(dimension.question)}</small>'
    home = context.home("list disagreements")
    disputes = [d for d in context.guide.disagreements if d.dimension == dimension.id] if home else []
    for disagreement in disputes:
        # Named when a row has several, so each link says where it leads.
        label = f"Sources disagree: {disagreement.title}" if len(disputes) > 1 else "Sources disagree"
        target = f"{home}#{disagreement_anchor(disagreement.id)}"
        cell += "<br>" + link(label, target, context.page) + "{ .pvp-disagree }"
    return cell


def comparison_table(context: Context, roles: str | None = None, dimensions: str | None = None) -> str:
    """Roles side by side, one row per dimension, one reference per row."""
    shown = context.roles(roles)
    header = ["Dimension", *(context.role_link(role) for role in shown)]
    rows = []
    for dimension in context.dimensions(dimensions):
        cells = [(role.name, role.values[dimension.id]) for role in shown]
        rows.append([_dimension_cell(context, dimension) + context.row(cells), *(text(c.text) for _, c in cells)])
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


def all_sources(lists: Iterable[Sequence[Citation]]) -> tuple[Citation, ...]:
    """Every citation in `lists`, once each, in the order first met: one reference for several claims."""
    return tuple(dict.fromkeys(citation for citations_ in lists for citation in citations_))


def skill_sources(skills: Sequence[Skill], holders: Sequence[Role]) -> tuple[Citation, ...]:
    """The sources that name any of `skills` for any of `holders`."""
    ids = {skill.id for skill in skills}
    return all_sources(needed.sources for role in holders for needed in role.skills if needed.skill in ids)


def skill_names(context: Context, skills: Sequence[Skill]) -> str:
    """'[A](…), [B](…) and [C](…)': each name links to its description on the glossary page."""
    home = context.home("list glossary")
    names = [
        link(skill.name, f"{home}#skill-{skill.id}", context.page) if home else text(skill.name) for skill in skills
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _names_in_words(skills: Sequence[Skill]) -> str:
    names = [skill.name for skill in skills]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def skills_list(context: Context, roles: str) -> str:
    """For two or more roles: the skills all of them need, then each role's own, each group cited."""
    shown = context.roles(roles)
    shared, own = shared_and_own_skills(context, shown)
    everyone = "Both need" if len(shown) == 2 else f"All {len(shown)} need"

    groups = [(everyone, shared, shown)] + [(f"Named only for the {r.mid_sentence}", own[r.id], (r,)) for r in shown]
    lines = [
        f"- **{text(title)}:** {skill_names(context, skills)}."
        + context.said(f"{title}: {_names_in_words(skills)}.", skill_sources(skills, holders))
        for title, skills, holders in groups
        if skills
    ]
    return "\n".join(lines) or "None of these roles names a skill."


def fit_table(context: Context, roles: str | None = None) -> str:
    """The work at the heart of each role, and its skills that no other role shown needs, one column per role."""
    shown = context.roles(roles)
    _, own = shared_and_own_skills(context, shown)

    def work(role: Role) -> tuple[str, Claim]:
        statement = " ".join(claim.text for claim in role.interests)
        cited = all_sources(claim.sources for claim in role.interests)
        return "<br>".join(text(claim.text) for claim in role.interests), Claim.model_construct(
            text=statement, sources=cited
        )

    def skills(role: Role) -> tuple[str, Claim | None]:
        if not own[role.id]:
            return "None named for this role only", None
        cited = skill_sources(own[role.id], (role,))
        return skill_names(context, own[role.id]), Claim.model_construct(
            text=_names_in_words(own[role.id]), sources=cited
        )

    rows = []
    for heading, cell in (("The work at its heart", work), ("Skills the sources name for this role only", skills)):
        cells = [cell(role) for role in shown]
        cited = [(role.name, claim) for role, (_, claim) in zip(shown, cells, strict=True) if claim is not None]
        rows.append([f"**{text(heading)}**" + context.row(cited), *(shown_ for shown_, _ in cells)])
    return table([hidden("What"), *(context.role_link(role) for role in shown)], rows)


def pair_lead(context: Context, roles: str) -> str:
    """The one-paragraph difference between two roles, from their one-sentence summaries."""
    shown = context.pair(roles)
    return " ".join(
        f"A {context.role_link(role, mid_sentence=True)}: {text(lower_first(role.summary.text))}"
        + context.cite([role.summary])
        for role in shown
    )


def lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def pairs_table(context: Context) -> str:
    """A grid of roles by roles: each cell links to the comparison of its row and column."""
    roles = context.guide.roles
    header = [hidden("Role"), *(text(role.name) for role in roles)]
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


def pairs_list(context: Context, role: str | None = None) -> str:
    """Links to the comparison of each pair of roles (with `role=`, the pairs it is in)."""
    roles = context.guide.roles
    if role is not None:
        context.role(role)
    pairs = [(a, b) for a, b in itertools.combinations(roles, 2) if role is None or role in (a.id, b.id)]
    return "\n".join(
        f"- {link(f'{a.name} vs {b.mid_sentence}', pair_page(a.id, b.id), context.page)}" for a, b in pairs
    )


def claims_list(context: Context, claims: Sequence[Claim]) -> str:
    """A list item per claim; neighbours citing the same sources share an item and its reference."""
    items: list[list[Claim]] = []
    for claim in claims:
        if items and items[-1][0].sources == claim.sources:
            items[-1].append(claim)
        else:
            items.append([claim])
    return "\n".join(f"- {text(_joined([c.text for c in group]))}{context.cite(group)}" for group in items)


def _joined(texts: Sequence[str]) -> str:
    """Sentences side by side stay sentences; phrases join with semicolons: 'Plans', 'Budgets' -> 'Plans; budgets'."""
    if all(t.endswith(".") for t in texts):
        return " ".join(texts)
    return "; ".join([texts[0], *(lower_first(t) for t in texts[1:])])


def pair_together_list(context: Context, roles: str) -> str:
    """What the sources say about how two roles work together."""
    first, second = context.pair(roles)
    pair = context.guide.pair(first.id, second.id)
    if pair is None or not pair.together:
        return "None of the sources at hand describes how these two roles work together."
    return claims_list(context, pair.together)


def pair_confusion_list(context: Context, roles: str) -> str:
    """What the sources say about where two roles meet or are mixed up."""
    first, second = context.pair(roles)
    pair = context.guide.pair(first.id, second.id)
    if pair is None or not pair.confusion:
        return "None of the sources at hand says why these two roles are confused."
    # Most sources state an overlap, not a confusion: the link between the two is the guide's.
    lead = "The sources state where the two titles meet; that this is why people mix them up is the guide's reading."
    return lead + "\n\n" + claims_list(context, pair.confusion)


def crosswalk_table(context: Context) -> str:
    """Where each role title sits in each taxonomy, one row (and one reference) per role."""
    taxonomies = context.guide.taxonomies
    header = ["Role", *(text(taxonomy.label) for taxonomy in taxonomies)]
    rows = []
    for role in context.guide.roles:
        placed = [(t, role.crosswalk[t.id]) for t in taxonomies]
        cited = [(t.label, claim) for t, claim in placed if claim is not None]
        cells = [text(claim.text) if claim is not None else "Not listed" for _, claim in placed]
        rows.append([context.role_link(role) + context.row(cited), *cells])
    return table(header, rows)
