"""A real `mkdocs build` of a copy of the project: bad data or a bad marker stops it with one clear line."""

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
        cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
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
    assert "field 'sources[0]': unknown source 'amdary'; expected one of the ids in data/sources.yml: 365-data-science" in lines[0]


def test_an_unknown_marker_fails_the_build_naming_page_and_valid_ids(project: Path) -> None:
    page = project / "docs" / "compare" / "index.md"
    page.write_text(page.read_text().replace("<!-- table: comparison -->", "<!-- table: comparisons -->", 1))
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    [first, *_] = error_lines(result)
    assert first.startswith("ERROR   -  Marker error in docs/compare/index.md: line ")
    assert first.endswith(": unknown table 'comparisons'; expected one of: at-a-glance, comparison, fit, handoff-crossings, skills")
