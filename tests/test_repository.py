"""The repository around the site: CI and deploy workflows, contribution templates, editor hints, edit links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from site_pages import html_path, nav_pages

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    document = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    document["on"] = document.pop(True)  # YAML 1.1 reads the key `on` as true
    return document


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_tests_workflow_runs_the_readme_test_command_on_prs_pushes_and_weekly() -> None:
    tests = workflow("tests.yml")
    assert {"pull_request", "push", "schedule"} <= set(tests["on"])
    assert re.fullmatch(r"[\d*]+ [\d*]+ \* \* [0-6]", tests["on"]["schedule"][0]["cron"])  # weekly
    assert tests["permissions"] == {"contents": "read"}
    assert "group" in tests["concurrency"]
    [job] = tests["jobs"].values()
    runs = [step.get("run") for step in steps(job)]
    assert "make test" in runs
    setup = next(step for step in steps(job) if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_deploy_workflow_builds_strict_and_publishes_with_least_privilege() -> None:
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"]["group"] == "pages"
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert "make build" in [step.get("run") for step in steps(build)]
    assert "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8").split("build:")[1].split("\n\n")[0]
    uses = [step.get("uses", "").split("@")[0] for step in steps(build) + steps(publish)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("with", {}).get("cache") == "pip" for step in steps(build))


def test_content_correction_form_requires_a_source_link() -> None:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/content-correction.yml").read_text(encoding="utf-8"))
    source = next(field for field in form["body"] if field.get("id") == "source")
    assert source["validations"]["required"] is True
    assert (ROOT / ".github/ISSUE_TEMPLATE/site-problem.yml").is_file()
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "- [ ] `make test` passes" in template and "cites a source" in template


@pytest.mark.parametrize("data_file", sorted((ROOT / "data").glob("*.yml")), ids=lambda p: p.name)
def test_each_data_file_points_editors_at_its_schema(data_file: Path) -> None:
    first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schemas/{data_file.stem}.schema.json"
    assert (ROOT / "data" / "schemas" / f"{data_file.stem}.schema.json").is_file()


def test_every_page_edit_link_points_at_a_file_that_exists(site: Path) -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    prefix = config.repo_url.rstrip("/") + "/" + config.edit_uri
    for page in nav_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        [edit] = re.findall(r'<a href="([^"]+)" title="Edit this page"', html)
        assert edit.startswith(prefix), edit
        assert (ROOT / "docs" / edit.removeprefix(prefix)).is_file(), edit
        assert edit.removeprefix(prefix) == page


def test_every_page_shows_when_it_was_last_updated(site: Path) -> None:
    for page in nav_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        assert re.search(r'git-revision-date-localized-plugin-date"[^>]*>\w+ \d{1,2}, \d{4}<', html), page
