"""Glossary abbreviations as Markdown `abbr` definitions, so every page shows them as tooltips."""

from __future__ import annotations

from .data import GlossaryTerm


def abbreviation_definitions(glossary: tuple[GlossaryTerm, ...]) -> str:
    """`*[KPI]: Key performance indicator` lines, sorted, for terms that have an abbreviation."""
    terms = sorted((t for t in glossary if t.abbreviation), key=lambda t: t.abbreviation)
    return "\n".join(f"*[{t.abbreviation}]: {' '.join(t.term.split())}" for t in terms)
