"""Read data/, check it, and return the guide's facts as typed records.

Two passes, both ending in a one-line DataError that names the file, line, entry and
field and says what was expected:
1. each file against its model in guide.models (shape, types, choices);
2. checks across files (unique ids, references to sources, roles, dimensions, skills
   and steps; a value for every dimension in every role file).
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from .models import (
    DATA_FILES,
    PATTERN_MEANINGS,
    Citation,
    DataFile,
    Dimension,
    Disagreement,
    GlossaryTerm,
    Handoff,
    Pair,
    Raci,
    Role,
    Skill,
    Source,
    Statement,
    Taxonomy,
)
from .yaml_source import DataError, YamlDocument, read_yaml

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Guide:
    """Everything in data/, validated and cross-checked."""

    sources: dict[str, Source]
    dimensions: tuple[Dimension, ...]
    disagreements: tuple[Disagreement, ...]
    skills: dict[str, Skill]
    roles: tuple[Role, ...]  # by name
    glossary: tuple[GlossaryTerm, ...]
    handoff: Handoff
    taxonomies: tuple[Taxonomy, ...]
    raci: Raci
    selfcheck: tuple[Statement, ...]
    pairs: tuple[Pair, ...]

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)

    def pair(self, first: str, second: str) -> Pair | None:
        return next((pair for pair in self.pairs if set(pair.roles) == {first, second}), None)

    def party_name(self, party_id: str) -> str:
        """The name of a role or of another RACI party."""
        named = {role.id: role.name for role in self.roles} | {party.id: party.name for party in self.raci.parties}
        return named[party_id]


# --- Pass 1: each file against its model --------------------------------------------

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


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'label'?)' when `value` looks like a misspelling of one of `choices`."""
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


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


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the name they have in the data files (the alias, where there is one)."""
    return {field.alias or name: field.annotation for name, field in model.model_fields.items()}


def _type_at(root: Any, path: Path_) -> Any:
    """The type expected at `path` in a document of type `root` (None where there is none)."""
    annotation = _unwrap(root)
    for step in path:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            annotation = _fields(annotation).get(step)
        elif typing.get_origin(annotation) in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[0 if step == "[key]" else 1]
        else:
            return None
        annotation = _unwrap(annotation)
    return annotation


def _expectation(error: ErrorDetails, model: type[BaseModel]) -> tuple[Path_, str]:
    """The field path an error is about, and what was expected there, in plain words."""
    path = tuple(error["loc"])
    ctx = error.get("ctx", {})
    value = error["input"]
    kind = error["type"]
    if path and path[-1] == "[key]":  # a key of a mapping: name the key itself
        path = path[:-1]
    if kind == "missing":
        return path, "missing; this field is required"
    if kind == "extra_forbidden":
        allowed = sorted(_fields(_type_at(model, path[:-1])))
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
    if kind == "repeated_item":
        return path, f"expected each item once; {ctx['item']!r} is repeated"
    return path, error["msg"]


def error_at(document: YamlDocument, path: Path_, problem: str) -> DataError:
    """A message 'file:line: entry ..., field ...: problem' for the value at `path`."""
    return DataError(f"{document.name}:{document.line_of(path)}: {_where(document, path)}{problem}")


def _entry_index(path: Path_) -> int | None:
    """Position on `path` of its first list index: the entry the path is inside."""
    return next((i for i, step in enumerate(path) if isinstance(step, int)), None)


def _where(document: YamlDocument, path: Path_) -> str:
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


def _dotted(path: Path_) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _lookup(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def _validate(document: YamlDocument, model: type[BaseModel]) -> Any:
    """The document as `model`'s record, or DataError for the problem nearest the top of the file."""
    try:
        record = model.model_validate(document.data)
    except ValidationError as invalid:
        errors = invalid.errors()
    else:
        return record.root if isinstance(record, RootModel) else record
    # A list whose item failed also reports itself as too short: the item is the news.
    locations = [tuple(error["loc"]) for error in errors]
    errors = [
        error
        for error in errors
        if not (
            error["type"] == "too_short"
            and any(
                len(other) > len(error["loc"]) and other[: len(error["loc"])] == tuple(error["loc"])
                for other in locations
            )
        )
    ]

    # Nearest the top of the file, where the reader starts; within an entry, an unknown field
    # first, since a misspelt field also leaves one "missing".
    def position(error: ErrorDetails) -> tuple[int, bool, int]:
        path = _expectation(error, model)[0]
        index = _entry_index(path)
        entry = path if index is None else path[: index + 1]
        return document.line_of(entry), error["type"] != "extra_forbidden", document.line_of(path)

    path, problem = _expectation(min(errors, key=position), model)
    more = len(errors) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''} in this file)" if more else ""
    raise error_at(document, path, problem + suffix)


