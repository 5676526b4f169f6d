"""The letters each party holds in a RACI, including settings derived from another.

A derived setting (one person covering two jobs, say) re-groups another setting's
columns: its letters are the union of the merged columns' letters, read as one
person's: whoever is accountable or responsible is not also consulted or informed.
"""

from __future__ import annotations

from collections.abc import Iterator

from .models import Activity, Column, Raci, Setting

ORDER = "ARCI"


def letters(held: set[str]) -> str:
    """'A, R' for a set of letters, dropping the ones that one person holding the rest would not need."""
    if held & {"A", "R"}:
        held = held - {"C", "I"}
    elif "C" in held:
        held = held - {"I"}
    return ", ".join(letter for letter in ORDER if letter in held)


def letters_by_column(raci: Raci, setting: Setting, activity: Activity) -> Iterator[tuple[Column, str]]:
    """Each of the setting's columns with its letters for one activity."""
    if setting.derived_from is None:
        given = activity.assignments[setting.id]
        for column in setting.columns:
            yield column, letters(set(given[column.party]))
        return
    base = activity.assignments[setting.derived_from]
    for column in setting.columns:
        yield column, letters({letter for party in column.merges for letter in base[party]})
