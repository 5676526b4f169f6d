"""Markers: every one in the registry expands, any mistake stops with the page's file and line, code is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from html_tools import soup, text_of
from product_vs_project.errors import MarkerError
from product_vs_project.markers import GENERATORS, KINDS
from product_vs_project.site import Site
from rendering import render, sample_docs

# A value from the sample data (tests/sample_data.py) for each parameter a marker may take: the project manager
# has a value for every field of a role.
PARAMETERS = {
    "role": "project-manager",
    "roles": "product-manager,project-manager",
    "dimensions": "purpose",
    "setting": "both",
}


@pytest.fixture
def sample(data_dir: Path, tmp_path: Path) -> dict:
    """What `render` needs for the sample data: its data/, a small docs/ and an empty evidence/."""
    return {"data": data_dir, "docs": sample_docs(tmp_path / "docs"), "evidence": tmp_path / "evidence"}


def failure(sample: dict, text: str, page: str = "notes.md") -> str:
    with pytest.raises(MarkerError) as error:
        render(text, page=page, **sample)
    return str(error.value)


@pytest.mark.parametrize(
    ("kind", "name"), [(kind, name) for kind, generators in GENERATORS.items() for name in generators]
)
def test_every_marker_in_the_registry_expands_in_place(sample: dict, kind: str, name: str) -> None:
    parameters = "".join(f" {key}={PARAMETERS[key]}" for key in GENERATORS[kind][name].required)
    # A question heading first: md:list questions lists the questions of its page.
    before = "### A question? { #a-question }\n\nBefore."
    html = render(f"{before}\n\n<!-- md:{kind} {name}{parameters} -->\n\nAfter.\n", **sample)
    assert "<!--" not in html
    shown = text_of(soup(html))
    assert shown.startswith("A question? Before.") and shown.endswith("After.")
    assert len(shown) > len("A question? Before. After."), "the marker generated nothing"


def test_a_marker_without_its_colon_stops_with_file_and_line(sample: dict) -> None:
    message = failure(sample, "# Compare\n\n<!-- md table comparison -->\n", page="compare/index.md")
    assert message.startswith("docs/compare/index.md:3: the comment '<!-- md table comparison -->' cannot be read; ")
    assert "\n" not in message


def test_an_unknown_kind_of_marker_names_the_kinds_there_are(sample: dict) -> None:
    message = failure(sample, "Intro.\n\n<!-- md:chart comparison -->\n")
    assert message.startswith("docs/notes.md:3: unknown marker 'md:chart'; expected one of: ")
    assert message.split("expected one of: ")[1].split(", ") == list(KINDS)


def test_an_unknown_name_names_the_markers_of_that_kind(sample: dict) -> None:
    message = failure(sample, "<!-- md:table comparsion -->\n")
    assert message.startswith("docs/notes.md:1: ")
    assert "unknown table 'comparsion'; expected one of: " in message
    assert message.split("expected one of: ")[1].split(", ") == sorted(GENERATORS["table"])


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("<!-- md:table comparison dims=purpose -->", "md:table 'comparison' does not take 'dims=purpose'"),
        ("<!-- md:list skills-glossary role=x -->", "md:list 'skills-glossary' does not take 'role=x'"),
        ("<!-- md:list routes -->", "md:list 'routes' needs role=..."),
        ("<!-- md:list routes role=designer -->", "unknown role 'designer'; expected one of: "),
        ("<!-- md:table comparison dimensions=purpose,scope -->", "unknown dimension 'scope'"),
        ("<!-- md:table raci setting=matrix -->", "unknown setting 'matrix'; expected one of: both, one-person"),
    ],
)
def test_a_bad_parameter_stops_with_file_line_and_what_was_expected(sample: dict, marker: str, expected: str) -> None:
    message = failure(sample, f"Intro.\n\n\n{marker}\n")
    assert message.startswith("docs/notes.md:4: ")
    assert expected in message


def test_a_block_marker_must_stand_alone_on_its_line(sample: dict) -> None:
    message = failure(sample, "Text <!-- md:list roles --> in a sentence.\n")
    assert message == (
        "docs/notes.md:1: a md:table, md:list, md:text or md:diagram marker must stand on a line of its own"
    )


def test_an_unterminated_marker_stops_with_its_line(sample: dict) -> None:
    message = failure(sample, "One.\nTwo.<!-- md:cite alpha\nThree. -->\n")
    assert message.startswith("docs/notes.md:2: the comment '<!-- md:cite alpha' has no closing -->")


def test_markers_in_fenced_code_and_ordinary_comments_are_left_alone(sample: dict) -> None:
    page = "<!-- TODO tidy -->\n\n```markdown\n<!-- md:table nonsense -->\n```\n\n~~~\n<!-- md cite -->\n~~~\n"
    html = render(page, **sample)
    code = [block.get_text() for block in soup(html).find_all("code")]
    assert code == ["<!-- md:table nonsense -->\n", "<!-- md cite -->\n"]  # shown as written
    assert "<!-- TODO tidy -->" in html


def test_count_gives_the_number_of_roles_in_words(sample: dict, data_dir: Path) -> None:
    sentence = "Roles: <!-- md:count roles -->. Pairs: <!-- md:count pairs -->.\n"
    assert text_of(soup(render(sentence, **sample))) == "Roles: two. Pairs: one."
    # A third role file, and the same sentence counts it.
    role = (data_dir / "roles" / "project-manager.yml").read_text(encoding="utf-8")
    role = role.replace("id: project-manager", "id: delivery-lead").replace("Project manager", "Delivery lead")
    role = role.replace("text: ", "text: As a lead, ")  # its own words, not a copy
    (data_dir / "roles" / "delivery-lead.yml").write_text(role, encoding="utf-8")
    assert text_of(soup(render(sentence, **sample))) == "Roles: three. Pairs: three."


def test_count_of_something_unknown_stops(sample: dict) -> None:
    message = failure(sample, "There are <!-- md:count widgets --> of them.\n")
    assert message.startswith("docs/notes.md:1: md:count 'widgets'; expected one of: roles, pairs, ")


def test_line_numbers_of_a_generated_pages_prose_are_those_of_its_file(sample: dict) -> None:
    """The prose of roles/product-manager.md sits inside the template; an error names the prose file's line."""
    message = failure(
        sample, "Some history.\n\n<!-- md:list routes role=designer -->\n", page="roles/product-manager.md"
    )
    assert message.startswith("docs/roles/product-manager.md:3: ")


def test_the_prose_of_a_generated_page_brings_no_title_of_its_own(sample: dict) -> None:
    message = failure(sample, "# Product manager\n\nText.\n", page="roles/product-manager.md")
    assert message.startswith(
        "docs/roles/product-manager.md:1: the page's title comes from data/roles/product-manager.yml"
    )


def test_a_marker_that_other_pages_link_to_may_be_on_one_page_only(data_dir: Path, tmp_path: Path) -> None:
    docs = sample_docs(tmp_path / "docs", {"sources-again.md": "# Again\n\nIntro.\n\n<!-- md:list sources -->\n"})
    with pytest.raises(MarkerError) as error:
        Site.load(data_dir, docs, tmp_path / "evidence")
    assert str(error.value) == (
        "docs/sources-again.md:5: <!-- md:list sources --> is already on reference/sources.md; "
        "expected it on one page only, because other pages link to its anchors"
    )
