"""Read data/, check it, and return the guide's facts as typed records.

Two passes over every file declared in product_vs_project.data_files, both collecting
problems rather than stopping at the first:
1. each file against its model alone (shape, types, choices), which also gathers the ids
   each file defines;
2. each file again, with those ids in pydantic's validation context, so that every
   reference names a record that exists and every citation of a held text names a real
   place and quote.
Every problem in every file is reported in one DataError, a line each, naming the file,
line, entry and field and saying what was expected.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import RootModel, ValidationError

from .data_errors import problem_at, problems
from .data_files import DATA_FILES, KIND_HOMES, DataFile
from .errors import DataError
from .evidence import HeldText, read_held_text
from .models import (
    Dimension,
    Disagreement,
    GlossaryTerm,
    Handoff,
    Pair,
    Question,
    Raci,
    Role,
    Skill,
    Source,
    Statement,
    Taxonomy,
)
from .references import Known
from .yaml_lines import YamlDocument, read_yaml


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
    quiz: tuple[Question, ...]
    pairs: tuple[Pair, ...]
    records: dict[str, Any]  # data file name (data_files.DataFile.name) -> its record, or its records by file
    known: Known  # the context prose citations are checked in, as data citations were

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)

    def pair(self, first: str, second: str) -> Pair | None:
        return next((pair for pair in self.pairs if set(pair.roles) == {first, second}), None)

    def party_name(self, party_id: str) -> str:
        """The name of a role or of another RACI party."""
        named = {role.id: role.name for role in self.roles} | {party.id: party.name for party in self.raci.parties}
        return named[party_id]


@dataclass
class _File:
    data_file: DataFile
    name: str  # relative to data/
    document: YamlDocument | None = None
    record: Any = None  # after pass 1, when the file is valid alone


def _files(data_dir: Path) -> tuple[list[_File], list[str]]:
    """Every declared data file present, and a problem for each declared file missing or YAML file undeclared."""
    found, trouble = [], []
    declared: set[Path] = set()
    for data_file in DATA_FILES:
        paths = sorted(data_dir.glob(data_file.pattern)) if data_file.many else [data_dir / data_file.pattern]
        if data_file.many and not paths:
            folder = data_file.pattern.rsplit("/", 1)[0]
            trouble.append(f"{data_dir.name}/{folder}/: no files; expected at least one {data_file.pattern} file")
        for path in paths:
            declared.add(path)
            found.append(_File(data_file, path.relative_to(data_dir).as_posix()))
    for path in sorted(data_dir.rglob("*.y*ml")):
        if path not in declared and path.suffix in (".yml", ".yaml"):
            trouble.append(
                f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}: not a declared data file, so it would be "
                "neither loaded nor exported; expected it declared in product_vs_project/data_files.py "
                "(its model, name and tables), or moved out of data/"
            )
    return found, trouble


def _validate(file: _File, context: Known | None) -> list[tuple[int, str]]:
    assert file.document is not None
    model = file.data_file.model
    try:
        record = model.model_validate(file.document.data, context=context)
    except ValidationError as invalid:
        return problems(file.document, invalid.errors(), model)
    file.record = record.root if isinstance(record, RootModel) else record
    return []


def _defined(files: list[_File]) -> tuple[dict[str, tuple[str, ...]], list[tuple[_File, int, str]]]:
    """The ids of each kind, from files valid alone; a kind is left out if any file defining it is not."""
    ids: dict[str, dict[str, str]] = {}
    known_kinds = {kind for file in files for kind in file.data_file.defines}
    trouble: list[tuple[_File, int, str]] = []
    for file in files:
        for kind, ids_of in file.data_file.defines.items():
            if file.record is None:
                known_kinds.discard(kind)
                continue
            seen = ids.setdefault(kind, {})
            for path, value in ids_of(file.record):
                if value in seen and kind != "party":
                    message = f"duplicate {kind} id {value!r}; expected each id once (first in {seen[value]})"
                    trouble.append((file, file.document.line_of(path), problem_at(file.document, path, message)))
                else:
                    seen.setdefault(value, f"{file.document.name}:{file.document.line_of(path)}")
    return {kind: tuple(values) for kind, values in ids.items() if kind in known_kinds}, trouble


def _own_checks(files: list[_File]) -> Iterator[tuple[_File, int, str]]:
    """Checks a model cannot make alone: a role file named for its id, and no role file that is a copy of another."""
    roles = [file for file in files if file.data_file.model is Role and file.record is not None]
    texts: dict[str, tuple[_File, tuple[str, ...]]] = {}
    for file in roles:
        role: Role = file.record
        stem = Path(file.name).stem
        if role.id != stem:
            message = f"id {role.id!r} differs from the file's name; expected {stem!r}"
            yield file, file.document.line_of(("id",)), problem_at(file.document, ("id",), message)
        for path, claim in [
            (("summary", "text"), role.summary),
            *((("values", k, "text"), v) for k, v in role.values.items()),
        ]:
            earlier = texts.get(claim.text)
            if earlier and earlier[0] is not file:
                other, other_path = earlier
                message = (
                    f"the same text as {other.document.name}:{other.document.line_of(other_path)} "
                    f"({other.record.name}); "
                    "expected each role's summary and values in words of its own: a role file copied from another "
                    "keeps that role's facts until they are rewritten"
                )
                yield file, file.document.line_of(path), problem_at(file.document, path, message)
            texts.setdefault(claim.text, (file, path))


def _held_texts(files: list[_File], evidence_dir: Path) -> tuple[dict[str, HeldText], list[tuple[_File, int, str]]]:
    held, trouble = {}, []
    for file in files:
        if file.data_file.name != "sources" or file.record is None:
            continue
        for index, source in enumerate(file.record):
            if source.held_text is None:
                continue
            try:
                held[source.id] = read_held_text(evidence_dir, source.held_text)
            except FileNotFoundError:
                path = (index, "held_text")
                folder = evidence_dir.name
                message = f"{folder}/{source.held_text} does not exist; expected a file or folder in {folder}/"
                trouble.append((file, file.document.line_of(path), problem_at(file.document, path, message)))
    return held, trouble


def load_guide(data_dir: Path, evidence_dir: Path | None = None) -> Guide:
    """Read and check every data file; DataError listing every problem found."""
    evidence_dir = evidence_dir or data_dir.parent / "evidence"
    files, trouble = _files(data_dir)
    found: list[tuple[int, int, str]] = []  # (file order, line, message)
    order = {id(file): n for n, file in enumerate(files)}
    for file in files:
        try:
            file.document = read_yaml(data_dir / file.name, f"{data_dir.name}/{file.name}")
        except DataError as error:
            trouble.extend(error.problems)
            continue
        found += [(order[id(file)], line, message) for line, message in _validate(file, None)]
    readable = [file for file in files if file.document is not None]
    ids, duplicates = _defined(readable)
    held, missing = _held_texts(readable, evidence_dir)
    misnamed = [
        file
        for file in readable
        if file.data_file.model is Role and file.record and file.record.id != Path(file.name).stem
    ]
    if misnamed:  # its own problem says so; references to roles would only repeat it
        ids.pop("role", None)
        ids.pop("party", None)
    if "party" in ids and "role" in ids:
        ids["party"] = tuple(dict.fromkeys([*ids["role"], *ids["party"]]))
    facts = {
        name: extract(file.record)
        for file in readable
        if file.record is not None
        for name, extract in file.data_file.facts.items()
    }
    known = Known(ids=ids, where=KIND_HOMES, facts={"held_texts": held, **facts})
    for file in readable:
        if file.record is not None:
            found += [(order[id(file)], line, message) for line, message in _validate(file, known)]
    found += [
        (order[id(file)], line, message) for file, line, message in [*duplicates, *missing, *_own_checks(readable)]
    ]
    if trouble or found:
        raise DataError(trouble + [message for *_, message in sorted(set(found))])
    return _guide(files, known)


def _guide(files: list[_File], known: Known) -> Guide:
    records: dict[str, Any] = {}
    for file in files:
        if file.data_file.many:
            records.setdefault(file.data_file.name, []).append(file.record)
        else:
            records[file.data_file.name] = file.record
    dimensions = records["dimensions"]
    return Guide(
        sources={source.id: source for source in records["sources"]},
        dimensions=dimensions.dimensions,
        disagreements=dimensions.disagreements,
        skills={skill.id: skill for skill in records["skills"]},
        roles=tuple(sorted(records["roles"], key=lambda role: role.name.casefold())),
        glossary=records["glossary"],
        handoff=records["handoff"],
        taxonomies=records["crosswalk"],
        raci=records["raci"],
        selfcheck=records["selfcheck"],
        quiz=records["quiz"],
        pairs=records["pairs"],
        records={name: (tuple(value) if isinstance(value, list) else value) for name, value in records.items()},
        known=known,
    )
