"""The "Who decides?" quiz, from data/quiz.yml.

Without script it reads as a list of questions, each with its options and an answer that
folds open (<details>). docs/assets/javascripts/quiz.js, loaded only on pages that hold a
quiz, turns the options into buttons, opens the answer once one is chosen, and keeps score.
"""

from __future__ import annotations

import html

from ..markdown_text import text
from .context import Context


def quiz(context: Context) -> str:
    """The quiz: each situation, who could decide it (the setting's people), and the answer, explained and cited."""
    settings = {setting.id: setting for setting in context.guide.raci.settings}
    items = []
    for question in context.guide.quiz:
        setting = settings[question.setting]
        options = [(column.party, column.name or context.guide.party_name(column.party)) for column in setting.columns]
        answer = dict(options)[question.answer]
        choices = "".join(f'<li data-party="{html.escape(party)}">{html.escape(name)}</li>' for party, name in options)
        items += [
            f'<li class="pvp-quiz__item" id="quiz-{question.id}" '
            f'data-answer="{html.escape(question.answer)}" markdown>',
            f'<p class="pvp-quiz__question" markdown><strong>{text(question.question)}</strong> '
            f'<span class="pvp-quiz__setting">{text(setting.title)}</span></p>',
            f'<ul class="pvp-quiz__options" aria-label="Options">{choices}</ul>',
            '<details class="pvp-quiz__answer" markdown>',
            "<summary>Show the answer</summary>",
            "",
            f"**{text(answer)}.** {context.claim(question.explanation)}",
            "",
            "</details>",
            "</li>",
        ]
    return "\n".join(
        [
            '<div class="pvp-quiz" data-pvp-script="quiz" markdown>',
            # Shown from the start, so that nothing moves when quiz.js takes over the line.
            '<p class="pvp-quiz__score" role="status" aria-live="polite">'
            f"{len(context.guide.quiz)} questions: choose who decides, then read why.</p>",
            '<ol class="pvp-quiz__items" markdown>',
            *items,
            "</ol>",
            "</div>",
        ]
    )
