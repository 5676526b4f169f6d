"""Citations in prose and in generated content: checked against the sources, numbered per page, listed at the
end, and every cited claim recorded with its text, in page order, for the data export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from html_tools import listed, numbers, soup, text_of
from product_vs_project.errors import MarkerError
from product_vs_project.export import export_files
from product_vs_project.site import Site
from rendering import render, sample_docs


@pytest.fixture
def site(data_dir: Path, tmp_path: Path) -> Site:
    """The sample data's Site, shared by the pages a test renders (as one build shares it)."""
    return Site.load(data_dir, sample_docs(tmp_path / "docs"), tmp_path / "evidence")


def html(site: Site, text: str, page: str = "notes.md"):
    return soup(render(text, data=Path(), docs=site.docs_dir, page=page, site=site))


def failure(site: Site, text: str) -> str:
    with pytest.raises(MarkerError) as error:
        html(site, text)
    return str(error.value)


def claims(site: Site, page: str = "notes.md") -> list[tuple[str, list[str]]]:
    """The claims a page recorded: (text, [source id, ...])."""
    return [(text, [citation.id for citation in cited]) for text, cited in site.claims()[page]]


def test_each_reference_is_numbered_and_listed_with_its_source_and_place(site: Site) -> None:
    page = html(site, 'Products keep evolving.<!-- md:cite beta "Roles" "a quoted passage" -->\n')
    assert numbers(page) == [1]
    [entry] = listed(page)
    assert text_of(entry).startswith("Beta, “Roles”")
    assert "a quoted passage" in text_of(entry)
    assert entry.find("a")["href"] == "reference/sources.md#beta"
    assert "https://example.org/beta" in [a["href"].split("#")[0] for a in entry.find_all("a")]


def test_the_same_sources_twice_on_a_page_share_one_number(site: Site) -> None:
    page = html(
        site,
        'One.<!-- md:cite beta "Roles" -->\n\nTwo.<!-- md:cite alpha -->\n\n'
        'Three.<!-- md:cite beta "Roles" -->\n\nFour.<!-- md:cite beta "Other place" -->\n',
    )
    assert numbers(page) == [1, 2, 1, 3]
    assert [entry.find("a").get_text() for entry in listed(page)] == ["Beta", "Alpha", "Beta"]
    assert len(listed(page)) == 3


def test_markers_side_by_side_make_one_reference(site: Site) -> None:
    page = html(
        site, 'Shared.<!-- md:cite alpha --><!-- md:cite beta "Roles"; alpha -->\n\nNext.<!-- md:cite alpha -->\n'
    )
    assert numbers(page) == [1, 2]
    first, second = listed(page)
    assert [a.get_text() for a in first.find_all("a") if "sources.md" in a["href"]] == ["Alpha", "Beta"]
    assert [a.get_text() for a in second.find_all("a") if "sources.md" in a["href"]] == ["Alpha"]


def test_references_are_numbered_in_page_order_generated_tables_included(site: Site) -> None:
    page = html(
        site, 'Before.<!-- md:cite alpha -->\n\n<!-- md:table comparison -->\n\nAfter.<!-- md:cite beta "Roles" -->\n'
    )
    assert numbers(page) == [1, 2, 3, 4]  # the paragraph, each row of the table, the paragraph after it
    assert numbers(page.find("table")) == [2, 3]


def test_each_claim_is_recorded_with_the_text_it_backs(site: Site) -> None:
    html(
        site,
        "First claim.<!-- md:cite alpha --> Second claim, with *emphasis*.<!-- md:cite beta -->\n\n"
        "- Item one<!-- md:cite alpha -->\n"
        "    - Nested item<!-- md:cite beta -->\n"
        "\n"
        "| Aspect | Value |\n| --- | --- |\n| Cell A | A cell value<!-- md:cite alpha --> |\n"
        "| Cell B | One line<br>and the next<!-- md:cite beta --> |\n",
    )
    assert claims(site) == [
        ("First claim.", ["alpha"]),
        ("Second claim, with emphasis.", ["beta"]),
        ("Item one", ["alpha"]),
        ("Nested item", ["beta"]),
        ("A cell value", ["alpha"]),
        ("One line and the next", ["beta"]),
    ]


def test_claims_are_exported_in_page_order_with_their_sources(site: Site) -> None:
    """The glossary lists its terms A to Z: Backlog before Key performance indicator, though the data has them the
    other way round. Each claim goes to citations.json in the order a reader meets it."""
    page = html(site, "<!-- md:list glossary -->\n", page="reference/glossary.md")
    assert [text_of(h) for h in page.find_all("h3")] == [
        "Backlog",
        "Key performance indicator (KPI)",
        "Product manager",
        "Project manager",
    ]
    exported = json.loads(export_files(site.guide, site.claims())["citations.json"])
    assert [(claim["page"], claim["claim"], claim["sources"]) for claim in exported] == [
        ("reference/glossary.md", "An ordered list of work.", [{"id": "beta"}]),
        ("reference/glossary.md", "A number that shows progress.", [{"id": "alpha"}]),
        ("reference/glossary.md", "Decides what to build.", [{"id": "alpha"}]),
        ("reference/glossary.md", "Delivers the plan.", [{"id": "alpha"}]),
    ]


def test_the_export_keeps_each_citations_place_and_quote(site: Site) -> None:
    html(site, 'A claim.<!-- md:cite beta "Roles" "quoted words"; alpha -->\n', page="b.md")
    html(site, "An earlier page.<!-- md:cite alpha -->\n", page="a.md")
    exported = json.loads(export_files(site.guide, site.claims())["citations.json"])
    assert exported == [
        {"page": "a.md", "claim": "An earlier page.", "sources": [{"id": "alpha"}]},
        {
            "page": "b.md",
            "claim": "A claim.",
            "sources": [{"id": "beta", "at": "Roles", "quote": "quoted words"}, {"id": "alpha"}],
        },
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "alpah",
            "md:cite unknown source 'alpah' (did you mean 'alpha'?); expected one of the ids in data/sources.yml: "
            "alpha, beta",
        ),
        ("", "md:cite names no source; expected e.g. "),
        ('alpha "unfinished', "md:cite cannot read 'alpha \"unfinished'; expected source ids, each optionally"),
    ],
)
def test_a_bad_citation_stops_with_file_line_and_what_was_expected(site: Site, body: str, expected: str) -> None:
    message = failure(site, f"Intro.\n\nA claim.<!-- md:cite {body} -->\n")
    assert message.startswith(f"docs/notes.md:3: {expected}")


def test_a_citation_in_fenced_code_is_shown_not_checked(site: Site) -> None:
    page = html(site, "```\nShown as code.<!-- md:cite nobody -->\n```\n")
    assert page.find("code").get_text() == "Shown as code.<!-- md:cite nobody -->\n"
    assert numbers(page) == [] and listed(page) == []


def test_a_citation_inside_raw_html_stops_the_page(site: Site) -> None:
    """Markdown cannot reach into raw HTML to place the reference: no stray character is left instead."""
    message = failure(site, "Intro.\n\n<div>A claim.<!-- md:cite alpha --></div>\n")
    assert "a citation sits inside raw HTML" in message and 'markdown="span"' in message


def test_a_citation_inside_raw_html_stops_naming_file_and_line(site: Site) -> None:
    message = failure(site, "Intro.\n\n<div>A claim.<!-- md:cite alpha --></div>\n")
    assert message.startswith("docs/notes.md:3: ")
