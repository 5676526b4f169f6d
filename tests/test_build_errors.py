"""A real `mkdocs build` of a copy of the project (no .git).

It builds, and bad data or a bad marker stops it with one clear line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy)
    for folder in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("ERROR")]


def test_a_data_error_fails_the_build_with_one_line_and_no_traceback(project: Path) -> None:
    role = project / "data" / "roles" / "project-manager.yml"
    text = role.read_text()
    role.write_text(text.replace("sources: [", "sources: [amdary, ", 1))
    result = build(project)
    assert result.returncode != 0
    lines = error_lines(result)
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, lines
    line = 1 + next(i for i, row in enumerate(role.read_text().splitlines()) if "amdary" in row)
    assert lines[0].startswith(f"ERROR   -  Data error: data/roles/project-manager.yml:{line}: ")
    assert "unknown source 'amdary' (did you mean 'amdari'?); expected one of the ids in data/sources.yml:" in lines[0]


def test_a_role_without_a_value_for_a_dimension_fails_with_one_line(project: Path) -> None:
    dimensions = project / "data" / "dimensions.yml"
    text = dimensions.read_text()
    indent = re.search(r"^dimensions:\n( *)- ", text, re.M)[1]
    added = f"dimensions:\n{indent}- id: budget\n{indent}  label: Budget\n{indent}  question: Who holds it?\n"
    dimensions.write_text(text.replace("dimensions:\n", added, 1))
    result = build(project)
    lines = error_lines(result)
    assert len(lines) == 1 and "Traceback" not in result.stderr, lines
    assert re.fullmatch(
        r"ERROR   -  Data error: data/roles/[a-z-]+\.yml:\d+: field 'values': missing a value for dimension 'budget'; "
        r"expected one for every dimension in data/dimensions\.yml",
        lines[0],
    )


def test_a_copied_role_file_is_a_complete_role(project: Path) -> None:
    """Copy a role's file, change its id and name, build: nothing else."""
    source = project / "data" / "roles" / "project-manager.yml"
    copy = source.read_text().replace("id: project-manager", "id: zz-test-role")
    copy = re.sub(r"(?m)^name: .*$", "name: Zz test role", copy)
    (project / "data" / "roles" / "zz-test-role.yml").write_text(copy)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    role_page = (site / "roles" / "zz-test-role" / "index.html").read_text()
    assert "<h1" in role_page and "Zz test role" in role_page
    assert 'href="zz-test-role/"' in (site / "roles" / "index.html").read_text()  # in the navigation
    assert (site / "compare" / "project-manager-vs-zz-test-role" / "index.html").is_file()
    assert (
        "Zz test role</a></th>" in (site / "compare" / "index.html").read_text()
    )  # a column wherever roles are compared


def test_an_unknown_marker_fails_the_build_naming_page_and_valid_ids(project: Path) -> None:
    page = project / "docs" / "compare" / "index.md"
    page.write_text(page.read_text().replace("<!-- md:table comparison -->", "<!-- md:table comparisons -->", 1))
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    [first, *_] = error_lines(result)
    line = page.read_text().splitlines().index("<!-- md:table comparisons -->") + 1
    assert first == (
        f"ERROR   -  Marker error in docs/compare/index.md: line {line}: "
        "unknown table 'comparisons'; "
        "expected one of: comparison, crosswalk, fit, handoff-crossings, pairs, raci, role-values"
    )


def test_a_bad_marker_parameter_is_reported_at_its_line_in_the_file(project: Path) -> None:
    page = project / "docs" / "compare" / "index.md"
    page.write_text(
        page.read_text().replace("<!-- md:table comparison -->", "<!-- md:table comparison roles=designer -->")
    )
    result = build(project)
    line = page.read_text().splitlines().index("<!-- md:table comparison roles=designer -->") + 1
    # MkDocs names the page it was reading first; the next line is the guide's own message.
    [reading, message] = error_lines(result)
    assert reading == "ERROR   -  Error reading page 'compare/index.md':"
    assert message.startswith(
        f"ERROR   -  Marker error in docs/compare/index.md: line {line}: md:table comparison: unknown role 'designer'; "
        "expected one of: "
    )
    assert "Traceback" not in result.stderr


def test_an_unknown_source_in_prose_names_the_page_and_line(project: Path) -> None:
    page = project / "docs" / "roles" / "project-manager.md"
    text = page.read_text()
    page.write_text(text + "\nOne more claim.<!-- md:cite thinkfull -->\n")
    result = build(project)
    line = len(page.read_text().splitlines())
    [_, message] = error_lines(result)
    assert message.startswith(
        f"ERROR   -  Marker error in docs/roles/project-manager.md: line {line}: unknown source 'thinkfull' "
        "(did you mean 'thinkful'?); expected one of the ids in data/sources.yml: "
    )


def test_a_copy_without_git_history_still_builds(project: Path) -> None:
    """A tarball of the repository has no .git: last-updated dates fall back to the build date."""
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Falling back to build date" in result.stderr
    assert (project / "site" / "handoff" / "index.html").is_file()


def test_a_broken_link_in_raw_html_fails_the_build(project: Path) -> None:
    """MkDocs checks Markdown links only; the HTML link check covers raw HTML and anchors too."""
    page = project / "docs" / "careers" / "index.md"
    page.write_text(page.read_text() + '\n<a href="../reference/sources/#no-such-source">x</a>\n')
    result = build(project)
    assert result.returncode != 0
    assert "ERROR   -  htmlproofer: invalid url - ../reference/sources/#no-such-source [404] [careers/index.md]" in (
        error_lines(result)
    )
