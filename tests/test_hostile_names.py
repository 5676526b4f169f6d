"""A role named with markup, quotes and an ampersand, and a taxonomy labelled the same way, in a real build of a
copy of the project (without its git history): the names are shown as written, as text, wherever they appear,
and never become markup. The new role, a copy of scrum-master.yml in its own words, is a complete role."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from built_site import ROLES, ROOT, html_path, page_url, pair_page, role_page
from conftest import mkdocs_build
from html_tools import tables, text_of

NAME = 'Delivery <b>"lead"</b> & co'
LABEL = 'ESCO <i>"EU"</i> & more'
SITE_NAME = "Product vs Project"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The built copy, and what the build printed."""
    project = tmp_path_factory.mktemp("hostile") / "project"
    project.mkdir()
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, project)
    for folder in ("docs", "data", "evidence", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    data = project / "data"
    role = yaml.safe_load((data / "roles" / "scrum-master.yml").read_text(encoding="utf-8"))
    role.pop("in_sentence")
    role.update(id="delivery-lead", name=NAME)
    role["summary"]["text"] = f"The {NAME} runs <i>things</i> & “stuff”."
    for value in role["values"].values():
        value["text"] = "As a lead: " + value["text"]
    (data / "roles" / "delivery-lead.yml").write_text(yaml.safe_dump(role, allow_unicode=True, sort_keys=False))
    handoff = data / "handoff.yml"  # the new role leads a step, so it has a lane in the diagram
    handoff.write_text(handoff.read_text(encoding="utf-8").replace("owner: project-manager", "owner: delivery-lead", 1))
    crosswalk = data / "crosswalk.yml"
    crosswalk.write_text(
        crosswalk.read_text(encoding="utf-8").replace("label: ESCO (EU)", f"label: {json.dumps(LABEL)}")
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def page(built: tuple[Path, str], name: str) -> BeautifulSoup:
    return BeautifulSoup(html_path(built[0], name).read_text(encoding="utf-8"), "html.parser")


ROLE_PAGE = role_page("delivery-lead")
PAIR_PAGE = pair_page("delivery-lead", "scrum-master")


def test_no_page_turns_a_name_into_markup(built: tuple[Path, str]) -> None:
    site = built[0]
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert '<b>"lead"</b>' not in html and '<i>"EU"</i>' not in html, path
        assert not BeautifulSoup(html, "html.parser").find(["b", "i"], string=['"lead"', '"EU"']), path


def test_the_name_is_the_pages_title_and_link_preview_title(built: tuple[Path, str]) -> None:
    for name, title in ((ROLE_PAGE, NAME), (PAIR_PAGE, f"{NAME} vs Scrum Master")):
        shown = page(built, name)
        assert shown.title.get_text() == f"{title} - {SITE_NAME}", name
        assert shown.find("meta", property="og:title")["content"] == title, name


def test_the_name_is_in_the_meta_description(built: tuple[Path, str]) -> None:
    summary = f"The {NAME} runs <i>things</i> & “stuff”."
    for name in (ROLE_PAGE, PAIR_PAGE):
        shown = page(built, name)
        description = shown.find("meta", attrs={"name": "description"})["content"]
        assert NAME in description, name
        assert shown.find("meta", property="og:description")["content"] == description
    assert page(built, ROLE_PAGE).find("meta", attrs={"name": "description"})["content"] == summary


def test_the_name_is_in_the_navigation(built: tuple[Path, str]) -> None:
    home = page(built, "index.md")
    links = {text_of(a): a["href"] for a in home.select("nav.md-nav--primary a[href]")}
    assert links.get(NAME, "").rstrip("/").endswith("roles/delivery-lead")


def test_the_name_is_in_the_headings(built: tuple[Path, str]) -> None:
    assert NAME.casefold() in text_of(page(built, ROLE_PAGE).find("h1")).casefold()
    assert NAME.casefold() in text_of(page(built, PAIR_PAGE).find("h1")).casefold()


def test_the_role_is_a_column_of_every_comparison(built: tuple[Path, str]) -> None:
    [comparison] = [t for t in tables(page(built, "compare/index.md").select_one("article")) if t[0][0] == "Dimension"]
    assert NAME in comparison[0]
    assert len(comparison[0]) == len(ROLES) + 2
    [titles] = tables(page(built, "compare/titles.md").select_one("article"))
    assert LABEL in titles[0] and NAME in [row[0] for row in titles[1:]]


def test_the_names_label_the_cells_of_stacked_tables(built: tuple[Path, str]) -> None:
    labels = {td["data-label"] for td in page(built, "compare/index.md").select("td[data-label]")}
    assert NAME in labels
    labels = {td["data-label"] for td in page(built, "compare/titles.md").select("td[data-label]")}
    assert LABEL in labels


def test_the_name_is_drawn_in_the_handoff_diagram(built: tuple[Path, str]) -> None:
    figure = page(built, "handoff/index.md").select_one("figure.pvp-diagram")
    assert NAME in [text.get_text() for text in figure.select("svg text")]
    assert NAME in text_of(figure.select_one(".pvp-legend"))


def test_the_names_are_exported_as_written(built: tuple[Path, str]) -> None:
    data = built[0] / "data"
    roles = json.loads((data / "roles.json").read_text(encoding="utf-8"))
    assert NAME in [role["name"] for role in roles]
    taxonomies = json.loads((data / "crosswalk.json").read_text(encoding="utf-8"))
    assert LABEL in [taxonomy["label"] for taxonomy in taxonomies]


def test_the_new_role_has_its_page_and_a_page_with_every_other_role(built: tuple[Path, str]) -> None:
    site = built[0]
    assert html_path(site, ROLE_PAGE).is_file()
    for other in ROLES:
        assert html_path(site, pair_page("delivery-lead", other)).is_file(), other
    assert page_url(ROLE_PAGE) in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_copy_without_git_history_builds_with_the_build_date(built: tuple[Path, str]) -> None:
    today = datetime.date.today()
    shown = f"{today.day} {today:%B %Y}"
    assert shown in (built[0] / "index.html").read_text(encoding="utf-8")
