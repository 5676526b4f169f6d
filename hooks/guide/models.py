"""The shape of every data file, written once.

Each model below is the only definition of a record. From it come:
- the JSON Schemas in data/schemas/ that editors use (scripts/write_schemas.py writes
  them; a test checks that the committed copies are current);
- validation of data/ at build time (guide.load turns pydantic's errors into one line
  naming file, line, entry and field);
- the typed, frozen records the renderers read;
- the field reference on the Contribute pages (guide.reference), from the descriptions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

# What each pattern means, in words, for error messages and the field reference.
PATTERN_MEANINGS: dict[str, str] = {}


def _pattern(regex: str, meaning: str) -> StringConstraints:
    PATTERN_MEANINGS[regex] = meaning
    return StringConstraints(pattern=regex)


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, _pattern(ID_PATTERN, "a lowercase id of letters, digits and single hyphens, like 'time-horizon'")]
Text = Annotated[str, StringConstraints(min_length=1)]
Date = Annotated[str, _pattern(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "a date written YYYY, YYYY-MM or YYYY-MM-DD")]
Url = Annotated[str, _pattern(r"^https?://[^\s]+$", "a web address (https:// or http://) without spaces")]
Abbreviation = Annotated[
    str, _pattern(r"^[A-Za-z][A-Za-z0-9&/-]*[A-Za-z0-9]$", "an abbreviation of letters and digits, like 'KPI'")
]


def _each_once(items: tuple[Any, ...]) -> tuple[Any, ...]:
    seen: list[Any] = []
    for item in items:
        if item in seen:  # a source may be cited twice, at two places, but not twice at the same one
            key = item.id if isinstance(item, Citation) else item
            raise PydanticCustomError("repeated_item", "expected each item once; {item} is repeated", {"item": key})
        seen.append(item)
    return items


class Record(BaseModel):
    """A record of a data file: unknown fields are refused, and records never change once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --- Citations -------------------------------------------------------------------


Quote = Annotated[
    str,
    _pattern(r'^[^"<>]+$', "text without straight double quotes or angle brackets (use “ ”)"),
    AfterValidator(lambda value: _quote_parts(value)),
]


class Citation(Record):
    """A source that backs a claim, and where in it the claim can be checked."""

    id: Id = Field(description="A source id from data/sources.yml.")
    at: (
        Annotated[str, _pattern(r'^[^"<>]+$', "text without straight double quotes or angle brackets (use “ ”)")] | None
    ) = Field(
        None,
        description="Where in the source: a section heading as the source prints it, an O*NET code and task "
        "('13-1082.00 task 21462') or an ESCO occupation. Required for sources whose text the project keeps "
        "(the five articles, the Scrum Guide, O*NET, ESCO).",
    )
    quote: Quote | None = Field(
        None,
        description="Words copied exactly from that place that bound the passage saying the claim: one run of at most "
        "7 words, or a start and an end of at most 7 words each joined by ' … '.",
    )


QUOTE_MAX_WORDS = 7


def _quote_parts(value: str) -> str:
    parts = [part.strip() for part in value.split("…")]
    if len(parts) > 2 or not all(parts):
        raise PydanticCustomError("quote_parts", "expected one run of words, or a start and an end joined by ' … '")
    for part in parts:
        if len(part.split()) > QUOTE_MAX_WORDS:
            raise PydanticCustomError(
                "quote_words", "expected at most {limit} words in each part of a quote", {"limit": QUOTE_MAX_WORDS}
            )
    return value


def _citation_shorthand(value: Any) -> Any:
    """`amdari` is short for `{id: amdari}`: a citation without a place."""
    return {"id": value} if isinstance(value, str) else value


Cited = Annotated[Citation, BeforeValidator(_citation_shorthand, json_schema_input_type=Id | Citation)]
Sources = Annotated[
    tuple[Cited, ...],
    Field(
        min_length=1,
        description="The sources that say it: source ids, or {id, at} to name the place in the source.",
    ),
    AfterValidator(_each_once),
]


class Claim(Record):
    """A statement of the guide and the sources that back it."""

    text: Text = Field(description="Plain text in the guide's own words; no Markdown or HTML.")
    sources: Sources


# --- data/sources.yml --------------------------------------------------------------


