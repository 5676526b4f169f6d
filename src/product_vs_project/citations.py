"""Citations: what a page cites, recorded as the page is written.

In prose a claim cites its sources with a marker right after it:

    Products keep evolving.<!-- md:cite amdari "The Core Difference" "products do not end"; pmi -->

Each source id may be followed by the place in the source and then the quoted words that
pin the passage, each in double quotes. Markers side by side make one reference.

Generated Markdown (tables, lists) records its claims directly: a renderer hands the
claims to the page's `PageCitations`, which returns an invisible token to put where the
reference number goes. Prose markers become tokens the same way. After Markdown has
parsed the page, product_vs_project.references_list numbers the tokens, fills in the text
of prose claims from the sentence before each token, and lists the references. Nothing
is read back out of HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from .models import Citation, Claim
from .references import Known, did_you_mean

_ITEM = re.compile(r'\s*(?P<id>[^\s";]+)(?:\s*"(?P<at>[^"]*)")?(?:\s*"(?P<quote>[^"]*)")?\s*(?:;|$)')
EXAMPLE = '<!-- md:cite amdari "The Core Difference" "decide what to build" -->'

# Private-use characters: Markdown leaves them alone, and no data text may hold them.
TOKEN = re.compile("\ue000(\\d+)\ue001")


def token(index: int) -> str:
    return f"\ue000{index}\ue001"


def parse(body: str, known: Known) -> tuple[Citation, ...]:
    """The citations in a cite marker's body, each checked as data citations are (source, place, quote)."""
    citations: list[Citation] = []
    position, body = 0, body.strip()
    while position < len(body):
        match = _ITEM.match(body, position)
        if not match or match.end() == position:
            raise ValueError(
                f"cannot read {body[position:]!r}; expected source ids, each optionally followed by its place and "
                f'a quote in double quotes, separated by ";", e.g. {EXAMPLE}'
            )
        source_id = match["id"]
        sources = known.ids.get("source", ())
        if source_id not in sources:
            raise ValueError(
                f"unknown source {source_id!r}{did_you_mean(source_id, sources)}; "
                f"expected one of the ids in data/sources.yml: {', '.join(sorted(sources))}"
            )
        given = {"id": source_id, "at": match["at"], "quote": match["quote"]}
        try:
            citation = Citation.model_validate({k: v for k, v in given.items() if v is not None}, context=known)
        except ValidationError as invalid:
            error = invalid.errors()[0]
            field = ".".join(str(step) for step in error["loc"])
            raise ValueError(f"{source_id}{' ' + field if field else ''}: {error['msg']}") from None
        citations.append(citation)
        position = match.end()
    if not citations:
        raise ValueError(f"names no source; expected e.g. {EXAMPLE}")
    return tuple(citations)


Part = tuple[str | None, tuple[Citation, ...]]  # a column's name (in a row's reference) and its citations


@dataclass
class Reference:
    """What one reference number stands for: its parts, and the claims it backs."""

    parts: tuple[Part, ...]
    claims: list[list]  # [text or None, citations]: prose claims get their text once Markdown has parsed the page


@dataclass
class PageCitations:
    """The references of one page, in the order their tokens were written, and the claims they back."""

    page: str
    references: list[Reference] = field(default_factory=list)
    shown: list[int] = field(default_factory=list)  # the references in page order, once the page is parsed

    def _add(self, parts: tuple[Part, ...], claims: list[list]) -> str:
        self.references.append(Reference(parts, claims))
        return token(len(self.references) - 1)

    def prose(self, citations: Sequence[Citation]) -> str:
        """A prose marker's token: its claim is the text before it, found once Markdown has parsed the page."""
        return self._add(((None, tuple(citations)),), [[None, tuple(citations)]])

    def claims(self, claims: Sequence[Claim]) -> str:
        """One reference standing for several claims (each recorded with its own sources); none for no claims."""
        if not claims:
            return ""
        merged = tuple(dict.fromkeys(citation for claim in claims for citation in claim.sources))
        return self._add(((None, merged),), [[claim.text, claim.sources] for claim in claims])

    def row(self, cells: Sequence[tuple[str, Claim]]) -> str:
        """One reference for a table row: each cell's claim under its column's name (none for a row without claims)."""
        if not cells:
            return ""
        return self._add(
            tuple((column, claim.sources) for column, claim in cells),
            [[claim.text, claim.sources] for _, claim in cells],
        )

    def recorded(self) -> list[tuple[str, tuple[Citation, ...]]]:
        """Every claim of the page with its citations, in page order (a renderer may write its claims before it
        knows their order, as the glossary does before sorting)."""
        order = self.shown or range(len(self.references))
        return [(text, cited) for index in order for text, cited in self.references[index].claims if text]
