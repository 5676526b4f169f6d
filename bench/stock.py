"""A stock Material for MkDocs project to measure the guide against: generated, deterministic.

Each page holds about 1,300 words of plain prose made of seeded random words from a small
fixed vocabulary (no real text), in six sections, one Markdown table of 7 rows x 4 columns
and 20 footnotes. mkdocs.yml is Material with its defaults (fonts off so nothing is
fetched), the `footnotes`, `tables` and `toc` (permalinks) extensions and the search plugin.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS_PER_PAGE = 1300
SECTIONS = 6
FOOTNOTES = 20
TABLE_ROWS, TABLE_COLUMNS = 7, 4
SEED = 20260101

# A small fixed vocabulary, drawn from at random: prose-like, and no real text.
WORDS = """
team plan work product project role goal scope time cost risk value user customer market
change release budget owner manager sponsor board review report meeting decision priority
feature backlog roadmap strategy vision outcome output result quality test design build
deliver support service process method practice tool data measure metric target estimate
schedule milestone stage phase step task issue problem answer question idea option choice
the a an of to in on for with by from at as and or but so yet each every some many few
is are was were be has have had will can may must should would could does did makes takes
gives keeps sets runs holds moves shows needs wants finds brings leads follows starts ends
new old small large long short early late clear open simple common usual main first last
next other same own good better best often always rarely usually still again also only
"""
VOCABULARY = WORDS.split()

MKDOCS_YML = """\
site_name: Stock Material
site_url: https://example.org/stock/
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - footnotes
  - tables
  - toc:
      permalink: true
"""


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def paragraphs(rng: random.Random, words: int) -> list[str]:
    """Paragraphs of 3 to 6 sentences of 8 to 18 words, about `words` words in all."""
    found, paragraph, count = [], [], 0
    while count < words:
        length = min(rng.randint(8, 18), max(words - count, 3))
        paragraph.append(sentence(rng, length))
        count += length
        if len(paragraph) >= rng.randint(3, 6):
            found.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        found.append(" ".join(paragraph))
    return found


def table(rng: random.Random) -> list[str]:
    header = [rng.choice(VOCABULARY).capitalize() for _ in range(TABLE_COLUMNS)]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * TABLE_COLUMNS]
    for _ in range(TABLE_ROWS):
        cells = [" ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 4))) for _ in range(TABLE_COLUMNS)]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def page(number: int) -> str:
    """Page `number` (1 is the home page): the same for the same number, on every machine."""
    rng = random.Random(SEED * 1000 + number)
    title = f"# Page {number}: {sentence(rng, 4).rstrip('.')}"
    headings = [f"## Section {n}: {sentence(rng, 3).rstrip('.')}" for n in range(1, SECTIONS + 1)]
    sections = [paragraphs(rng, WORDS_PER_PAGE // SECTIONS) for _ in headings]
    # The footnote references, spread evenly over the paragraphs: at the end of one in every few.
    spots = [(s, p) for s, section in enumerate(sections) for p in range(len(section))]
    for note in range(1, FOOTNOTES + 1):
        s, p = spots[(note - 1) * len(spots) // FOOTNOTES]
        sections[s][p] += f"[^{note}]"
    lines = [title, ""]
    for number_, (heading, texts) in enumerate(zip(headings, sections, strict=True), 1):
        lines += [heading, ""]
        for text in texts:
            lines += [text, ""]
        if number_ == 2:
            lines += table(rng) + [""]
    lines += [f"[^{note}]: {sentence(rng, rng.randint(6, 12))}" for note in range(1, FOOTNOTES + 1)]
    return "\n".join(lines) + "\n"


def write_stock_project(dest: Path, pages: int) -> Path:
    """A stock Material project with `pages` pages in dest: index.md and page-002.md onwards."""
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for number in range(1, pages + 1):
        name = "index.md" if number == 1 else f"page-{number:03d}.md"
        (docs / name).write_text(page(number), encoding="utf-8")
    return dest


def typical_page() -> str:
    """The stock page Lighthouse measures: one like every other, not the home page."""
    return "page-002/"
