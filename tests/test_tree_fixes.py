"""Pages fit for phones and keyboards: wide tables stack row by row, abbreviations take focus."""

from __future__ import annotations

from pathlib import Path

import pytest

from html_tools import soup
from rendering import render, sample_docs

WIDE = (
    "| Dimension | Product manager | Project manager |\n| --- | --- | --- |\n"
    "| Purpose | Value over time | A project done |\n| Scope | A product | A project |\n"
)


@pytest.fixture
def sample(data_dir: Path, tmp_path: Path) -> dict:
    return {"data": data_dir, "docs": sample_docs(tmp_path / "docs"), "evidence": tmp_path / "evidence"}


def test_a_table_of_three_columns_stacks_with_each_cell_naming_its_column(sample: dict) -> None:
    table = soup(render(WIDE, **sample)).find("table")
    assert table.has_attr("data-stack")
    for row, name in zip(table.find("tbody").find_all("tr"), ["Purpose", "Scope"], strict=True):
        header, *cells = row.find_all(["th", "td"])
        assert (header.name, header.get("scope"), header.get_text()) == ("th", "row", name)  # the row's name heads it
        assert [cell.name for cell in cells] == ["td", "td"]
        assert [cell["data-label"] for cell in cells] == ["Product manager", "Project manager"]


def test_a_table_of_two_columns_is_left_alone(sample: dict) -> None:
    table = soup(render("| A | B |\n| --- | --- |\n| 1 | 2 |\n", **sample)).find("table")
    assert not table.has_attr("data-stack")
    assert [cell.name for cell in table.find("tbody").find_all(["th", "td"])] == ["td", "td"]
    assert not table.find(attrs={"data-label": True})


def test_a_column_name_with_markup_characters_is_its_label_as_written(sample: dict) -> None:
    """Generated tables escape every character of data text (markdown_text.text); the label keeps them all."""
    escaped = r"Delivery \<b\>\"lead\"\</b\> \& co"
    table = soup(render(WIDE.replace("Project manager", escaped, 1), **sample)).find("table")
    assert table.find("thead").find_all("th")[2].get_text() == 'Delivery <b>"lead"</b> & co'
    assert [td["data-label"] for td in table.select("tbody td")][1] == 'Delivery <b>"lead"</b> & co'


def test_an_abbreviation_is_spelled_out_first_and_takes_keyboard_focus_after(sample: dict) -> None:
    """The sample glossary defines KPI; every page gets its abbreviations."""
    page = soup(render("Each KPI is tracked.\n\nA [KPI](x.md) and a KPI.\n", **sample))
    first, in_link, later = page.find_all("abbr")
    assert [a.get_text() for a in (first, in_link, later)] == ["KPI", "KPI", "KPI"]
    assert {a["title"] for a in (first, in_link, later)} == {"Key performance indicator"}
    assert first.next_sibling.startswith(" (Key performance indicator)")
    assert not first.has_attr("tabindex")  # spelled out where it stands
    assert not in_link.has_attr("tabindex")  # no control inside a link
    assert later["tabindex"] == "0"
