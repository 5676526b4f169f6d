"""The handoff as a Mermaid flowchart: steps in data order, boxed by the role that leads them."""

from __future__ import annotations

import itertools

from .data import Guide


def mermaid_text(value: str) -> str:
    """A Mermaid label that shows exactly `value`.

    Anything but letters, digits, spaces and plain punctuation becomes a Mermaid
    entity code (#60; for '<'), so quotes, brackets, pipes, backticks or markup in
    the data cannot end the label, the statement, or the surrounding code fence.
    """
    safe = set(" .,'-?")
    return "".join(char if char.isalnum() or char in safe else f"#{ord(char)};" for char in " ".join(value.split()))


def _one_line(value: str) -> str:
    """accTitle/accDescr take the rest of their line as plain text: keep it on one line."""
    return " ".join(value.split())


def _node(step_id: str) -> str:
    # Prefixed so no id can collide with Mermaid keywords such as `end`.
    return "step_" + step_id.replace("-", "_")


def handoff_diagram(guide: Guide) -> str:
    handoff = guide.handoff
    numbers = {step.id: number for number, step in enumerate(handoff.steps, 1)}
    lines = [
        "``` mermaid",
        "flowchart TB",
        f"    accTitle: {_one_line(handoff.title)}",
        f"    accDescr: {_one_line(handoff.description)}",
    ]
    # One box per run of consecutive steps with the same owner, in step order, so
    # the diagram reads top to bottom: product, then project, then product again.
    for lane, (owner, steps) in enumerate(itertools.groupby(handoff.steps, key=lambda s: s.owner), 1):
        lines.append(f'    subgraph lane_{lane}["{mermaid_text(guide.role(owner).name)}"]')
        lines += [f'        {_node(s.id)}["{mermaid_text(f"{numbers[s.id]}. {s.title}")}"]' for s in steps]
        lines.append("    end")
    for step in handoff.steps:
        for transition in step.next:
            # Arrows that go back to an earlier step (feedback, next iteration) are dotted.
            arrow = "-.->" if numbers[transition.step] <= numbers[step.id] else "-->"
            label = f'|"{mermaid_text(transition.label)}"|' if transition.label else ""
            lines.append(f"    {_node(step.id)} {arrow}{label} {_node(transition.step)}")
    lines.append("```")
    return "\n".join(lines)