# --- Pass 2: across files -----------------------------------------------------------


def _citations(record: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Citation]]:
    """Every citation in a record, with its path as written in the file."""
    if isinstance(record, Citation):
        yield path, record
    elif isinstance(record, BaseModel):
        for name, field in type(record).model_fields.items():
            yield from _citations(getattr(record, name), path + (field.alias or name,))
    elif isinstance(record, tuple):
        for index, item in enumerate(record):
            yield from _citations(item, path + (index,))
    elif isinstance(record, dict):
        for key, item in record.items():
            yield from _citations(item, path + (key,))


class _Checker:
    """Checks that ids are unique and that references point at ids that exist."""

    def __init__(self, documents: dict[str, YamlDocument]) -> None:
        self.documents = documents

    def unique(self, file: str, entries: Iterable[Any], prefix: Path_ = ()) -> list[str]:
        first_seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry.id in first_seen:
                raise error_at(
                    self.documents[file],
                    prefix + (index, "id"),
                    f"duplicate id {entry.id!r}; expected each id once "
                    f"(first used by entry {first_seen[entry.id] + 1})",
                )
            first_seen[entry.id] = index
        return list(first_seen)

    def known(self, file: str, path: Path_, value: str, ids: Iterable[str], what: str, where: str) -> None:
        ids = sorted(ids)
        if value not in ids:
            raise error_at(
                self.documents[file],
                path,
                f"unknown {what} {value!r}{did_you_mean(value, ids)}; "
                f"expected one of the ids in {where}: {', '.join(ids)}",
            )

    def complete(self, file: str, path: Path_, given: Iterable[str], ids: list[str], what: str, where: str) -> None:
        """Every id of `ids` is a key of the mapping at `path`, and no other key is."""
        given = list(given)
        for key in given:
            self.known(file, path + (key,), key, ids, what, where)
        missing = [i for i in ids if i not in given]
        if missing:
            raise error_at(
                self.documents[file],
                path,
                f"missing a value for {what} {missing[0]!r}; expected one for every {what} in {where}",
            )


_SOURCES, _ROLES, _SKILLS, _DIMENSIONS = "data/sources.yml", "data/roles/", "data/skills.yml", "data/dimensions.yml"


