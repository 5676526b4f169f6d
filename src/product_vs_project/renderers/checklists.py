"""Checklists a reader can tick: the self-check (each statement leans to a role) and the handoff checklist.

Each item is one <label>, so the whole statement is the tap target; its references
and key stay outside the label. Without JavaScript the page reads as a plain list with
the key visible; docs/assets/javascripts/checklists.js adds the live result or
progress, keeps ticks in the browser's local storage and offers a reset.
"""

from __future__ import annotations

import html

from ..markdown_text import link, text
from ..models import Claim
from ..paths import role_page
from .context import Context


def _item(context: Context, item_id: str, claim: Claim, after: str = "") -> str:
    box = f'<input type="checkbox" name="{html.escape(item_id)}">'
    meta = f'<span class="pvp-check__meta">{after}{context.cite([claim])}</span>'
    return f'<li markdown="span"><label>{box} <span>{text(claim.text)}</span></label>{meta}</li>'


def _checklist(store: str, kind: str, items: list[str], status: str) -> str:
    """The list, then a status line and a reset button that only the script shows."""
    return "\n".join(
        [
            f'<div class="pvp-check" data-pvp-store="{store}" data-pvp-kind="{kind}" '
            'data-pvp-script="checklists" markdown>',
            '<ul class="pvp-check__items" markdown>',
            *items,
            "</ul>",
            f'<p class="pvp-check__status" role="status" aria-live="polite" hidden>{status}</p>',
            '<p class="pvp-check__reset" hidden><button type="button" class="md-button">Clear my ticks</button></p>',
            "</div>",
        ]
    )


def selfcheck(context: Context) -> str:
    """The self-check: statements from data/selfcheck.yml, each with the role it leans to."""
    items = []
    for statement in context.guide.selfcheck:
        role = context.guide.role(statement.leans)
        role_link = link(role.mid_sentence, role_page(role.id), context.page)
        key = f'<span class="pvp-check__key">leans to the {role_link}</span>'
        claim = Claim.model_construct(text=statement.text, sources=statement.sources)
        items.append(_item(context, statement.id, claim, key))
    return _checklist("selfcheck", "leans", items, "Tick a statement to see which roles your answers lean towards.")


def handoff_checklist(context: Context) -> str:
    """The handoff checklist: tick boxes with a count, kept in the browser, each item cited."""
    items = [_item(context, f"item-{n}", claim) for n, claim in enumerate(context.guide.handoff.checklist, 1)]
    return _checklist("handoff-checklist", "progress", items, f"0 of {len(items)} ticked.")