class Source(Record):
    """A work the guide cites; each has an entry (anchor #<id>) on the Sources page."""

    id: Id = Field(description="Used in `sources:` lists and <!-- md:cite --> markers.")
    label: Text = Field(description="Short name shown in references, e.g. 'Amdari'.")
    title: Text = Field(description="The work's title as published; untitled works get a description in brackets.")
    publisher: Text = Field(description="Who published it.")
    author: Text | None = Field(None, description="The author, when the work names one.")
    date: Date | None = Field(None, description="When it was published (a string, not a YAML date).")
    url: Url | None = Field(None, description="Where to read it; left out for works with no public address on record.")
    kind: Literal["article", "blog post", "standard", "handbook", "reference", "dataset"] = Field(
        description="What kind of work it is."
    )
    licence: Text | None = Field(None, description="The licence of the source text, when it states one.")
    credit: Text | None = Field(
        None, description="The acknowledgement its licence asks for, shown on the Sources page and in the data export."
    )
    contributes: Text = Field(description="One line: what the guide takes from it.")


class SourcesFile(RootModel[Annotated[tuple[Source, ...], Field(min_length=1)]]):
    """data/sources.yml: the works the guide cites."""


# --- data/dimensions.yml -----------------------------------------------------------


class Dimension(Record):
    """One row of every comparison: each role file gives its value on it."""

    id: Id = Field(description="Pages pick rows with it (dimensions=<id>,...); rows get the anchor #<id>.")
    label: Text = Field(description="The row heading shown in tables.")
    question: Text = Field(description="The question the row answers, shown with the label.")


class Disagreement(Record):
    """A point on which sources state incompatible things: each side with its sources and places."""

    id: Id = Field(description="The entry's anchor on the comparison page (#disagreement-<id>).")
    title: Text = Field(description="The point in dispute, as a short heading.")
    dimension: Id | None = Field(None, description="The dimension it bears on; its rows link to this entry.")
    sides: tuple[Claim, ...] = Field(min_length=2, description="What each side says, with its sources.")


class DimensionsFile(Record):
    """data/dimensions.yml: the comparison dimensions and where the sources disagree."""

    dimensions: tuple[Dimension, ...] = Field(min_length=1, description="The rows of every comparison, in order.")
    disagreements: tuple[Disagreement, ...] = Field((), description="Real conflicts between sources.")


# --- data/skills.yml ---------------------------------------------------------------


class Skill(Record):
    """A skill that role files can name; the description is the guide's own wording."""

    id: Id = Field(description="Role files list skills by this id.")
    name: Text = Field(description="The skill as shown on the site.")
    description: Text = Field(description="One plain-text sentence in the guide's own words.")


class SkillsFile(RootModel[Annotated[tuple[Skill, ...], Field(min_length=1)]]):
    """data/skills.yml: the skills role files refer to."""


# --- data/roles/<id>.yml -------------------------------------------------------------


class RoleSkill(Record):
    """A skill the role needs, and the sources that name it for this role."""

    skill: Id = Field(description="A skill id from data/skills.yml.")
    sources: Sources


class Role(Record):
    """data/roles/<id>.yml: everything about one role. Copy a role's file, change `id` and `name`, and build."""

    id: Id = Field(description="The file's name without .yml; the role's page is roles/<id>/.")
    name: Text = Field(description="As shown in headings, tables and the diagram, e.g. 'Product owner'.")
    in_sentence: Text | None = Field(
        None,
        description="How the name is written inside a sentence, when it is not the name with a small first "
        "letter (e.g. 'Scrum Master').",
    )
    summary: Claim = Field(description="One sentence: what the role is for.")
    values: dict[Id, Claim] = Field(
        description="The role's value on every dimension in data/dimensions.yml, keyed by dimension id."
    )
    skills: tuple[RoleSkill, ...] = Field(min_length=1, description="Skills the role needs.")
    interests: tuple[Claim, ...] = Field(min_length=1, description="What people who enjoy the role tend to like.")
    routes: tuple[Claim, ...] = Field(min_length=1, description="Ways into the role.")
    credentials: tuple[Claim, ...] = Field(
        (), description="Credentials for the role, from the issuers' own pages; no claims about pay."
    )
    crosswalk: dict[Id, Claim | None] = Field(
        default_factory=dict,
        description="Where the title sits in each taxonomy of data/crosswalk.yml, keyed by taxonomy id; "
        "null where the taxonomy does not cover it.",
    )
    tasks: tuple[Claim, ...] = Field(
        (), description="A few O*NET task statements, in the guide's own words, each citing its code and task ID."
    )

    @property
    def mid_sentence(self) -> str:
        return self.in_sentence or self.name[:1].lower() + self.name[1:]


