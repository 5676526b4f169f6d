"""The text a reader sees in a part of the parsed page, while Markdown's placeholders are still in it.

Between inline processing and the end of the conversion, Python-Markdown keeps escaped
characters as placeholders (STX, the character's number, ETX) and inline raw HTML, the
escaped `<`, `>` and `&` included, in its stash. The tree processors that read text
(claims, table column names) turn them back into what a reader sees.
"""

from __future__ import annotations

import html
import re

from markdown import Markdown

_ESCAPED = re.compile("\x02(\\d+)\x03")
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAG = re.compile(r"<[^>]*>")


def unescape(text: str) -> str:
    """Escaped characters back as themselves."""
    return _ESCAPED.sub(lambda match: chr(int(match[1])), text)


def seen(md: Markdown, text: str) -> str:
    """`text` as the reader sees it: escaped characters and stashed inline HTML restored, tags left out
    (a line break becomes a space)."""

    def stashed(match: re.Match[str]) -> str:
        raw = str(md.htmlStash.rawHtmlBlocks[int(match[1])])
        return " " if raw.startswith("<br") else html.unescape(_TAG.sub("", raw))

    return unescape(_STASHED.sub(stashed, text))
