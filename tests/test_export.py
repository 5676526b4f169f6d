"""The open data export under site/data/: every data file as JSON with its CSV tables and schema, every cited
claim with its sources, and a datapackage.json that Frictionless validates."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from built_site import ROLES, ROOT, html_path, page_url, role_page, site_pages
from html_tools import listed, text_of, words
from product_vs_project.data_files import DATA_FILES

DATA = ROOT / "data"
# Each YAML file of data/ and the JSON file it is exported as: data/roles/*.yml all go to roles.json.
EXPORTED = {
    (path.relative_to(DATA).parts[0] + ".json" if path.parent != DATA else path.stem + ".json")
    for path in DATA.rglob("*.yml")
}
CITE = re.compile(r"<!--\s*md:cite(?P<body>(?:(?!-->).)*)-->")
CITATION = re.compile(r'\s*(?P<id>[^\s";]+)(?:\s*"(?P<at>[^"]*)")?(?:\s*"(?P<quote>[^"]*)")?\s*(?:;|$)')


def load(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims(site: Path) -> list[dict]:
    return load(site, "citations.json")


def citation(value: str | dict) -> dict:
    """A citation as the export writes it: {id, at, quote}, without the parts not given."""
    return {"id": value} if isinstance(value, str) else dict(value)


def test_every_data_file_is_exported_as_json_with_every_record(site: Path) -> None:
    assert {"sources.json", "roles.json", "handoff.json"} <= EXPORTED
    for name in EXPORTED:
        assert load(site, name), name
    roles = load(site, "roles.json")
    assert [role["id"] for role in roles] == list(ROLES)
    for role in roles:
        written = yaml.safe_load((DATA / "roles" / f"{role['id']}.yml").read_text(encoding="utf-8"))
        assert role["name"] == written["name"] and role["summary"]["text"] == written["summary"]["text"]
    sources = yaml.safe_load((DATA / "sources.yml").read_text(encoding="utf-8"))
    assert sorted(source["id"] for source in load(site, "sources.json")) == sorted(s["id"] for s in sources)


def test_every_declared_table_is_exported_as_csv_with_its_columns(site: Path) -> None:
    for data_file in DATA_FILES:
        for table in data_file.tables:
            with (site / "data" / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            assert rows[0] == [field.name for field in table.fields], table.name
            assert len(rows) > 1, f"{table.name}.csv has no rows"
    values = list(csv.DictReader((site / "data" / "role-values.csv").open(encoding="utf-8", newline="")))
    dimensions = yaml.safe_load((DATA / "dimensions.yml").read_text(encoding="utf-8"))["dimensions"]
    assert len(values) == len(ROLES) * len(dimensions)


def test_the_data_package_lists_every_exported_file_once(site: Path) -> None:
    package = load(site, "datapackage.json")
    listed_paths = [resource["path"] for resource in package["resources"]]
    assert len(listed_paths) == len(set(listed_paths))
    exported = {path.relative_to(site / "data").as_posix() for path in (site / "data").glob("*.*")}
    assert set(listed_paths) == exported - {"datapackage.json"}
    assert set(listed_paths) >= EXPORTED
    assert package["version"] == re.search(r'(?m)^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text())[1]


def test_the_data_package_is_valid_frictionless_data(site: Path) -> None:
    from frictionless import validate

    report = validate(site / "data" / "datapackage.json")
    errors = [(task.name, error.type, error.note) for task in report.tasks for error in task.errors]
    assert report.valid, errors


def test_every_claim_has_a_page_its_text_and_its_sources(claims: list[dict]) -> None:
    source_ids = {source["id"] for source in yaml.safe_load((DATA / "sources.yml").read_text(encoding="utf-8"))}
    assert claims
    for claim in claims:
        assert set(claim) == {"page", "claim", "sources"}, claim
        assert claim["page"] in site_pages() and claim["claim"].strip(), claim
        for cited in claim["sources"]:
            assert {"id"} <= set(cited) <= {"id", "at", "quote"} and cited["id"] in source_ids, claim


def test_every_citation_written_in_prose_is_exported_with_its_page(claims: list[dict]) -> None:
    """Each <!-- md:cite --> of docs/ (outside code), read here with this test's own pattern."""
    for path in sorted((ROOT / "docs").rglob("*.md")):
        page = path.relative_to(ROOT / "docs").as_posix()
        exported = [cited for claim in claims if claim["page"] == page for cited in claim["sources"]]
        text = re.sub(r"(?ms)^(```|~~~).*?^\1", "", path.read_text(encoding="utf-8"))
        for marker in CITE.finditer(text):
            for item in CITATION.finditer(marker["body"].strip()):
                if item["id"]:
                    expected = {key: value for key, value in item.groupdict().items() if value is not None}
                    assert expected in exported, f"{page}: {expected}"


def test_every_value_of_a_role_is_a_claim_of_its_page(claims: list[dict]) -> None:
    for role in ROLES:
        written = yaml.safe_load((DATA / "roles" / f"{role}.yml").read_text(encoding="utf-8"))
        on_page = [(claim["claim"], claim["sources"]) for claim in claims if claim["page"] == role_page(role)]
        for value in written["values"].values():
            assert (value["text"], [citation(c) for c in value["sources"]]) in on_page, value["text"]


def test_a_pages_claims_cite_the_sources_its_references_list(site: Path, claims: list[dict]) -> None:
    sources_url = "/" + page_url("reference/sources.md")
    for page in site_pages():
        soup = BeautifulSoup(html_path(site, page).read_text(encoding="utf-8"), "html.parser")
        targets = [
            urlsplit(urljoin("/" + page_url(page), link["href"]))
            for entry in listed(soup)
            for link in entry.find_all("a", href=True)
        ]
        shown = {target.fragment for target in targets if target.path == sources_url}
        exported = {cited["id"] for claim in claims if claim["page"] == page for cited in claim["sources"]}
        assert exported == shown, page


def test_the_claims_of_each_page_are_in_page_order(site: Path, claims: list[dict]) -> None:
    """Claims whose words the page shows as they are exported come in the order a reader meets them."""
    for page in site_pages():
        soup = BeautifulSoup(html_path(site, page).read_text(encoding="utf-8"), "html.parser")
        shown = text_of(soup.select_one("article"))
        position = 0
        for claim in (c for c in claims if c["page"] == page):
            found = shown.find(words(claim["claim"]), position)
            if found >= 0:
                position = found
            else:
                assert words(claim["claim"]) not in shown, f"{page}: out of order: {claim['claim']}"