def _cross_check(documents: dict[str, YamlDocument], records: dict[str, Any]) -> None:
    check = _Checker(documents)
    source_ids = check.unique("sources.yml", records["sources.yml"])
    dimension_ids = check.unique("dimensions.yml", records["dimensions.yml"].dimensions, ("dimensions",))
    check.unique("dimensions.yml", records["dimensions.yml"].disagreements, ("disagreements",))
    skill_ids = check.unique("skills.yml", records["skills.yml"])
    check.unique("glossary.yml", records["glossary.yml"])
    handoff: Handoff = records["handoff.yml"]
    step_ids = check.unique("handoff.yml", handoff.steps, ("steps",))
    roles = {name: record for name, record in records.items() if name.startswith("roles/")}
    role_ids = [role.id for role in roles.values()]

    for name, record in records.items():
        for path, citation in _citations(record):
            check.known(name, path + ("id",), citation.id, source_ids, "source", _SOURCES)

    for index, disagreement in enumerate(records["dimensions.yml"].disagreements):
        if disagreement.dimension is not None:
            path = ("disagreements", index, "dimension")
            check.known("dimensions.yml", path, disagreement.dimension, dimension_ids, "dimension", _DIMENSIONS)

    for name, role in roles.items():
        stem = Path(name).stem
        if role.id != stem:
            raise error_at(documents[name], ("id",), f"id {role.id!r} differs from the file's name; expected {stem!r}")
        check.complete(name, ("values",), role.values, dimension_ids, "dimension", _DIMENSIONS)
        for index, needed in enumerate(role.skills):
            check.known(name, ("skills", index, "skill"), needed.skill, skill_ids, "skill", _SKILLS)

    for index, term in enumerate(records["glossary.yml"]):
        if term.id in role_ids:
            message = f"{term.id!r} is a role, and the glossary takes each role from its file; expected no entry for it"
            raise error_at(documents["glossary.yml"], (index, "id"), message)
    abbreviations: dict[str, int] = {}
    for index, term in enumerate(records["glossary.yml"]):
        if term.abbreviation is None:
            continue
        if term.abbreviation in abbreviations:
            raise error_at(
                documents["glossary.yml"],
                (index, "abbreviation"),
                f"abbreviation {term.abbreviation!r} already defined by entry "
                f"{abbreviations[term.abbreviation] + 1}; expected each abbreviation once",
            )
        abbreviations[term.abbreviation] = index

    _check_crosswalk(check, records, roles, source_ids)
    _check_raci(check, records["raci.yml"], role_ids, step_ids)
    _check_selfcheck(check, records["selfcheck.yml"], role_ids)
    _check_pairs(check, records["pairs.yml"], role_ids)

    steps = "the steps of this file"
    for index, step in enumerate(handoff.steps):
        check.known("handoff.yml", ("steps", index, "owner"), step.owner, role_ids, "role", _ROLES)
        for position, transition in enumerate(step.next):
            path = ("steps", index, "next", position, "step")
            check.known("handoff.yml", path, transition.step, step_ids, "step", steps)
    for index, crossing in enumerate(handoff.crossings):
        check.known("handoff.yml", ("crossings", index, "from"), crossing.from_role, role_ids, "role", _ROLES)
        check.known("handoff.yml", ("crossings", index, "to"), crossing.to_role, role_ids, "role", _ROLES)
        if crossing.from_role == crossing.to_role:
            raise error_at(
                documents["handoff.yml"],
                ("crossings", index, "to"),
                f"same role as 'from' ({crossing.to_role!r}); expected another role",
            )
        check.known("handoff.yml", ("crossings", index, "step"), crossing.step, step_ids, "step", steps)


def _check_crosswalk(check: _Checker, records: dict[str, Any], roles: dict[str, Role], source_ids: list[str]) -> None:
    taxonomy_ids = check.unique("crosswalk.yml", records["crosswalk.yml"])
    for index, taxonomy in enumerate(records["crosswalk.yml"]):
        check.known("crosswalk.yml", (index, "source"), taxonomy.source, source_ids, "source", _SOURCES)
    for name, role in roles.items():
        check.complete(name, ("crosswalk",), role.crosswalk, taxonomy_ids, "taxonomy", "data/crosswalk.yml")


