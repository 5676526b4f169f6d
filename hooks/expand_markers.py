"""MkDocs hook: validate data/ and replace `<!-- kind: name -->` markers with generated Markdown.

A thin event layer: the work is done by plain functions in the `guide` package.
Data is read again at every build (`mkdocs serve` reloads the config, and so
this hook, on each change), so a rebuild never shows stale data.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.data import DataError, Guide, load_guide
from guide.markers import MarkerError, expand_markers, find_homes

# Set by on_config and on_files for the build in progress.
_guide: Guide | None = None
_homes: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> None:
    global _guide
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        _guide = load_guide(data_dir, docs_dir=Path(config.docs_dir))
    except DataError as error:
        raise PluginError(f"Data error: {error}") from None


def on_files(files: Files, config: MkDocsConfig) -> None:
    global _homes
    pages = {file.src_uri: file.content_string for file in files.documentation_pages()}
    try:
        _homes = find_homes(pages)
    except MarkerError as error:
        raise _marker_error(error, error.page, config) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _guide is not None, "on_config loads the data before any page is built"
    # MkDocs passes the page without its front matter; count it back so errors name file lines.
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    try:
        return expand_markers(markdown, page.file.src_uri, _guide, _homes, first_line)
    except MarkerError as error:
        raise _marker_error(error, page.file.src_uri, config) from None


def _marker_error(error: MarkerError, page: str | None, config: MkDocsConfig) -> PluginError:
    return PluginError(f"Marker error in {Path(config.docs_dir).name}/{page}: {error}")
