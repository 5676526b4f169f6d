"""Fixes to the HTML that Markdown extensions produce, for assistive technology."""

from __future__ import annotations

import html
import re

# pymdownx.tasklist puts each checkbox in a <label> that holds only the drawn box, so the
# checkbox has no accessible name (WCAG 4.1.2). Its item's text follows the label, up to
# the end of the item or the start of a nested list.
_TASK = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")([^>]*>.*?</label>)(.*?)(?=</li>|<ul|<ol)', re.S
)
_TAG = re.compile(r"<[^>]+>")


def name_task_checkboxes(page_html: str) -> str:
    """Give every task-list checkbox an aria-label: the text of its item."""

    def named(match: re.Match[str]) -> str:
        label = " ".join(html.unescape(_TAG.sub("", match[3])).split())
        return f'{match[1]} aria-label="{html.escape(label)}"{match[2]}{match[3]}'

    return _TASK.sub(named, page_html)
