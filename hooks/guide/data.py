"""Load data/*.yml, validate it, and return the guide's facts as typed records.

Validation happens in two passes, both ending in a one-line DataError that names
the file, line, entry and field and says what was expected:
1. each file against its JSON Schema in data/schemas/ (shape, types, enums);
2. cross-checks a schema cannot express (unique ids, references between files).
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from .yaml_source import DataError, YamlDocument, read_yaml

FILES = ("sources", "roles", "dimensions", "skills", "glossary", "handoff")


# --- Records -------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    label: str
    title: str
    publisher: str
    kind: str
    contributes: str
    author: str | None = None
    date: str | None = None
    url: str | None = None
    licence: str | None = None


@dataclass(frozen=True)
class Claim:
    """A sentence of the guide and the sources that back it."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    page: str
    summary: str
    sources: tuple[str, ...]
    interests: tuple[Claim, ...]
    routes: tuple[Claim, ...]


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    values: dict[str, str]  # role id -> how that role looks on this dimension
    sources: tuple[str, ...]
    disagreement: Claim | None = None


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    roles: tuple[str, ...]
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    sources: tuple[str, ...]
    abbreviation: str | None = None


@dataclass(frozen=True)
class Transition:
    step: str
    label: str | None = None


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    owner: str
    summary: str
    produces: tuple[str, ...]
    next: tuple[Transition, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Crossing:
    """Something that passes from one role to the other during the handoff."""

    from_role: str
    to_role: str
    item: str
    at: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Handoff:
    title: str
    description: str
    steps: tuple[Step, ...]
    crossings: tuple[Crossing, ...]
    checklist: tuple[Claim, ...]

    def step(self, step_id: str) -> Step:
        return next(step for step in self.steps if step.id == step_id)

    def number(self, step_id: str) -> int:
        return [step.id for step in self.steps].index(step_id) + 1


@dataclass(frozen=True)
class Guide:
    """Everything in data/, validated and cross-checked."""

    sources: dict[str, Source]
    roles: tuple[Role, ...]
    dimensions: tuple[Dimension, ...]
    skills: tuple[Skill, ...]
    glossary: tuple[GlossaryTerm, ...]
    handoff: Handoff

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)


# --- Schema pass ---------------------------------------------------------------

