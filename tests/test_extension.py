"""The guide's Markdown extension outside MkDocs: a page's Markdown in, the finished HTML out.

Any Python-Markdown user registers it like another extension; it reads data/ itself, or
shares one loaded Site between pages. Every page of docs/, and every page generated from
data, renders through it alone with nothing of the guide's own syntax left over.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml

from built_site import ROOT, TEMPLATES, pair_pages, role_pages
from html_tools import listed, numbers, soup, tables, text_of
from product_vs_project.markdown_extension import GuideExtension
from product_vs_project.site import Site
from rendering import CONFIGS, EXTENSIONS, body, sample_docs

DOCS = ROOT / "docs"
# Every hand-written page, then each generated page that has no prose file of its own.
WRITTEN = sorted(
    path.relative_to(DOCS).as_posix()
    for path in DOCS.rglob("*.md")
    if path.relative_to(DOCS).as_posix() not in TEMPLATES
)
PAGES = WRITTEN + [page for page in role_pages() + pair_pages() if page not in WRITTEN]


def role_file(role_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "roles" / f"{role_id}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_site() -> Site:
    """The real data, docs and held texts, loaded once for every page of this module."""
    return Site.load(ROOT / "data", DOCS, ROOT / "evidence")


def test_the_extension_alone_turns_a_table_marker_and_a_cite_marker_into_html(data_dir: Path, tmp_path: Path) -> None:
    docs = sample_docs(tmp_path / "docs")
    page = "# Compare\n\nProducts last.<!-- md:cite alpha -->\n\n<!-- md:table comparison -->\n"
    extension = GuideExtension(data=str(data_dir), docs=str(docs), evidence=str(tmp_path), page="compare/index.md")
    html = markdown.markdown(
        page, extensions=["abbr", "attr_list", "md_in_html", "tables", "pymdownx.escapeall", extension]
    )
    assert "<!--" not in html
    parsed = soup(html)
    assert tables(parsed) == [
        [
            ["Dimension", "Product manager", "Project manager"],
            ["Purpose What is the role for?", "Value over the product's life", "A project done on time"],
            ["Core questions Which questions does it answer?", "What and why", "How and when"],
        ]
    ]
    header = parsed.find("table").find("tr")
    assert [a["href"] for a in header.find_all("a")] == ["../roles/product-manager.md", "../roles/project-manager.md"]
    # The sentence's reference, then one per row of the table; each listed at the end, leading to its source.
    assert numbers(parsed.find("p")) == [1]
    assert numbers(parsed.find("table")) == [2, 3]
    references = listed(parsed)
    assert [item.find("a")["href"] for item in references] == ["../reference/sources.md#alpha"] * 3
    assert "Beta" in text_of(references[2])  # the second row cites beta for both roles


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_through_the_extension_alone_with_nothing_left_over(real_site: Site, page: str) -> None:
    """Hand-written pages, and generated ones (the extension composes the template around any prose)."""
    source = body(DOCS / page) if page in WRITTEN else "[generated from]: the data\n"
    html = markdown.markdown(
        source,
        extensions=[*EXTENSIONS, GuideExtension(site=real_site, page=page)],
        extension_configs=CONFIGS,
    )
    assert "<!-- md" not in html
    assert "\ue000" not in html and "\ue001" not in html  # no citation token left
    title = soup(html).find("h1")
    assert title is not None, "no title"
    # A generated page's title names its role, or its two roles, as their files do.
    if page in role_pages():
        named = [role_file(page.removeprefix("roles/").removesuffix(".md"))["name"]]
    elif page in pair_pages():
        named = [role_file(role)["name"] for role in page.removeprefix("compare/").removesuffix(".md").split("-vs-")]
    else:
        named = []
    assert all(name.casefold() in text_of(title).casefold() for name in named), text_of(title)


def test_a_generated_page_is_its_template_around_the_prose_file(real_site: Site) -> None:
    """roles/scrum-master.md: the title and summary from data, its own prose, then the template's sections."""
    prose = body(DOCS / "roles" / "scrum-master.md")
    parsed = soup(
        markdown.markdown(prose, extensions=[*EXTENSIONS, GuideExtension(site=real_site, page="roles/scrum-master.md")])
    )
    blocks = [text_of(element) for element in parsed.find_all(["h1", "h2", "p"])]
    assert "Scrum Master" in blocks[0]
    assert blocks[1] == role_file("scrum-master")["summary"]["text"]
    first_paragraph = next(p for p in re.sub(r"<!--.*?-->", "", prose).split("\n\n") if p.strip())
    assert blocks[2] == " ".join(first_paragraph.split())  # the prose file's own first paragraph
    # Its own sections, then the template's, then the references.
    own = [line[3:] for line in prose.splitlines() if line.startswith("## ")]
    template = (DOCS / "roles" / "_template.md").read_text(encoding="utf-8")
    first_of_template = next(line[3:] for line in template.splitlines() if line.startswith("## "))
    headings = [text_of(h) for h in parsed.find_all("h2")]
    assert headings[: len(own) + 1] == [*own, first_of_template]
    assert headings[-1] == "References"
