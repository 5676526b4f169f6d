"""The guide as a Python-Markdown extension: markers, citations and references, and tables fit for phones.

Register it like any extension, in mkdocs.yml under `markdown_extensions` or directly:

    markdown.markdown(text, extensions=[GuideExtension(data="data", docs="docs", page="roles/index.md")])

Its processors, each doing one job:
- MarkerPreprocessor: composes a generated page around its prose, expands every block
  marker into Markdown from data/, turns citation markers into tokens (recording each
  claim as it is written) and adds the glossary's abbreviations;
- CitationTokenPattern: a token becomes an element the tree processors can find;
- ReferencesTreeprocessor (references_list.py): numbers the references, gives prose claims
  their text, and lists the references at the end of the page;
- StackedTablesTreeprocessor and FocusableAbbreviations (tree_fixes.py): tables that
  stack on phones, abbreviations that show their meaning on tap and keyboard focus;
- LeftoverTokenPostprocessor: a citation inside raw HTML, which Markdown cannot reach,
  stops the build instead of leaving a stray character.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .citations import TOKEN, PageCitations, parse
from .errors import MarkerError
from .export import project_version
from .markers import COUNT, GENERATORS, KINDS, VERSION, count, parse_block
from .references_list import CITE_TAG, ReferencesTreeprocessor
from .renderers.context import Context, ParameterError
from .scanner import Found, Line, lines_of, scan
from .site import Site
from .tree_fixes import EarlyUnescape, FocusableAbbreviations, StackedTablesTreeprocessor

_INDENT = re.compile(r"^\s*")


class PageState:
    """What the processors of one Markdown instance share about the page being converted."""

    def __init__(self) -> None:
        self.citations: PageCitations | None = None
        self.lines: dict[int, Line] = {}  # the line each prose citation token was written on


class GuideExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "data": ["data", "The data folder."],
            "docs": ["docs", "The pages folder (docs_dir)."],
            "evidence": ["evidence", "The folder of held source texts."],
            "page": ["index.md", "The page being converted, relative to docs, when no site says so."],
            # Not None: Python-Markdown reads an option whose default is None as true or false.
            "site": ["", "A Site shared by every page of one build (the MkDocs hook passes one)."],
        }
        super().__init__(**kwargs)
        self._own_site: Site | None = None

    def site(self) -> Site:
        given = self.getConfig("site")
        if given:
            return given
        if self._own_site is None:
            docs = Path(self.getConfig("docs"))
            self._own_site = Site.load(Path(self.getConfig("data")), docs, Path(self.getConfig("evidence")))
        return self._own_site

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        state = PageState()
        md.preprocessors.register(MarkerPreprocessor(md, self, state), "pvp_markers", 35)
        md.inlinePatterns.register(CitationTokenPattern(TOKEN.pattern, md), "pvp_cite", 200)
        # After inline processing (20), before attr_list (8), abbr (7) and toc (5).
        md.treeprocessors.register(ReferencesTreeprocessor(md, self, state), "pvp_references", 15)
        md.treeprocessors.register(StackedTablesTreeprocessor(md), "pvp_tables", 14)
        md.treeprocessors.register(EarlyUnescape(md), "pvp_unescape", 7.5)  # before abbr (7)
        md.treeprocessors.register(FocusableAbbreviations(md), "pvp_abbr", 6)
        md.postprocessors.register(LeftoverTokenPostprocessor(md, state), "pvp_leftover", 0)


class MarkerPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: GuideExtension, state: PageState) -> None:
        super().__init__(md)
        self.extension = extension
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        site = self.extension.site()
        page, first = site.current or (self.extension.getConfig("page"), 1)
        prose = lines_of("\n".join(lines), f"{site.docs_dir.name}/{page}", first)
        if page in site.generated:
            prose = site.generated[page].compose(prose, site.docs_dir)
        citations = PageCitations(page)
        site.pages[page] = citations
        self.state.citations = citations
        context = Context(site.guide, page, site.homes, citations, tuple(line.text for line in prose))
        out: list[str] = []
        for line, found in scan(prose, KINDS):
            if not found:
                out.append(line.text)
            elif any(marker.kind in GENERATORS for marker in found):
                out += _expand(line, found, context)
            else:
                before = len(citations.references)
                out.append(_inline(line, found, context, site))
                self.state.lines.update(dict.fromkeys(range(before, len(citations.references)), line))
        out += ["", *_abbreviations(site, out)]
        return out


def _expand(line: Line, found: list[Found], context: Context) -> list[str]:
    """A block marker's line, replaced by its generated Markdown at the marker's indent."""
    if len(found) > 1 or not found[0].alone:
        raise line.error("a md:table, md:list, md:text or md:diagram marker must stand on a line of its own")
    try:
        marker = parse_block(found[0].kind, found[0].body)
        generated = marker.render(context)
    except (ValueError, ParameterError) as error:
        raise line.error(str(error) if "md:" in str(error) else f"md:{found[0].kind}: {error}") from None
    indent = _INDENT.match(line.text)[0]
    return [indent + row if row else "" for row in generated.split("\n")]


def _inline(line: Line, found: list[Found], context: Context, site: Site) -> str:
    """A line with each count replaced by its number, and each run of citation markers (side by side make
    one) by one token."""
    text, runs, end = line.text, [], -1
    for marker in found:
        try:
            if marker.kind == COUNT:
                runs.append((marker.start, marker.end, count(context, marker.body)))
                continue
            if marker.kind == VERSION:
                runs.append((marker.start, marker.end, project_version()))
                continue
            cited = parse(marker.body, site.guide.known)
        except ValueError as error:
            raise line.error(str(error) if marker.kind == COUNT else f"md:cite {error}") from None
        previous = runs[-1] if runs else None
        if previous and isinstance(previous[2], tuple) and not text[end : marker.start].strip():
            runs[-1] = (previous[0], marker.end, (*previous[2], *(c for c in cited if c not in previous[2])))
        else:
            runs.append((marker.start, marker.end, cited))
        end = marker.end
    # Tokens are made in page order (claims are recorded in that order), then put in from the right.
    shown = [(start, stop, r if isinstance(r, str) else context.citations.prose(r)) for start, stop, r in runs]
    for start, stop, replacement in reversed(shown):
        text = text[:start] + replacement + text[stop:]
    return text


def _abbreviations(site: Site, lines: list[str]) -> list[str]:
    """`*[KPI]: Key performance indicator` lines for the glossary's abbreviations the page uses (one that is not
    used would only make Markdown look for it in vain)."""
    page = "\n".join(lines)
    terms = sorted((t for t in site.guide.glossary if t.abbreviation), key=lambda t: t.abbreviation)
    # The page's Markdown may escape an abbreviation's characters (O\*NET), so look for it without them.
    unescaped = page.replace("\\", "")
    return [f"*[{t.abbreviation}]: {' '.join(t.term.split())}" for t in terms if t.abbreviation in unescaped]


class CitationTokenPattern(InlineProcessor):
    """A citation token becomes an element, so the references tree processor finds it in page order."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Element, int, int]:  # noqa: N802
        element = Element(CITE_TAG, {"index": m[1]})
        return element, m.start(0), m.end(0)


class LeftoverTokenPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, state: PageState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        found = TOKEN.search(text)
        if found and self.state.citations is not None:
            line = self.state.lines.get(int(found[1]))
            where = f"{line.file}:{line.number}" if line else f"the page {self.state.citations.page}"
            raise MarkerError(
                f"{where}: a citation sits inside raw HTML, where Markdown cannot place its reference; expected it "
                'in Markdown text, or in an HTML element with the markdown="span" attribute'
            )
        return text


def makeExtension(**kwargs) -> GuideExtension:  # noqa: N802 - Python-Markdown's name
    return GuideExtension(**kwargs)


__all__ = ["GENERATORS", "GuideExtension", "makeExtension"]
