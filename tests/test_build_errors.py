"""A real `mkdocs build` of a copy of the project (no .git).

It builds, and bad data or a bad marker stops it with one clear line.
"""

from __future__ import annotations

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
    skills = project / "data" / "skills.yml"
    skills.write_text(skills.read_text().replace("sources: [amdari", "sources: [amdary", 1))
    result = build(project)
    assert result.returncode != 0
    lines = error_lines(result)
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, lines
    assert lines[0].startswith("ERROR   -  Data error: data/skills.yml:")
    assert (
        "field 'sources[0]': unknown source 'amdary' (did you mean 'amdari'?); "
        "expected one of the ids in data/sources.yml: 365-data-science" in lines[0]
    )


def test_an_unknown_marker_fails_the_build_naming_page_and_valid_ids(project: Path) -> None:
    page = project / "docs" / "compare" / "index.md"
    page.write_text(page.read_text().replace("<!-- table: comparison -->", "<!-- table: comparisons -->", 1))
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    [first, *_] = error_lines(result)
    line = page.read_text().splitlines().index("<!-- table: comparisons -->") + 1
    assert first == (
        f"ERROR   -  Marker error in docs/compare/index.md: line {line}: "
        "unknown table 'comparisons'; expected one of: at-a-glance, comparison, fit, handoff-crossings, skills"
    )


def test_a_bad_marker_parameter_is_reported_at_its_line_in_the_file(project: Path) -> None:
    page = project / "docs" / "roles" / "product-manager.md"
    text = page.read_text()
    marker = next(line for line in text.splitlines() if line.startswith("<!-- table: at-a-glance"))
    page.write_text(text.replace(marker, "<!-- table: at-a-glance role=designer -->"))
    result = build(project)
    line = page.read_text().splitlines().index("<!-- table: at-a-glance role=designer -->") + 1
    # MkDocs names the page it was reading first; the next line is the guide's own message.
    assert error_lines(result) == [
        "ERROR   -  Error reading page 'roles/product-manager.md':",
        f"ERROR   -  Marker error in docs/roles/product-manager.md: line {line}: table: at-a-glance: "
        "unknown role 'designer'; expected one of: product-manager, project-manager",
    ]
    assert "Traceback" not in result.stderr


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
