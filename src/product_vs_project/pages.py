"""Pages generated from data: one per role and one per pair of roles.

Each comes from a page template in docs/ (docs/roles/_template.md, docs/compare/_template.md,
Jinja around Markdown) plus, optionally, a hand-written Markdown file at the page's own
path (docs/roles/<id>.md, docs/compare/<a>-vs-<b>.md) holding prose that only that page
has. A role file alone is enough for a complete page.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .loading import Guide
from .markdown_text import text
from .models import Pair, Role
from .paths import pair_page, role_page
from .scanner import Line

ROLE_TEMPLATE = "roles/_template.md"
PAIR_TEMPLATE = "compare/_template.md"
TEMPLATES = (ROLE_TEMPLATE, PAIR_TEMPLATE)
_PROSE = "\ue010prose\ue011"  # where the page's own prose goes, while the template is rendered


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # relative to docs/
    template: str  # relative to docs/
    roles: tuple[Role, ...]
    data_file: str  # what a contributor edits when the page has no prose file, relative to the repository
    pair: Pair | None = None  # a pair page's entry in data/pairs.yml, if it has one

    @property
    def sources(self) -> tuple[str, ...]:
        """The files the page is made from, relative to the repository: its data, template and prose."""
        role_files = tuple(f"data/roles/{role.id}.yml" for role in self.roles)
        return (*role_files, self.data_file, f"docs/{self.template}", f"docs/{self.path}")

    @property
    def title(self) -> str:
        """How the navigation names the page: the role, or the two roles."""
        if len(self.roles) == 1:
            return self.roles[0].name
        return f"{self.roles[0].name} vs {self.roles[1].mid_sentence}"

    @property
    def description(self) -> str:
        """The page's meta description, when its prose file gives none."""
        if len(self.roles) == 1:
            return self.roles[0].summary.text
        first, second = self.roles
        return (
            f"{first.name} and {second.mid_sentence} compared: what each does, side by side, and the skills they share."
        )

    def compose(self, prose: list[Line], docs_dir: Path) -> list[Line]:
        """The page's Markdown: the template around the hand-written prose, each line knowing its file."""
        if any(line.text.startswith("# ") for line in prose[:3]):
            first = next(line for line in prose if line.text.startswith("# "))
            raise first.error(
                f"the page's title comes from {self.data_file}; expected the prose to start below it, without a "
                "'# ' heading"
            )
        roles = dict(zip(("role",) if len(self.roles) == 1 else ("first", "second"), self.roles, strict=True))
        template = _environment(str(docs_dir)).get_template(self.template)
        rendered = template.render(prose=_PROSE, pair=self.pair, **roles)
        shown = f"{docs_dir.name}/{self.template}"
        lines: list[Line] = []
        for number, row in enumerate(rendered.split("\n"), 1):
            if row.strip() == _PROSE:
                while prose and not prose[-1].text.strip():
                    prose = prose[:-1]
                lines += prose
            else:
                lines.append(Line(row, shown, number))
        return lines

    def front_matter(self) -> str:
        """The content of the page when it has no prose file: its description, and a link definition that
        shows nothing but keeps the page from being empty (Markdown skips converting an empty page)."""
        return f"---\ndescription: {json.dumps(self.description)}\n---\n\n[generated from]: {self.data_file}\n"


@functools.cache
def _environment(docs_dir: str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(docs_dir),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown: data text goes through the `md` filter
    )
    environment.filters["md"] = text
    environment.filters["a_or_an"] = lambda words: ("an " if words[:1].lower() in "aeiou" else "a ") + words
    return environment


def generated_pages(guide: Guide) -> dict[str, GeneratedPage]:
    """Every page generated from data, by path."""
    pages = [
        GeneratedPage(role_page(role.id), ROLE_TEMPLATE, (role,), f"data/roles/{role.id}.yml") for role in guide.roles
    ]
    pages += [
        GeneratedPage(
            pair_page(a.id, b.id),
            PAIR_TEMPLATE,
            tuple(sorted((a, b), key=lambda r: r.id)),
            "data/pairs.yml",
            guide.pair(a.id, b.id),
        )
        for a, b in itertools.combinations(guide.roles, 2)
    ]
    return {page.path: page for page in pages}


def with_generated_pages(nav: list, generated: dict[str, GeneratedPage]) -> list:
    """The navigation with every generated page in it, by name: the roles at the end of the section that holds
    roles/index.md, and every pair in an 'Every pair' section right after compare/index.md."""
    # Escaped: MkDocs keeps page titles as HTML, and a role's name is text (data/roles/ allows `<` and `&`).
    roles = [{html.escape(page.title): page.path} for page in generated.values() if len(page.roles) == 1]
    pairs = [{html.escape(page.title): page.path} for page in generated.values() if len(page.roles) == 2]

    def path(item: object) -> object:
        return next(iter(item.values())) if isinstance(item, dict) else item

    def add(items: list) -> list:
        result = []
        for item in items:
            if isinstance(item, dict) and isinstance(path(item), list):
                ((title, value),) = item.items()
                value = add(value)
                paths = [path(v) for v in value]
                if "roles/index.md" in paths:
                    value += roles
                if "compare/index.md" in paths:
                    value.insert(paths.index("compare/index.md") + 1, {"Every pair": pairs})
                item = {title: value}
            result.append(item)
        return result

    return add(nav)
