"""Rendering: generated Markdown shows what the data says, for any roles asked for, and survives hostile data."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from built_site import site_config
from guide.abbreviations import abbreviation_definitions
from guide.data import Guide, load_guide
from guide.markdown import text
from guide.markers import expand_markers
from guide.models import Claim
from guide.render import Context
from html_tools import parse

HOMES = {"list sources": "reference/sources.md", "list disagreements": "compare/index.md"}
HOSTILE = "a | b <script>alert(1)</script> & `code` *em* [x](y) {: #id } :smile: ==mark==\nsecond line \\ end"


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """A Markdown converter with exactly the extensions the site uses."""
    config = site_config()
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def to_html(converter: markdown.Markdown, source: str) -> str:
    converter.reset()
    return converter.convert(source)


@pytest.fixture
def guide(data_dir: Path) -> Guide:
    return load_guide(data_dir)


def add_role(data_dir: Path, role_id: str, name: str, skills: str) -> None:
    """A third role: a copy of the project manager's file with another id, name and skills."""
    text = (data_dir / "roles" / "project-manager.yml").read_text(encoding="utf-8")
    text = text.replace("id: project-manager", f"id: {role_id}").replace("name: Project manager", f"name: {name}")
    text = text.replace(
        "  - skill: communication\n    sources: [beta]\n  - skill: scheduling\n    sources: [beta]\n", skills
    )
    (data_dir / "roles" / f"{role_id}.yml").write_text(text, encoding="utf-8")


def render(guide: Guide, marker: str, page: str = "compare/index.md") -> str:
    return expand_markers(marker + "\n", Context(guide=guide, page=page, homes=HOMES)).strip()


def test_comparison_table_cites_every_cell_and_links_each_role(guide: Guide) -> None:
    assert render(guide, "<!-- md:table comparison -->").splitlines() == [
        "| Dimension | [Product manager](../roles/product-manager.md) "
        "| [Project manager](../roles/project-manager.md) |",
        "| --- | --- | --- |",
        '| <span id="purpose"></span>**Purpose**<br><small>What is the role for\\?</small><!-- md:cite-row --> '
        '| Value over the product\\\'s life<!-- md:cite-cell "Product manager" alpha --> '
        '| A project done on time<!-- md:cite-cell "Project manager" alpha --> |',
        '| <span id="core-questions"></span>**Core questions**<br><small>Which questions does it answer\\?</small>'
        "<br>[Sources disagree](#disagreement-when){ .pvp-disagree }<!-- md:cite-row --> "
        '| What and why<!-- md:cite-cell "Product manager" alpha "The Core Difference"; beta --> '
        '| How and when<!-- md:cite-cell "Project manager" beta --> |',
    ]


def test_the_roles_shown_and_their_order_are_a_parameter(guide: Guide, data_dir: Path) -> None:
    add_role(data_dir, "delivery-lead", "Delivery lead", "  - skill: scheduling\n    sources: [alpha]\n")
    guide = load_guide(data_dir)
    header = render(guide, "<!-- md:table comparison roles=project-manager,delivery-lead dimensions=purpose -->")
    assert header.splitlines()[0] == (
        "| Dimension | [Project manager](../roles/project-manager.md) | [Delivery lead](../roles/delivery-lead.md) |"
    )
    everyone = render(guide, "<!-- md:table comparison dimensions=purpose -->").splitlines()[0]
    assert everyone.count("](../roles/") == 3  # all roles when none are named, by name
    assert everyone.index("Delivery lead") < everyone.index("Product manager")


def test_comparison_can_show_chosen_dimensions_in_order(guide: Guide) -> None:
    rows = render(guide, "<!-- md:table comparison dimensions=core-questions,purpose -->", "index.md").splitlines()
    assert [row.split(" | ")[0] for row in rows[2:]] == [
        '| <span id="core-questions"></span>**Core questions**<br><small>Which questions does it answer\\?</small>'
        "<br>[Sources disagree](compare/index.md#disagreement-when){ .pvp-disagree }<!-- md:cite-row -->",
        '| <span id="purpose"></span>**Purpose**<br><small>What is the role for\\?</small><!-- md:cite-row -->',
    ]


