"""Citations: one inline syntax, checked against the sources, numbered per page, and read back with their claims."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from built_site import site_config
from guide.citations import CitationError, check, claims_in_html, parse, to_footnotes
from guide.data import Guide, load_guide
from guide.models import Citation


@pytest.fixture
def guide(data_dir: Path) -> Guide:
    return load_guide(data_dir)


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """A Markdown converter with exactly the extensions the site uses."""
    config = site_config()
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def test_a_marker_names_sources_each_with_an_optional_place(guide: Guide) -> None:
    assert parse(' alpha "The Core Difference"; beta ', guide.sources) == (
        Citation(id="alpha", at="The Core Difference"),
        Citation(id="beta"),
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "alpah",
            "unknown source 'alpah' (did you mean 'alpha'?); expected one of the ids in data/sources.yml: alpha, beta",
        ),
        ("", 'names no source; expected e.g. <!-- md:cite amdari "The Core Difference" -->'),
        (
            'alpha "unfinished',
            """cannot read 'alpha "unfinished'; expected source ids, each optionally followed by its place in """
            'double quotes, separated by ";", e.g. <!-- md:cite amdari "The Core Difference"; pmi -->',
        ),
    ],
)
def test_a_bad_marker_says_what_was_expected(guide: Guide, body: str, message: str) -> None:
    with pytest.raises(CitationError) as error:
        parse(body, guide.sources)
    assert str(error.value) == message


def test_the_check_names_the_line_in_the_file_and_skips_code(guide: Guide) -> None:
    page = (
        "Fine.<!-- md:cite alpha -->\n\n```\nShown as code.<!-- md:cite nobody -->\n```\n\n"
        "Wrong.<!-- md:cite gamma -->\n"
    )
    with pytest.raises(CitationError, match=r"^line 13: unknown source 'gamma'"):
        check(page, guide.sources, first_line=7)


def test_citations_become_numbered_footnotes_with_their_places_and_links(guide: Guide) -> None:
    page = (
        'One.<!-- md:cite beta "Roles" -->\n\n'
        "Two.<!-- md:cite alpha -->\n\n"
        'Three.<!-- md:cite beta "Roles" -->\n\n'
        'Four.<!-- md:cite beta "Other place" -->\n'
    )
    result, references = to_footnotes(page, guide.sources, "reference/sources.md", "roles/x.md")
    body, ending = result.split("\n\n## References { #references data-search-exclude }", 1)
    assert body == "One.[^cite-1]\n\nTwo.[^cite-2]\n\nThree.[^cite-1]\n\nFour.[^cite-3]"  # same citation, same number
    assert ending.splitlines()[2:] == [
        "///Footnotes Go Here///",
        "",
        "[^cite-1]: [Beta](../reference/sources.md#beta), “Roles” ([example\\.org](https://example.org/beta)).",
        "[^cite-2]: [Alpha](../reference/sources.md#alpha).",
        "[^cite-3]: [Beta](../reference/sources.md#beta), “Other place” ([example\\.org](https://example.org/beta)).",
    ]
    assert references.citations("cite-2") == (Citation(id="alpha"),)


def test_a_page_without_citations_is_unchanged(guide: Guide) -> None:
    page = "Plain text.\n\n```\n<!-- md:cite alpha -->\n```\n"
    assert to_footnotes(page, guide.sources, None, "x.md")[0] == page


def test_citations_need_a_sources_page(guide: Guide) -> None:
    with pytest.raises(CitationError, match=r"^citations need a page with <!-- md:list sources -->"):
        to_footnotes("A.<!-- md:cite alpha -->", guide.sources, None, "x.md")


def test_each_claim_is_read_back_with_the_text_it_backs(guide: Guide, site_markdown: markdown.Markdown) -> None:
    page = (
        "First claim.<!-- md:cite alpha --> Second claim, with *emphasis*.<!-- md:cite beta -->\n\n"
        "- Item one<!-- md:cite alpha -->\n"
        "    - Nested item<!-- md:cite beta -->\n"
        "\n"
        "| Aspect | Value |\n| --- | --- |\n| Cell A | A cell value<!-- md:cite alpha --> |\n"
        "| Cell B | One line<br>and the next<!-- md:cite beta --> |\n"
    )
    source, references = to_footnotes(page, guide.sources, "reference/sources.md", "x.md")
    site_markdown.reset()
    html = site_markdown.convert(source)
    assert claims_in_html(html, references) == [
        ("First claim.", (Citation(id="alpha"),)),
        ("Second claim, with emphasis.", (Citation(id="beta"),)),
        ("Item one", (Citation(id="alpha"),)),
        ("Nested item", (Citation(id="beta"),)),
        ("A cell value", (Citation(id="alpha"),)),
        ("One line and the next", (Citation(id="beta"),)),
    ]


def test_markers_side_by_side_make_one_reference(guide: Guide) -> None:
    page = 'Shared.<!-- md:cite alpha --><!-- md:cite beta "Roles"; alpha -->\n'
    result, references = to_footnotes(page, guide.sources, "reference/sources.md", "x.md")
    assert result.startswith("Shared.[^cite-1]\n")
    assert references.citations("cite-1") == (Citation(id="alpha"), Citation(id="beta", at="Roles"))


def test_references_are_numbered_in_page_order_tables_included(guide: Guide) -> None:
    page = (
        "Before the table.<!-- md:cite alpha -->\n\n"
        "| Aspect | Value |\n| --- | --- |\n"
        '| Row<!-- md:cite-row --> | Cell<!-- md:cite-cell "Value" beta --> |\n\n'
        'After it.<!-- md:cite beta "Roles" -->\n'
    )
    result, _ = to_footnotes(page, guide.sources, "reference/sources.md", "x.md")
    numbered = ("Before the table.[^cite-1]", "Row[^cite-2]", "After it.[^cite-3]")
    places = [result.index(reference) for reference in numbered]
    assert places == sorted(places)
