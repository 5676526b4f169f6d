"""The open data export under site/data/: every data file as JSON, flat tables as CSV, every cited claim,
the JSON Schemas, and a datapackage.json (Frictionless Data Package) that describes them all.

What is exported comes from the table of data files (product_vs_project.data_files): a data
file declared there is exported with its schema and tables, with nothing to add here.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from typing import Any

from pydantic import BaseModel

from .data_files import DATA_FILES, CsvField, CsvTable, DataFile, cited
from .loading import Guide
from .markdown_text import link, text
from .models import Citation

FOLDER = "data"  # under the site root
PACKAGE = "datapackage.json"
CONTENT_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
CITATIONS = DataFile(
    "",
    BaseModel,
    "citations",
    "Citations",
    "Every cited claim on every page, with its sources, the place in each and the quoted words.",
    tables=(
        CsvTable(
            "citations",
            "Citations, one row per claim and source",
            (
                CsvField("page", "The page, relative to the site's docs folder"),
                CsvField("claim", "The claim, as the page words it"),
                CsvField("source", "The source id"),
                CsvField("at", "The place in the source"),
                CsvField("quote", "Words copied from that place that pin the passage"),
            ),
            lambda rows: rows,
        ),
    ),
)

Claims = dict[str, Sequence[tuple[str, tuple[Citation, ...]]]]


def project_version() -> str:
    return version("product-vs-project")


def _json(value: object) -> str:
    # One record per line: readable, and written by the json module's fast encoder (an indent makes it the slow one).
    if isinstance(value, list):
        return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in value) + "\n]\n"
    return json.dumps(value, ensure_ascii=False) + "\n"


def _dump(record: Any) -> Any:
    if isinstance(record, BaseModel):
        return record.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(record, tuple | list):
        items = [_dump(item) for item in record]
        return sorted(items, key=lambda item: item.get("id", "")) if all(isinstance(i, dict) for i in items) else items
    return record


def _csv(fields: Sequence[CsvField], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f.name for f in fields], lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def _claim_rows(claims: Claims) -> list[dict[str, str]]:
    return [
        {"page": page, "claim": claim, "source": c.id, "at": c.at or "", "quote": c.quote or ""}
        for page in sorted(claims)
        for claim, citations in claims[page]
        for c in citations
    ]


def _table_resource(table: CsvTable) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [{"name": f.name, "type": f.type, "description": f.description} for f in table.fields]},
    }


def _json_resource(data_file: DataFile) -> dict[str, Any]:
    resource = {
        "name": f"{data_file.name}-json",
        "path": f"{data_file.name}.json",
        "title": data_file.title,
        "description": data_file.description,
        # Frictionless reads a JSON resource without a type as a table or, for an object with `steps`, a
        # pipeline; "json" says it is neither.
        "type": "json",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }
    if data_file.pattern:
        resource["jsonSchema"] = f"schemas/{data_file.schema}"  # the shape of the file, from its model
    return resource


def _package(guide: Guide, site_url: str | None) -> dict[str, Any]:
    files = [*DATA_FILES, CITATIONS]
    resources = [_json_resource(data_file) for data_file in files]
    resources += [_table_resource(table) for data_file in files for table in data_file.tables]
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": "product-vs-project",
        "title": "Product vs Project: the guide's data",
        "description": "The facts behind the guide to product managers, project managers and the roles people "
        "confuse with them, each with its sources; and every claim the site's pages make, with the place and "
        "quoted words in each source.",
        "version": project_version(),
        "licenses": [CONTENT_LICENCE],
        "sources": [
            {"title": source.title, **({"path": source.url} if source.url else {})}
            for source in sorted(guide.sources.values(), key=lambda s: s.id)
        ],
        "resources": resources,
    }
    if site_url:
        package["homepage"] = site_url
    return package


def export_names() -> list[str]:
    """The files the export writes, under site/data/: known before any page is rendered."""
    names = [PACKAGE, "citations.json", "citations.csv"]
    for data_file in DATA_FILES:
        names += [f"{data_file.name}.json", f"schemas/{data_file.schema}", *(f"{t.name}.csv" for t in data_file.tables)]
    return sorted(names)


def export_files(guide: Guide, claims: Claims, site_url: str | None = None) -> dict[str, str]:
    """File name under site/data/ -> its text. Records sorted by id, claims in page order."""
    from .schemas import schema_text

    files: dict[str, str] = {}
    for data_file in DATA_FILES:
        record = guide.records[data_file.name]
        files[f"{data_file.name}.json"] = _json(_dump(record))
        files[f"schemas/{data_file.schema}"] = schema_text(data_file)
        for table in data_file.tables:
            rows = [row for item in (record if data_file.many else (record,)) for row in table.rows(item)]
            files[f"{table.name}.csv"] = _csv(table.fields, rows)
    claim_rows = _claim_rows(claims)
    files["citations.json"] = _json(
        [
            {"page": page, "claim": claim, "sources": [c.model_dump(mode="json", exclude_none=True) for c in citations]}
            for page in sorted(claims)
            for claim, citations in claims[page]
        ]
    )
    files["citations.csv"] = _csv(CITATIONS.tables[0].fields, claim_rows)
    files[PACKAGE] = _json(_package(guide, site_url))
    return files


def export_list(page: str) -> str:
    """Links to every file of the export, each with what it holds (for the Contribute page)."""
    described = "describes every file below, with licences, sources and field types (Frictionless Data Package)."
    items = [f"- {link(PACKAGE, f'{FOLDER}/{PACKAGE}', page)}: {text(described)}"]
    for data_file in [*DATA_FILES, CITATIONS]:
        parts = [link(f"{data_file.name}.json", f"{FOLDER}/{data_file.name}.json", page)]
        parts += [link(f"{table.name}.csv", f"{FOLDER}/{table.name}.csv", page) for table in data_file.tables]
        schema = (
            f" (schema: {link(data_file.schema, f'{FOLDER}/schemas/{data_file.schema}', page)})"
            if data_file.pattern
            else ""
        )
        items.append(f"- {', '.join(parts)}: {text(data_file.description)}{schema}")
    return "\n".join(items)


__all__ = ["FOLDER", "cited", "export_files", "export_list"]
