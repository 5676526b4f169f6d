"""Pages generated from data: one per role and one per pair of roles.

Each comes from a template in templates/ plus, optionally, a hand-written Markdown file
at the page's own path (docs/roles/<id>.md, docs/compare/<a>-vs-<b>.md) holding prose
that only that page has. A role file alone is enough for a complete page.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .citations import marker
from .data import Guide
from .markdown import text
from .models import Role
from .paths import pair_page, role_page

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    autoescape=False,  # the output is Markdown: data text goes through the `md` filter
)
_TEMPLATES.filters["md"] = text
_TEMPLATES.filters["claim"] = lambda claim: text(claim.text) + marker(claim.sources)


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # relative to docs/
    template: str
    roles: tuple[Role, ...]
    data_file: str  # what a contributor edits when the page has no prose file, relative to the repository

    @property
    def description(self) -> str:
        """The page's meta description, when its prose file gives none."""
        if len(self.roles) == 1:
            return self.roles[0].summary.text
        first, second = self.roles
        return (
            f"{first.name} and {second.mid_sentence} compared: what each does, side by side, and the skills they share."
        )

    def compose(self, prose: str) -> str:
        """The page's Markdown: the template around the hand-written prose."""
        roles = dict(zip(("role",) if len(self.roles) == 1 else ("first", "second"), self.roles, strict=True))
        return _TEMPLATES.get_template(self.template).render(prose=prose.strip(), **roles)

    def front_matter(self) -> str:
        """The content of the page when it has no prose file: just its description."""
        return f"---\ndescription: {json.dumps(self.description)}\n---\n"


def generated_pages(guide: Guide) -> dict[str, GeneratedPage]:
    """Every page generated from data, by path."""
    pages = [
        GeneratedPage(role_page(role.id), "role.md.j2", (role,), f"data/roles/{role.id}.yml") for role in guide.roles
    ]
    pages += [
        GeneratedPage(pair_page(a.id, b.id), "pair.md.j2", tuple(sorted((a, b), key=lambda r: r.id)), "data/pairs.yml")
        for a, b in itertools.combinations(guide.roles, 2)
    ]
    return {page.path: page for page in pages}


def with_role_pages(nav: list, guide: Guide) -> list:
    """The navigation with every role's page under the section that holds roles/index.md."""

    def add(items: list) -> list:
        result = []
        for item in items:
            if isinstance(item, dict):
                ((title, value),) = item.items()
                if isinstance(value, list):
                    value = add(value)
                    if "roles/index.md" in value:
                        listed = {next(iter(v.values())) if isinstance(v, dict) else v for v in value}
                        value += [role_page(role.id) for role in guide.roles if role_page(role.id) not in listed]
                result.append({title: value})
            else:
                result.append(item)
        return result

    return add(nav)
