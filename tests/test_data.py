"""Loading and validating data/: the real data loads, and each kind of mistake gets one exact, useful line."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.data import DataError, load_guide

ROOT = Path(__file__).resolve().parent.parent


def edit(data_dir: Path, name: str, old: str, new: str) -> None:
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} should appear once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_real_data_loads_with_the_promised_coverage() -> None:
    guide = load_guide(ROOT / "data", docs_dir=ROOT / "docs")
    assert [role.id for role in guide.roles] == ["product-manager", "project-manager"]
    assert len(guide.dimensions) >= 12
    assert all(dimension.sources for dimension in guide.dimensions)
    assert sum(1 for dimension in guide.dimensions if dimension.disagreement) >= 1
    assert [step.id for step in guide.handoff.steps] == [
        "problem",
        "solution",
        "handoff-package",
        "delivery-plan",
        "execution",
        "launch",
        "performance-review",
        "next-iteration",
    ]
    directions = {(c.from_role, c.to_role) for c in guide.handoff.crossings}
    assert directions == {("product-manager", "project-manager"), ("project-manager", "product-manager")}


def test_sample_data_loads_into_typed_records(data_dir: Path) -> None:
    guide = load_guide(data_dir)
    assert guide.sources["beta"].date == "2020-11-01"  # an unquoted YAML date stays text
    assert guide.dimensions[1].values == {"product-manager": "What and why", "project-manager": "How and when"}
    assert guide.dimensions[1].disagreement.sources == ("beta",)
    assert guide.handoff.steps[0].next[0].label == "handoff"
    assert guide.handoff.number("plan") == 2


INVALID = {
    "missing field": (
        "dimensions.yml",
        "  label: Purpose\n",
        "",
        "data/dimensions.yml:1: entry 1 (id 'purpose'), field 'label': missing; this field is required",
    ),
    "wrong type": (
        "skills.yml",
        "  description: Studying the market.\n  sources: [alpha]",
        "  description: Studying the market.\n  sources: alpha",
        "data/skills.yml:10: entry 2 (id 'market-research'), field 'sources': expected a list, got text ('alpha')",
    ),
    "unknown field": (
        "roles.yml",
        "  name: Product manager\n",
        "  name: Product manager\n  colour: blue\n",
        "data/roles.yml:3: entry 1 (id 'product-manager'), field 'colour': unknown field; "
        "expected one of: id, interests, name, page, routes, sources, summary",
    ),
    "unknown source": (
        "dimensions.yml",
        "sources: [alpha, beta]",
        "sources: [alpha, gamma]",
        "data/dimensions.yml:12: entry 2 (id 'core-questions'), field 'sources[1]': "
        "unknown source 'gamma'; expected one of the ids in data/sources.yml: alpha, beta",
    ),
    "unknown role": (
        "skills.yml",
        "roles: [project-manager]",
        "roles: [designer]",
        "data/skills.yml:13: entry 3 (id 'scheduling'), field 'roles[0]': "
        "unknown role 'designer'; expected one of the ids in data/roles.yml: product-manager, project-manager",
    ),
    "duplicate id": (
        "skills.yml",
        "- id: scheduling",
        "- id: communication",
        "data/skills.yml:11: entry 3 (id 'communication'), field 'id': "
        "duplicate id 'communication'; expected each id once (first used by entry 1)",
    ),
    "broken YAML": (
        "glossary.yml",
        "  term: Backlog\n",
        "  term: [Backlog\n",
        "data/glossary.yml:8: invalid YAML: did not find expected ',' or ']'",
    ),
    "empty file": (
        "glossary.yml",
        "",
        None,
        "data/glossary.yml: the file is empty; expected its entries (see the comment at the top of the file)",
    ),
    "value not in enum": (
        "sources.yml",
        "  kind: article\n",
        "  kind: podcast\n",
        "data/sources.yml:5: entry 1 (id 'alpha'), field 'kind': "
        "expected one of: article, blog post, standard, handbook, reference; got 'podcast'",
    ),
    "id not in the id format": (
        "dimensions.yml",
        "- id: core-questions",
        "- id: Core Questions",
        "data/dimensions.yml:7: entry 2 (id 'Core Questions'), field 'id': expected a lowercase id of letters, "
        "digits and single hyphens, like 'time-horizon'; got 'Core Questions'",
    ),
    "dimension without a value for a role": (
        "dimensions.yml",
        "    project-manager: A project done on time\n",
        "",
        "data/dimensions.yml:4: entry 1 (id 'purpose'), field 'values': "
        "missing a value for role 'project-manager'; expected one for every role in data/roles.yml",
    ),
    "dimension value for an unknown role": (
        "dimensions.yml",
        "    project-manager: How and when\n",
        "    project-manager: How and when\n    designer: Looks\n",
        "data/dimensions.yml:12: entry 2 (id 'core-questions'), field 'values.designer': "
        "unknown role 'designer'; expected one of the ids in data/roles.yml: product-manager, project-manager",
    ),
    "unknown step": (
        "handoff.yml",
        "      - step: plan\n",
        "      - step: deliver\n",
        "data/handoff.yml:10: steps entry 1 (id 'problem'), field 'next[0].step': "
        "unknown step 'deliver'; expected one of the ids in the steps of this file: plan, problem",
    ),
    "crossing to the same role": (
        "handoff.yml",
        "    to: project-manager\n",
        "    to: product-manager\n",
        "data/handoff.yml:23: crossings entry 1, field 'to': "
        "same role as 'from' ('product-manager'); expected the other role",
    ),
    "misspelt field": (
        "dimensions.yml",
        "  label: Purpose\n",
        "  labl: Purpose\n",
        "data/dimensions.yml:2: entry 1 (id 'purpose'), field 'labl': unknown field (did you mean 'label'?); "
        "expected one of: disagreement, id, label, sources, values (and 1 more problem in this file)",
    ),
    "misspelt source id": (
        "skills.yml",
        "roles: [product-manager]\n  description: Studying the market.\n  sources: [alpha]",
        "roles: [product-manager]\n  description: Studying the market.\n  sources: [alpah]",
        "data/skills.yml:10: entry 2 (id 'market-research'), field 'sources[0]': unknown source 'alpah' "
        "(did you mean 'alpha'?); expected one of the ids in data/sources.yml: alpha, beta",
    ),
    "repeated key": (
        "dimensions.yml",
        "  label: Purpose\n",
        "  label: Purpose\n  label: Aim\n",
        "data/dimensions.yml:3: invalid YAML: repeated key 'label' (each field may appear once)",
    ),
    "repeated abbreviation": (
        "glossary.yml",
        "  term: Backlog\n",
        "  term: Backlog\n  abbreviation: KPI\n",
        "data/glossary.yml:8: entry 2 (id 'backlog'), field 'abbreviation': "
        "abbreviation 'KPI' already defined by entry 1; expected each abbreviation once",
    ),
    "wrong top-level shape": (
        "roles.yml",
        "- id: product-manager\n",
        "oops: true\nid: product-manager\n",
        None,  # checked separately: the message is long
    ),
    "several problems at once": (
        "sources.yml",
        "  kind: article\n",
        "  kind: podcast\n  colour: red\n",
        "data/sources.yml:6: entry 1 (id 'alpha'), field 'colour': unknown field; expected one of: author, "
        "contributes, date, id, kind, label, licence, publisher, title, url (and 1 more problem in this file)",
    ),
}


@pytest.mark.parametrize("case", [name for name, spec in INVALID.items() if spec[3]])
def test_invalid_data_fails_with_one_exact_line(data_dir: Path, case: str) -> None:
    name, old, new, expected = INVALID[case]
    if new is None:
        (data_dir / name).write_text(old, encoding="utf-8")
    else:
        edit(data_dir, name, old, new)
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert str(error.value) == expected


def test_a_file_of_only_comments_counts_as_empty(data_dir: Path) -> None:
    (data_dir / "skills.yml").write_text("# skills go here\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/skills\.yml: the file is empty;"):
        load_guide(data_dir)


def test_a_mapping_where_a_list_belongs_is_named(data_dir: Path) -> None:
    name, old, new, _ = INVALID["wrong top-level shape"]
    (data_dir / name).write_text(new, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert (
        str(error.value) == "data/roles.yml:1: expected a list, got a mapping ({'oops': True, 'id': 'product-manager'})"
    )


def test_missing_file_is_named(data_dir: Path) -> None:
    (data_dir / "skills.yml").unlink()
    with pytest.raises(DataError) as error:
        load_guide(data_dir)
    assert str(error.value) == "data/skills.yml: file not found; expected it beside the other data files"


def test_role_page_must_exist(data_dir: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "roles").mkdir(parents=True)
    (docs / "roles" / "project-manager.md").write_text("# Project manager\n")
    with pytest.raises(DataError) as error:
        load_guide(data_dir, docs_dir=docs)
    assert str(error.value) == (
        "data/roles.yml:3: entry 1 (id 'product-manager'), field 'page': "
        "page 'roles/product-manager.md' not found; expected a file under docs/"
    )


def test_a_changed_file_is_read_again(data_dir: Path) -> None:
    assert load_guide(data_dir).dimensions[0].label == "Purpose"
    edit(data_dir, "dimensions.yml", "label: Purpose", "label: Aim of the role")
    assert load_guide(data_dir).dimensions[0].label == "Aim of the role"
