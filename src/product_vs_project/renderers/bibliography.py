"""The Sources page (every work cited, with its licence and credit) and the list of disagreements."""

from __future__ import annotations

from urllib.parse import quote

from ..markdown_text import link, text
from .comparison import disagreement_anchor
from .context import Context


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


def disagreements_list(context: Context) -> str:
    """Each point where sources disagree, both sides with their sources; comparison rows link here."""
    dimensions = {d.id: d for d in context.guide.dimensions}
    sections = []
    for disagreement in context.guide.disagreements:
        lines = [f"### {text(disagreement.title)} {{ #{disagreement_anchor(disagreement.id)} }}", ""]
        if disagreement.dimension:
            label = dimensions[disagreement.dimension].label
            lines += [f"On the dimension {link(label, f'{context.page}#{disagreement.dimension}', context.page)}:", ""]
        lines += [f"- {context.claim(side)}" for side in disagreement.sides]
        sections.append("\n".join(lines))
    return "\n\n".join(sections) or "The sources cited here agree on every dimension."
