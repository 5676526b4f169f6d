"""The shape of every record in data/, written once.

Each model below is the only definition of a record. From it come validation of data/ at
build time (product_vs_project.loading), the JSON Schemas in data/schemas/ and in the open
data export, the field reference on the Contribute pages, and the typed, frozen records the
renderers read. Which file holds which model is declared once, in product_vs_project.data_files.

Fields that point at another file's records are typed `refers_to(kind)`
(product_vs_project.references); checks that need other files (a value for every
dimension, a citation's place in a held text) read pydantic's validation context.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .evidence import find_quote, quote_problem
from .references import known, problem, refers_to

# What each pattern means, in words, for error messages and the field reference.
PATTERN_MEANINGS: dict[str, str] = {}


def _pattern(regex: str, meaning: str) -> StringConstraints:
    PATTERN_MEANINGS[regex] = meaning
    return StringConstraints(pattern=regex)


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, _pattern(ID_PATTERN, "a lowercase id of letters, digits and single hyphens, like 'time-horizon'")]
# Plain text: any characters but control characters (a tab or line break inside a YAML value is folded first) and
# the private-use characters the Markdown extension marks citations with.
Text = Annotated[str, _pattern(r"^[^\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]+$", "plain text")]
# Names and labels land in titles, navigation, table headings and the diagram: one line each.
Name = Annotated[str, _pattern(r"^[^\x00-\x1f\x7f\ue000-\uf8ff]+$", "text on one line")]
Date = Annotated[str, _pattern(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "a date written YYYY, YYYY-MM or YYYY-MM-DD")]
Url = Annotated[str, _pattern(r"^https?://[^\s]+$", "a web address (https:// or http://) without spaces")]
Abbreviation = Annotated[
    str, _pattern(r"^[A-Za-z][A-Za-z0-9&/*-]*[A-Za-z0-9]$", "an abbreviation of letters and digits, like 'KPI'")
]
Marked = Annotated[
    str, _pattern(r'^[^"<>\x00-\x1f]+$', "text on one line without straight double quotes or < > (use “ ”)")
]

SourceId = Annotated[Id, refers_to("source")]
RoleId = Annotated[Id, refers_to("role")]
DimensionId = Annotated[Id, refers_to("dimension")]
SkillId = Annotated[Id, refers_to("skill")]
StepId = Annotated[Id, refers_to("step")]
TaxonomyId = Annotated[Id, refers_to("taxonomy")]
SettingId = Annotated[Id, refers_to("setting")]
PartyId = Annotated[Id, refers_to("party")]  # a role or another party of data/raci.yml


def _each_once(items: tuple[Any, ...]) -> tuple[Any, ...]:
    seen: list[Any] = []
    for item in items:
        if item in seen:  # a source may be cited twice, at two places, but not twice at the same one
            key = item.id if isinstance(item, Citation) else item
            raise problem("repeated_item", f"expected each item once; {key} is repeated")
        seen.append(item)
    return items


class Record(BaseModel):
    """A record of a data file: unknown fields are refused, and records never change once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, str_strip_whitespace=True)


# --- Citations ---------------------------------------------------------------------------


def _quote_form(value: str) -> str:
    wrong = quote_problem(value)
    if wrong:
        raise problem("quote_form", wrong)
    return value


class Citation(Record):
    """A source that backs a claim, where in it the claim can be checked, and the words that pin the passage."""

    id: SourceId = Field(description="A source id from data/sources.yml.")
    at: Marked | None = Field(
        None,
        description="Where in the source: a section heading as the source prints it, an O*NET code and task "
        "('13-1082.00 task 21462') or an ESCO occupation. Checked against the source's text where the project "
        "holds it (evidence/).",
    )
    quote: Annotated[Marked, AfterValidator(_quote_form)] | None = Field(
        None,
        description="Words copied exactly from that place that bound the passage saying the claim: one run of at "
        "most 7 words, or a start and an end of at most 7 words each joined by ' … '. The evidence, not the claim.",
    )

    @model_validator(mode="after")
    def _in_held_text(self, info: ValidationInfo) -> Citation:
        """Where the project holds the source's text, the place must be in it and the quote inside the place."""
        context = known(info)
        held = context.facts.get("held_texts", {}).get(self.id) if context else None
        if held is None:
            return self
        if not self.at:
            raise problem("place_missing", f"no place given for {self.id}; expected `at:` naming {held.expected()}")
        place = held.place(self.at)
        if place is None:
            raise problem("place_not_found", f"place {self.at!r} is not in {held.path}; expected {held.expected()}")
        if self.quote and not find_quote(self.quote, place.text):
            raise problem(
                "quote_not_found",
                f"quote {self.quote!r} is not in {held.path} under {place.name!r}; expected words copied from that "
                "place (case, quote marks, dashes and spacing may differ)",
            )
        return self


