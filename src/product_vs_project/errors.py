"""The errors the guide raises: each names the file and line to fix and says what was expected.

The MkDocs hook turns them into a build that stops with those lines and no traceback;
outside MkDocs they are ordinary exceptions.
"""

from __future__ import annotations


class GuideError(Exception):
    """A problem in data/ or in a page, worded for the contributor who has to fix it."""


class DataError(GuideError):
    """Problems in data files: one line each, 'data/file.yml:line: entry ..., field ...: expected ...'."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class MarkerError(GuideError):
    """A marker in a page that cannot be read or expanded: 'docs/page.md:line: ...'."""
