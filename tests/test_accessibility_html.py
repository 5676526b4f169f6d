"""HTML fixes for assistive technology, on the markup the site's Markdown extensions produce."""

from __future__ import annotations

from guide.accessibility import name_task_checkboxes

TASKS = (
    '<ul class="task-list">\n'
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
    '<span class="task-list-indicator"></span></label> Goals <em>agreed</em> &amp; "set" (<a href="x.md">A</a>)</li>\n'
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" checked/>'
    '<span class="task-list-indicator"></span></label> Two<ul class="task-list">\n'
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
    '<span class="task-list-indicator"></span></label> nested</li>\n</ul>\n</li>\n</ul>'
)


def test_each_checkbox_is_named_after_its_own_item_text() -> None:
    named = name_task_checkboxes(TASKS)
    assert '<input type="checkbox" aria-label="Goals agreed &amp; &quot;set&quot; (A)"/>' in named
    assert '<input type="checkbox" aria-label="Two" checked/>' in named  # not the nested item's text
    assert '<input type="checkbox" aria-label="nested"/>' in named
    assert (
        named.replace(' aria-label="Goals agreed &amp; &quot;set&quot; (A)"', "")
        .replace(' aria-label="Two"', "")
        .replace(' aria-label="nested"', "")
        == TASKS
    )  # nothing else changed


def test_pages_without_task_lists_are_untouched() -> None:
    page = '<p>A <label for="x">label</label> <input type="checkbox" id="x"></p>'
    assert name_task_checkboxes(page) == page
