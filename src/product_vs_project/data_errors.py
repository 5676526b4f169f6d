"""pydantic's validation errors, worded for a contributor: 'file:line: entry 3 (id 'x'), field 'y': expected ...'."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, RootModel
from pydantic_core import ErrorDetails

from .models import PATTERN_MEANINGS
from .references import did_you_mean
from .yaml_lines import YamlDocument

Path_ = tuple[str | int, ...]

_TYPE_NAMES = {
    "string_type": "text",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "bool_type": "true or false",
    "int_type": "a whole number",
}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {str: "text", list: "a list", dict: "a mapping", int: "a number", float: "a number", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    """repr() of a value, cut to a length that fits in a one-line message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _unwrap(annotation: Any) -> Any:
    """The type inside Annotated[...], Optional[...] and RootModel[...]."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        elif isinstance(annotation, type) and issubclass(annotation, RootModel):
            annotation = annotation.model_fields["root"].annotation
        else:
            return annotation


def fields_by_file_name(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the name they have in the data files (the alias, where there is one)."""
    return {field.alias or name: field.annotation for name, field in model.model_fields.items()}


def _type_at(root: Any, path: Path_) -> Any:
    """The type expected at `path` in a document of type `root` (None where there is none)."""
    annotation = _unwrap(root)
    for step in path:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            annotation = fields_by_file_name(annotation).get(step)
        elif typing.get_origin(annotation) in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[0 if step == "[key]" else 1]
        else:
            return None
        annotation = _unwrap(annotation)
    return annotation


def _located(error: ErrorDetails) -> tuple[Path_, str] | None:
    """A whole-file check's LocatedError: its own path inside the file, and its message."""
    cause = error.get("ctx", {}).get("error")
    path = getattr(cause, "path", None)
    return (tuple(error["loc"]) + tuple(path), str(cause)) if path is not None else None


def expectation(error: ErrorDetails, model: type[BaseModel]) -> tuple[Path_, str]:
    """The field path an error is about, and what was expected there, in plain words."""
    located = _located(error)
    if located:
        return located
    path = tuple(step for step in error["loc"] if not _is_validator_step(step))
    ctx = error.get("ctx", {})
    value = error["input"]
    kind = error["type"]
    if path and path[-1] == "[key]":  # a key of a mapping: name the key itself
        path = path[:-1]
    if kind == "missing":
        return path, "missing; this field is required"
    if kind == "extra_forbidden":
        allowed = sorted(fields_by_file_name(_type_at(model, path[:-1])))
        unknown = str(path[-1])
        return path, f"unknown field{did_you_mean(unknown, allowed)}; expected one of: {', '.join(allowed)}"
    if kind in _TYPE_NAMES:
        return path, f"expected {_TYPE_NAMES[kind]}, got {_type_name(value)} ({_short(value)})"
    if kind == "literal_error":
        options = ", ".join(typing.get_args(_type_at(model, path)))
        return path, f"expected one of: {options}; got {_short(value)}"
    if kind == "string_pattern_mismatch":
        meaning = PATTERN_MEANINGS.get(ctx["pattern"], f"text matching {ctx['pattern']}")
        return path, f"expected {meaning}; got {_short(value)}"
    if kind == "string_too_short":
        return path, "expected non-empty text"
    if kind == "string_too_long":
        return path, f"expected at most {ctx['max_length']} characters, got {len(value)}"
    if kind == "too_short":
        return path, f"expected at least {ctx['min_length']} item(s), got {ctx['actual_length']}"
    return path, error["msg"]


def _is_validator_step(step: str | int) -> bool:
    """pydantic names the branch of a union or a function-wrapped type in `loc`; the file has no such key."""
    return isinstance(step, str) and (step.startswith("function-") or step in {"str", "int", "none"})


def entry_index(path: Path_) -> int | None:
    """Position on `path` of its first list index: the entry the path is inside."""
    return next((i for i, step in enumerate(path) if isinstance(step, int)), None)


def _dotted(path: Path_) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _lookup(data: Any, path: Path_) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def where(document: YamlDocument, path: Path_) -> str:
    """'entry 3 (id 'scope'), field 'values.x': ', naming the entry by its id when it has one."""
    index = entry_index(path)
    if index is None:
        return f"field '{_dotted(path)}': " if path else ""
    section = f"{_dotted(path[:index])} " if index else ""
    entry = _lookup(document.data, path[: index + 1])
    ident = f" (id '{entry['id']}')" if isinstance(entry, dict) and isinstance(entry.get("id"), str) else ""
    rest = path[index + 1 :]
    field = f", field '{_dotted(rest)}'" if rest else ""
    return f"{section}entry {path[index] + 1}{ident}{field}: "


def problem_at(document: YamlDocument, path: Path_, problem: str) -> str:
    """One line: 'file:line: entry ..., field ...: problem' for the value at `path`."""
    return f"{document.name}:{document.line_of(path)}: {where(document, path)}{problem}"


def problems(document: YamlDocument, errors: list[ErrorDetails], model: type[BaseModel]) -> list[tuple[int, str]]:
    """Every error of one file as (line, message), top to bottom: the file read as its author reads it."""
    # A list whose item failed also reports itself as too short: the item is the news.
    locations = [tuple(error["loc"]) for error in errors]
    kept = [
        error
        for error in errors
        if not (
            error["type"] == "too_short"
            and any(len(o) > len(error["loc"]) and o[: len(error["loc"])] == tuple(error["loc"]) for o in locations)
        )
    ]
    found = []
    for error in kept:
        path, problem = expectation(error, model)
        found.append((document.line_of(path), error["type"] != "extra_forbidden", problem_at(document, path, problem)))
    # Within a line, an unknown field first: a misspelt field also leaves one "missing".
    return [(line, message) for line, _, message in sorted(set(found))]
