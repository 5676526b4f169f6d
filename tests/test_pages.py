"""Pages generated from data: one per role and one per pair of roles, each in the navigation by name."""

from __future__ import annotations

from pathlib import Path

from product_vs_project.loading import load_guide
from product_vs_project.pages import generated_pages, with_generated_pages
from test_render import add_role


def test_every_role_and_every_pair_of_roles_gets_a_page(data_dir: Path) -> None:
    add_role(data_dir, "delivery-lead", "Delivery lead")
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
    assert pair.data_file == "data/pairs.yml"


def test_a_role_page_without_prose_is_described_by_the_roles_summary(data_dir: Path) -> None:
    page = generated_pages(load_guide(data_dir))["roles/project-manager.md"]
    assert page.description == "Delivers the plan."


def test_generated_pages_join_the_navigation_by_name(data_dir: Path) -> None:
    nav = [
        {"Home": "index.md"},
        {"The roles": ["roles/index.md"]},
        {"Compare roles": ["compare/index.md", "compare/titles.md"]},
    ]
    assert with_generated_pages(nav, generated_pages(load_guide(data_dir))) == [
        {"Home": "index.md"},
        {
            "The roles": [
                "roles/index.md",
                {"Product manager": "roles/product-manager.md"},
                {"Project manager": "roles/project-manager.md"},
            ]
        },
        {
            "Compare roles": [
                "compare/index.md",
                {
                    "Every pair": [
                        {"Product manager vs project manager": "compare/product-manager-vs-project-manager.md"}
                    ]
                },
                "compare/titles.md",
            ]
        },
    ]
