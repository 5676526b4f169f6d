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


def _dimension_cell(dimension: Dimension) -> str:
    """The row heading: the dimension, the question it answers, and its anchor."""
    return f'<span id="{dimension.id}"></span>**{text(dimension.label)}**<br><small>{text(dimension.question)}</small>'


def _value(context: Context, role: Role, dimension: Dimension) -> str:
    """A role's value on a dimension, with a link to each recorded disagreement about that very cell."""
    cell = text(role.values[dimension.id].text)
    home = context.home("list disagreements")
    disputes = (
        [d for d in context.guide.disagreements if d.dimension == dimension.id and role.id in d.roles] if home else []
    )
    for disagreement in disputes:
        # Named when a cell has several, so each link says where it leads.
        label = f"Sources disagree: {disagreement.title}" if len(disputes) > 1 else "Sources disagree"
        target = f"{home}#{disagreement_anchor(disagreement.id)}"
        cell += "<br>" + link(label, target, context.page) + "{ .pvp-disagree }"
    return cell


def unsearched(markdown: str) -> str:
    """Left out of the search index: text that repeats what the role pages say (a <div>, because Material's
    search parser ends an exclusion at the first closing tag of the excluded element's kind)."""
    return f"<div data-search-exclude markdown>\n\n{markdown}\n\n</div>"


def comparison_table(context: Context, roles: str | None = None, dimensions: str | None = None) -> str:
    """Roles side by side, one row per dimension, one reference per row (not searched: the role pages are)."""
    shown = context.roles(roles)
    header = ["Dimension", *(context.role_link(role) for role in shown)]
    rows = []
    for dimension in context.dimensions(dimensions):
        cited = context.row([(role.name, role.values[dimension.id]) for role in shown])
        rows.append([_dimension_cell(dimension) + cited, *(_value(context, role, dimension) for role in shown)])
    return unsearched(table(header, rows))


def role_values_table(context: Context, role: str, dimensions: str | None = None) -> str:
    """One role's own value on each dimension."""
    chosen = context.role(role)
    rows = [
        [_dimension_cell(d), _value(context, chosen, d) + context.cite([chosen.values[d.id]])]
        for d in context.dimensions(dimensions)
    ]
    return table(["Dimension", text(chosen.name)], rows)


def _skills(context: Context, role: Role) -> list[Skill]:
    return sorted((context.guide.skills[n.skill] for n in role.skills), key=lambda skill: skill.name.casefold())


def all_sources(lists: Iterable[Sequence[Citation]]) -> tuple[Citation, ...]:
    """Every citation in `lists`, once each, in the order first met: one reference for several claims."""
    return tuple(dict.fromkeys(citation for citations_ in lists for citation in citations_))


def skill_names(context: Context, skills: Sequence[Skill]) -> str:
    """'[A](…), [B](…) and [C](…)': each name links to its description on the glossary page."""
    home = context.home("list glossary")
    names = [
        link(skill.name, f"{home}#skill-{skill.id}", context.page) if home else text(skill.name) for skill in skills
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def in_words(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def skills_table(context: Context, roles: str) -> str:
    """Each role's skills side by side, each cell cited by the sources that name them for that role.

    No list of shared or 'only' skills: the sources name skills role by role, and a skill missing
    from one role's list is not a source saying the role does without it.
    """
    shown = context.roles(roles)
    cells = []
    for role in shown:
        skills = _skills(context, role)
        statement = f"{role.name} skills named: {in_words([skill.name for skill in skills])}."
        cited = all_sources(needed.sources for needed in role.skills)
        cells.append((skill_names(context, skills), Claim.model_construct(text=statement, sources=cited)))
    heading = "**Skills the sources name**" + context.row([(r.name, c) for r, (_, c) in zip(shown, cells, strict=True)])
    header = [hidden("What"), *(context.role_link(role) for role in shown)]
    return unsearched(table(header, [[heading, *(c for c, _ in cells)]]))


def fit_table(context: Context, roles: str | None = None) -> str:
    """The work at the heart of each role, one column per role."""
    shown = context.roles(roles)
    cells = []
    for role in shown:
        statement = " ".join(claim.text for claim in role.interests)
        cited = all_sources(claim.sources for claim in role.interests)
        shown_text = "<br>".join(text(claim.text) for claim in role.interests)
        cells.append((shown_text, Claim.model_construct(text=statement, sources=cited)))
    heading = "**The work at its heart**" + context.row([(r.name, c) for r, (_, c) in zip(shown, cells, strict=True)])
    return table([hidden("What"), *(context.role_link(role) for role in shown)], [[heading, *(c for c, _ in cells)]])


def pair_answer(context: Context, roles: str) -> str:
    """The plain answer a pair's page opens with: from data/pairs.yml, or else the two roles' summaries."""
    first, second = context.pair(roles)
    pair = context.guide.pair(first.id, second.id)
    if pair is not None and pair.answer is not None:
        return context.claim(pair.answer)
    return "\n".join(f"- **{context.role_link(role)}:** {context.claim(role.summary)}" for role in (first, second))


def pair_in_short(context: Context, roles: str) -> str:
    """The core difference, when a team needs which, and whether one person can be both: those the sources answer."""
    first, second = context.pair(roles)
    pair = context.guide.pair(first.id, second.id)
    if pair is None:
        return ""
    points = [
        ("The core difference:", pair.difference),
        ("When a team needs which:", pair.when),
        ("Can one person be both?", pair.both),
    ]
    return "\n".join(f"- **{text(label)}** {context.claim(claim)}" for label, claim in points if claim is not None)


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
    # The page leaves the section out when there is nothing to say (docs/compare/_template.md).
    return claims_list(context, pair.together) if pair is not None else ""


def pair_confusion_list(context: Context, roles: str) -> str:
    """What the sources say about why two roles get confused."""
    first, second = context.pair(roles)
    pair = context.guide.pair(first.id, second.id)
    return claims_list(context, pair.confusion) if pair is not None else ""


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