def _check_raci(check: _Checker, raci: Raci, role_ids: list[str], step_ids: list[str]) -> None:
    file = "raci.yml"
    party_ids = check.unique(file, raci.parties, ("parties",))
    for index, party in enumerate(raci.parties):
        if party.id in role_ids:
            raise error_at(
                check.documents[file],
                ("parties", index, "id"),
                f"{party.id!r} is a role in data/roles/; expected a party that is not a role",
            )
    holders = role_ids + party_ids
    setting_ids = check.unique(file, raci.settings, ("settings",))
    by_id = {setting.id: setting for setting in raci.settings}
    where = "data/roles/ or the parties of this file"
    for index, setting in enumerate(raci.settings):
        base = None
        if setting.derived_from is not None:
            path = ("settings", index, "derived_from")
            check.known(file, path, setting.derived_from, setting_ids, "setting", "the settings of this file")
            base = by_id[setting.derived_from]
            if base.derived_from is not None:
                raise error_at(
                    check.documents[file], path, f"{base.id!r} is itself derived; expected a setting with assignments"
                )
        for position, column in enumerate(setting.columns):
            path = ("settings", index, "columns", position)
            check.known(file, path + ("party",), column.party, holders, "party", where)
            for merged, party in enumerate(column.merges):
                if base is None:
                    raise error_at(
                        check.documents[file], path + ("merges",), "only a setting with derived_from merges columns"
                    )
                parties = [c.party for c in base.columns]
                check.known(file, path + ("merges", merged), party, parties, "column", f"setting {base.id!r}")
    assigned = [setting.id for setting in raci.settings if setting.derived_from is None]
    for index, activity in enumerate(raci.activities):
        path = ("activities", index)
        if activity.step is not None:
            check.known(file, path + ("step",), activity.step, step_ids, "step", "data/handoff.yml")
        check.complete(file, path + ("assignments",), activity.assignments, assigned, "setting", "this file")
        for setting_id in activity.sources:
            check.known(file, path + ("sources", setting_id), setting_id, setting_ids, "setting", "this file")
        for setting_id, letters in activity.assignments.items():
            columns = [column.party for column in by_id[setting_id].columns]
            check.complete(
                file, path + ("assignments", setting_id), letters, columns, "column", f"setting {setting_id!r}"
            )
            accountable = [party for party, held in letters.items() if "A" in held]
            if len(accountable) != 1:
                raise error_at(
                    check.documents[file],
                    path + ("assignments", setting_id),
                    f"{len(accountable)} parties are accountable (A); expected exactly one",
                )


def _check_selfcheck(check: _Checker, statements: tuple[Statement, ...], role_ids: list[str]) -> None:
    check.unique("selfcheck.yml", statements)
    for index, statement in enumerate(statements):
        check.known("selfcheck.yml", (index, "leans"), statement.leans, role_ids, "role", _ROLES)


def _check_pairs(check: _Checker, pairs: tuple[Pair, ...], role_ids: list[str]) -> None:
    seen: dict[frozenset[str], int] = {}
    for index, pair in enumerate(pairs):
        for position, role_id in enumerate(pair.roles):
            check.known("pairs.yml", (index, "roles", position), role_id, role_ids, "role", _ROLES)
        key = frozenset(pair.roles)
        if len(key) == 1 or key in seen:
            problem = "the same role twice" if len(key) == 1 else f"the same pair as entry {seen[key] + 1}"
            raise error_at(check.documents["pairs.yml"], (index, "roles"), f"{problem}; expected two roles, once")
        seen[key] = index


# --- Loading -------------------------------------------------------------------------


def _paths(data_dir: Path, data_file: DataFile) -> list[tuple[str, Path]]:
    """The files a data file pattern stands for, as (name relative to data/, path)."""
    if "*" not in data_file.pattern:
        return [(data_file.pattern, data_dir / data_file.pattern)]
    found = sorted(data_dir.glob(data_file.pattern))
    if not found:
        folder = data_file.pattern.rsplit("/", 1)[0]
        raise DataError(f"{data_dir.name}/{folder}/: no files; expected at least one {data_file.pattern} file")
    return [(path.relative_to(data_dir).as_posix(), path) for path in found]


def load_guide(data_dir: Path) -> Guide:
    """Read and check every data file; raise DataError on the first problem found."""
    documents: dict[str, YamlDocument] = {}
    records: dict[str, Any] = {}
    for data_file in DATA_FILES:
        for name, path in _paths(data_dir, data_file):
            documents[name] = read_yaml(path, f"{data_dir.name}/{name}")
            records[name] = _validate(documents[name], data_file.model)
    _cross_check(documents, records)
    roles = [record for name, record in records.items() if name.startswith("roles/")]
    return Guide(
        sources={source.id: source for source in records["sources.yml"]},
        dimensions=records["dimensions.yml"].dimensions,
        disagreements=records["dimensions.yml"].disagreements,
        skills={skill.id: skill for skill in records["skills.yml"]},
        roles=tuple(sorted(roles, key=lambda role: role.name.casefold())),
        glossary=records["glossary.yml"],
        handoff=records["handoff.yml"],
        taxonomies=records["crosswalk.yml"],
        raci=records["raci.yml"],
        selfcheck=records["selfcheck.yml"],
        pairs=records["pairs.yml"],
    )