def test_role_values_show_one_role(guide: Guide) -> None:
    rows = render(guide, "<!-- md:table role-values role=project-manager dimensions=purpose -->", "roles/x.md")
    assert rows.splitlines() == [
        "| Dimension | Project manager |",
        "| --- | --- |",
        '| <span id="purpose"></span>**Purpose**<br><small>What is the role for\\?</small> '
        "| A project done on time<!-- md:cite alpha --> |",
    ]


def test_skills_are_grouped_into_shared_and_each_roles_own(guide: Guide, data_dir: Path) -> None:
    both = "roles=product-manager,project-manager"
    assert render(guide, f"<!-- md:list skills {both} -->").splitlines() == [
        "- **Both need:** Communication.<!-- md:cite alpha; beta -->",
        "- **Named only for the product manager:** Market research.<!-- md:cite alpha -->",
        "- **Named only for the project manager:** Scheduling.<!-- md:cite beta -->",
    ]
    # A third role that needs only scheduling: nothing is shared by all three, and
    # scheduling is no longer the project manager's alone.
    add_role(data_dir, "delivery-lead", "Delivery lead", "  - skill: scheduling\n    sources: [alpha]\n")
    three = render(load_guide(data_dir), f"<!-- md:list skills {both},delivery-lead -->")
    assert three == "- **Named only for the product manager:** Market research.<!-- md:cite alpha -->"
    pair = render(load_guide(data_dir), "<!-- md:list skills roles=product-manager,delivery-lead -->")
    assert (
        pair.splitlines()[0]
        == "- **Named only for the product manager:** Communication and Market research.<!-- md:cite alpha -->"
    )


def test_fit_table_puts_the_work_and_own_skills_under_each_role(guide: Guide, site_markdown: markdown.Markdown) -> None:
    [table] = parse(to_html(site_markdown, render(guide, "<!-- md:table fit -->", "careers/index.md"))).tables
    assert table[0] == ["What", "Product manager", "Project manager"]  # "What" is for screen readers only
    assert table[1] == ["The work at its heart", "Customer problems", "Organising work"]
    assert table[2] == ["Skills the sources name for this role only", "Market research", "Scheduling"]
    assert len(table) == 3


def test_crossings_get_one_tab_per_direction_between_the_roles_shown(
    guide: Guide, site_markdown: markdown.Markdown
) -> None:
    rendered = to_html(site_markdown, render(guide, "<!-- md:table handoff-crossings -->", "handoff/index.md"))
    assert ">Product manager → Project manager</label>" in rendered
    assert [table[1] for table in parse(rendered).tables] == [
        ["Requirements", "1. Find the problem"],
        ["Status report", "2. Plan delivery"],
    ]
    only_one = render(guide, "<!-- md:table handoff-crossings roles=product-manager -->", "handoff/index.md")
    assert only_one == "Nothing in the handoff data passes between these roles."


def test_disagreements_name_each_side_with_its_sources(guide: Guide) -> None:
    assert render(guide, "<!-- md:list disagreements -->").splitlines() == [
        '### Who owns \\"when\\"\\? { #disagreement-when }',
        "",
        "On the dimension [Core questions](#core-questions):",
        "",
        '- The project manager owns when\\.<!-- md:cite alpha "Roles" -->',
        "- The product manager sets the order\\.<!-- md:cite beta -->",
    ]


def test_lists_of_a_role_and_its_pairs(guide: Guide) -> None:
    assert render(guide, "<!-- md:list credentials role=project-manager -->") == (
        "- A professional certificate<!-- md:cite beta -->"
    )
    assert render(guide, "<!-- md:list credentials role=product-manager -->") == (
        "The sources at hand name no credential for this role."
    )
    assert render(guide, "<!-- md:list pairs role=product-manager -->", "roles/product-manager.md") == (
        "- [Product manager vs project manager](../compare/product-manager-vs-project-manager.md)"
    )


