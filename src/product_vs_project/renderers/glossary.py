"""The Glossary page: every term and role, A to Z, and the skills the role files name."""

from __future__ import annotations

from ..markdown_text import link, text
from ..models import GlossaryTerm, Role
from ..paths import role_page
from .context import Context


def skills_glossary(context: Context) -> str:
    """Every skill the role files name, with the guide's own description, each with its anchor."""
    skills = sorted(context.guide.skills.values(), key=lambda skill: skill.name.casefold())
    return "\n\n".join(
        f"### {text(skill.name)} {{ #skill-{skill.id} }}\n\n{text(skill.description)}" for skill in skills
    )


def _term_entry(context: Context, term: GlossaryTerm) -> tuple[str, str, str]:
    """(anchor, heading, body) of a term from data/glossary.yml."""
    name = f"{text(term.term)} ({text(term.abbreviation)})" if term.abbreviation else text(term.term)
    if term.sources is None:  # the name of a source: its entry on the Sources page backs it
        home = context.home("list sources")
        entry = f" {link('Its entry among the sources', f'{home}#{term.names}', context.page)}." if home else ""
        return term.id, name, text(term.definition) + entry
    return term.id, name, text(term.definition) + context.said(term.definition, term.sources)


def _role_entry(context: Context, role: Role) -> tuple[str, str, str]:
    """(anchor, heading, body) of a role: its summary, and a link to its page."""
    more = link(f"More on the {role.mid_sentence}", role_page(role.id), context.page)
    return role.id, text(role.name), f"{context.claim(role.summary)} {more}."


def glossary_list(context: Context) -> str:
    """An A–Z index, then a heading per initial and per term, so each term can be linked to and found by search."""
    # Each role is defined once, by the summary in its own file, and leads to its page.
    entries = [_term_entry(context, term) for term in context.guide.glossary]
    entries += [_role_entry(context, role) for role in context.guide.roles]
    entries.sort(key=lambda entry: entry[1].casefold())
    letters = sorted({name.lstrip("\\")[0].upper() for _, name, _ in entries})
    index = " ".join(f"[{letter}](#{letter.lower()})" for letter in letters)
    sections = [f'<nav class="pvp-az" aria-label="Glossary, A to Z" markdown>{index}</nav>']
    for letter in letters:
        sections.append(f"## {letter} {{ #{letter.lower()} }}")
        sections += [
            f"### {name} {{ #{id_} }}\n\n{body}"
            for id_, name, body in entries
            if name.lstrip("\\")[0].upper() == letter
        ]
    return "\n\n".join(sections)
