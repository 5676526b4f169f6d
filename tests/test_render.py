"""What the markers generate, read back as HTML: the data's words, for the roles asked for, and hostile text
shown as text. Expected values come from tests/sample_data.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from html_tools import listed, numbers, soup, tables, text_of
from rendering import render, sample_docs

HOSTILE = "a | b <script>alert(1)</script> & `code` *em* [x](y) {: #id } ==mark== <!-- md:cite alpha --> \\ end"


@pytest.fixture
def sample(data_dir: Path, tmp_path: Path) -> dict:
    return {"data": data_dir, "docs": sample_docs(tmp_path / "docs"), "evidence": tmp_path / "evidence"}


def page(sample: dict, marker: str, at: str = "compare/index.md"):
    return soup(render(f"{marker}\n", page=at, **sample))


def add_role(data_dir: Path, role_id: str, name: str) -> None:
    """A third role: the project manager's file with another id and name, and its own words."""
    text = (data_dir / "roles" / "project-manager.yml").read_text(encoding="utf-8")
    text = text.replace("id: project-manager", f"id: {role_id}").replace("name: Project manager", f"name: {name}")
    (data_dir / "roles" / f"{role_id}.yml").write_text(text.replace("text: ", "text: As a lead, "), encoding="utf-8")


def test_the_comparison_shows_every_role_on_every_dimension_and_links_each_role(sample: dict) -> None:
    shown = page(sample, "<!-- md:table comparison -->")
    assert tables(shown) == [
        [
            ["Dimension", "Product manager", "Project manager"],
            ["Purpose What is the role for?", "Value over the product's life", "A project done on time"],
            ["Core questions Which questions does it answer?", "What and why", "How and when"],
        ]
    ]
    links = [a["href"] for a in shown.find("thead").find_all("a")]
    assert links == ["../roles/product-manager.md", "../roles/project-manager.md"]
    assert {"purpose", "core-questions"} <= {element["id"] for element in shown.select("[id]")}  # rows to link to


def test_the_roles_and_dimensions_shown_and_their_order_are_parameters(sample: dict, data_dir: Path) -> None:
    add_role(data_dir, "delivery-lead", "Delivery lead")
    chosen = page(
        sample, "<!-- md:table comparison roles=project-manager,delivery-lead dimensions=core-questions,purpose -->"
    )
    assert tables(chosen) == [
        [
            ["Dimension", "Project manager", "Delivery lead"],
            ["Core questions Which questions does it answer?", "How and when", "As a lead, How and when"],
            ["Purpose What is the role for?", "A project done on time", "As a lead, A project done on time"],
        ]
    ]
    everyone = page(sample, "<!-- md:table comparison dimensions=purpose -->")
    assert tables(everyone)[0][0] == ["Dimension", "Delivery lead", "Product manager", "Project manager"]  # by name


def test_a_role_values_table_shows_one_role(sample: dict) -> None:
    shown = page(sample, "<!-- md:table role-values role=project-manager -->", "notes.md")
    assert tables(shown) == [
        [
            ["Dimension", "Project manager"],
            ["Purpose What is the role for?", "A project done on time"],
            ["Core questions Which questions does it answer?", "How and when"],
        ]
    ]
    assert numbers(shown) == [1, 2]  # each value its own reference


def test_the_disagreements_name_each_side_with_its_sources(sample: dict) -> None:
    shown = page(sample, "<!-- md:list disagreements -->")
    heading = shown.find("h3")
    assert (text_of(heading), heading["id"]) == ('Who owns "when"?', "disagreement-when")
    assert [text_of(item) for item in shown.find("ul").find_all("li")] == [
        "The project manager owns when.",
        "The product manager sets the order.",
    ]
    assert text_of(listed(shown)[0]).startswith("Alpha, “Roles”")


