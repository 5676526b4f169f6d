"""Rendering: generated Markdown has the expected content and survives hostile data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import markdown
import pytest

from built_site import site_config
from guide.abbreviations import abbreviation_definitions
from guide.data import Guide, load_guide
from guide.diagram import handoff_diagram
from guide.markdown import text
from guide.markers import expand_markers
from guide.render import Context
from html_tools import parse

HOMES = {"list: sources": "reference/sources.md", "list: disagreements": "compare/index.md"}
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


def render(guide: Guide, marker: str, page: str = "compare/index.md") -> str:
    return expand_markers(marker + "\n", page, guide, HOMES).strip()


def test_comparison_table_lists_every_dimension_role_and_source(guide: Guide) -> None:
    assert render(guide, "<!-- table: comparison -->").splitlines() == [
        "| Dimension | [Product manager](../roles/product-manager.md) "
        "| [Project manager](../roles/project-manager.md) | Sources |",
        "| --- | --- | --- | --- |",
        "| **Purpose** | Value over the product\\'s life | A project done on time "
        "| [Alpha](../reference/sources.md#alpha) |",
        "| **Core questions** | What and why | How and when | [Alpha](../reference/sources.md#alpha); "
        "[Beta](../reference/sources.md#beta) · [Sources disagree](#disagreement-core-questions) |",
    ]


def test_comparison_table_can_show_chosen_dimensions_in_order(guide: Guide) -> None:
    rows = render(guide, "<!-- table: comparison dimensions=core-questions,purpose -->", "index.md").splitlines()
    assert [row.split(" | ")[0] for row in rows[2:]] == ["| **Core questions**", "| **Purpose**"]
    assert "[Sources disagree](compare/index.md#disagreement-core-questions)" in rows[2]


def test_at_a_glance_table_shows_one_role(guide: Guide) -> None:
    rows = render(
        guide, "<!-- table: at-a-glance role=project-manager dimensions=purpose -->", "roles/project-manager.md"
    )
    assert rows.splitlines() == [
        "| Dimension | Project manager | Sources |",
        "| --- | --- | --- |",
        "| **In one sentence** | Delivers the plan\\. | [Alpha](../reference/sources.md#alpha) |",
        "| **Purpose** | A project done on time | [Alpha](../reference/sources.md#alpha) |",
    ]


def test_skills_are_split_into_shared_and_distinct_tabs(guide: Guide, site_markdown: markdown.Markdown) -> None:
    html = parse(to_html(site_markdown, render(guide, "<!-- table: skills -->")))
    shared, product_only, project_only = html.tables
    assert [row[0] for row in shared[1:]] == ["Communication"]
    assert [row[0] for row in product_only[1:]] == ["Market research"]
    assert [row[0] for row in project_only[1:]] == ["Scheduling"]


def test_fit_table_puts_interests_and_strengths_under_each_role(guide: Guide, site_markdown: markdown.Markdown) -> None:
    [table] = parse(to_html(site_markdown, render(guide, "<!-- table: fit -->", "careers/index.md"))).tables
    assert table[0] == ["Aspect", "Product manager", "Project manager"]
    assert table[1] == ["You may enjoy it if you like", "Customer problems (Alpha)", "Organising work (Alpha)"]
    assert table[2] == ["Strengths that set it apart", "Market research", "Scheduling"]
    assert table[3] == ["Strengths both need", "Communication", "Communication"]


def test_handoff_steps_are_numbered_with_owner_and_next_step(guide: Guide) -> None:
    assert render(guide, "<!-- list: handoff-steps -->", "handoff/index.md").splitlines() == [
        "1. **Find the problem.** Led by the [Product manager](../roles/product-manager.md). Understand users\\. "
        "*Produces:* Problem statement. Then leads to step 2 (handoff). ([Alpha](../reference/sources.md#alpha))",
        "2. **Plan delivery.** Led by the [Project manager](../roles/project-manager.md). Make the plan\\. "
        "Then goes back to step 1 (status). ([Beta](../reference/sources.md#beta))",
    ]


def test_crossings_get_one_tab_per_direction(guide: Guide, site_markdown: markdown.Markdown) -> None:
    source = render(guide, "<!-- table: handoff-crossings -->", "handoff/index.md")
    rendered = to_html(site_markdown, source)
    assert ">Product manager → Project manager</label>" in rendered
    html = parse(rendered)
    assert [table[1][:2] for table in html.tables] == [
        ["Requirements", "1. Find the problem"],
        ["Status report", "2. Plan delivery"],
    ]


def test_sources_list_gives_each_source_its_anchor(guide: Guide, site_markdown: markdown.Markdown) -> None:
    questioning = replace(guide.sources["alpha"], title="Who owns what?")
    guide = replace(guide, sources={**guide.sources, "alpha": questioning})
    source = render(guide, "<!-- list: sources -->", "reference/sources.md")
    assert "*Who owns what\\?* Alpha Press. Article." in source  # no full stop after a question mark
    assert "*Beta handbook*. Beta Org. 2020\\-11\\-01. Handbook." in source
    html = to_html(site_markdown, source)
    assert {"alpha", "beta"} <= parse(html).ids
    assert '<a href="https://example.org/beta">https://example.org/beta</a>' in html


def test_glossary_is_sorted_and_abbreviations_become_tooltips(guide: Guide, site_markdown: markdown.Markdown) -> None:
    source = render(guide, "<!-- list: glossary -->", "reference/glossary.md")
    assert source.index("Backlog") < source.index("Key performance indicator")
    assert {"backlog", "kpi"} <= parse(to_html(site_markdown, source)).ids  # each term can be linked to
    html = to_html(site_markdown, "Track the KPI.\n\n" + abbreviation_definitions(guide.glossary))
    assert '<abbr title="Key performance indicator">KPI</abbr>' in html


def test_checklist_and_disagreements_render_their_claims(guide: Guide) -> None:
    assert (
        render(guide, "<!-- list: handoff-checklist -->")
        == "- [ ] Goals agreed ([Alpha](../reference/sources.md#alpha))"
    )
    assert render(guide, "<!-- list: disagreements -->") == (
        "### Core questions { #disagreement-core-questions }\n\n"
        'Who owns \\"when\\" is contested\\. ([Beta](../reference/sources.md#beta))'
    )


def test_hostile_text_neither_breaks_a_table_nor_injects_html(guide: Guide, site_markdown: markdown.Markdown) -> None:
    purpose = replace(
        guide.dimensions[0], values={"product-manager": HOSTILE, "project-manager": "plain"}, label=HOSTILE
    )
    hostile = replace(guide, dimensions=(purpose,))
    html = to_html(site_markdown, render(hostile, "<!-- table: comparison -->"))
    assert "<script" not in html and "<em>" not in html and "<mark>" not in html and "<code>" not in html
    [table] = parse(html).tables
    assert len(table) == 2 and len(table[1]) == 4  # header + one row, four cells: nothing split or added
    flat = " ".join(HOSTILE.split())
    assert table[1][0] == flat and table[1][1] == flat


def test_text_escapes_every_markdown_character() -> None:
    assert text("a|b`c<d&e\nf") == "a\\|b\\`c\\<d\\&e f"


def test_hostile_diagram_labels_cannot_end_a_label_or_the_fence(guide: Guide) -> None:
    step = replace(guide.handoff.steps[0], title='x"] --> evil["y` ``` <b>')
    hostile = replace(guide, handoff=replace(guide.handoff, steps=(step, guide.handoff.steps[1])))
    diagram = handoff_diagram(hostile)
    assert diagram.count("```") == 2
    line = next(line for line in diagram.splitlines() if "step_problem[" in line)
    assert line == '        step_problem["1. x#34;#93; --#62; evil#91;#34;y#96; #96;#96;#96; #60;b#62;"]'


def test_diagram_boxes_steps_by_role_with_dotted_feedback(guide: Guide) -> None:
    assert handoff_diagram(guide).splitlines() == [
        "``` mermaid",
        "flowchart TB",
        "    accTitle: Handoff",
        "    accDescr: Work passes from product to project and back.",
        '    subgraph lane_1["Product manager"]',
        '        step_problem["1. Find the problem"]',
        "    end",
        '    subgraph lane_2["Project manager"]',
        '        step_plan["2. Plan delivery"]',
        "    end",
        '    step_problem -->|"handoff"| step_plan',
        '    step_plan -.->|"status"| step_problem',
        "```",
    ]


def test_same_data_gives_identical_output(guide: Guide, data_dir: Path) -> None:
    page = "\n\n".join(
        f"<!-- {key} -->" for key in ("table: comparison", "table: skills", "list: glossary", "diagram: handoff")
    )
    assert expand_markers(page, "x.md", guide, HOMES) == expand_markers(page, "x.md", load_guide(data_dir), HOMES)


def test_citations_need_a_sources_page(guide: Guide) -> None:
    context = Context(guide=guide, page="x.md", homes={})
    with pytest.raises(Exception, match="citations need a page with <!-- list: sources -->"):
        context.cite(["alpha"])
