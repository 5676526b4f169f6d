"""Fields that point at records of another data file, and the context that checks them.

A reference field is written `Annotated[Id, refers_to("role")]`. Data is validated twice
(product_vs_project.loading): first each file alone, which gathers every id each file
defines; then again with a `Known` context, in which each reference must name an id that
exists. The check runs inside pydantic's validation, so its error carries the field's path
and reaches the contributor as 'file:line: entry, field: ...' like any other problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import AfterValidator, ValidationInfo
from pydantic_core import PydanticCustomError


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'label'?)' when `value` looks like a misspelling of one of `choices`."""
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True)
class Known:
    """What the second pass checks against: the ids each kind of record has, and more.

    A kind is missing from `ids` when the file that defines it has problems of its own:
    references to it are then not checked, so one mistake is not reported twice.
    """

    ids: Mapping[str, tuple[str, ...]]
    where: Mapping[str, str]  # kind -> the file that defines it, for messages
    facts: Mapping[str, Any] = field(default_factory=dict)  # file-specific facts some checks need

    def check(self, kind: str, value: str) -> None:
        if kind not in self.ids:
            return
        ids = self.ids[kind]
        if value not in ids:
            raise problem(
                "unknown_reference",
                f"unknown {kind} {value!r}{did_you_mean(value, ids)}; expected one of the ids in "
                f"{self.where.get(kind, 'the data files')}: {', '.join(sorted(ids))}",
            )


def problem(kind: str, message: str) -> PydanticCustomError:
    """A validation error with a finished message (no context, so pydantic fills in no placeholders)."""
    return PydanticCustomError(kind, message)


def known(info: ValidationInfo) -> Known | None:
    """The second pass's context, or None in the first pass (and outside the loader)."""
    return info.context if isinstance(info.context, Known) else None


@dataclass(frozen=True)
class RefersTo:
    """The validator of a reference field; also read by the field reference and the JSON Schema."""

    kind: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        context = known(info)
        if context is not None:
            context.check(self.kind, value)
        return value


def refers_to(kind: str) -> AfterValidator:
    return AfterValidator(RefersTo(kind))


def reference_kind(metadata: Iterable[Any]) -> str | None:
    """The kind a field refers to, from its Annotated metadata."""
    for meta in metadata:
        func = getattr(meta, "func", None)
        if isinstance(func, RefersTo):
            return func.kind
    return None


IdsOf = Callable[[Any], Iterable[tuple[tuple[str | int, ...], str]]]  # a record -> (path, id) pairs it defines