def test_a_roles_lists_show_its_own_claims(sample: dict) -> None:
    def items(marker: str) -> list[str]:
        return [text_of(li) for li in page(sample, marker, "notes.md").find_all("li") if not li.get("id")]

    assert items("<!-- md:list credentials role=project-manager -->") == ["A professional certificate"]
    assert items("<!-- md:list routes role=product-manager -->") == ["A related degree"]
    assert items("<!-- md:list interests role=project-manager -->") == ["Organising work"]
    assert text_of(page(sample, "<!-- md:list credentials role=product-manager -->")) == ""  # none: left out


def test_neighbouring_claims_with_the_same_sources_share_one_item_and_reference(sample: dict, data_dir: Path) -> None:
    path = data_dir / "roles" / "product-manager.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - text: A related degree\n    sources: [beta]\n",
            "  - text: A related degree.\n    sources: [beta]\n  - text: A portfolio of work.\n    sources: [beta]\n",
        ),
        encoding="utf-8",
    )
    shown = page(sample, "<!-- md:list routes role=product-manager -->", "notes.md")
    [item] = [li for li in shown.find_all("li") if not li.get("id")]
    assert text_of(item) == "A related degree. A portfolio of work."
    assert numbers(item) == [1]


def test_the_sources_page_gives_each_source_an_anchor_and_its_address(sample: dict) -> None:
    shown = page(sample, "<!-- md:list sources -->", "reference/sources.md")
    assert [(text_of(h), h["id"]) for h in shown.find_all("h3")] == [("Alpha", "alpha"), ("Beta", "beta")]
    assert "https://example.org/beta" in [a["href"] for a in shown.find_all("a")]
    paragraphs = [text_of(p) for p in shown.find_all("p")]
    assert "Beta handbook. Beta Org. 2020-11-01. Handbook." in paragraphs


def test_the_glossary_lists_terms_and_roles_a_to_z_each_with_an_anchor(sample: dict) -> None:
    shown = page(sample, "<!-- md:list glossary -->", "reference/glossary.md")
    assert [(text_of(h), h["id"]) for h in shown.find_all("h3")] == [
        ("Backlog", "backlog"),
        ("Key performance indicator (KPI)", "kpi"),
        ("Product manager", "product-manager"),
        ("Project manager", "project-manager"),
    ]
    # A role is defined by its own summary, and leads to its page.
    assert "../roles/project-manager.md" in [a["href"] for a in shown.find_all("a")]


def test_the_handoff_crossings_get_a_tab_per_direction(sample: dict) -> None:
    shown = page(sample, "<!-- md:table handoff-crossings -->", "handoff/index.md")
    assert [text_of(label) for label in shown.select(".tabbed-labels label")] == [
        "Product manager → Project manager",
        "Project manager → Product manager",
    ]
    assert [table[1] for table in tables(shown)] == [
        ["Requirements", "1. Find the problem"],
        ["Status report", "2. Plan delivery"],
    ]
    alone = page(sample, "<!-- md:table handoff-crossings roles=product-manager -->", "handoff/index.md")
    assert text_of(alone) == "Nothing in the handoff data passes between these roles."


def test_hostile_text_neither_breaks_a_table_nor_injects_markup(sample: dict, data_dir: Path) -> None:
    path = data_dir / "roles" / "product-manager.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("text: Value over the product's life", f"text: {json.dumps(HOSTILE)}"),
        encoding="utf-8",
    )
    dimensions = data_dir / "dimensions.yml"
    dimensions.write_text(
        dimensions.read_text().replace("label: Purpose", f"label: {json.dumps(HOSTILE)}"), encoding="utf-8"
    )
    html = render("<!-- md:table comparison -->\n", page="compare/index.md", **sample)
    shown = soup(html)
    assert not shown.find(["script", "em", "mark", "code"]) and "<!--" not in html
    [table] = tables(shown)
    assert len(table) == 3 and all(len(row) == 3 for row in table)  # nothing split or added
    assert table[1][0] == f"{HOSTILE} What is the role for?" and table[1][1] == HOSTILE
