"""Markers: found outside code, expanded in place, and any mistake named with its line and the valid choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.data import Guide, load_guide
from guide.markers import MarkerError, expand_markers, find_homes, find_markers
from guide.render import Context

HOMES = {"list sources": "reference/sources.md"}


@pytest.fixture
def guide(data_dir: Path) -> Guide:
    return load_guide(data_dir)


def expand(guide: Guide, page: str, first_line: int = 1) -> str:
    return expand_markers(page, Context(guide=guide, page="x.md", homes=HOMES), first_line)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            "<!-- md:chart comparison -->",
            "line 1: unknown marker 'md:chart'; expected one of: table, list, text, diagram, cite, cite-cell, cite-row",
        ),
        (
            "text\n\n<!-- md:table comparsion -->",
            "line 3: unknown table 'comparsion'; "
            "expected one of: comparison, crosswalk, fit, handoff-crossings, pairs, raci, role-values",
        ),
        ("<!-- md:list skills role=x -->", "line 1: md:list 'skills' does not take 'role=x'; expected roles=..."),
        ("<!-- md:list routes -->", "line 1: md:list 'routes' needs role=..."),
        (
            "<!-- md:table comparison dims=purpose -->",
            "line 1: md:table 'comparison' does not take 'dims=purpose'; expected roles=..., dimensions=...",
        ),
        (
            "<!-- md:list routes role=designer -->",
            "line 1: md:list routes: unknown role 'designer'; expected one of: product-manager, project-manager",
        ),
        (
            "<!-- md:table comparison roles=product-manager,product-manager -->",
            "line 1: md:table comparison: roles=product-manager,product-manager names a role twice; "
            "expected each role once",
        ),
        (
            "<!-- md:table comparison dimensions=purpose,scope -->",
            "line 1: md:table comparison: unknown dimension 'scope'; expected one of: purpose, core-questions",
        ),
        (
            "Some text <!-- md:list sources --> in a sentence.",
            "line 1: a md:table, md:list, md:text or md:diagram marker must stand on a line of its own",
        ),
        (
            "<!-- md:text pair-lead roles=product-manager -->",
            "line 1: md:text pair-lead: roles=product-manager names 1 roles; expected two",
        ),
    ],
)
def test_bad_markers_are_named_with_the_valid_choices(guide: Guide, page: str, message: str) -> None:
    with pytest.raises(MarkerError) as error:
        expand(guide, page)
    assert str(error.value) == message


def test_markers_in_fenced_code_and_ordinary_comments_are_left_alone(guide: Guide) -> None:
    page = "<!-- TODO tidy -->\n\n```markdown\n<!-- md:table nonsense -->\n```\n\n~~~\n<!-- md:list x -->\n~~~\n"
    assert list(find_markers(page)) == []
    assert expand(guide, page) == page


def test_an_indented_marker_keeps_its_indent(guide: Guide) -> None:
    expanded = expand(guide, '=== "Tab"\n\n    <!-- md:list routes role=project-manager -->\n')
    assert expanded == '=== "Tab"\n\n    - Years as a specialist<!-- md:cite alpha -->\n'


def test_each_marker_is_replaced_where_it_stands(guide: Guide) -> None:
    expanded = expand(guide, "before\n\n<!-- md:list routes role=product-manager -->\n\nafter\n")
    assert expanded == "before\n\n- A related degree<!-- md:cite beta -->\n\nafter\n"


def test_pages_that_others_link_to_are_found_and_must_be_unique() -> None:
    pages = {
        "a.md": "<!-- md:list sources -->",
        "b.md": "<!-- md:list disagreements -->",
        "c.md": "<!-- md:table fit -->",
    }
    assert find_homes(pages) == {"list sources": "a.md", "list disagreements": "b.md"}
    with pytest.raises(MarkerError) as error:
        find_homes({**pages, "z.md": "\n<!-- md:list sources -->"})
    assert error.value.page == "z.md"
    assert str(error.value) == (
        "line 2: <!-- md:list sources --> is already on a.md; "
        "expected it on one page only, because other pages link to its anchors"
    )


def test_line_numbers_count_from_where_the_text_starts_in_the_file(guide: Guide) -> None:
    body = "Intro\n\n<!-- md:list routes role=designer -->\n"
    with pytest.raises(MarkerError, match=r"^line 7: md:list routes: unknown role 'designer'"):
        expand(guide, body, first_line=5)
    assert expand(guide, "a\n<!-- md:list routes role=product-manager -->\nb", first_line=5) == (
        "a\n- A related degree<!-- md:cite beta -->\nb\n"
    )
