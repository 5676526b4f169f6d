"""Loading data/: the real data loads, and every mistake in every file is reported at once, a line each,
naming the file, the line, the entry and the field, and saying what was expected."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from built_site import ROLES, ROOT
from product_vs_project.errors import DataError
from product_vs_project.loading import load_guide

EVIDENCE = ROOT / "evidence"


def edit(data_dir: Path, name: str, old: str, new: str) -> None:
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} should appear once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_guide(data_dir, EVIDENCE)
    return error.value.problems


def line_of(path: Path, text: str) -> int:
    """The 1-based line of `path` that starts with `text` (after its indent)."""
    [line] = [
        n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if row.strip().startswith(text)
    ]
    return line


def test_the_real_data_loads_with_every_role_valued_on_every_dimension() -> None:
    guide = load_guide(ROOT / "data", EVIDENCE)
    dimensions = [entry["id"] for entry in yaml.safe_load((ROOT / "data" / "dimensions.yml").read_text())["dimensions"]]
    assert sorted(role.id for role in guide.roles) == list(ROLES)
    for role in guide.roles:
        assert sorted(role.values) == sorted(dimensions), role.id


def test_sample_data_loads_into_typed_records(data_dir: Path) -> None:
    guide = load_guide(data_dir)
    assert guide.sources["beta"].date == "2020-11-01"  # an unquoted YAML date stays text
    pm = guide.role("product-manager")
    assert pm.values["core-questions"].text == "What and why"
    # A bare id and {id, at} are the same kind of citation; only the second names a place.
    assert [(c.id, c.at) for c in pm.values["core-questions"].sources] == [
        ("alpha", "The Core Difference"),
        ("beta", None),
    ]
    assert guide.handoff.steps[0].next[0].label == "handoff"
    assert guide.handoff.crossings[0].from_role == "product-manager"
    assert [role.name for role in guide.roles] == ["Product manager", "Project manager"]  # by name


# (file, text to replace, replacement, the one line expected): line numbers counted in tests/sample_data.py.
INVALID = {
    "missing field": (
        "dimensions.yml",
        "    label: Purpose\n",
        "",
        "data/dimensions.yml:2: dimensions entry 1 (id 'purpose'), field 'label': missing; this field is required",
    ),
    "wrong type": (
        "roles/product-manager.yml",
        "  - text: Customer problems\n    sources: [alpha]",
        "  - text: Customer problems\n    sources: alpha",
        "data/roles/product-manager.yml:20: interests entry 1, field 'sources': expected a list, got text ('alpha')",
    ),
    "unknown field with a near miss": (
        "roles/project-manager.yml",
        "name: Project manager",
        "name: Project manager\nsumary: x",
        "data/roles/project-manager.yml:3: field 'sumary': unknown field (did you mean 'summary'?); expected one of: "
        "credentials, crosswalk, id, in_sentence, interests, name, routes, skills, summary, tasks, values",
    ),
    "misspelt source id": (
        "roles/project-manager.yml",
        "  - text: Years as a specialist\n    sources: [alpha]",
        "  - text: Years as a specialist\n    sources: [alpah]",
        "data/roles/project-manager.yml:23: routes entry 1, field 'sources[0].id': unknown source 'alpah' "
        "(did you mean 'alpha'?); expected one of the ids in data/sources.yml: alpha, beta",
    ),
    "unknown source in a citation with a place": (
        "dimensions.yml",
        "[{id: alpha, at: Roles}]",
        "[{id: gamma, at: Roles}]",
        "data/dimensions.yml:14: disagreements entry 1 (id 'when'), field 'sides[0].sources[0].id': unknown source "
        "'gamma'; expected one of the ids in data/sources.yml: alpha, beta",
    ),
    "a role without a value for a dimension": (
        "roles/project-manager.yml",
        "  core-questions:\n    text: How and when\n    sources: [beta]\n",
        "",
        "data/roles/project-manager.yml:6: field 'values': missing a value for dimension 'core-questions'; "
        "expected one for every dimension in data/dimensions.yml",
    ),
    "a value for a dimension that does not exist": (
        "roles/product-manager.yml",
        "  purpose:\n",
        "  purpse:\n",
        "data/roles/product-manager.yml:7: field 'values.purpse': unknown dimension 'purpse' (did you mean "
        "'purpose'?); expected one of the ids in data/dimensions.yml: core-questions, purpose",
    ),
    "unknown skill": (
        "roles/project-manager.yml",
        "  - skill: scheduling\n",
        "  - skill: planning\n",
        "data/roles/project-manager.yml:16: skills entry 2, field 'skill': unknown skill 'planning'; "
        "expected one of the ids in data/skills.yml: communication, market-research, scheduling",
    ),
    "bad id": (
        "skills.yml",
        "- id: scheduling",
        "- id: Scheduling",
        "data/skills.yml:7: entry 3 (id 'Scheduling'), field 'id': expected a lowercase id of letters, digits and "
        "single hyphens, like 'time-horizon'; got 'Scheduling'",
    ),
    "repeated source in one list": (
        "roles/product-manager.yml",
        "  - skill: market-research\n    sources: [alpha]",
        "  - skill: market-research\n    sources: [alpha, alpha]",
        "data/roles/product-manager.yml:17: skills entry 2, field 'sources': expected each item once; "
        "alpha is repeated",
    ),
    "repeated key": (
        "dimensions.yml",
        "    label: Purpose\n",
        "    label: Purpose\n    label: Aim\n",
        "data/dimensions.yml:4: invalid YAML: repeated key 'label' (each field may appear once)",
    ),
    "a role defined in the glossary too": (
        "glossary.yml",
        "- id: backlog\n",
        "- id: project-manager\n",
        "data/glossary.yml:6: entry 2 (id 'project-manager'), field 'id': 'project-manager' is a role, and the "
        "glossary takes each role from its file; expected no entry for it",
    ),
    "an arrow to a missing step": (
        "handoff.yml",
        "      - step: problem\n",
        "      - step: problme\n",
        "data/handoff.yml:18: steps entry 2 (id 'plan'), field 'next[0].step': unknown step 'problme' "
        "(did you mean 'problem'?); expected one of the ids in data/handoff.yml: plan, problem",
    ),
    "a crossing to the same role": (
        "handoff.yml",
        "    to: project-manager\n",
        "    to: product-manager\n",
        "data/handoff.yml:23: crossings entry 1, field 'to': same role as 'from' ('product-manager'); "
        "expected another role",
    ),
    "a label too long for the diagram": (
        "handoff.yml",
        "label: handoff",
        "label: " + "x" * 41,
        "data/handoff.yml:11: steps entry 1 (id 'problem'), field 'next[0].label': "
        "expected at most 40 characters, got 41",
    ),
    "a choice outside the list": (
        "sources.yml",
        "  kind: handbook\n",
        "  kind: podcast\n",
        "data/sources.yml:14: entry 2 (id 'beta'), field 'kind': expected one of: article, blog post, standard, "
        "handbook, reference, dataset; got 'podcast'",
    ),
}


@pytest.mark.parametrize("case", INVALID)
def test_a_mistake_is_one_line_naming_file_line_entry_and_field(data_dir: Path, case: str) -> None:
    name, old, new, expected = INVALID[case]
    edit(data_dir, name, old, new)
    assert problems(data_dir) == [expected]


def test_a_repeated_abbreviation_is_reported_where_it_is_repeated(data_dir: Path) -> None:
    edit(data_dir, "glossary.yml", "  term: Backlog\n", "  term: Backlog\n  abbreviation: KPI\n")
    [problem] = problems(data_dir)
    assert problem.startswith("data/glossary.yml:8: entry 2 (id 'backlog'), field 'abbreviation': ")


def test_every_problem_in_every_file_is_reported_in_one_run(data_dir: Path) -> None:
    """Two files, each broken in two ways: one error lists all four, file by file, top to bottom."""
    (data_dir / "dimensions.yml").write_text(
        "dimensions:\n"  # 1
        "  - id: purpose\n"  # 2
        "    label: Purpose\n"  # 3
        "    question: What is the role for?\n"  # 4
        "  - id: core-questions\n"  # 5
        "    label: Core questions\n"  # 6
        "    question: Which questions does it answer?\n"  # 7
        "    colour: blue\n"  # 8: not a field of a dimension
        "disagreements:\n"  # 9
        "  - id: when\n"  # 10
        "    title: Who owns when?\n"  # 11
        "    dimension: [core-questions]\n"  # 12: a list where an id belongs
        "    sides:\n"  # 13
        "      - text: The project manager owns when.\n"  # 14
        "        sources: [alpha]\n"  # 15
        "      - text: The product manager sets the order.\n"  # 16
        "        sources: [beta]\n",  # 17
        encoding="utf-8",
    )
    (data_dir / "skills.yml").write_text(
        "- id: communication\n"  # 1
        "  name: Communication\n"  # 2
        "  description: Keeping people informed.\n"  # 3
        "- id: Market-Research\n"  # 4: not a lowercase id
        "  name: Market research\n"  # 5
        "  description: Studying the market.\n"  # 6
        "- id: scheduling\n"  # 7
        "  name: Scheduling\n"  # 8
        "  description: [Building, timelines]\n",  # 9: a list where text belongs
        encoding="utf-8",
    )
    found = problems(data_dir)
    assert [problem.split(": ", 1)[0] for problem in found] == [
        "data/dimensions.yml:8",
        "data/dimensions.yml:12",
        "data/skills.yml:4",
        "data/skills.yml:9",
    ]
    assert found[0].startswith("data/dimensions.yml:8: dimensions entry 2 (id 'core-questions'), field 'colour': ")
    assert "unknown field" in found[0]
    assert found[1].startswith("data/dimensions.yml:12: disagreements entry 1 (id 'when'), field 'dimension': ")
    assert found[1].endswith("expected text, got a list (['core-questions'])")
    assert found[2].startswith("data/skills.yml:4: entry 2 (id 'Market-Research'), field 'id': expected a lowercase id")
    assert found[
        3
    ] == "data/skills.yml:9: entry 3 (id 'scheduling'), field 'description': expected text, got a list " + (
        "(['Building', 'timelines'])"
    )


def test_wrong_references_in_two_files_are_reported_together(data_dir: Path) -> None:
    edit(data_dir, "roles/project-manager.yml", "  - skill: scheduling\n", "  - skill: planning\n")
    edit(data_dir, "handoff.yml", "    owner: product-manager\n", "    owner: product-owner\n")
    assert [problem.split(": ", 1)[0] for problem in problems(data_dir)] == [
        "data/roles/project-manager.yml:16",
        "data/handoff.yml:6",
    ]


def test_a_role_file_named_after_another_id_is_named_first(data_dir: Path) -> None:
    edit(data_dir, "roles/project-manager.yml", "id: project-manager", "id: project-lead")
    assert problems(data_dir)[0] == (
        "data/roles/project-manager.yml:1: field 'id': id 'project-lead' differs from the file's name; "
        "expected 'project-manager'"
    )


def test_a_duplicate_id_names_where_it_was_first(data_dir: Path) -> None:
    edit(data_dir, "skills.yml", "- id: scheduling", "- id: communication")
    assert problems(data_dir)[0] == (
        "data/skills.yml:7: entry 3 (id 'communication'), field 'id': duplicate skill id 'communication'; "
        "expected each id once (first in data/skills.yml:1)"
    )


def test_a_mapping_where_a_list_belongs_is_named(data_dir: Path) -> None:
    (data_dir / "skills.yml").write_text("oops: true\nid: communication\n", encoding="utf-8")
    assert problems(data_dir) == [
        "data/skills.yml:1: expected a list, got a mapping ({'oops': True, 'id': 'communication'})"
    ]


def test_a_file_of_only_comments_counts_as_empty(data_dir: Path) -> None:
    (data_dir / "skills.yml").write_text("# skills go here\n", encoding="utf-8")
    [problem] = problems(data_dir)
    assert problem.startswith("data/skills.yml: the file is empty;")


def test_a_missing_file_is_named(data_dir: Path) -> None:
    (data_dir / "skills.yml").unlink()
    assert problems(data_dir)[0] == "data/skills.yml: file not found; expected it beside the other data files"


def test_no_role_files_is_named(data_dir: Path) -> None:
    shutil.rmtree(data_dir / "roles")
    assert problems(data_dir)[0] == "data/roles/: no files; expected at least one roles/*.yml file"


def test_a_yaml_file_that_no_entry_declares_stops_loading(data_dir: Path) -> None:
    """A file added to data/ would otherwise be neither checked nor exported."""
    (data_dir / "notes.yml").write_text("- id: a-note\n", encoding="utf-8")
    (data_dir / "roles" / "draft.yaml").write_text("id: draft\n", encoding="utf-8")
    found = problems(data_dir)
    assert [problem.split(": ", 1)[0] for problem in found] == ["data/notes.yml", "data/roles/draft.yaml"]
    assert "not a declared data file" in found[0] and "product_vs_project/data_files.py" in found[0]


def test_a_changed_file_is_read_again(data_dir: Path) -> None:
    assert load_guide(data_dir).dimensions[0].label == "Purpose"
    edit(data_dir, "dimensions.yml", "label: Purpose", "label: Aim of the role")
    assert load_guide(data_dir).dimensions[0].label == "Aim of the role"


# --- The mistakes of the issue, in the real data --------------------------------------------------


def test_a_handoff_of_nine_steps_is_refused(real_data: Path) -> None:
    """The diagram sets at most eight steps side by side; a ninth is refused where the steps start."""
    handoff = real_data / "handoff.yml"
    text = handoff.read_text(encoding="utf-8")
    first_step = re.search(r"(?ms)^  - id: problem\n.*?(?=^  - id: )", text)[0]
    extra = first_step.replace("id: problem", "id: ninth-step").replace("step: solution", "step: problem")
    handoff.write_text(text.replace("steps:\n", "steps:\n" + extra, 1), encoding="utf-8")
    assert len(yaml.safe_load(handoff.read_text(encoding="utf-8"))["steps"]) == 9
    [problem] = problems(real_data)
    assert problem.startswith(
        f"data/handoff.yml:{line_of(handoff, 'steps:')}: field 'steps': 9 steps; expected at most 8"
    )


def test_a_role_name_with_a_line_break_is_refused_at_its_line(real_data: Path) -> None:
    role = real_data / "roles" / "scrum-master.yml"
    edit(real_data, "roles/scrum-master.yml", "name: Scrum Master\n", 'name: "Scrum\\nMaster"\n')
    assert problems(real_data) == [
        f"data/roles/scrum-master.yml:{line_of(role, 'name:')}: field 'name': expected text on one line; "
        "got 'Scrum\\nMaster'"
    ]


def test_a_role_file_copied_with_only_its_id_and_name_changed_is_caught(real_data: Path) -> None:
    copy = real_data / "roles" / "agile-coach.yml"
    text = (real_data / "roles" / "scrum-master.yml").read_text(encoding="utf-8")
    copy.write_text(
        text.replace("id: scrum-master", "id: agile-coach").replace("name: Scrum Master", "name: Agile coach")
    )
    [problem] = problems(real_data)
    assert problem.startswith(f"data/roles/agile-coach.yml:{line_of(copy, 'in_sentence:')}: field 'in_sentence': ")
    assert "'Scrum Master' is not the name 'Agile coach'" in problem


def test_a_role_file_repeating_another_roles_words_is_caught(real_data: Path) -> None:
    """A copy with a new id and name, and no in_sentence, still has the old role's summary and values."""
    original = real_data / "roles" / "scrum-master.yml"
    copy = real_data / "roles" / "agile-coach.yml"
    text = original.read_text(encoding="utf-8").replace("id: scrum-master", "id: agile-coach")
    copy.write_text(re.sub(r"(?m)^in_sentence: .*\n", "", text.replace("name: Scrum Master", "name: Agile coach")))
    found = problems(real_data)
    values = yaml.safe_load(original.read_text(encoding="utf-8"))["values"]
    assert len(found) == 1 + len(values)  # the summary, and each value
    rows = {path.stem: path.read_text(encoding="utf-8").splitlines() for path in (original, copy)}
    for problem in found:
        # Each names the line of the text in both files: the same words.
        lines = dict(re.findall(r"data/roles/(agile-coach|scrum-master)\.yml:(\d+)", problem))
        assert set(lines) == {"agile-coach", "scrum-master"}, problem
        words = {rows[name][int(number) - 1].strip() for name, number in lines.items()}
        assert len(words) == 1 and words.pop().startswith("text: "), problem
        assert "the same text as" in problem
