"""What every renderer gets: the data, the page being written, and where its claims are recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..citations import PageCitations
from ..errors import GuideError
from ..loading import Guide
from ..markdown_text import link, text
from ..models import Citation, Claim, Dimension, Role
from ..paths import role_page


class ParameterError(GuideError):
    """A marker parameter that names nothing in the data; the extension adds the file and line."""


@dataclass(frozen=True)
class Context:
    guide: Guide
    page: str  # the page being written, relative to docs/
    homes: dict[str, str]  # "list sources" -> the page that holds that marker
    citations: PageCitations
    page_lines: tuple[str, ...] = ()  # the page's own Markdown, for markers that list its parts

    def claim(self, claim: Claim) -> str:
        """The claim's text followed by its reference."""
        return text(claim.text) + self.citations.claims([claim])

    def cite(self, claims: Sequence[Claim]) -> str:
        """One reference standing for several claims shown together."""
        return self.citations.claims(claims)

    def said(self, statement: str, sources: Sequence[Citation]) -> str:
        """The reference of a sentence the renderer words itself (a list of skills, say) from cited data."""
        return self.citations.claims([Claim.model_construct(text=statement, sources=tuple(sources))])

    def row(self, cells: Sequence[tuple[str, Claim]]) -> str:
        """One reference for a table row whose cells are claims of their own."""
        return self.citations.row(cells)

    def role_link(self, role: Role, mid_sentence: bool = False) -> str:
        return link(role.mid_sentence if mid_sentence else role.name, role_page(role.id), self.page)

    def role(self, role_id: str) -> Role:
        ids = [role.id for role in self.guide.roles]
        if role_id not in ids:
            raise ParameterError(f"unknown role {role_id!r}; expected one of: {', '.join(ids)}")
        return self.guide.role(role_id)

    def roles(self, wanted: str | None) -> tuple[Role, ...]:
        """All roles, or those named in a comma-separated `roles=` parameter, in that order."""
        if wanted is None:
            return self.guide.roles
        chosen = tuple(self.role(role_id) for role_id in wanted.split(","))
        if len({role.id for role in chosen}) != len(chosen):
            raise ParameterError(f"roles={wanted} names a role twice; expected each role once")
        return chosen

    def pair(self, wanted: str) -> tuple[Role, Role]:
        shown = self.roles(wanted)
        if len(shown) != 2:
            raise ParameterError(f"roles={wanted} names {len(shown)} roles; expected two")
        return shown[0], shown[1]

    def dimensions(self, wanted: str | None) -> tuple[Dimension, ...]:
        """All dimensions, or those named in a comma-separated `dimensions=` parameter, in that order."""
        if wanted is None:
            return self.guide.dimensions
        by_id = {dimension.id: dimension for dimension in self.guide.dimensions}
        chosen = []
        for dimension_id in wanted.split(","):
            if dimension_id not in by_id:
                raise ParameterError(f"unknown dimension {dimension_id!r}; expected one of: {', '.join(by_id)}")
            chosen.append(by_id[dimension_id])
        return tuple(chosen)

    def home(self, key: str) -> str | None:
        return self.homes.get(key)
