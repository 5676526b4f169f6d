"""One version for the guide: pyproject.toml's, which CITATION.cff, the CHANGELOG's newest heading and the
data export carry too."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_citation_file_and_changelog_carry_the_projects_version() -> None:
    version = _project_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["version"] == version
    assert citation["cff-version"] == "1.2.0"
    newest = next(
        line for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")
    )
    assert newest.startswith(f"## {version} "), newest


def test_the_data_package_carries_the_projects_version(site: Path) -> None:
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == _project_version()
