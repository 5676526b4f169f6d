"""Held texts (evidence/): a citation of a source whose text the project keeps must name a place in that text,
and its quote must be copied from inside that place, in data and in prose alike.

The Scrum Guide (evidence/scrum-guide.md) has "Ordering Product Backlog items" under
"The Product Owner", and "Scrum Masters are true leaders who serve" under "The Scrum Master".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from built_site import ROOT
from html_tools import listed, soup, text_of
from product_vs_project.errors import DataError, MarkerError
from product_vs_project.loading import load_guide
from product_vs_project.site import Site
from rendering import render

EVIDENCE = ROOT / "evidence"
# The first citation of data/roles/scrum-master.yml: its summary's.
SUMMARY_CITATION = (
    "{id: scrum-guide, at: The Scrum Master, quote: "
    '"accountable for establishing Scrum as defined in … accountable for the Scrum Team’s effectiveness"}'
)


def cite_in_data(data: Path, citation: str) -> int:
    """Put `citation` in place of the summary's; the line it is on."""
    path = data / "roles" / "scrum-master.yml"
    text = path.read_text(encoding="utf-8")
    assert SUMMARY_CITATION in text, "test setup: the summary's citation has changed"
    path.write_text(text.replace(SUMMARY_CITATION, citation, 1), encoding="utf-8")
    return next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if citation in row)


def data_problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_guide(data, EVIDENCE)
    return error.value.problems


@pytest.fixture(scope="module")
def real_site() -> Site:
    return Site.load(ROOT / "data", ROOT / "docs", EVIDENCE)


def prose(site: Site, claim: str) -> str:
    """The HTML of a page whose third line is `claim`."""
    return render(f"# Notes\n\n{claim}\n", data=Path(), docs=site.docs_dir, page="notes.md", site=site)


def prose_failure(site: Site, claim: str) -> str:
    with pytest.raises(MarkerError) as error:
        prose(site, claim)
    return str(error.value)


# --- In data ---------------------------------------------------------------------------------


def test_a_place_that_is_not_in_the_held_text_fails_at_its_line(real_data: Path) -> None:
    line = cite_in_data(real_data, "{id: scrum-guide, at: No Such Heading Anywhere}")
    [problem] = data_problems(real_data)
    assert problem.startswith(f"data/roles/scrum-master.yml:{line}: ")
    assert "place 'No Such Heading Anywhere' is not in evidence/scrum-guide.md" in problem


def test_a_quote_from_another_place_of_the_held_text_fails_at_its_line(real_data: Path) -> None:
    line = cite_in_data(real_data, '{id: scrum-guide, at: The Scrum Master, quote: "Ordering Product Backlog items"}')
    [problem] = data_problems(real_data)
    assert problem.startswith(f"data/roles/scrum-master.yml:{line}: ")
    assert (
        "quote 'Ordering Product Backlog items' is not in evidence/scrum-guide.md under 'The Scrum Master'" in problem
    )


def test_a_quote_whose_end_lies_outside_the_place_fails(real_data: Path) -> None:
    """Both parts of 'start … end' must be in the place, the end after the start."""
    quote = "Scrum Masters are true … Ordering Product Backlog items"
    line = cite_in_data(real_data, f'{{id: scrum-guide, at: The Scrum Master, quote: "{quote}"}}')
    [problem] = data_problems(real_data)
    assert problem.startswith(f"data/roles/scrum-master.yml:{line}: ")
    assert f"quote {quote!r} is not in evidence/scrum-guide.md under 'The Scrum Master'" in problem


def test_a_quote_of_eight_words_fails_at_its_line(real_data: Path) -> None:
    quote = "Scrum Masters are true leaders who serve the"
    line = cite_in_data(real_data, f'{{id: scrum-guide, at: The Scrum Master, quote: "{quote}"}}')
    [problem] = data_problems(real_data)
    assert problem.startswith(f"data/roles/scrum-master.yml:{line}: ")
    assert problem.endswith("expected at most 7 words in each part of a quote; " + repr(quote.lower()) + " has 8")


def test_eight_words_split_into_a_start_and_an_end_pass(real_data: Path) -> None:
    """Each part of a quote may have seven words: 'start … end' bounds a longer passage."""
    cite_in_data(
        real_data, '{id: scrum-guide, at: the scrum master, quote: "Scrum Masters are true … leaders who serve"}'
    )
    guide = load_guide(real_data, EVIDENCE)
    cited = [(c.at, c.quote) for c in guide.role("scrum-master").summary.sources if c.at == "the scrum master"]
    assert cited == [("the scrum master", "Scrum Masters are true … leaders who serve")]


def test_a_source_without_a_held_text_takes_any_place(data_dir: Path) -> None:
    """The sample's sources keep no text: their places are the contributor's word."""
    guide = load_guide(data_dir, EVIDENCE)
    assert guide.role("product-manager").values["core-questions"].sources[0].at == "The Core Difference"


# --- In prose --------------------------------------------------------------------------------


def test_in_prose_a_place_that_is_not_in_the_held_text_fails_at_its_line(real_site: Site) -> None:
    message = prose_failure(real_site, 'A claim.<!-- md:cite scrum-guide "No Such Heading Anywhere" -->')
    assert message.startswith("docs/notes.md:3: md:cite scrum-guide")
    assert "place 'No Such Heading Anywhere' is not in evidence/scrum-guide.md" in message


def test_in_prose_a_quote_from_another_place_fails_at_its_line(real_site: Site) -> None:
    message = prose_failure(
        real_site, 'A claim.<!-- md:cite scrum-guide "The Scrum Master" "Ordering Product Backlog items" -->'
    )
    assert message.startswith("docs/notes.md:3: md:cite scrum-guide")
    assert (
        "quote 'Ordering Product Backlog items' is not in evidence/scrum-guide.md under 'The Scrum Master'" in message
    )


def test_in_prose_a_quote_of_eight_words_fails_at_its_line(real_site: Site) -> None:
    quote = "Scrum Masters are true leaders who serve the"
    message = prose_failure(real_site, f'A claim.<!-- md:cite scrum-guide "The Scrum Master" "{quote}" -->')
    assert message.startswith("docs/notes.md:3: md:cite scrum-guide")
    assert message.endswith("expected at most 7 words in each part of a quote; " + repr(quote.lower()) + " has 8")


def test_in_prose_a_quote_from_its_place_passes_and_is_shown(real_site: Site) -> None:
    page = soup(
        prose(
            real_site,
            'A claim.<!-- md:cite scrum-guide "the scrum master" "Scrum Masters are true leaders who serve" -->',
        )
    )
    [entry] = listed(page)
    assert text_of(entry).startswith("Scrum Guide, “the scrum master”")
    assert "Scrum Masters are true leaders who serve" in text_of(entry)