def _citation_shorthand(value: Any) -> Any:
    """`amdari` is short for `{id: amdari}`: a citation without a place."""
    return {"id": value} if isinstance(value, str) else value


Cited = Annotated[Citation, BeforeValidator(_citation_shorthand, json_schema_input_type=Id | Citation)]
Sources = Annotated[
    tuple[Cited, ...],
    Field(
        min_length=1,
        description="The sources that say it: {id, at, quote}, or a bare source id.",
    ),
    AfterValidator(_each_once),
]


class Claim(Record):
    """A statement of the guide and the sources that back it."""

    text: Text = Field(description="Plain text in the guide's own words; no Markdown or HTML.")
    sources: Sources


ANSWER_MAX_WORDS = 60  # a page's plain answer fits the first screen of a phone


def _short_answer(claim: Claim) -> Claim:
    words = len(claim.text.split())
    if words > ANSWER_MAX_WORDS:
        raise problem(
            "answer_too_long",
            f"{words} words; expected at most {ANSWER_MAX_WORDS}: the answer a page opens with must fit a phone's "
            "first screen (say the rest further down the page)",
        )
    return claim


Answer = Annotated[Claim, AfterValidator(_short_answer)]


# --- data/sources.yml ------------------------------------------------------------------


class Source(Record):
    """A work the guide cites; each has an entry (anchor #<id>) on the Sources page."""

    id: Id = Field(description="Used in `sources:` lists and <!-- md:cite --> markers.")
    label: Name = Field(description="Short name shown in references, e.g. 'Amdari'.")
    title: Name = Field(description="The work's title as published; untitled works get a description in brackets.")
    publisher: Name = Field(description="Who published it.")
    author: Name | None = Field(None, description="The author, when the work names one.")
    date: Date | None = Field(None, description="When it was published (a string, not a YAML date).")
    url: Url = Field(description="Where to read it: a reader must be able to open every source the guide cites.")
    kind: Literal["article", "blog post", "standard", "handbook", "reference", "dataset"] = Field(
        description="What kind of work it is."
    )
    licence: Text | None = Field(
        None, description="The licence of the source text ('All rights reserved' when it states none)."
    )  # TODO required
    credit: Text | None = Field(
        None, description="The acknowledgement its licence asks for, shown on the Sources page and in the data export."
    )
    held_text: Annotated[str, _pattern(r"^[a-z0-9][a-z0-9./_-]*$", "a path inside evidence/")] | None = Field(
        None,
        description="Where evidence/ keeps the source's text, when its licence allows: its citations' places and "
        "quotes are then checked by the build.",
    )
    contributes: Text = Field(description="One line: what the guide takes from it.")


class SourcesFile(RootModel[Annotated[tuple[Source, ...], Field(min_length=1)]]):
    """data/sources.yml: the works the guide cites."""


# --- data/dimensions.yml ---------------------------------------------------------------


class Dimension(Record):
    """One row of every comparison: each role file gives its value on it."""

    id: Id = Field(description="Pages pick rows with it (dimensions=<id>,...); rows get the anchor #<id>.")
    label: Name = Field(description="The row heading shown in tables.")
    question: Name = Field(description="The question the row answers, shown with the label.")


