"""The texts of the openly licensed sources, kept in evidence/, and checks of citations against them.

A source in data/sources.yml whose licence lets the project keep its text names the file
(`held_text:`): Markdown with the source's own headings, or the O*NET and ESCO extracts.
The build then checks each citation of it: the place (`at`) must be a heading of that text
(an O*NET code and task, an ESCO occupation), and the quote must be copied from inside
that place. Matching ignores case, quote marks, dashes and spacing, as the shared checker
does, so both agree on what a place and a quote are.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

QUOTE_MAX_WORDS = 7  # words in one part of a quote
QUOTE_MAX_SPAN = 800  # characters from the end of a quote's start to its end part
ELLIPSIS = "…"

_CONFUSABLES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "о": "o", "а": "a", "е": "e", "р": "p", "с": "c"}
)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_CONFUSABLES).lower()


def heading_key(text: str) -> str:
    """A place or heading as compared: no leading Markdown marks, case, quote marks or closing stops."""
    text = re.sub(r"^[#\s>*_•-]+", "", _plain(text))
    return re.sub(r"\s+", " ", re.sub(r"[\"'`*_§]", "", text)).strip(" .:?!")


def flat(text: str) -> str:
    """Text as a quote is matched in it: case, quote marks, dashes and spacing ignored."""
    return re.sub(r"\s+", " ", re.sub(r"[\"'`*_§•]", "", _plain(text))).strip()


def quote_parts(quote: str) -> list[str]:
    """A quote's start (and end): 'a b … c d' -> ['a b', 'c d']."""
    parts = [flat(part).strip(" .,;:") for part in re.split(r"\s*(?:…|\.\.\.)\s*", quote)]
    return [part for part in parts if part]


def quote_problem(quote: str) -> str | None:
    """What is wrong with a quote's form, or None."""
    parts = quote_parts(quote)
    if not parts or len(parts) > 2:
        return f"expected one run of words, or a start and an end joined by ' {ELLIPSIS} '; got {quote!r}"
    for part in parts:
        if len(part.split()) > QUOTE_MAX_WORDS:
            return f"expected at most {QUOTE_MAX_WORDS} words in each part of a quote; {part!r} has {len(part.split())}"
    return None


@functools.lru_cache(maxsize=4096)
def _flat_place(text: str) -> str:
    return flat(text)  # a place is checked once for each of its citations: flatten it once


def find_quote(quote: str, text: str) -> bool:
    """Whether the quote's parts occur in `text` in order, the end within QUOTE_MAX_SPAN of the start."""
    parts, hay = quote_parts(quote), _flat_place(text)
    start = hay.find(parts[0])
    if start < 0:
        return False
    if len(parts) == 1:
        return True
    end = start + len(parts[0])
    found = hay.find(parts[1], end)
    return found >= 0 and found - end <= QUOTE_MAX_SPAN


@dataclass(frozen=True)
class Place:
    """A place found in a held text: what to call it in messages, and its words."""

    name: str
    text: str


