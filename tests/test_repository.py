"""The repository around the site: contribution templates, edit links, last-updated dates, the lint and
pre-commit checks."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from built_site import ROOT, html_path, role_pages, script, site_config, site_pages


def test_content_correction_form_requires_a_source_link() -> None:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/content-correction.yml").read_text(encoding="utf-8"))
    source = next(field for field in form["body"] if field.get("id") == "source")
    assert source["validations"]["required"] is True
    assert (ROOT / ".github/ISSUE_TEMPLATE/site-problem.yml").is_file()
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "- [ ] `make test` passes" in template and "cites a source" in template


def words_file(page: str) -> str:
    """The file that holds a page's words: its Markdown file, or for a generated page without one, its data."""
    if (ROOT / "docs" / page).is_file():
        return f"docs/{page}"
    if page in role_pages():
        return f"data/roles/{page.removeprefix('roles/')[:-3]}.yml"
    return "data/pairs.yml"


def test_every_page_edit_link_points_at_the_file_that_holds_its_words(site: Path) -> None:
    repository = site_config().repo_url.rstrip("/") + "/edit/main/"
    for page in site_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        [edit] = re.findall(r'<a href="([^"]+)" title="Edit this page"', html)
        assert edit == repository + words_file(page), page
        assert (ROOT / words_file(page)).is_file(), edit


LAST_UPDATE = re.compile(r'title="Last update">.*?</span>\s*(\d{1,2} [A-Z][a-z]+ \d{4})\s*</span>', re.S)


def test_every_page_shows_when_it_was_last_updated(site: Path) -> None:
    for page in site_pages():
        html = html_path(site, page).read_text(encoding="utf-8")
        assert LAST_UPDATE.search(html), page


def test_a_generated_page_shows_the_last_change_of_the_files_it_is_made_from(site: Path) -> None:
    """The pair page of two roles: the newest commit of either role file, data/pairs.yml or its template."""
    paths = [
        "data/roles/product-owner.yml",
        "data/roles/scrum-master.yml",
        "data/pairs.yml",
        "docs/compare/_template.md",
    ]
    dates = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", *paths], capture_output=True, text=True, check=True
    ).stdout.strip()
    if not dates:
        pytest.skip("these files have no commit in this checkout")
    newest = datetime.date.fromisoformat(dates)
    html = html_path(site, "compare/product-owner-vs-scrum-master.md").read_text(encoding="utf-8")
    assert LAST_UPDATE.search(html)[1] == f"{newest.day} {newest:%B %Y}"


def test_text_check_finds_whitespace_newline_and_yaml_problems() -> None:
    problems = script("check_text").problems
    assert problems(Path("a.md"), "fine\n") == []
    assert problems(Path("a.md"), "x \ny\n") == ["a.md:1: trailing whitespace"]
    assert problems(Path("a.md"), "x") == ["a.md: no newline at the end"]
    assert problems(Path("a.md"), "x\n\n") == ["a.md: blank lines at the end"]
    assert problems(Path("a.yml"), "a: [1\nb: 2\n") == ["a.yml:2: invalid YAML: expected ',' or ']', but got ':'"]
    assert problems(Path("mkdocs.yml"), (ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == []


def test_pre_commit_runs_offline_the_same_checks_as_make_lint() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repository] = config["repos"]
    assert repository["repo"] == "local"  # nothing to download
    hooks = repository["hooks"]
    assert {hook["language"] for hook in hooks} == {"system"}
    lint = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlint:")[1].split("\n\n")[0]
    for hook in hooks:
        tool, *arguments = hook["entry"].split()
        assert (ROOT / tool).exists() or tool.startswith(".venv/"), tool
        assert " ".join([tool.replace(".venv/bin/", "$(BIN)/"), *arguments]) in lint, hook["id"]
    assert "\ntest: lint " in (ROOT / "Makefile").read_text(encoding="utf-8")