class Disagreement(Record):
    """A point on which sources state incompatible things: each side with its sources and places."""

    id: Id = Field(description="The entry's anchor on the comparison page (#disagreement-<id>).")
    title: Name = Field(description="The point in dispute, as a short heading.")
    dimension: DimensionId | None = Field(None, description="The dimension it bears on, if it is one of the rows.")
    roles: tuple[RoleId, ...] = Field(
        (),
        description="The roles whose value on that dimension the disagreement is about: only their cells carry the "
        "'Sources disagree' mark.",
    )
    sides: tuple[Claim, ...] = Field(min_length=2, description="What each side says, with its sources.")

    @model_validator(mode="after")
    def _roles_need_a_dimension(self) -> Disagreement:
        if self.roles and self.dimension is None:
            raise problem(
                "roles_without_dimension", "roles are marked on a dimension's cells; expected `dimension:` too"
            )
        return self


class DimensionsFile(Record):
    """data/dimensions.yml: the comparison dimensions and where the sources disagree."""

    dimensions: tuple[Dimension, ...] = Field(min_length=1, description="The rows of every comparison, in order.")
    disagreements: tuple[Disagreement, ...] = Field((), description="Real conflicts between sources.")


# --- data/skills.yml -------------------------------------------------------------------


class Skill(Record):
    """A skill that role files can name; the description is the guide's own wording."""

    id: Id = Field(description="Role files list skills by this id.")
    name: Name = Field(description="The skill as shown on the site.")
    description: Text = Field(description="One plain-text sentence in the guide's own words.")


class SkillsFile(RootModel[Annotated[tuple[Skill, ...], Field(min_length=1)]]):
    """data/skills.yml: the skills role files refer to."""


# --- data/roles/<id>.yml ---------------------------------------------------------------


class RoleSkill(Record):
    """A skill the role needs, and the sources that name it for this role."""

    skill: SkillId = Field(description="A skill id from data/skills.yml.")
    sources: Sources


