"""MkDocs hook: only what needs MkDocs. The guide's work is done by the Markdown extension
(product_vs_project.markdown_extension), which runs on any engine that runs Python-Markdown.

Here, for one MkDocs build:
- on_config: load data/ once (every problem reported) and hand the loaded Site to the
  extension; add the generated pages to the navigation;
- on_files: add the pages generated from data, and the open data export's files;
- on_page_markdown: tell the extension which page it renders and the line its Markdown
  starts on (after front matter); give generated pages their description and edit link,
  and every page the date it last changed (one `git log` for the whole build);
- on_env: every page is rendered, so every claim is known: write the export;
- on_build_error: end the build on the guide's own errors with their message, no traceback.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from product_vs_project import export
from product_vs_project.errors import DataError, GuideError
from product_vs_project.last_updated import last_changes, newest, shown
from product_vs_project.minify import minifier
from product_vs_project.pages import with_generated_pages
from product_vs_project.site import Site

EXTENSION = "product_vs_project.markdown_extension"
_site: Site | None = None  # this build's, set by on_config
_changed: dict[str, datetime.date] = {}  # each file's last commit, set by on_config


def on_config(config: MkDocsConfig) -> None:
    global _site
    root = Path(config.config_file_path).parent
    options = config.mdx_configs.setdefault(EXTENSION, {})
    try:
        _site = Site.load(
            root / options.get("data", "data"), Path(config.docs_dir), root / options.get("evidence", "evidence")
        )
    except GuideError as error:
        raise PluginError(_message(error)) from None
    options["site"] = _site
    config.nav = with_generated_pages(config.nav, _site.generated)
    _changed.clear()
    _changed.update(last_changes(root))


@event_priority(50)  # before other plugins (the link check) take their list of the site's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, page in _site.generated.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=page.front_matter()))
    for name in export.export_names():
        files.append(File.generated(config, f"{export.FOLDER}/{name}", content=""))
    for file in list(files):  # the site's own CSS and JS, not the theme's (already minified)
        minify = minifier(file.src_uri)
        if minify and file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir):
            files.remove(file)
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            files.append(File.generated(config, file.src_uri, content=minify(text)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs passes the page without its front matter: count it back, so errors name file lines.
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    _site.begin_page(page.file.src_uri, first_line)
    generated = _site.generated.get(page.file.src_uri)
    if generated is not None:
        page.meta.setdefault("description", generated.description)
        if len(generated.roles) == 2:  # a pair page answers a reader's question: rank it above passing mentions
            page.meta.setdefault("search", {"boost": 2})
        if page.file.generated_by is not None:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{generated.data_file}"
    docs = Path(config.docs_dir).name
    sources = generated.sources if generated is not None else (f"{docs}/{page.file.src_uri}",)
    # Material shows page.meta.revision_date as the page's last update.
    page.meta["revision_date"] = shown(newest(_changed, sources) or datetime.date.today())
    if "description" in page.meta:
        # Material writes the description into an attribute as it is: escape it once, here (Markup is not
        # escaped again by templates that do escape). tests/test_theme.py fails when Material escapes it.
        page.meta["description"] = Markup(escape(str(page.meta["description"])))
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> None:
    for name, content in _export(config).items():
        files.get_file_from_path(f"{export.FOLDER}/{name}").content_string = content


def on_build_error(error: Exception) -> None:
    if isinstance(error, GuideError):
        raise Abort("Aborted: fix the line named above.") from None


def _message(error: GuideError) -> str:
    """'Data error: data/x.yml:3: ...' on one line; several problems, a line each."""
    lines = str(error).splitlines()
    kind = "Data" if isinstance(error, DataError) else "Marker"
    if len(lines) == 1:
        return f"{kind} error: {lines[0]}"
    return f"{kind} errors ({len(lines)}):\n" + "\n".join(f"  {line}" for line in lines)


def _export(config: MkDocsConfig) -> dict[str, str]:
    return export.export_files(_site.guide, _site.claims(), config.site_url)
