"""The handoff: its steps in words, what crosses between roles, and the diagram."""

from __future__ import annotations

import itertools

from ..markdown_text import table, tabs, text
from .context import Context
from .diagram import handoff_diagram


def handoff_steps_list(context: Context) -> str:
    """The numbered text equivalent of the diagram: every step, owner, output and next step."""
    handoff = context.guide.handoff
    items = []
    for number, step in enumerate(handoff.steps, 1):
        owner = context.role_link(context.guide.role(step.owner), mid_sentence=True)
        parts = [f'{number}. <span id="step-{step.id}"></span>**{text(step.title)}.** Led by the {owner}.']
        parts.append(text(step.summary) + context.said(step.summary, step.sources))
        if step.produces:
            parts.append(f"*Produces:* {text(', '.join(step.produces))}.")
        for transition in step.next:
            target = handoff.number(transition.step)
            goes = "goes back to" if target <= number else "leads to"
            label = f" ({text(transition.label)})" if transition.label else ""
            parts.append(f"Then {goes} step {target}{label}.")
        items.append(" ".join(parts))
    return "\n".join(items)


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
            [
                text(c.item) + context.said(c.item, c.sources),
                text(f"{handoff.number(c.step)}. {handoff.step(c.step).title}"),
            ]
            for c in group
        ]
        title = f"{context.guide.role(from_role).name} → {context.guide.role(to_role).name}"
        panels.append((title, table(["What crosses", "At step"], rows)))
    return tabs(panels) if panels else "Nothing in the handoff data passes between these roles."


def diagram(context: Context) -> str:
    """The handoff as an inline SVG drawn at build time: a lane per role, a legend, and each step linked to its text."""
    return handoff_diagram(context.guide)