# --- data/glossary.yml ---------------------------------------------------------------


class GlossaryTerm(Record):
    """A term on the Glossary page; one with an abbreviation becomes a tooltip site-wide."""

    id: Id = Field(description="The entry's anchor on the Glossary page.")
    term: Text = Field(description="The term, written out in full.")
    abbreviation: Abbreviation | None = Field(None, description="Its short form, only where unambiguous, e.g. KPI.")
    definition: Text = Field(description="One or two plain-text sentences in the guide's own words.")
    sources: Sources


class GlossaryFile(RootModel[Annotated[tuple[GlossaryTerm, ...], Field(min_length=1)]]):
    """data/glossary.yml: the terms the guide uses."""


# --- data/handoff.yml ----------------------------------------------------------------


class Transition(Record):
    """An arrow from one step to another."""

    step: Id = Field(description="The step it leads to.")
    label: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        None, description="Drawn beside the arrow (40 characters at most)."
    )


class Step(Record):
    """One step of the handoff workflow."""

    id: Id = Field(description="Used by next[].step and crossings[].step; the step's anchor is #step-<id>.")
    title: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(
        description="Short name shown in the diagram (60 characters at most)."
    )
    owner: Id = Field(description="The role id that leads the step.")
    summary: Text = Field(description="One or two plain-text sentences.")
    produces: tuple[Text, ...] = Field((), description="Short names of what the step produces.")
    next: tuple[Transition, ...] = Field(min_length=1, description="The steps that follow.")
    sources: Sources


class Crossing(Record):
    """Something that passes from one role to another during the handoff."""

    from_role: Id = Field(alias="from", description="The role id that hands it over.")
    to_role: Id = Field(alias="to", description="The role id that receives it.")
    item: Text = Field(description="What crosses, in plain text.")
    step: Id = Field(description="The step where it crosses.")
    sources: Sources


class Handoff(Record):
    """data/handoff.yml: the workflow between roles, what crosses between them, and a checklist."""

    title: Text = Field(description="The diagram's accessible name.")
    description: Text = Field(description="The diagram's accessible description.")
    steps: tuple[Step, ...] = Field(min_length=2, description="The workflow, in order.")
    crossings: tuple[Crossing, ...] = Field((), description="What passes between roles.")
    checklist: tuple[Claim, ...] = Field((), description="Things a team can confirm before the handoff.")

    def step(self, step_id: str) -> Step:
        return next(step for step in self.steps if step.id == step_id)

    def number(self, step_id: str) -> int:
        return [step.id for step in self.steps].index(step_id) + 1


# --- data/crosswalk.yml --------------------------------------------------------------


class Taxonomy(Record):
    """A published list of roles or occupations that role files place their title in."""

    id: Id = Field(description="Role files key their `crosswalk` entries by it.")
    label: Text = Field(description="The column heading on the titles page.")
    source: Id = Field(description="The source id (data/sources.yml) of the taxonomy itself.")


class CrosswalkFile(RootModel[Annotated[tuple[Taxonomy, ...], Field(min_length=1)]]):
    """data/crosswalk.yml: the taxonomies each role title is looked up in, in column order."""


# --- data/raci.yml ------------------------------------------------------------------


# Responsible, Accountable, Consulted, Informed; AR: both accountable and responsible.
RaciLetters = Literal["AR", "A", "R", "C", "I"]


class Party(Record):
    """Someone who can hold a letter in a RACI, besides the roles in data/roles/."""

    id: Id = Field(description="Used in settings and assignments.")
    name: Text = Field(description="As shown in the RACI's column heading.")


class Column(Record):
    """A column of a setting's RACI."""

    party: Id = Field(description="A role id, or a party id from this file.")
    name: Text | None = Field(None, description="The heading, when not the role's or party's own name.")
    merges: tuple[Id, ...] = Field(
        (),
        description="For a setting derived from another: the columns of that setting this one takes the letters "
        "of (the letters are joined; an A stays an A).",
    )


