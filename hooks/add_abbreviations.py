"""MkDocs hook: append the glossary's abbreviations to every page, so they show as tooltips.

Runs after expand_markers (hook order in mkdocs.yml), so generated text gets tooltips too.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.abbreviations import abbreviation_definitions
from guide.data import DataError, load_guide

_definitions = ""  # set by on_config for the build in progress


def on_config(config: MkDocsConfig) -> None:
    global _definitions
    try:
        # Same arguments as expand_markers, so the data loaded there is reused.
        glossary = load_guide(Path(config.config_file_path).parent / "data", docs_dir=Path(config.docs_dir)).glossary
    except DataError as error:
        raise PluginError(f"Data error: {error}") from None
    _definitions = abbreviation_definitions(glossary)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return f"{markdown}\n\n{_definitions}\n"