def test_the_pair_lead_joins_the_two_summaries(guide: Guide) -> None:
    lead = render(guide, "<!-- md:text pair-lead roles=product-manager,project-manager -->", "compare/x.md")
    assert lead == (
        "A [product manager](../roles/product-manager.md): decides what to build\\.<!-- md:cite alpha --> "
        "A [project manager](../roles/project-manager.md): delivers the plan\\.<!-- md:cite alpha -->"
    )


def test_sources_list_gives_each_source_its_anchor(guide: Guide, site_markdown: markdown.Markdown) -> None:
    questioning = guide.sources["alpha"].model_copy(update={"title": "Who owns what?", "credit": "Used with thanks."})
    guide = guide.__class__(**{**guide.__dict__, "sources": {**guide.sources, "alpha": questioning}})
    source = render(guide, "<!-- md:list sources -->", "reference/sources.md")
    assert "*Who owns what\\?* Alpha Press. Article." in source  # no full stop after a question mark
    assert "Credit: Used with thanks\\." in source
    assert "*Beta handbook*. Beta Org. 2020\\-11\\-01. Handbook." in source
    html = to_html(site_markdown, source)
    assert {"alpha", "beta"} <= parse(html).ids
    assert '<a href="https://example.org/beta">https://example.org/beta</a>' in html


def test_glossary_is_sorted_and_abbreviations_become_tooltips(guide: Guide, site_markdown: markdown.Markdown) -> None:
    source = render(guide, "<!-- md:list glossary -->", "reference/glossary.md")
    assert source.index("Backlog") < source.index("Key performance indicator")
    assert {"backlog", "kpi"} <= parse(to_html(site_markdown, source)).ids  # each term can be linked to
    # Each role is a term too, defined by its own summary and leading to its page.
    assert "### Project manager { #project-manager }\n\nDelivers the plan\\.<!-- md:cite alpha --> " in source
    assert "[More on the project manager](../roles/project-manager.md)." in source
    assert source.index("Key performance") < source.index("Product manager") < source.index("Project manager")
    html = to_html(site_markdown, "Track the KPI.\n\n" + abbreviation_definitions(guide.glossary))
    assert '<abbr title="Key performance indicator">KPI</abbr>' in html


def test_hostile_text_neither_breaks_a_table_nor_injects_html(guide: Guide, site_markdown: markdown.Markdown) -> None:
    role = guide.role("product-manager")
    hostile_role = role.model_copy(
        update={"values": {**role.values, "purpose": Claim(text=HOSTILE, sources=("alpha",))}}
    )
    dimension = guide.dimensions[0].model_copy(update={"label": HOSTILE})
    hostile = guide.__class__(
        **{**guide.__dict__, "roles": (hostile_role, guide.role("project-manager")), "dimensions": (dimension,)}
    )
    html = to_html(site_markdown, render(hostile, "<!-- md:table comparison -->"))
    assert "<script" not in html and "<em>" not in html and "<mark>" not in html and "<code>" not in html
    [table] = parse(html).tables
    assert len(table) == 2 and len(table[1]) == 3  # header + one row, three cells: nothing split or added
    flat = " ".join(HOSTILE.split())
    assert table[1][0].startswith(flat) and table[1][1] == flat


def test_text_escapes_every_markdown_character() -> None:
    assert text("a|b`c<d&e\nf") == "a\\|b\\`c\\<d\\&e f"


def test_same_data_gives_identical_output(guide: Guide, data_dir: Path) -> None:
    page = "\n\n".join(
        f"<!-- md:{key} -->"
        for key in ("table comparison", "list skills roles=product-manager,project-manager", "list glossary")
    )
    assert render(guide, page) == render(load_guide(data_dir), page)


def test_neighbouring_claims_with_the_same_sources_share_one_item_and_reference(data_dir: Path) -> None:
    path = data_dir / "roles" / "product-manager.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - text: A related degree\n    sources: [beta]\n",
            "  - text: A related degree.\n    sources: [beta]\n  - text: A portfolio of work.\n    sources: [beta]\n",
        ),
        encoding="utf-8",
    )
    listed = render(load_guide(data_dir), "<!-- md:list routes role=product-manager -->", "roles/product-manager.md")
    assert listed == "- A related degree\\. A portfolio of work\\.<!-- md:cite beta -->"
