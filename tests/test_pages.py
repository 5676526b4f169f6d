"""Pages generated from data: one per role and per pair of roles, a template around optional prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.build import GuideBuild
from guide.data import load_guide
from guide.pages import generated_pages, with_role_pages
from guide.render import MarkerError
from test_render import add_role


def test_every_role_and_every_pair_of_roles_gets_a_page(data_dir: Path) -> None:
    add_role(data_dir, "delivery-lead", "Delivery lead", "  - skill: scheduling\n    sources: [alpha]\n")
    pages = generated_pages(load_guide(data_dir))
    assert sorted(pages) == [
        "compare/delivery-lead-vs-product-manager.md",
        "compare/delivery-lead-vs-project-manager.md",
        "compare/product-manager-vs-project-manager.md",
        "roles/delivery-lead.md",
        "roles/product-manager.md",
        "roles/project-manager.md",
    ]
    pair = pages["compare/delivery-lead-vs-project-manager.md"]
    assert [role.id for role in pair.roles] == ["delivery-lead", "project-manager"]  # ids in alphabetical order
    assert pages["roles/delivery-lead.md"].data_file == "data/roles/delivery-lead.yml"


def test_a_role_page_is_the_template_around_its_prose(data_dir: Path) -> None:
    page = generated_pages(load_guide(data_dir))["roles/project-manager.md"]
    composed = page.compose("## History\n\nOnly this role has it.\n")
    assert composed.startswith(
        "# Project manager\n\nDelivers the plan\\.<!-- md:cite alpha -->\n\n## History\n\nOnly this role has it.\n\n"
        "## At a glance\n"
    )
    sections = ["## At a glance", "<!-- md:table role-values role=project-manager -->", "## Skills", "## Routes in"]
    assert [composed.index(part) for part in sections] == sorted(composed.index(part) for part in sections)
    assert "<!-- md:list pairs role=project-manager -->" in composed
    assert page.description == "Delivers the plan."
    assert page.front_matter() == '---\ndescription: "Delivers the plan."\n---\n'


def test_a_pair_page_compares_the_two_roles(data_dir: Path) -> None:
    page = generated_pages(load_guide(data_dir))["compare/product-manager-vs-project-manager.md"]
    composed = page.compose("")
    assert composed.startswith("# Product manager vs project manager\n\n")
    assert "<!-- md:table comparison roles=product-manager,project-manager -->" in composed
    assert "<!-- md:list skills roles=product-manager,project-manager -->" in composed


def test_role_pages_join_the_navigation_section_of_the_roles_overview(data_dir: Path) -> None:
    nav = [{"Home": "index.md"}, {"The roles": ["roles/index.md", {"Product manager": "roles/product-manager.md"}]}]
    assert with_role_pages(nav, load_guide(data_dir)) == [
        {"Home": "index.md"},
        {"The roles": ["roles/index.md", {"Product manager": "roles/product-manager.md"}, "roles/project-manager.md"]},
    ]


def test_prose_may_not_bring_its_own_title(data_dir: Path) -> None:
    build = GuideBuild.start(data_dir)
    build.find_homes({"reference/sources.md": "<!-- md:list sources -->"})
    with pytest.raises(MarkerError, match=r"^line 4: the page's title comes from data/roles/project-manager\.yml"):
        build.page_markdown("roles/project-manager.md", "# Project manager\n\nText.\n", first_line=4)


def test_a_built_page_numbers_its_citations_and_ends_with_references(data_dir: Path) -> None:
    build = GuideBuild.start(data_dir)
    build.find_homes({"reference/sources.md": "<!-- md:list sources -->"})
    markdown = build.page_markdown("roles/project-manager.md", "Prose.<!-- md:cite beta -->\n", first_line=1)
    assert markdown.startswith("# Project manager\n\nDelivers the plan\\.[^cite-1]\n\nProse.[^cite-2]\n")
    assert "\n## References { #references data-search-exclude }\n" in markdown
    assert "*[KPI]: Key performance indicator" in markdown  # abbreviations are defined on every page
