"""Where the generated pages live, relative to docs/."""

from __future__ import annotations


def role_page(role_id: str) -> str:
    return f"roles/{role_id}.md"


def pair_page(first: str, second: str) -> str:
    """The comparison of two roles: ids in alphabetical order, so each pair has one address."""
    a, b = sorted((first, second))
    return f"compare/{a}-vs-{b}.md"
