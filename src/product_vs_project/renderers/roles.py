"""One role at a time: the list of roles, and each role's lists (interests, routes, credentials, skills, tasks)."""

from __future__ import annotations

from ..markdown_text import text
from ..models import Skill
from .comparison import claims_list, in_words, skill_names
from .context import Context


def roles_list(context: Context) -> str:
    """Each role with its one-sentence summary, linking to its page."""
    return "\n".join(f"- **{context.role_link(role)}**: {context.claim(role.summary)}" for role in context.guide.roles)


def role_summary(context: Context, role: str) -> str:
    """The role's summary, cited: what the role does, in plain words."""
    return context.claim(context.role(role).summary)


def interests_list(context: Context, role: str) -> str:
    """What people who enjoy the role tend to like about it, each with its sources."""
    return claims_list(context, context.role(role).interests)


def routes_list(context: Context, role: str) -> str:
    """The routes into one role that the sources name."""
    return claims_list(context, context.role(role).routes)


def credentials_list(context: Context, role: str) -> str:
    """The credentials the sources name for one role (the role page leaves the section out when there are none)."""
    return claims_list(context, context.role(role).credentials)


def role_skills_list(context: Context, role: str) -> str:
    """The role's skills, grouped by the sources that name them."""
    chosen = context.role(role)
    groups: dict[tuple, list[Skill]] = {}
    for needed in chosen.skills:
        groups.setdefault(needed.sources, []).append(context.guide.skills[needed.skill])
    lines = []
    for sources, skills in groups.items():
        words = in_words([skill.name for skill in skills])
        lines.append(f"- {skill_names(context, skills)}." + context.said(f"{words}.", sources))
    return "\n".join(lines)


def tasks_list(context: Context, role: str) -> str:
    """The role's O*NET task statements as one block, with one reference naming each task's code and ID."""
    chosen = context.role(role)
    return "<br>\n".join(f"• {text(task.text)}" for task in chosen.tasks) + context.cite(chosen.tasks)
