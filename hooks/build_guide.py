"""MkDocs hook, the only one: builds the guide's pages from data/ for one build.

A thin event layer over guide.build.GuideBuild, which does the work with plain
functions and owns everything loaded for the build. MkDocs reloads this module's
config on every rebuild of `mkdocs serve`, so each build starts from fresh data.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide import export
from guide.build import GuideBuild
from guide.data import DataError
from guide.render import MarkerError

_build: GuideBuild | None = None  # the build in progress, set by on_config


def on_config(config: MkDocsConfig) -> None:
    global _build
    try:
        _build = GuideBuild.start(Path(config.config_file_path).parent / "data")
    except DataError as error:
        raise PluginError(f"Data error: {error}") from None
    config.nav = _build.nav(config.nav)


@event_priority(50)  # before other plugins (the link check) take their list of the site's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, page in _build.generated.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=page.front_matter()))
    for name in _build.export():
        files.append(File.generated(config, f"{export.FOLDER}/{name}", content=""))
    pages = {file.src_uri: file.content_string for file in files.documentation_pages()}
    try:
        _build.find_homes(pages)
    except MarkerError as error:
        raise _page_error(error, error.page, config) from None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs passes the page without its front matter; count it back so errors name file lines.
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    generated = _build.generated.get(page.file.src_uri)
    if generated is not None:
        page.meta.setdefault("description", generated.description)
        if page.file.generated_by is not None:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{generated.data_file}"
    try:
        return _build.page_markdown(page.file.src_uri, markdown, first_line)
    except MarkerError as error:
        raise _page_error(error, page.file.src_uri, config) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _build.page_html(page.file.src_uri, html)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> None:
    # Every page has been rendered, so every citation is known: write the export's contents.
    for name, content in _build.export().items():
        files.get_file_from_path(f"{export.FOLDER}/{name}").content_string = content


def _page_error(error: Exception, page: str | None, config: MkDocsConfig) -> PluginError:
    return PluginError(f"Marker error in {Path(config.docs_dir).name}/{page}: {error}")
