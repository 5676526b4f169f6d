"""MkDocs hook: name each task-list checkbox after its item, so screen readers can announce it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.accessibility import name_task_checkboxes


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return name_task_checkboxes(html)
