"""Decision rights as RACI tables, one per setting, from data/raci.yml."""

from __future__ import annotations

from ..markdown_text import table, text
from ..models import Setting
from ..raci import letters_by_column
from .context import Context, ParameterError


def _setting(context: Context, setting_id: str) -> Setting:
    settings = {setting.id: setting for setting in context.guide.raci.settings}
    if setting_id not in settings:
        raise ParameterError(f"unknown setting {setting_id!r}; expected one of: {', '.join(settings)}")
    return settings[setting_id]


def raci_table(context: Context, setting: str) -> str:
    """Who is responsible, accountable, consulted and informed for each activity in one setting."""
    chosen = _setting(context, setting)
    raci = context.guide.raci
    header = ["Activity", *(text(column.name or context.guide.party_name(column.party)) for column in chosen.columns)]
    rows = []
    for activity in raci.activities:
        cited = activity.sources.get(chosen.derived_from or chosen.id)
        label = f'<span id="{chosen.id}-{activity.id}"></span>**{text(activity.label)}**'
        reference = context.said(activity.label, cited) if cited else ""
        rows.append([label + reference, *(held for _, held in letters_by_column(raci, chosen, activity))])
    # In a box the tree processor knows: the table stays a compact matrix on phones, each row's A marked.
    return f'<div class="pvp-raci" markdown>\n\n{table(header, rows)}\n\n</div>'


def settings_list(context: Context) -> str:
    """Each setting and who is in it, with the sources that describe such a team."""
    items = []
    for setting in context.guide.raci.settings:
        cited = context.said(setting.description, setting.sources) if setting.sources else ""
        items.append(f"- **{text(setting.title)}**: {text(setting.description)}{cited}")
    return "\n".join(items)
