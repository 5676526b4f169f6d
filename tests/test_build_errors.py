"""A real `mkdocs build --strict` of a broken copy of the project: it stops, non-zero, with one line per problem
naming the file and line, and no traceback. (Every other kind of mistake is tested in-process: test_data.py,
test_markers.py, test_citations.py, test_evidence.py.)"""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import linkcheck, mkdocs_build


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("ERROR")]


def line_of(path: Path, text: str) -> int:
    [line] = [n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in row]
    return line


def assert_stopped_cleanly(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr


def test_a_data_error_stops_the_build_with_one_line(project: Path) -> None:
    role = project / "data" / "roles" / "project-manager.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("sources: [", "sources: [amdary, ", 1), encoding="utf-8")
    result = mkdocs_build(project)
    assert_stopped_cleanly(result)
    [line] = error_lines(result)
    assert line.startswith(f"ERROR   -  Data error: data/roles/project-manager.yml:{line_of(role, 'amdary')}: ")
    assert "unknown source 'amdary' (did you mean 'amdari'?); expected one of the ids in data/sources.yml:" in line


def test_every_data_error_of_a_build_is_listed_a_line_each(project: Path) -> None:
    role = project / "data" / "roles" / "scrum-master.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("name: Scrum Master\n", 'name: "Scrum\\nMaster"\n', 1))
    skills = project / "data" / "skills.yml"
    skills.write_text(skills.read_text(encoding="utf-8").replace("  name: ", "  nmae: ", 1), encoding="utf-8")
    result = mkdocs_build(project)
    assert_stopped_cleanly(result)
    output = (result.stdout + result.stderr).splitlines()
    start = output.index("ERROR   -  Data errors (3):")
    listed = [line.strip() for line in output[start + 1 : start + 4]]
    name = line_of(skills, "nmae:")
    assert [line.split(": ", 1)[0] for line in listed] == [
        f"data/skills.yml:{name - 1}",  # the entry without its name
        f"data/skills.yml:{name}",  # the unknown field
        f"data/roles/scrum-master.yml:{line_of(role, 'name: ')}",
    ]


def test_an_unreadable_marker_names_the_pages_file_and_line(project: Path) -> None:
    page = project / "docs" / "compare" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<!-- md:table comparison -->", "<!-- md table comparison -->", 1), encoding="utf-8")
    result = mkdocs_build(project)
    assert_stopped_cleanly(result)
    [line] = error_lines(result)
    assert line.startswith(
        f"ERROR   -  Marker error: docs/compare/index.md:{line_of(page, '<!-- md table comparison -->')}: "
        "the comment '<!-- md table comparison -->' cannot be read; "
    )


def test_a_citation_error_names_the_line_of_the_prose_file(project: Path) -> None:
    """roles/scrum-master.md starts with front matter, which MkDocs takes off, and its prose sits inside the role
    page's template: the line named is still the file's."""
    page = project / "docs" / "roles" / "scrum-master.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text(text + "\nOne more claim.<!-- md:cite thinkfull -->\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert_stopped_cleanly(result)
    [line] = error_lines(result)
    assert f"docs/roles/scrum-master.md:{line_of(page, 'thinkfull')}: md:cite unknown source 'thinkfull' " in line
    assert "(did you mean 'thinkful'?)" in line


def test_a_broken_link_in_raw_html_fails_the_link_check(project: Path) -> None:
    """MkDocs checks Markdown links only; `make linkcheck`'s build (the test session's) covers raw HTML and anchors."""
    page = project / "docs" / "careers" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="../reference/sources/#no-such-source">x</a>\n')
    arguments, env = linkcheck()
    result = mkdocs_build(project, env=env, arguments=arguments)
    assert result.returncode != 0
    assert (
        "ERROR   -  htmlproofer: invalid url - ../reference/sources/#no-such-source [404] [careers/index.md]"
        in error_lines(result)
    )
