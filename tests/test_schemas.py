"""One definition per record: the committed schemas and the field reference come from the models."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import markdown
import pytest
import yaml
from pydantic import BaseModel

from product_vs_project import models
from product_vs_project.data_files import DATA_FILES, DataFile
from product_vs_project.field_reference import data_files
from product_vs_project.schemas import schema_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def files_of(data_file: DataFile) -> list[Path]:
    return sorted(DATA.glob(data_file.pattern))


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda f: f.schema)
def test_the_committed_schema_is_the_one_the_model_gives(data_file: DataFile) -> None:
    committed = (DATA / "schemas" / data_file.schema).read_text(encoding="utf-8")
    assert committed == schema_text(data_file), (
        "run `make schemas` after changing a model (src/product_vs_project/models.py)"
    )


def test_no_schema_is_left_without_a_model() -> None:
    assert sorted(p.name for p in (DATA / "schemas").glob("*.json")) == sorted(f.schema for f in DATA_FILES)


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda f: f.schema)
def test_each_data_file_names_its_schema_and_passes_it(data_file: DataFile) -> None:
    schema = json.loads((DATA / "schemas" / data_file.schema).read_text(encoding="utf-8"))
    for path in files_of(data_file):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        relative = Path("../" * (len(path.relative_to(DATA).parts) - 1) + "schemas") / data_file.schema
        assert first_line == f"# yaml-language-server: $schema={relative.as_posix()}", path
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_an_editor_flags_what_the_build_refuses() -> None:
    schema = json.loads((DATA / "schemas" / "roles.schema.json").read_text(encoding="utf-8"))
    role = yaml.safe_load((DATA / "roles" / "product-manager.yml").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        jsonschema.validate({**role, "colour": "red"}, schema)
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.validate({**role, "summary": {"text": "x", "sources": ["Not An Id"]}}, schema)


def test_the_field_reference_documents_every_field_of_every_record() -> None:
    reference = data_files()
    records = [value for value in vars(models).values() if isinstance(value, type) and issubclass(value, BaseModel)]
    for record in records:
        for name, field in record.model_fields.items():
            if name == "root":
                continue
            assert f"| `{field.alias or name}` |" in reference, f"{record.__name__}.{name}"
            assert field.description, f"{record.__name__}.{name} has no description to document"


def test_the_field_reference_shows_code_in_descriptions_as_code_and_markup_as_text() -> None:
    html = markdown.markdown(data_files(), extensions=["tables", "attr_list", "pymdownx.escapeall"])
    assert "change <code>id</code>, <code>name</code> and every value" in html  # the role file's docstring
    assert "Used in <code>sources:</code> lists and &lt;!-- md:cite --&gt; markers." in html
    assert "`" not in html
