"""Every data file, declared once: where it lives, its shape, the ids it defines and how it is exported.

`DATA_FILES` drives everything that handles data/: loading and the checks across files
(product_vs_project.loading), the JSON Schemas (scripts/write_schemas.py), the field
reference on the Contribute pages (product_vs_project.field_reference) and the open data
export with its datapackage.json (product_vs_project.export). A YAML file in data/ that no
entry declares stops the build: declare it here, and it is loaded, checked and exported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from . import models as m
from .references import IdsOf

Row = dict[str, str | int | None]


@dataclass(frozen=True)
class CsvField:
    name: str
    description: str
    type: str = "string"  # a Frictionless Table Schema type


@dataclass(frozen=True)
class CsvTable:
    """A flat view of a data file for spreadsheets: one CSV file in the export."""

    name: str  # file name without .csv
    title: str
    fields: tuple[CsvField, ...]
    rows: Callable[[Any], Iterable[Row]]  # the file's record(s) -> rows


@dataclass(frozen=True)
class DataFile:
    """A data file (or, with '*', a folder of files of one record each) and everything derived from it."""

    pattern: str  # relative to data/
    model: type[BaseModel]
    name: str  # in the export: <name>.json, schemas/<name>.schema.json
    title: str
    description: str
    defines: dict[str, IdsOf] = field(default_factory=dict)  # kind of id -> the (path, id) pairs it defines
    facts: dict[str, Callable[[Any], Any]] = field(default_factory=dict)  # what other files' checks need from it
    tables: tuple[CsvTable, ...] = ()

    @property
    def many(self) -> bool:
        """A folder of files, one record each."""
        return "*" in self.pattern

    @property
    def schema(self) -> str:
        return f"{self.name}.schema.json"


# --- Ids each file defines -------------------------------------------------------------


def _listed(prefix: tuple[str | int, ...] = (), attribute: str = "id") -> IdsOf:
    """The ids of a list of records (at `prefix` in the file)."""

    def ids(record: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        items = record
        for step in prefix:
            items = getattr(items, str(step))
        for index, item in enumerate(items):
            yield (*prefix, index, attribute), getattr(item, attribute)

    return ids


def _own_id(record: m.Role) -> Iterator[tuple[tuple[str | int, ...], str]]:
    yield ("id",), record.id


# --- Flat tables -----------------------------------------------------------------------


def cited(sources: Iterable[m.Citation] | None) -> str:
    """Citations in one cell: 'amdari (The Core Difference); scrum-guide (Scrum Team)'."""
    return "; ".join(f"{c.id} ({c.at})" if c.at else c.id for c in sources or ())


_SOURCES_CELL = CsvField("sources", "The sources that back it: source id (place); ...")


def _role_values(role: m.Role) -> Iterator[Row]:
    for dimension, claim in role.values.items():
        yield {"role": role.id, "dimension": dimension, "value": claim.text, "sources": cited(claim.sources)}


def _role_skills(role: m.Role) -> Iterator[Row]:
    for needed in role.skills:
        yield {"role": role.id, "skill": needed.skill, "sources": cited(needed.sources)}


def _raci_rows(raci: m.Raci) -> Iterator[Row]:
    from .raci import letters_by_column  # the letters of derived settings are worked out, not stored

    for setting in raci.settings:
        for activity in raci.activities:
            for column, letters in letters_by_column(raci, setting, activity):
                yield {
                    "setting": setting.id,
                    "activity": activity.id,
                    "activity_label": activity.label,
                    "party": column.party,
                    "letters": letters,
                    "sources": cited(activity.sources.get(setting.derived_from or setting.id)),
                }


def _setting_columns(raci: m.Raci) -> dict[str, list[str]]:
    return {setting.id: [column.party for column in setting.columns] for setting in raci.settings}


def _accountable(raci: m.Raci) -> dict[tuple[str, str], str]:
    """(activity, setting) -> the party that holds the A."""
    from .raci import letters_by_column

    return {
        (activity.id, setting.id): column.party
        for setting in raci.settings
        for activity in raci.activities
        for column, letters in letters_by_column(raci, setting, activity)
        if "A" in letters.split(", ")
    }


def _steps(handoff: m.Handoff) -> Iterator[Row]:
    for number, step in enumerate(handoff.steps, 1):
        yield {
            "number": number,
            "id": step.id,
            "title": step.title,
            "owner": step.owner,
            "summary": step.summary,
            "produces": "; ".join(step.produces),
            "next": "; ".join(t.step for t in step.next),
            "sources": cited(step.sources),
        }


def _crossings(handoff: m.Handoff) -> Iterator[Row]:
    for c in handoff.crossings:
        yield {"from": c.from_role, "to": c.to_role, "item": c.item, "step": c.step, "sources": cited(c.sources)}


def _pair_notes(pairs: tuple[m.Pair, ...]) -> Iterator[Row]:
    for pair in pairs:
        for kind in ("together", "confusion"):
            for claim in getattr(pair, kind):
                yield {
                    "first": pair.roles[0],
                    "second": pair.roles[1],
                    "kind": kind,
                    "text": claim.text,
                    "sources": cited(claim.sources),
                }


def _attributes(
    name: str, title: str, *names_and_descriptions: str, items: Callable[[Any], Iterable[Any]] = lambda file: file
) -> CsvTable:
    """A table of a file's records, a column per attribute named (with its description)."""
    fields = _fields(*names_and_descriptions)
    return CsvTable(
        name, title, fields, lambda file: ({f.name: getattr(record, f.name) for f in fields} for record in items(file))
    )


