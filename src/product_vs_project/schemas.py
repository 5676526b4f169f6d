"""The JSON Schema of each data file, from its model: committed in data/schemas/ for editors, and exported."""

from __future__ import annotations

import json
from typing import Any

from .data_files import DataFile


def json_schema(data_file: DataFile) -> dict[str, Any]:
    schema = data_file.model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": data_file.schema, **schema}


def schema_text(data_file: DataFile) -> str:
    return json.dumps(json_schema(data_file), indent=2, ensure_ascii=False) + "\n"
