"""The open data export: the guide's data and every citation, as JSON under site/data/."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from .data import Guide
from .models import DATA_FILES, Citation, schema_text

FOLDER = "data"  # under the site root

# File -> what it holds, as listed on the Contribute page. Schemas follow, one per data file.
CONTENTS = {
    "roles.json": "every role: summary, value on each dimension, skills, interests, routes in, credentials",
    "dimensions.json": "the comparison dimensions, and where the sources disagree",
    "sources.json": "the works cited, with licence and credit where they state one",
    "citations.json": "every cited claim on every page, with its sources and the place in each",
    "skills.json": "the skills the role files refer to",
    "glossary.json": "the terms the guide uses",
    "handoff.json": "the handoff workflow, what crosses between roles, and the checklist",
}

Claims = dict[str, Sequence[tuple[str, tuple[Citation, ...]]]]


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _records(items: Iterable[BaseModel]) -> list:
    return [item.model_dump(mode="json", by_alias=True) for item in sorted(items, key=lambda item: item.id)]


def export_files(guide: Guide, claims: Claims) -> dict[str, str]:
    """File name under site/data/ -> its JSON text. Records sorted by id, claims in page order."""
    files = {
        "roles.json": _json(_records(guide.roles)),
        "dimensions.json": _json(
            {
                "dimensions": [d.model_dump(mode="json") for d in guide.dimensions],
                "disagreements": [d.model_dump(mode="json") for d in guide.disagreements],
            }
        ),
        "sources.json": _json(_records(guide.sources.values())),
        "citations.json": _json(
            [
                {"page": page, "claim": claim, "sources": [c.model_dump(mode="json") for c in cited]}
                for page in sorted(claims)
                for claim, cited in claims[page]
            ]
        ),
        "skills.json": _json(_records(guide.skills.values())),
        "glossary.json": _json(_records(guide.glossary)),
        "handoff.json": _json(guide.handoff.model_dump(mode="json", by_alias=True)),
    }
    assert list(files) == list(CONTENTS), "every export file is described in CONTENTS"
    files.update({f"schemas/{data_file.schema}": schema_text(data_file) for data_file in DATA_FILES})
    return files