def _fields(*names_and_descriptions: str, integer: tuple[str, ...] = ()) -> tuple[CsvField, ...]:
    pairs = zip(names_and_descriptions[::2], names_and_descriptions[1::2], strict=True)
    return tuple(CsvField(name, text, "integer" if name in integer else "string") for name, text in pairs)


# --- The data files --------------------------------------------------------------------

# In the order they are read and documented.
DATA_FILES: tuple[DataFile, ...] = (
    DataFile(
        "sources.yml",
        m.SourcesFile,
        "sources",
        "Sources",
        "The works the guide cites, with their address, licence and credit.",
        defines={"source": _listed()},
        tables=(
            _attributes(
                "sources",
                "Sources",
                "id",
                "The source's id, as citations name it",
                "label",
                "Its short name",
                "title",
                "Its title",
                "publisher",
                "Who published it",
                "author",
                "Its author, where it names one",
                "date",
                "When it was published, where it says",
                "url",
                "Where to read it",
                "kind",
                "What kind of work it is",
                "licence",
                "The licence of its text",
            ),
        ),
    ),
    DataFile(
        "dimensions.yml",
        m.DimensionsFile,
        "dimensions",
        "Dimensions and disagreements",
        "The rows every role is compared on, and the points where sources disagree.",
        defines={"dimension": _listed(("dimensions",)), "disagreement": _listed(("disagreements",))},
        tables=(
            _attributes(
                "dimensions",
                "Dimensions",
                "id",
                "The dimension's id",
                "label",
                "Its row heading",
                "question",
                "The question it answers",
                items=lambda file: file.dimensions,
            ),
        ),
    ),
    DataFile(
        "skills.yml",
        m.SkillsFile,
        "skills",
        "Skills",
        "The skills role files name, described in the guide's own words.",
        defines={"skill": _listed()},
        tables=(
            _attributes("skills", "Skills", "id", "The skill's id", "name", "Its name", "description", "What it means"),
        ),
    ),
    DataFile(
        "crosswalk.yml",
        m.CrosswalkFile,
        "crosswalk",
        "Taxonomies",
        "The published lists of roles and occupations each role title is looked up in.",
        defines={"taxonomy": _listed()},
        tables=(
            _attributes(
                "taxonomies",
                "Taxonomies",
                "id",
                "The taxonomy's id",
                "label",
                "Its name",
                "source",
                "The source id of the taxonomy",
            ),
        ),
    ),
    DataFile(
        "roles/*.yml",
        m.Role,
        "roles",
        "Roles",
        "One record per role: its summary, its value on every dimension, skills, routes in, credentials and "
        "where its title is filed.",
        defines={"role": _own_id, "party": _own_id},
        tables=(
            CsvTable(
                "role-values",
                "Each role's value on each dimension",
                _fields(
                    "role",
                    "The role's id",
                    "dimension",
                    "The dimension's id",
                    "value",
                    "The role's value on it, in the guide's words",
                    "sources",
                    _SOURCES_CELL.description,
                ),
                _role_values,
            ),
            CsvTable(
                "role-skills",
                "The skills each role needs",
                _fields("role", "The role's id", "skill", "The skill's id", "sources", _SOURCES_CELL.description),
                _role_skills,
            ),
        ),
    ),
    DataFile(
        "glossary.yml",
        m.GlossaryFile,
        "glossary",
        "Glossary",
        "The terms the guide uses, with their abbreviations.",
        defines={"term": _listed()},
        tables=(
            CsvTable(
                "glossary",
                "Glossary",
                _fields(
                    "id",
                    "The term's id",
                    "term",
                    "The term",
                    "abbreviation",
                    "Its abbreviation, if any",
                    "definition",
                    "What it means, in the guide's words",
                    "sources",
                    _SOURCES_CELL.description,
                ),
                lambda terms: (
                    {
                        "id": t.id,
                        "term": t.term,
                        "abbreviation": t.abbreviation,
                        "definition": t.definition,
                        "sources": cited(t.sources),
                    }
                    for t in terms
                ),
            ),
        ),
    ),
    DataFile(
        "handoff.yml",
        m.Handoff,
        "handoff",
        "Handoff",
        "The workflow between roles, what crosses between them, and a checklist.",
        defines={"step": _listed(("steps",))},
        tables=(
            CsvTable(
                "handoff-steps",
                "Handoff steps",
                _fields(
                    "number",
                    "The step's number",
                    "id",
                    "The step's id",
                    "title",
                    "Its title",
                    "owner",
                    "The role id that leads it",
                    "summary",
                    "What happens",
                    "produces",
                    "What it produces, separated by ;",
                    "next",
                    "The step ids that follow, separated by ;",
                    "sources",
                    _SOURCES_CELL.description,
                    integer=("number",),
                ),
                _steps,
            ),
            CsvTable(
                "handoff-crossings",
                "What crosses between roles",
                _fields(
                    "from",
                    "The role id that hands it over",
                    "to",
                    "The role id that receives it",
                    "item",
                    "What crosses",
                    "step",
                    "The step id where it crosses",
                    "sources",
                    _SOURCES_CELL.description,
                ),
                _crossings,
            ),
        ),
    ),
    DataFile(
        "raci.yml",
        m.Raci,
        "raci",
        "Who decides what (RACI)",
        "Who is responsible (R), accountable (A), consulted (C) and informed (I) for each activity, in several "
        "kinds of team.",
        defines={
            "setting": _listed(("settings",)),
            "party": _listed(("parties",)),
            "activity": _listed(("activities",)),
        },
        tables=(
            CsvTable(
                "raci",
                "Who decides what (RACI), one row per setting, activity and party",
                _fields(
                    "setting",
                    "The setting's id",
                    "activity",
                    "The activity's id",
                    "activity_label",
                    "The activity",
                    "party",
                    "The role or party id",
                    "letters",
                    "R, A, C or I, comma-separated",
                    "sources",
                    "Sources that state the letters for this setting; empty where they are the guide's synthesis",
                ),
                _raci_rows,
            ),
        ),
    ),
    DataFile(
        "quiz.yml",
        m.QuizFile,
        "quiz",
        "Who decides? (quiz)",
        "Situations readers meet at work, who decides each in one kind of team, and why.",
        defines={"question": _listed()},
        tables=(
            CsvTable(
                "quiz",
                "Who decides? One row per question",
                _fields(
                    "id",
                    "The question's id",
                    "setting",
                    "The kind of team (a RACI setting id)",
                    "question",
                    "The situation",
                    "answer",
                    "Who decides (a role or party id)",
                    "explanation",
                    "Why, in the guide's words",
                    "sources",
                    _SOURCES_CELL.description,
                ),
                lambda file: (
                    {
                        "id": q.id,
                        "setting": q.setting,
                        "question": q.question,
                        "answer": q.answer,
                        "explanation": q.explanation.text,
                        "sources": cited(q.explanation.sources),
                    }
                    for q in file
                ),
            ),
        ),
    ),
    DataFile(
        "selfcheck.yml",
        m.SelfCheckFile,
        "selfcheck",
        "Self-check",
        "The statements of the self-check, each with the role it leans to.",
        defines={"statement": _listed()},
        tables=(
            CsvTable(
                "selfcheck",
                "Self-check statements",
                _fields(
                    "id",
                    "The statement's id",
                    "text",
                    "The statement",
                    "leans",
                    "The role id it leans to",
                    "sources",
                    _SOURCES_CELL.description,
                ),
                lambda file: (
                    {"id": s.id, "text": s.text, "leans": s.leans, "sources": cited(s.sources)} for s in file
                ),
            ),
        ),
    ),
    DataFile(
        "pairs.yml",
        m.PairsFile,
        "pairs",
        "Pairs of roles",
        "How two roles work together and why they get confused, where sources say so.",
        tables=(
            CsvTable(
                "pairs",
                "Notes on pairs of roles",
                _fields(
                    "first",
                    "A role id",
                    "second",
                    "The other role id",
                    "kind",
                    "together or confusion",
                    "text",
                    "The note, in the guide's words",
                    "sources",
                    _SOURCES_CELL.description,
                ),
                _pair_notes,
            ),
        ),
    ),
)

# Where each kind of id is defined, for messages: "role" -> "data/roles/".
KIND_HOMES = {
    kind: "data/" + (data_file.pattern.rsplit("/", 1)[0] + "/" if data_file.many else data_file.pattern)
    for data_file in reversed(DATA_FILES)
    for kind in data_file.defines
}
KIND_HOMES["party"] = "data/roles/ or the parties of data/raci.yml"
