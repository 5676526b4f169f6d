"""Loading and validating data/: the real data loads, and each kind of mistake gets one exact, useful line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide.data import DataError, load_guide

ROOT = Path(__file__).resolve().parent.parent


def edit(data_dir: Path, name: str, old: str, new: str) -> None:
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} should appear once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_real_data_loads_every_role_with_a_value_on_every_dimension() -> None:
    guide = load_guide(ROOT / "data")
    assert {"product-manager", "project-manager"} <= {role.id for role in guide.roles}
    dimension_ids = [dimension.id for dimension in guide.dimensions]
    for role in guide.roles:
        assert list(role.values) == dimension_ids or set(role.values) == set(dimension_ids), role.id
        assert role.skills and role.interests and role.routes, role.id


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
    assert guide.disagreements[0].dimension == "core-questions"
    assert guide.handoff.steps[0].next[0].label == "handoff"
    assert guide.handoff.number("plan") == 2
    assert guide.handoff.crossings[0].from_role == "product-manager"
    assert [role.name for role in guide.roles] == ["Product manager", "Project manager"]  # by name


def test_a_copied_role_file_is_a_new_role(data_dir: Path) -> None:
    text = (data_dir / "roles" / "project-manager.yml").read_text(encoding="utf-8")
    text = text.replace("id: project-manager", "id: delivery-lead").replace(
        "name: Project manager", "name: Delivery lead"
    )
    (data_dir / "roles" / "delivery-lead.yml").write_text(text, encoding="utf-8")
    guide = load_guide(data_dir)
    assert [role.id for role in guide.roles] == ["delivery-lead", "product-manager", "project-manager"]


# (file, text to replace, replacement, the one line expected)
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
    "a role file named after another id": (
        "roles/project-manager.yml",
        "id: project-manager",
        "id: project-lead",
        "data/roles/project-manager.yml:1: field 'id': id 'project-lead' differs from the file's name; "
        "expected 'project-manager'",
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
        "'alpha' is repeated",
    ),
    "duplicate id": (
        "skills.yml",
        "- id: scheduling",
        "- id: communication",
        "data/skills.yml:7: entry 3 (id 'communication'), field 'id': duplicate id 'communication'; "
        "expected each id once (first used by entry 1)",
    ),
    "repeated key": (
        "dimensions.yml",
        "    label: Purpose\n",
        "    label: Purpose\n    label: Aim\n",
        "data/dimensions.yml:4: invalid YAML: repeated key 'label' (each field may appear once)",
    ),
    "repeated abbreviation": (
        "glossary.yml",
        "  term: Backlog\n",
        "  term: Backlog\n  abbreviation: KPI\n",
        "data/glossary.yml:8: entry 2 (id 'backlog'), field 'abbreviation': "
        "abbreviation 'KPI' already defined by entry 1; expected each abbreviation once",
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
        "(did you mean 'problem'?); expected one of the ids in the steps of this file: plan, problem",
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
    "several problems at once": (
        "sources.yml",
        "  kind: article\n",
        "  kind: podcast\n  colour: red\n",
        "data/sources.yml:6: entry 1 (id 'alpha'), field 'colour': unknown field; expected one of: author, "
        "contributes, credit, date, id, kind, label, licence, publisher, title, url (and 1 more problem in this file)",
    ),
    "a choice outside the list": (
        "sources.yml",
        "  kind: handbook\n",
        "  kind: podcast\n",
        "data/sources.yml:13: entry 2 (id 'beta'), field 'kind': expected one of: article, blog post, standard, "
        "handbook, reference, dataset; got 'podcast'",
    ),
    "a mapping where a list belongs": (
        "skills.yml",
        "- id: communication\n  name: Communication\n",
        "oops: true\nnames: Communication\n",
        None,
    ),
}


@pytest.mark.parametrize("case", [name for name, spec in INVALID.items() if spec[3]])
def test_invalid_data_fails_with_one_exact_line(data_dir: Path, case: str) -> None:
    name, old, new, expected = INVALID[case]
    edit(data_dir, name, old, new)
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert str(error.value) == expected


def test_a_mapping_where_a_list_belongs_is_named(data_dir: Path) -> None:
    (data_dir / "skills.yml").write_text("oops: true\nid: communication\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert (
        str(error.value) == "data/skills.yml:1: expected a list, got a mapping ({'oops': True, 'id': 'communication'})"
    )


def test_a_file_of_only_comments_counts_as_empty(data_dir: Path) -> None:
    (data_dir / "skills.yml").write_text("# skills go here\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/skills\.yml: the file is empty;"):
        load_guide(data_dir)


def test_missing_file_is_named(data_dir: Path) -> None:
    (data_dir / "skills.yml").unlink()
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert str(error.value) == "data/skills.yml: file not found; expected it beside the other data files"


def test_no_role_files_is_named(data_dir: Path) -> None:
    shutil.rmtree(data_dir / "roles")
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert str(error.value) == "data/roles/: no files; expected at least one roles/*.yml file"


def test_a_changed_file_is_read_again(data_dir: Path) -> None:
    assert load_guide(data_dir).dimensions[0].label == "Purpose"
    edit(data_dir, "dimensions.yml", "label: Purpose", "label: Aim of the role")
    assert load_guide(data_dir).dimensions[0].label == "Aim of the role"