class HeldText:
    """The text of one source, split into the places a citation can name."""

    path: str  # relative to the project, for messages

    def place(self, at: str) -> Place | None:
        raise NotImplementedError

    def expected(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class MarkdownText(HeldText):
    """A page kept as Markdown. A place is the heading that starts with its words or, failing that, the first
    paragraph that does; it runs to the next heading, as the shared checker reads it."""

    path: str
    lines: tuple[str, ...]

    @functools.cached_property
    def _keys(self) -> tuple[str, ...]:
        return tuple(heading_key(line) for line in self.lines)

    def place(self, at: str) -> Place | None:
        want = heading_key(at)
        starts = [i for i, key in enumerate(self._keys) if want and key.startswith(want)]
        headings = [i for i in starts if self.lines[i].startswith("#")]
        if not starts:
            return None
        index = (headings or starts)[0]
        body: list[str] = []
        for following in self.lines[index + 1 :]:
            if following.startswith("#") and any(part.strip() for part in body):
                break
            body.append(following)
        return Place(self.lines[index].lstrip("# ").strip(), "\n".join([self.lines[index], *body]))

    def expected(self) -> str:
        return f"a heading of {self.path}, or the first words of the paragraph the passage starts in"


_ONET_CODE = re.compile(r"\d{2}-\d{4}\.\d{2}")
_ONET_TASK = re.compile(r"task\s*(?:id\s*)?#?(\d+)", re.I)
_ONET_TITLES = re.compile(r"\(titles?\s+(.+)\)", re.I)


@dataclass(frozen=True)
class OnetText(HeldText):
    """O*NET extracts: a place is a code ('15-1299.09'), a code and task, or a code and the title(s) filed there."""

    path: str
    occupations: dict[str, dict[str, str]]
    tasks: dict[tuple[str, str], str]
    titles: dict[str, frozenset[str]]

    def place(self, at: str) -> Place | None:
        code = _ONET_CODE.search(at)
        if code is None or code[0] not in self.occupations:
            return None
        occupation = self.occupations[code[0]]
        task = _ONET_TASK.search(at)
        if task:
            statement = self.tasks.get((code[0], task[1]))
            return Place(f"{code[0]} task {task[1]}", statement) if statement else None
        named = _ONET_TITLES.search(at)
        if named:
            wanted = [title.strip() for title in re.split(r"\s+and\s+|,\s*", named[1])]
            filed = self.titles.get(code[0], frozenset())
            # A title may be named without the long form O*NET adds in brackets.
            if not all(any(t == title or t.startswith(f"{title} (") for t in filed) for title in wanted):
                return None
        return Place(code[0], f"{code[0]} {occupation['Title']}: {occupation['Description']}")

    def expected(self) -> str:
        return (
            "an O*NET-SOC code of the extract, optionally with 'task <ID>' of that code or '(title <title>)' "
            f"filed under it ({self.path})"
        )


@dataclass(frozen=True)
class EscoText(HeldText):
    """ESCO extract: a place is an occupation, by the start of its labels and description, or by its URI's id."""

    path: str
    rows: tuple[tuple[str, str], ...]  # (URI, labels and description run together)

    def place(self, at: str) -> Place | None:
        want = heading_key(at)
        for uri, description in self.rows:
            if (want and heading_key(description).startswith(want)) or uri.rsplit("/", 1)[-1] in at:
                return Place(uri, description)
        return None

    def expected(self) -> str:
        return f"an ESCO occupation of {self.path}, by the first words of its labels"


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _front_matter_body(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            return text[end + 5 :]
    return text


@functools.cache
def _read_held(root: Path, name: str, stamp: float) -> HeldText:
    path = root / name
    shown = f"{root.name}/{name}"
    if path.is_dir() and (path / "tasks.tsv").exists():
        occupations = {row["O*NET-SOC Code"]: row for row in _read_tsv(path / "occupations.tsv")}
        tasks = {(row["O*NET-SOC Code"], row["Task ID"]): row["Task"] for row in _read_tsv(path / "tasks.tsv")}
        titles: dict[str, set[str]] = {}
        for row in _read_tsv(path / "titles.tsv"):
            titles.setdefault(row["O*NET-SOC Code"], set()).add(row["Job title"])
        return OnetText(shown, occupations, tasks, {code: frozenset(t) for code, t in titles.items()})
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return EscoText(shown, tuple((row["id"], row["description"]) for row in csv.DictReader(handle)))
    return MarkdownText(shown, tuple(_front_matter_body(path.read_text(encoding="utf-8")).splitlines()))


def read_held_text(root: Path, name: str) -> HeldText:
    """The held text at evidence/<name> (a Markdown file, the O*NET folder or the ESCO CSV); read once per change."""
    path = root / name
    stamp = (
        max(p.stat().st_mtime for p in ([path, *path.iterdir()] if path.is_dir() else [path])) if path.exists() else 0
    )
    if not stamp:
        raise FileNotFoundError(path)
    return _read_held(root, name, stamp)
