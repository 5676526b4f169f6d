"""The field reference of every data file (Contribute > Data), from the table of data files and their models."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, RootModel

from .data_files import DATA_FILES, KIND_HOMES
from .markdown_text import table, text
from .models import PATTERN_MEANINGS
from .references import reference_kind


def _prose(value: str) -> str:
    """A docstring or field description as Markdown: its `code` spans kept, everything else as plain text."""
    parts = " ".join(value.split()).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: all plain text
        return text(value)
    # Even parts are plain text, odd parts code; text() trims, so the spaces around code are put back.
    return "".join(
        f"`{part}`" if i % 2 else " " * part.startswith(" ") + text(part) + " " * part.endswith(" ")
        for i, part in enumerate(parts)
    )


def _anchor(model: type[BaseModel]) -> str:
    return f"shape-{model.__name__.lower()}"


def _describe(annotation: Any, seen: list[type[BaseModel]]) -> str:
    """A type in words, e.g. 'list of [Claim](#shape-claim)'; models met are added to `seen`."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        base, *metadata = args
        kind = reference_kind(metadata)
        if kind:
            return f"a {kind} id ({KIND_HOMES.get(kind, 'data/')})"
        for meta in metadata:
            pattern = getattr(meta, "pattern", None)
            if pattern in PATTERN_MEANINGS:
                return PATTERN_MEANINGS[pattern]
        for meta in metadata:
            if getattr(meta, "json_schema_input_type", None) is not None:  # a citation: id or {id, at}
                return f"source id, or {_describe(base, seen)}"
        limit = next((m.max_length for m in metadata if getattr(m, "max_length", None)), None)
        described = _describe(base, seen)
        return f"{described} (at most {limit} characters)" if limit and described == "text" else described
    if origin in (typing.Union, types.UnionType):
        kept = [arg for arg in args if arg is not type(None)]
        described = " or ".join(_describe(arg, seen) for arg in kept)
        return described + (", or null" if len(kept) < len(args) else "")
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{arg}`" for arg in args)
    if origin in (tuple, list):
        return f"list of {_describe(args[0], seen)}"
    if origin is dict:
        return f"mapping of {_describe(args[0], seen)} to {_describe(args[1], seen)}"
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return _describe(annotation.model_fields["root"].annotation, seen)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in seen:
            seen.append(annotation)
        return f"[{annotation.__name__}](#{_anchor(annotation)})"
    return {str: "text", bool: "true or false", int: "whole number"}.get(annotation, str(annotation))


def _fields_table(model: type[BaseModel], seen: list[type[BaseModel]]) -> str:
    rows = []
    for name, field in model.model_fields.items():
        required = "required" if field.is_required() else "optional"
        rows.append(
            [f"`{field.alias or name}`", _describe(field.annotation, seen), required, _prose(field.description or "")]
        )
    return table(["Field", "Value", "Required", "Meaning"], rows)


def data_files() -> str:
    """A section per data file (its fields or its entries), then each shape used inside them."""
    seen: list[type[BaseModel]] = []
    sections = []
    for data_file in DATA_FILES:
        model = data_file.model
        heading = f"### `data/{data_file.pattern}` {{ #file-{data_file.name} }}"
        doc = _prose(model.__doc__ or "")
        if issubclass(model, RootModel):
            body = f"A list of {_describe(model.model_fields['root'].annotation, seen).removeprefix('list of ')}."
        else:
            body = _fields_table(model, seen)
        schema = (
            f"Schema: `data/schemas/{data_file.schema}`. Exported as `{data_file.name}.json`"
            + "".join(f", `{table.name}.csv`" for table in data_file.tables)
            + "."
        )
        sections.append(f"{heading}\n\n{doc}\n\n{body}\n\n{schema}")
    done: list[type[BaseModel]] = []
    while len(done) < len(seen):
        model = next(m for m in seen if m not in done)
        done.append(model)
        if any(model is data_file.model for data_file in DATA_FILES):
            continue
        doc = _prose(model.__doc__ or "")
        sections.append(f"### {model.__name__} {{ #{_anchor(model)} }}\n\n{doc}\n\n{_fields_table(model, seen)}")
    return "\n\n".join(sections)
