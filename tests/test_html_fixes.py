"""Fixes to rendered HTML: tables that stack on phones, abbreviations that take focus."""

from __future__ import annotations

from guide.html_fixes import fix

WIDE = (
    "<table><thead><tr><th>Dimension</th><th>Product manager</th><th>Project manager</th></tr></thead>"
    "<tbody><tr><td>Purpose<sup>1</sup></td><td>Value over time</td><td>A project done</td></tr></tbody></table>"
)


def test_a_table_of_three_columns_stacks_with_each_cell_naming_its_column() -> None:
    fixed = fix(WIDE)
    assert fixed.startswith("<table data-stack>")
    assert '<th scope="row">Purpose<sup>1</sup></th>' in fixed  # the row's name heads its cells
    assert '<td data-label="Product manager">Value over time</td>' in fixed
    assert '<td data-label="Project manager">A project done</td>' in fixed


def test_a_table_of_two_columns_is_left_alone() -> None:
    narrow = "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert fix(narrow) == narrow


def test_cells_of_a_letter_or_two_sit_beside_their_column_name() -> None:
    raci = WIDE.replace("Value over time", "A, R").replace("A project done", "C")
    assert fix(raci).startswith('<table data-stack="short">')
    assert fix(WIDE).startswith("<table data-stack>")


def test_column_names_are_escaped_into_the_label() -> None:
    hostile = WIDE.replace("<th>Product manager</th>", '<th>A "quoted" &amp; <em>odd</em> name</th>')
    assert 'data-label="A &quot;quoted&quot; &amp; odd name"' in fix(hostile)


def test_an_abbreviation_takes_focus() -> None:
    assert fix('<p>The <abbr title="Key performance indicator">KPI</abbr>.</p>') == (
        '<p>The <abbr tabindex="0" title="Key performance indicator">KPI</abbr>.</p>'
    )
