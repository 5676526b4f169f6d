"""Markers: found outside code, expanded in place, and any mistake named with its line and the valid choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.data import Guide, load_guide
from guide.markers import MarkerError, expand_markers, find_homes, find_markers

HOMES = {"list: sources": "reference/sources.md"}


@pytest.fixture
def guide(data_dir: Path) -> Guide:
    return load_guide(data_dir)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("<!-- chart: comparison -->", "line 1: unknown marker kind 'chart'; expected one of: table, list, diagram"),
        (
            "text\n\n<!-- table: comparsion -->",
            "line 3: unknown table 'comparsion'; "
            "expected one of: at-a-glance, comparison, fit, handoff-crossings, skills",
        ),
        (
            "<!-- table: -->",
            "line 1: unknown table ''; expected one of: at-a-glance, comparison, fit, handoff-crossings, skills",
        ),
        ("<!-- table: skills role=x -->", "line 1: table 'skills' does not take 'role=x'; expected no parameters"),
        ("<!-- list: routes -->", "line 1: list 'routes' needs role=..."),
        (
            "<!-- table: comparison dims=purpose -->",
            "line 1: table 'comparison' does not take 'dims=purpose'; expected dimensions=...",
        ),
        (
            "<!-- list: routes role=designer -->",
            "line 1: list: routes: unknown role 'designer'; expected one of: product-manager, project-manager",
        ),
        (
            "<!-- table: comparison dimensions=purpose,scope -->",
            "line 1: table: comparison: unknown dimension 'scope'; expected one of: purpose, core-questions",
        ),
    ],
)
def test_bad_markers_are_named_with_the_valid_choices(guide: Guide, page: str, message: str) -> None:
    with pytest.raises(MarkerError) as error:
        expand_markers(page, "x.md", guide, HOMES)
    assert str(error.value) == message


def test_markers_in_fenced_code_and_ordinary_comments_are_left_alone(guide: Guide) -> None:
    page = "<!-- TODO tidy -->\n\n```markdown\n<!-- table: nonsense -->\n```\n\n~~~\n<!-- list: x -->\n~~~\n"
    assert list(find_markers(page)) == []
    assert expand_markers(page, "x.md", guide, HOMES) == page


def test_an_indented_marker_keeps_its_indent(guide: Guide) -> None:
    expanded = expand_markers('=== "Tab"\n\n    <!-- list: handoff-checklist -->\n', "x.md", guide, HOMES)
    assert expanded == '=== "Tab"\n\n    - [ ] Goals agreed ([Alpha](reference/sources.md#alpha))\n'


def test_each_marker_is_replaced_where_it_stands(guide: Guide) -> None:
    expanded = expand_markers("before\n\n<!-- list: routes role=product-manager -->\n\nafter\n", "x.md", guide, HOMES)
    assert expanded == "before\n\n- A related degree ([Beta](reference/sources.md#beta))\n\nafter\n"


def test_pages_that_others_link_to_are_found_and_must_be_unique() -> None:
    pages = {"a.md": "<!-- list: sources -->", "b.md": "<!-- list: disagreements -->", "c.md": "<!-- table: fit -->"}
    assert find_homes(pages) == {"list: sources": "a.md", "list: disagreements": "b.md"}
    with pytest.raises(MarkerError) as error:
        find_homes({**pages, "z.md": "\n<!-- list: sources -->"})
    assert error.value.page == "z.md"
    assert str(error.value) == (
        "line 2: <!-- list: sources --> is already on a.md; "
        "expected it on one page only, because citations link to its anchors"
    )


def test_line_numbers_count_from_where_the_text_starts_in_the_file(guide: Guide) -> None:
    body = "Intro\n\n<!-- list: routes role=designer -->\n"
    with pytest.raises(MarkerError, match=r"^line 7: list: routes: unknown role 'designer'"):
        expand_markers(body, "x.md", guide, HOMES, first_line=5)
    assert expand_markers("a\n<!-- list: handoff-checklist -->\nb", "x.md", guide, HOMES, first_line=5) == (
        "a\n- [ ] Goals agreed ([Alpha](reference/sources.md#alpha))\nb\n"
    )
