"""Decision rights as RACI tables, one per setting, from data/raci.yml.

A derived setting (one person covering two jobs, say) re-groups another setting's
columns: its letters are the union of the merged columns' letters, read as one
person's: whoever is accountable or responsible is not also consulted or informed.
"""

from __future__ import annotations

from .markdown import table, text
from .models import Activity, Setting
from .render import Context, MarkerError

ORDER = "ARCI"


def _letters(held: set[str]) -> str:
    """'A, R' for a set of letters, dropping the ones that one person holding the rest would not need."""
    if held & {"A", "R"}:
        held = held - {"C", "I"}
    elif "C" in held:
        held = held - {"I"}
    return ", ".join(letter for letter in ORDER if letter in held)


def assignments(context: Context, setting: Setting, activity: Activity) -> list[str]:
    """The letters of each of the setting's columns for one activity."""
    if setting.derived_from is None:
        given = activity.assignments[setting.id]
        return [_letters(set(given[column.party])) for column in setting.columns]
    base = activity.assignments[setting.derived_from]
    return [_letters({letter for party in column.merges for letter in base[party]}) for column in setting.columns]


def _setting(context: Context, setting_id: str) -> Setting:
    settings = {setting.id: setting for setting in context.guide.raci.settings}
    if setting_id not in settings:
        raise MarkerError(f"unknown setting {setting_id!r}; expected one of: {', '.join(settings)}")
    return settings[setting_id]


def raci_table(context: Context, setting: str) -> str:
    """Who is responsible, accountable, consulted and informed for each activity in one setting."""
    chosen = _setting(context, setting)
    header = ["Activity"]
    for column in chosen.columns:
        header.append(text(column.name or context.guide.party_name(column.party)))
    rows = []
    for activity in context.guide.raci.activities:
        cited = activity.sources.get(chosen.derived_from or chosen.id)
        label = f'<span id="{chosen.id}-{activity.id}"></span>**{text(activity.label)}**'
        rows.append([label + (context.cite(cited) if cited else ""), *assignments(context, chosen, activity)])
    return table(header, rows)


def settings_list(context: Context) -> str:
    """Each setting and who is in it, with the sources that describe such a team."""
    items = []
    for setting in context.guide.raci.settings:
        cited = context.cite(setting.sources) if setting.sources else ""
        items.append(f"- **{text(setting.title)}**: {text(setting.description)}{cited}")
    return "\n".join(items)