class Setting(Record):
    """A kind of organisation, with the people its RACI shows."""

    id: Id = Field(description="Activities key their assignments by it.")
    title: Text = Field(description="A short heading.")
    description: Text = Field(description="One sentence: who is in it.")
    columns: tuple[Column, ...] = Field(min_length=2, description="Who holds letters, in column order.")
    derived_from: Id | None = Field(
        None, description="Another setting whose assignments this one re-groups, through each column's `merges`."
    )
    sources: Sources | None = Field(None, description="Sources that describe this kind of team, where any do.")


class Activity(Record):
    """A decision or piece of work, and who is responsible, accountable, consulted and informed in each setting."""

    id: Id = Field(description="The row's anchor.")
    label: Text = Field(description="The activity, as shown.")
    step: Id | None = Field(None, description="The handoff step it belongs to, when it is one.")
    assignments: dict[Id, dict[Id, RaciLetters]] = Field(
        description="For each setting not derived from another: each column's party and its letters. Exactly one "
        "party is accountable (A) for each activity."
    )
    sources: dict[Id, Sources] = Field(
        default_factory=dict,
        description="For a setting whose assignments for this activity a source states: those sources. Without "
        "them, the assignments are the guide's own synthesis, and the page says so.",
    )


class Raci(Record):
    """data/raci.yml: decision rights by activity, in several settings."""

    parties: tuple[Party, ...] = Field((), description="Parties that are not roles in data/roles/.")
    settings: tuple[Setting, ...] = Field(min_length=1, description="The kinds of organisation shown.")
    activities: tuple[Activity, ...] = Field(min_length=1, description="The rows, in order.")


# --- data/selfcheck.yml --------------------------------------------------------------


class Statement(Record):
    """A statement a reader may tick on the self-check, and the role it leans to."""

    id: Id = Field(description="Kept with the reader's ticks in their browser; keep it stable.")
    text: Text = Field(description="In the first person, plain text.")
    leans: Id = Field(description="The role id whose work, as the sources describe it, the statement matches.")
    sources: Sources


class SelfCheckFile(RootModel[Annotated[tuple[Statement, ...], Field(min_length=2)]]):
    """data/selfcheck.yml: the statements of the self-check on the careers page."""


# --- data/pairs.yml ------------------------------------------------------------------


class Pair(Record):
    """What the sources say about two roles together, shown on their comparison page."""

    roles: tuple[Id, Id] = Field(description="The two role ids.")
    together: tuple[Claim, ...] = Field((), description="How the two work together, where a source describes it.")
    confusion: tuple[Claim, ...] = Field((), description="Why the two get confused, as the sources show it.")


class PairsFile(RootModel[tuple[Pair, ...]]):
    """data/pairs.yml: notes on pairs of roles; a pair without an entry still gets its page."""


# --- The data files ------------------------------------------------------------------


@dataclass(frozen=True)
class DataFile:
    """A data file (or, with '*', a folder of them) and the model that is its shape."""

    pattern: str  # relative to data/
    model: type[BaseModel]
    schema: str  # its JSON Schema, in data/schemas/


# In the order they are read and documented.
DATA_FILES = (
    DataFile("sources.yml", SourcesFile, "sources.schema.json"),
    DataFile("dimensions.yml", DimensionsFile, "dimensions.schema.json"),
    DataFile("skills.yml", SkillsFile, "skills.schema.json"),
    DataFile("roles/*.yml", Role, "role.schema.json"),
    DataFile("glossary.yml", GlossaryFile, "glossary.schema.json"),
    DataFile("handoff.yml", Handoff, "handoff.schema.json"),
    DataFile("crosswalk.yml", CrosswalkFile, "crosswalk.schema.json"),
    DataFile("raci.yml", Raci, "raci.schema.json"),
    DataFile("selfcheck.yml", SelfCheckFile, "selfcheck.schema.json"),
    DataFile("pairs.yml", PairsFile, "pairs.schema.json"),
)


def json_schema(data_file: DataFile) -> dict[str, Any]:
    """The JSON Schema of a data file, as committed in data/schemas/ for editors."""
    schema = data_file.model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": data_file.schema, **schema}


def schema_text(data_file: DataFile) -> str:
    return json.dumps(json_schema(data_file), indent=2, ensure_ascii=False) + "\n"