_PATTERN_MEANINGS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "a lowercase id of letters, digits and single hyphens, like 'time-horizon'",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "a date written YYYY, YYYY-MM or YYYY-MM-DD",
    "^https://[^\\s]+$": "an https:// address without spaces",
    "^[a-z0-9/_-]+\\.md$": "a page path relative to docs/, like 'roles/product-manager.md'",
    "^[A-Za-z][A-Za-z0-9&/-]*[A-Za-z0-9]$": "an abbreviation of letters and digits, like 'KPI'",
}
_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
    "integer": "a whole number",
}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {str: "text", list: "a list", dict: "a mapping", int: "a number", float: "a number", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'label'?)' when `value` looks like a misspelling of one of `choices`."""
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _short(value: Any) -> str:
    """repr() of a value, cut to a length that fits in a one-line message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _expectation(error: jsonschema.ValidationError) -> tuple[tuple[str | int, ...], str]:
    """The field path an error is about, and what was expected there, in plain words."""
    path = tuple(error.absolute_path)
    schema, value = error.schema, error.instance
    match error.validator:
        case "required":
            missing = next(name for name in error.validator_value if name not in value)
            return path + (missing,), "missing; this field is required"
        case "additionalProperties":
            allowed = sorted(schema.get("properties", {}))
            unknown = min(set(value) - set(allowed))
            problem = f"unknown field{_did_you_mean(unknown, allowed)}; expected one of: {', '.join(allowed)}"
            return path + (unknown,), problem
        case "type":
            expected = _TYPE_NAMES.get(error.validator_value, error.validator_value)
            return path, f"expected {expected}, got {_type_name(value)} ({_short(value)})"
        case "enum":
            options = ", ".join(map(str, error.validator_value))
            return path, f"expected one of: {options}; got {_short(value)}"
        case "pattern":
            meaning = _PATTERN_MEANINGS.get(error.validator_value, f"text matching {error.validator_value}")
            return path, f"expected {meaning}; got {_short(value)}"
        case "minLength":
            return path, "expected non-empty text"
        case "maxLength":
            return path, f"expected at most {error.validator_value} characters, got {len(value)}"
        case "minItems":
            return path, f"expected at least {error.validator_value} item(s), got {len(value)}"
        case "uniqueItems":
            return path, "expected each item once; an item is repeated"
        case "minProperties":
            return path, f"expected at least {error.validator_value} entry"
    return path, error.message


def _error(document: YamlDocument, path: tuple[str | int, ...], problem: str) -> DataError:
    """A message 'file:line: entry ..., field ...: problem' for the value at `path`."""
    return DataError(f"{document.name}:{document.line_of(path)}: {_where(document, path)}{problem}")


def _entry_index(path: tuple[str | int, ...]) -> int | None:
    """Position on `path` of its first list index: the entry the path is inside."""
    return next((i for i, step in enumerate(path) if isinstance(step, int)), None)


def _where(document: YamlDocument, path: tuple[str | int, ...]) -> str:
    """'entry 3 (id 'scope'), field 'values.x': ', naming the entry by its id when it has one."""
    index = _entry_index(path)
    if index is None:
        return f"field '{_dotted(path)}': " if path else ""
    section = f"{_dotted(path[:index])} " if index else ""
    entry = _lookup(document.data, path[: index + 1])
    ident = f" (id '{entry['id']}')" if isinstance(entry, dict) and isinstance(entry.get("id"), str) else ""
    rest = path[index + 1 :]
    field = f", field '{_dotted(rest)}'" if rest else ""
    return f"{section}entry {path[index] + 1}{ident}{field}: "


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _lookup(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _check_schema(document: YamlDocument, schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(document.data))
    if not errors:
        return

    # Report the problem nearest the top of the file, where the reader starts; within an
    # entry, an unknown field first, since a misspelt field also leaves one "missing".
    def position(error: jsonschema.ValidationError) -> tuple[int, bool, int]:
        path = tuple(error.absolute_path)
        index = _entry_index(path)
        entry = path if index is None else path[: index + 1]
        line = document.line_of(_expectation(error)[0])
        return document.line_of(entry), error.validator != "additionalProperties", line

    path, problem = _expectation(min(errors, key=position))
    more = len(errors) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''} in this file)" if more else ""
    raise _error(document, path, problem + suffix)


# --- Cross-check pass ----------------------------------------------------------


class _References:
    """Checks that ids are unique and that references point at ids that exist."""

    def __init__(self, documents: dict[str, YamlDocument]) -> None:
        self.documents = documents

    def unique(self, file: str, entries: list[dict[str, Any]], prefix: tuple[str | int, ...] = ()) -> set[str]:
        first_seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry["id"] in first_seen:
                raise _error(
                    self.documents[file],
                    prefix + (index, "id"),
                    f"duplicate id {entry['id']!r}; expected each id once "
                    f"(first used by entry {first_seen[entry['id']] + 1})",
                )
            first_seen[entry["id"]] = index
        return set(first_seen)

    def known(self, file: str, path: tuple[str | int, ...], value: str, ids: set[str], what: str, where: str) -> None:
        if value not in ids:
            raise _error(
                self.documents[file],
                path,
                f"unknown {what} {value!r}{_did_you_mean(value, ids)}; "
                f"expected one of the ids in {where}: {', '.join(sorted(ids))}",
            )


def _cited_lists(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], list[str]]]:
    """Every `sources:` list anywhere in a document, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                yield path + (key,), value
            else:
                yield from _cited_lists(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _cited_lists(value, path + (index,))


_SOURCES, _ROLES, _STEPS = "data/sources.yml", "data/roles.yml", "the steps of this file"


def _cross_check(documents: dict[str, YamlDocument], docs_dir: Path | None) -> None:
    refs = _References(documents)
    data = {name: document.data for name, document in documents.items()}
    source_ids = refs.unique("sources", data["sources"])
    role_ids = refs.unique("roles", data["roles"])
    for name in ("dimensions", "skills", "glossary"):
        refs.unique(name, data[name])
    step_ids = refs.unique("handoff", data["handoff"]["steps"], ("steps",))

    for name, document in documents.items():
        for path, cited in _cited_lists(document.data):
            for position, source in enumerate(cited):
                refs.known(name, path + (position,), source, source_ids, "source", _SOURCES)

    for index, role in enumerate(data["roles"]):
        if docs_dir is not None and not (docs_dir / role["page"]).is_file():
            raise _error(
                documents["roles"],
                (index, "page"),
                f"page {role['page']!r} not found; expected a file under {docs_dir.name}/",
            )
    for index, dimension in enumerate(data["dimensions"]):
        for role in dimension["values"]:
            refs.known("dimensions", (index, "values", role), role, role_ids, "role", _ROLES)
        missing = [role for role in (r["id"] for r in data["roles"]) if role not in dimension["values"]]
        if missing:
            raise _error(
                documents["dimensions"],
                (index, "values"),
                f"missing a value for role {missing[0]!r}; expected one for every role in {_ROLES}",
            )
    for index, skill in enumerate(data["skills"]):
        for position, role in enumerate(skill["roles"]):
            refs.known("skills", (index, "roles", position), role, role_ids, "role", _ROLES)

    abbreviations: dict[str, int] = {}
    for index, term in enumerate(data["glossary"]):
        if "abbreviation" in term:
            if term["abbreviation"] in abbreviations:
                raise _error(
                    documents["glossary"],
                    (index, "abbreviation"),
                    f"abbreviation {term['abbreviation']!r} already defined by entry "
                    f"{abbreviations[term['abbreviation']] + 1}; expected each abbreviation once",
                )
            abbreviations[term["abbreviation"]] = index

    handoff = data["handoff"]
    for index, step in enumerate(handoff["steps"]):
        refs.known("handoff", ("steps", index, "owner"), step["owner"], role_ids, "role", _ROLES)
        for position, transition in enumerate(step["next"]):
            refs.known(
                "handoff", ("steps", index, "next", position, "step"), transition["step"], step_ids, "step", _STEPS
            )
    for index, crossing in enumerate(handoff["crossings"]):
        for field in ("from", "to"):
            refs.known("handoff", ("crossings", index, field), crossing[field], role_ids, "role", _ROLES)
        if crossing["from"] == crossing["to"]:
            raise _error(
                documents["handoff"],
                ("crossings", index, "to"),
                f"same role as 'from' ({crossing['to']!r}); expected the other role",
            )
        refs.known("handoff", ("crossings", index, "at"), crossing["at"], step_ids, "step", _STEPS)


# --- Building records ----------------------------------------------------------


def _claim(entry: dict[str, Any]) -> Claim:
    return Claim(text=entry["text"], sources=tuple(entry["sources"]))


def _build(data: dict[str, Any]) -> Guide:
    handoff = data["handoff"]
    return Guide(
        sources={entry["id"]: Source(**entry) for entry in data["sources"]},
        roles=tuple(
            Role(
                id=entry["id"],
                name=entry["name"],
                page=entry["page"],
                summary=entry["summary"],
                sources=tuple(entry["sources"]),
                interests=tuple(map(_claim, entry["interests"])),
                routes=tuple(map(_claim, entry["routes"])),
            )
            for entry in data["roles"]
        ),
        dimensions=tuple(
            Dimension(
                id=entry["id"],
                label=entry["label"],
                values=dict(entry["values"]),
                sources=tuple(entry["sources"]),
                disagreement=_claim(entry["disagreement"]) if "disagreement" in entry else None,
            )
            for entry in data["dimensions"]
        ),
        skills=tuple(
            Skill(**{**entry, "roles": tuple(entry["roles"]), "sources": tuple(entry["sources"])})
            for entry in data["skills"]
        ),
        glossary=tuple(GlossaryTerm(**{**entry, "sources": tuple(entry["sources"])}) for entry in data["glossary"]),
        handoff=Handoff(
            title=handoff["title"],
            description=handoff["description"],
            steps=tuple(
                Step(
                    id=step["id"],
                    title=step["title"],
                    owner=step["owner"],
                    summary=step["summary"],
                    produces=tuple(step.get("produces", ())),
                    next=tuple(Transition(**transition) for transition in step["next"]),
                    sources=tuple(step["sources"]),
                )
                for step in handoff["steps"]
            ),
            crossings=tuple(
                Crossing(
                    from_role=crossing["from"],
                    to_role=crossing["to"],
                    item=crossing["item"],
                    at=crossing["at"],
                    sources=tuple(crossing["sources"]),
                )
                for crossing in handoff["crossings"]
            ),
            checklist=tuple(map(_claim, handoff["checklist"])),
        ),
    )


def load_guide(data_dir: Path, docs_dir: Path | None = None) -> Guide:
    """Read and check every data file; raise DataError on the first problem found.

    `docs_dir`, when given, is used to check that each role's page exists.
    Several hooks ask for the data in one build: the result is reused until a
    data or schema file changes (its modification time or size).
    """
    stamps = tuple(
        (path.name, stat.st_mtime_ns, stat.st_size)
        for path in sorted([*data_dir.glob("*.yml"), *data_dir.glob("schemas/*.json")])
        for stat in [path.stat()]
    )
    return _load(data_dir, docs_dir, stamps)


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, docs_dir: Path | None, stamps: tuple[tuple[str, int, int], ...]) -> Guide:
    documents: dict[str, YamlDocument] = {}
    for name in FILES:
        document = read_yaml(data_dir / f"{name}.yml", f"{data_dir.name}/{name}.yml")
        schema = json.loads((data_dir / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        _check_schema(document, schema)
        documents[name] = document
    _cross_check(documents, docs_dir)
    return _build({name: document.data for name, document in documents.items()})