def _all_of(kind: str, given: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
    """A mapping keyed by every id of `kind` (unknown keys are refused by their own type)."""
    context = known(info)
    if context is not None and kind in context.ids:
        missing = [key for key in context.ids[kind] if key not in given]
        if missing:
            raise problem(
                "missing_key",
                f"missing a value for {kind} {missing[0]!r}; expected one for every {kind} in {context.where[kind]}",
            )
    return given


class Role(Record):
    """data/roles/<id>.yml: everything about one role. Copy a role's file, change `id`, `name` and every value."""

    id: Id = Field(description="The file's name without .yml; the role's page is roles/<id>/.")
    name: Name = Field(description="As shown in headings, tables and the diagram, e.g. 'Product owner'.")
    in_sentence: Name | None = Field(
        None,
        description="How the name is written inside a sentence, when it is not the name with a small first "
        "letter (e.g. 'Scrum Master'): the same words as `name`, only the capitals may differ.",
    )
    summary: Answer = Field(
        description="What the role does, in plain words and at most 60 words: the answer its page opens with."
    )
    values: dict[DimensionId, Claim] = Field(
        description="The role's value on every dimension in data/dimensions.yml, keyed by dimension id."
    )
    skills: tuple[RoleSkill, ...] = Field(min_length=1, description="Skills the role needs.")
    interests: tuple[Claim, ...] = Field(min_length=1, description="What people who enjoy the role tend to like.")
    routes: tuple[Claim, ...] = Field(min_length=1, description="Ways into the role.")
    credentials: tuple[Claim, ...] = Field(
        (), description="Credentials for the role, from the issuers' own pages; no claims about pay."
    )
    crosswalk: dict[TaxonomyId, Claim | None] = Field(
        default_factory=dict,
        description="Where the title sits in each taxonomy of data/crosswalk.yml, keyed by taxonomy id; "
        "null where the taxonomy does not cover it.",
    )
    tasks: tuple[Claim, ...] = Field(
        (), description="A few O*NET task statements, in the guide's own words, each citing its code and task ID."
    )

    @field_validator("in_sentence")
    @classmethod
    def _same_words_as_name(cls, value: str | None, info: ValidationInfo) -> str | None:
        name = info.data.get("name")
        if value is not None and name is not None and value.casefold() != name.casefold():
            raise problem(
                "in_sentence_name",
                f"{value!r} is not the name {name!r}; expected the same words, only the capitals may differ "
                "(a copied role file keeps the old role's in_sentence)",
            )
        return value

    @field_validator("values")
    @classmethod
    def _every_dimension(cls, value: dict[str, Claim], info: ValidationInfo) -> dict[str, Claim]:
        return _all_of("dimension", value, info)

    @field_validator("crosswalk")
    @classmethod
    def _every_taxonomy(cls, value: dict[str, Claim | None], info: ValidationInfo) -> dict[str, Claim | None]:
        return _all_of("taxonomy", value, info)

    @property
    def mid_sentence(self) -> str:
        return self.in_sentence or self.name[:1].lower() + self.name[1:]


# --- data/glossary.yml -----------------------------------------------------------------


class GlossaryTerm(Record):
    """A term on the Glossary page; one with an abbreviation becomes a tooltip site-wide."""

    id: Id = Field(description="The entry's anchor on the Glossary page.")
    term: Name = Field(description="The term, written out in full.")
    abbreviation: Abbreviation | None = Field(None, description="Its short form, only where unambiguous, e.g. KPI.")
    definition: Text = Field(description="One or two plain-text sentences in the guide's own words.")
    names: SourceId | None = Field(
        None,
        description="For the name of a source (ESCO, O*NET): that source, whose entry on the Sources page backs the "
        "definition, so the term needs no sources of its own.",
    )
    sources: Sources | None = Field(
        None, description="The sources that back the definition; required unless the term `names` a source."
    )

    @model_validator(mode="after")
    def _backed(self) -> GlossaryTerm:
        if self.sources is None and self.names is None:
            raise problem("missing_sources", "no sources; expected `sources:`, or `names:` for the name of a source")
        return self

    @field_validator("id")
    @classmethod
    def _not_a_role(cls, value: str, info: ValidationInfo) -> str:
        context = known(info)
        if context is not None and value in context.ids.get("role", ()):
            raise problem(
                "role_in_glossary",
                f"{value!r} is a role, and the glossary takes each role from its file; expected no entry for it",
            )
        return value


def _abbreviations_once(terms: tuple[GlossaryTerm, ...]) -> tuple[GlossaryTerm, ...]:
    seen: dict[str, str] = {}
    for index, term in enumerate(terms):
        if term.abbreviation and term.abbreviation in seen:
            raise _at(
                (index, "abbreviation"),
                f"abbreviation {term.abbreviation!r} is already defined by {seen[term.abbreviation]!r}; "
                "expected each abbreviation once",
            )
        if term.abbreviation:
            seen[term.abbreviation] = term.id
    return terms


class GlossaryFile(
    RootModel[Annotated[tuple[GlossaryTerm, ...], Field(min_length=1), AfterValidator(_abbreviations_once)]]
):
    """data/glossary.yml: the terms the guide uses."""


# --- data/handoff.yml ------------------------------------------------------------------


class Transition(Record):
    """An arrow from one step to another."""

    step: StepId = Field(description="The step it leads to.")
    label: Annotated[Name, StringConstraints(max_length=40)] | None = Field(
        None, description="Drawn beside the arrow (40 characters at most)."
    )


class Step(Record):
    """One step of the handoff workflow."""

    id: Id = Field(description="Used by next[].step and crossings[].step; the step's anchor is #step-<id>.")
    title: Annotated[Name, StringConstraints(max_length=60)] = Field(
        description="Short name shown in the diagram (60 characters at most)."
    )
    owner: RoleId = Field(description="The role id that leads the step.")
    summary: Text = Field(description="One or two plain-text sentences.")
    produces: tuple[Name, ...] = Field((), description="Short names of what the step produces.")
    next: tuple[Transition, ...] = Field(min_length=1, description="The steps that follow.")
    sources: Sources


class Crossing(Record):
    """Something that passes from one role to another during the handoff."""

    from_role: RoleId = Field(alias="from", description="The role id that hands it over.")
    to_role: RoleId = Field(alias="to", description="The role id that receives it.")
    item: Text = Field(description="What crosses, in plain text.")
    step: StepId = Field(description="The step where it crosses.")
    sources: Sources

    @field_validator("to_role")
    @classmethod
    def _another_role(cls, value: str, info: ValidationInfo) -> str:
        if value == info.data.get("from_role"):
            raise problem("same_role", f"same role as 'from' ({value!r}); expected another role")
        return value


# The desktop diagram gives each step a column of its own, at least 64 px wide in the 684 px of the
# page's text column (renderers/diagram.py): eight fit. More would not be readable on a desktop.
DIAGRAM_MAX_STEPS = 8


def _fits_the_diagram(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    if len(steps) > DIAGRAM_MAX_STEPS:
        raise problem(
            "too_many_steps",
            f"{len(steps)} steps; expected at most {DIAGRAM_MAX_STEPS}, the most the handoff diagram can set side "
            "by side on a desktop and still be read: merge steps, or describe a longer process on a page of its own",
        )
    return steps


class Handoff(Record):
    """data/handoff.yml: the workflow between roles, what crosses between them, and a checklist."""

    title: Name = Field(description="The diagram's accessible name.")
    description: Text = Field(description="The diagram's accessible description.")
    steps: Annotated[tuple[Step, ...], AfterValidator(_fits_the_diagram)] = Field(
        min_length=2,
        description=f"The workflow, in order: 2 to {DIAGRAM_MAX_STEPS} steps, as many as the diagram fits.",
    )
    crossings: tuple[Crossing, ...] = Field((), description="What passes between roles.")
    checklist: tuple[Claim, ...] = Field((), description="Things a team can confirm before the handoff.")

    def step(self, step_id: str) -> Step:
        return next(step for step in self.steps if step.id == step_id)

    def number(self, step_id: str) -> int:
        return [step.id for step in self.steps].index(step_id) + 1


# --- data/crosswalk.yml ----------------------------------------------------------------


class Taxonomy(Record):
    """A published list of roles or occupations that role files place their title in."""

    id: Id = Field(description="Role files key their `crosswalk` entries by it.")
    label: Name = Field(description="The column heading on the titles page.")
    source: SourceId = Field(description="The source id (data/sources.yml) of the taxonomy itself.")


class CrosswalkFile(RootModel[Annotated[tuple[Taxonomy, ...], Field(min_length=1)]]):
    """data/crosswalk.yml: the taxonomies each role title is looked up in, in column order."""


# --- data/raci.yml ---------------------------------------------------------------------


# Responsible, Accountable, Consulted, Informed; AR: both accountable and responsible.
RaciLetters = Literal["AR", "A", "R", "C", "I"]


class Party(Record):
    """Someone who can hold a letter in a RACI, besides the roles in data/roles/."""

    id: Id = Field(description="Used in settings and assignments.")
    name: Name = Field(description="As shown in the RACI's column heading.")

    @field_validator("id")
    @classmethod
    def _not_a_role(cls, value: str, info: ValidationInfo) -> str:
        context = known(info)
        if context is not None and value in context.ids.get("role", ()):
            raise problem("party_is_role", f"{value!r} is a role in data/roles/; expected a party that is not a role")
        return value


class Column(Record):
    """A column of a setting's RACI."""

    party: PartyId = Field(description="A role id, or a party id from this file.")
    name: Name | None = Field(None, description="The heading, when not the role's or party's own name.")
    merges: tuple[PartyId, ...] = Field(
        (),
        description="For a setting derived from another: the columns of that setting this one takes the letters "
        "of (the letters are joined; an A stays an A).",
    )


class Setting(Record):
    """A kind of organisation, with the people its RACI shows."""

    id: Id = Field(description="Activities key their assignments by it.")
    title: Name = Field(description="A short heading.")
    description: Text = Field(description="One sentence: who is in it.")
    columns: tuple[Column, ...] = Field(min_length=2, description="Who holds letters, in column order.")
    derived_from: SettingId | None = Field(
        None, description="Another setting whose assignments this one re-groups, through each column's `merges`."
    )
    sources: Sources | None = Field(None, description="Sources that describe this kind of team, where any do.")


def _one_accountable(letters: dict[str, RaciLetters]) -> dict[str, RaciLetters]:
    accountable = [party for party, held in letters.items() if "A" in held]
    if len(accountable) != 1:
        raise problem("accountable", f"{len(accountable)} parties are accountable (A); expected exactly one")
    return letters


Letters = Annotated[dict[PartyId, RaciLetters], AfterValidator(_one_accountable)]


class Activity(Record):
    """A decision or piece of work, and who is responsible, accountable, consulted and informed in each setting."""

    id: Id = Field(description="The row's anchor.")
    label: Name = Field(description="The activity, as shown.")
    step: StepId | None = Field(None, description="The handoff step it belongs to, when it is one.")
    assignments: dict[SettingId, Letters] = Field(
        description="For each setting not derived from another: each column's party and its letters. Exactly one "
        "party is accountable (A) for each activity."
    )
    sources: dict[SettingId, Sources] = Field(
        default_factory=dict,
        description="For a setting whose assignments for this activity a source states: those sources. Without "
        "them, the assignments are the guide's own synthesis, and the page says so.",
    )


class Raci(Record):
    """data/raci.yml: decision rights by activity, in several settings."""

    parties: tuple[Party, ...] = Field((), description="Parties that are not roles in data/roles/.")
    settings: tuple[Setting, ...] = Field(min_length=1, description="The kinds of organisation shown.")
    activities: tuple[Activity, ...] = Field(min_length=1, description="The rows, in order.")

    @model_validator(mode="after")
    def _settings_fit_together(self) -> Raci:
        """Derived settings merge the columns of a setting with assignments; assignments fill every column."""
        by_id = {setting.id: setting for setting in self.settings}
        for index, setting in enumerate(self.settings):
            base = by_id.get(setting.derived_from) if setting.derived_from else None
            if setting.derived_from and base is not None and base.derived_from is not None:
                raise _at(
                    ("settings", index, "derived_from"),
                    f"{base.id!r} is itself derived; expected a setting with assignments",
                )
            for position, column in enumerate(setting.columns):
                if column.merges and setting.derived_from is None:
                    raise _at(
                        ("settings", index, "columns", position, "merges"),
                        "only a setting with derived_from merges columns",
                    )
                parties = [c.party for c in base.columns] if base else []
                for merged, party in enumerate(column.merges):
                    if base is not None and party not in parties:
                        raise _at(
                            ("settings", index, "columns", position, "merges", merged),
                            f"unknown column {party!r}; expected one of the columns of setting {base.id!r}: "
                            + ", ".join(parties),
                        )
        assigned = [s.id for s in self.settings if s.derived_from is None]
        for index, activity in enumerate(self.activities):
            missing = [s for s in assigned if s not in activity.assignments]
            if missing:
                raise _at(
                    ("activities", index, "assignments"),
                    f"missing a value for setting {missing[0]!r}; expected one for every setting with assignments",
                )
            for setting_id, letters in activity.assignments.items():
                if setting_id not in by_id:
                    continue
                if by_id[setting_id].derived_from is not None:
                    raise _at(
                        ("activities", index, "assignments", setting_id),
                        f"setting {setting_id!r} is derived; expected assignments only for settings with their own",
                    )
                columns = [c.party for c in by_id[setting_id].columns]
                for party in [*letters, *columns]:
                    if (party in letters) != (party in columns):
                        problem = "is not a column" if party in letters else "has no letter"
                        raise _at(
                            ("activities", index, "assignments", setting_id, party),
                            f"{party!r} {problem} of setting {setting_id!r}; expected a letter for each of: "
                            + ", ".join(columns),
                        )
            for setting_id in activity.sources:
                if (
                    setting_id in by_id
                    and setting_id not in activity.assignments
                    and by_id[setting_id].derived_from is None
                ):
                    raise _at(
                        ("activities", index, "sources", setting_id), f"setting {setting_id!r} has no assignments here"
                    )
        return self


class LocatedError(ValueError):
    """A problem found by a whole-file check, with the path of the value it is about."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path


def _at(path: tuple[str | int, ...], message: str) -> LocatedError:
    return LocatedError(path, message)


# --- data/quiz.yml ---------------------------------------------------------------------


class Question(Record):
    """A situation a reader meets at work, and who decides it in one kind of team."""

    id: Id = Field(description="The question's anchor on the quiz page (#quiz-<id>); keep it stable.")
    setting: SettingId = Field(
        description="The kind of team (a setting of data/raci.yml): its columns are the options."
    )
    question: Name = Field(description="The situation, as a question a reader would ask.")
    answer: PartyId = Field(description="Who decides: one of the setting's columns.")
    activity: Annotated[Id, refers_to("activity")] | None = Field(
        None, description="The RACI activity the question is about, if it is one: the answer must hold its A."
    )
    explanation: Answer = Field(description="Why, in at most 60 words, with the sources that say so.")

    @model_validator(mode="after")
    def _answer_in_setting(self, info: ValidationInfo) -> Question:
        context = known(info)
        columns = context.facts.get("setting_columns", {}).get(self.setting) if context else None
        if columns is not None and self.answer not in columns:
            raise _at(
                ("answer",),
                f"{self.answer!r} is not in setting {self.setting!r}; expected one of its columns: "
                + ", ".join(columns),
            )
        accountable = context.facts.get("accountable", {}).get((self.activity, self.setting)) if context else None
        if accountable is not None and accountable != self.answer:
            raise _at(
                ("answer",),
                f"data/raci.yml gives the A for {self.activity!r} in {self.setting!r} to {accountable!r}; expected "
                "the same answer here, or the RACI changed",
            )
        return self


class QuizFile(RootModel[Annotated[tuple[Question, ...], Field(min_length=1)]]):
    """data/quiz.yml: the "Who decides?" quiz, a question per situation."""


class Statement(Record):
    """A statement a reader may tick on the self-check, and the role it leans to."""

    id: Id = Field(description="Kept with the reader's ticks in their browser; keep it stable.")
    text: Text = Field(description="In the first person, plain text.")
    leans: RoleId = Field(description="The role id whose work, as the sources describe it, the statement matches.")
    sources: Sources


class SelfCheckFile(RootModel[Annotated[tuple[Statement, ...], Field(min_length=2)]]):
    """data/selfcheck.yml: the statements of the self-check on the careers page."""


# --- data/pairs.yml --------------------------------------------------------------------


class Pair(Record):
    """What the sources say about two roles together, shown on their comparison page."""

    roles: tuple[RoleId, RoleId] = Field(description="The two role ids.")
    answer: Answer | None = Field(
        None,
        description="The plain answer the page opens with, at most 60 words. Without one, the page opens with the "
        "two roles' summaries.",
    )
    difference: Claim | None = Field(None, description="In short: the core difference between the two.")
    when: Claim | None = Field(None, description="In short: when a team needs which, as far as the sources say.")
    both: Claim | None = Field(None, description="In short: whether one person can be both, as far as the sources say.")
    together: tuple[Claim, ...] = Field((), description="How the two work together, where a source describes it.")
    confusion: tuple[Claim, ...] = Field((), description="Why the two get confused, as the sources show it.")

    @field_validator("roles")
    @classmethod
    def _two_roles(cls, value: tuple[str, str]) -> tuple[str, str]:
        if value[0] == value[1]:
            raise problem("same_role_twice", "the same role twice; expected two roles")
        return value


def _pairs_once(pairs: tuple[Pair, ...]) -> tuple[Pair, ...]:
    seen: dict[frozenset[str], int] = {}
    for index, pair in enumerate(pairs):
        key = frozenset(pair.roles)
        if key in seen:
            raise _at((index, "roles"), f"the same pair as entry {seen[key] + 1}; expected each pair once")
        seen[key] = index
    return pairs


class PairsFile(RootModel[Annotated[tuple[Pair, ...], AfterValidator(_pairs_once)]]):
    """data/pairs.yml: notes on pairs of roles; a pair without an entry still gets its page."""
