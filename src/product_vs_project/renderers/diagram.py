"""The handoff as inline SVG, drawn at build time from data/handoff.yml: no script, no browser.

Two layouts of the same steps, one shown at a time by CSS:
- wide (left to right): one horizontal lane per role and one column per step, so every
  vertical line in a column meets only that column's box. Arrows to the next step run
  straight across the gap between columns (with an elbow when the lane changes); their
  labels sit above the step they leave. Arrows back to an earlier step (loops) drop
  into a channel under the lanes, one row each, labelled on their horizontal run.
- narrow (top to bottom, for phones): one full-width box per step, marked with its
  role's colour and name; loops run up a track on the right.
The wide layout fits models.DIAGRAM_MAX_STEPS steps; the data may hold no more.

Lane colours are CSS variables (docs/stylesheets/extra.css), so light and dark palettes
both work. Each step links to its description in the numbered list that follows.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..loading import Guide
from ..models import Step

FONT = 12.5  # px, in the drawing's own units
LINE = 15.5  # px between lines of text
LABEL = 12  # px, the labels on arrows
EM = 0.5  # average advance of a character, in em: a little generous, so text stays inside its box
WIDE_WIDTH = 684  # the width of the page's text column on a desktop, so the drawing is not scaled down
WIDE_GAP = 12
WIDE_MIN_COLUMN = 64  # the narrowest readable column: models.DIAGRAM_MAX_STEPS follows from it
GUTTER = 30  # left of the lanes, for their names
NARROW_WIDTH = 340


def wrap(value: str, width: float, font: float = FONT) -> list[str]:
    """`value` broken into lines that fit `width` px; a word too long for a line is cut."""
    per_line = max(4, int(width / (EM * font)))
    lines: list[str] = []
    for word in value.split():
        while len(word) > per_line:
            lines.append(word[: per_line - 1] + "-")
            word = word[per_line - 1 :]
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _spans(lines: list[str], x: float, y: float, line: float) -> str:
    """One <tspan> per line; each but the last ends with a space, so the words stay apart in the link's name."""
    ends = [" "] * (len(lines) - 1) + [""]
    return "".join(
        f'<tspan x="{x:.1f}" y="{y + i * line:.1f}">{_e(text)}{end}</tspan>'
        for i, (text, end) in enumerate(zip(lines, ends, strict=True))
    )


def _text(lines: list[str], x: float, y: float, anchor: str = "start", css: str = "") -> str:
    """<text> with one <tspan> per line; `y` is the first line's baseline."""
    spans = _spans(lines, x, y, LINE)
    css_class = f' class="{css}"' if css else ""
    return f'<text text-anchor="{anchor}"{css_class}>{spans}</text>'


@dataclass
class Box:
    step: Step
    number: int
    lane: int
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    lines: list[str] = field(default_factory=list)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _lanes(guide: Guide) -> list[str]:
    """Role ids that lead a step, in order of their first step."""
    lanes: list[str] = []
    for step in guide.handoff.steps:
        if step.owner not in lanes:
            lanes.append(step.owner)
    return lanes


def _boxes(guide: Guide, lanes: list[str]) -> list[Box]:
    return [Box(step, n, lanes.index(step.owner)) for n, step in enumerate(guide.handoff.steps, 1)]


def _step_link(box: Box, inner: str) -> str:
    # Named by its visible text (number, role tag, title): a different aria-label would hide what is seen.
    return f'<a href="#step-{_e(box.step.id)}">{inner}</a>'


def _box_svg(box: Box, guide: Guide, role_tag: bool = False) -> str:
    lane = f"pvp-lane-{box.lane % 6 + 1}"
    parts = [
        f'<rect class="pvp-box {lane}" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
        f'height="{box.height:.1f}" rx="6"/>'
    ]
    # The step's number, in a badge on the box's top left corner.
    parts.append(f'<circle class="pvp-badge {lane}" cx="{box.x:.1f}" cy="{box.y:.1f}" r="9"/>')
    parts.append(
        f'<text class="pvp-badge-number" text-anchor="middle" x="{box.x:.1f}" y="{box.y + 4:.1f}">{box.number}</text>'
    )
    y = box.y + 8 + FONT
    if role_tag:
        tag = guide.role(box.step.owner).name
        parts.append(_text([tag], box.x + 14, y, css=f"pvp-tag {lane}"))
        y += LINE
    parts.append(_text(box.lines, box.x + (14 if role_tag else 8), y, css="pvp-step"))
    return _step_link(box, "".join(parts))


def _arrow(points: list[tuple[float, float]], css: str, marker: str) -> str:
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))
    return f'<path class="{css}" d="{path}" marker-end="url(#{marker})"/>'


def _marker(marker: str) -> str:
    return (
        f'<marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="pvp-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker>'
    )


def _svg(variant: str, width: float, height: float, guide: Guide, body: list[str]) -> str:
    handoff = guide.handoff
    title, desc = f"handoff-title-{variant}", f"handoff-desc-{variant}"
    return (
        f'<svg class="pvp-diagram__svg pvp-diagram__svg--{variant}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="group" aria-labelledby="{title}" '
        f'aria-describedby="{desc}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title}">{_e(handoff.title)}</title><desc id="{desc}">{_e(handoff.description)}</desc>'
        f"<defs>{_marker(f'pvp-arrow-{variant}')}</defs>{''.join(body)}</svg>"
    )


# --- Wide: lanes across, steps left to right -----------------------------------------


def _wide_column(steps: int) -> float:
    return (WIDE_WIDTH - GUTTER - 8 - (steps - 1) * WIDE_GAP) / steps


def _wide(guide: Guide, lanes: list[str]) -> str:
    boxes = _boxes(guide, lanes)
    numbers = {box.step.id: box.number for box in boxes}
    by_number = {box.number: box for box in boxes}
    column = _wide_column(len(boxes))
    for box in boxes:
        box.lines = wrap(box.step.title, column - 12)
        box.width = column
        box.height = len(box.lines) * LINE + 14
        box.x = GUTTER + (box.number - 1) * (column + WIDE_GAP)
    forward = [(box, t) for box in boxes for t in box.step.next if numbers[t.step] == box.number + 1]
    loops = [(box, t) for box in boxes for t in box.step.next if numbers[t.step] <= box.number]
    skips = [(box, t) for box in boxes for t in box.step.next if numbers[t.step] > box.number + 1]
    # Labels of arrows to the next step sit above the step they leave.
    label_lines = {box.number: wrap(t.label, column, LABEL) if t.label else [] for box, t in forward}
    body: list[str] = []
    y = 14 + 28 * len(skips)  # a channel above the lanes for any arrow that skips steps
    lane_tops = []
    label_base = {}  # step number -> baseline of its label's last line: above every box of its lane
    for lane in range(len(lanes)):
        in_lane = [box for box in boxes if box.lane == lane]
        above = max((len(label_lines.get(box.number, [])) for box in in_lane), default=0) * (LABEL + 2)
        tallest = max((box.height for box in in_lane), default=40)
        top, height = y, 16 + above + tallest + 14
        for box in in_lane:
            box.y = top + 16 + above + (tallest - box.height) / 2
            label_base[box.number] = top + 16 + above - 12
        lane_tops.append((top, height))
        y += height + 6
    channel = y + 4
    height = channel + 30 * len(loops) + 8
    width = WIDE_WIDTH
    marker = "pvp-arrow-wide"
    for lane, (top, lane_height) in enumerate(lane_tops):
        css = f"pvp-lane-{lane % 6 + 1}"
        body.append(
            f'<rect class="pvp-band {css}" x="0" y="{top:.1f}" width="{width:.1f}" height="{lane_height:.1f}"/>'
        )
        name = guide.role(lanes[lane]).name
        x, middle = GUTTER / 2 + 4, top + lane_height / 2
        body.append(
            f'<text class="pvp-lane-name {css}" text-anchor="middle" transform="rotate(-90 {x:.1f} {middle:.1f})" '
            f'x="{x:.1f}" y="{middle:.1f}">{_e(name)}</text>'
        )
    for box, _transition in forward:
        target = by_number[box.number + 1]
        if target.lane == box.lane:
            points = [(box.right, box.middle), (target.x - 1, target.middle)]
        else:
            gap = box.right + WIDE_GAP / 2
            points = [(box.right, box.middle), (gap, box.middle), (gap, target.middle), (target.x - 1, target.middle)]
        body.append(_arrow(points, "pvp-flow", marker))
        lines = label_lines[box.number]
        if lines:
            first = label_base[box.number] - (len(lines) - 1) * (LABEL + 2)
            body.append(_label(lines, box.x + box.width / 2, first, LABEL + 2))
    for row, (box, transition) in enumerate(sorted(skips, key=lambda s: s[0].number)):
        target = by_number[numbers[transition.step]]
        track = 14 + 28 * row
        xs, xt = box.x + box.width * 0.7, target.x + target.width * 0.3
        body.append(_arrow([(xs, box.y), (xs, track), (xt, track), (xt, target.y - 1)], "pvp-flow", marker))
        if transition.label:
            body.append(_label([transition.label], (xs + xt) / 2, track - 4, LABEL + 2))
    # Loops: the widest span goes lowest, so the inner loops' labels sit above its lines.
    for row, (box, transition) in enumerate(sorted(loops, key=lambda s: s[0].number - numbers[s[1].step])):
        target = by_number[numbers[transition.step]]
        track = channel + 22 + 30 * row
        xs, xt = box.x + box.width * 0.6, target.x + target.width * 0.4
        body.append(_arrow([(xs, box.bottom), (xs, track), (xt, track), (xt, target.bottom + 1)], "pvp-loop", marker))
        if transition.label:
            body.append(_label([transition.label], (xs + xt) / 2, track - 5, LABEL + 2))
    body += [_box_svg(box, guide) for box in boxes]
    return _svg("wide", width, height, guide, body)


def _label(lines: list[str], x: float, y: float, line: float) -> str:
    return f'<text class="pvp-arrow-label" text-anchor="middle">{_spans(lines, x, y, line)}</text>'


# --- Narrow: one column, top to bottom -------------------------------------------------


def _narrow(guide: Guide, lanes: list[str]) -> str:
    boxes = _boxes(guide, lanes)
    numbers = {box.step.id: box.number for box in boxes}
    by_number = {box.number: box for box in boxes}
    loops = [(box, t) for box in boxes for t in box.step.next if numbers[t.step] <= box.number]
    jumps = [(box, t) for box in boxes for t in box.step.next if numbers[t.step] > box.number + 1]
    tracks = len(loops) + len(jumps)
    box_width = NARROW_WIDTH - 14 * tracks - 14
    half = box_width / 2 - 12
    # Under each box: the label of the arrow to the next step (left) and of any loop or jump leaving it (right).
    below: dict[int, tuple[list[str], list[str]]] = {}
    for box in boxes:
        ahead = next((t for t in box.step.next if numbers[t.step] == box.number + 1), None)
        left = wrap(ahead.label, half, LABEL) if ahead and ahead.label else []
        right = [
            line
            for t in box.step.next
            if numbers[t.step] != box.number + 1 and t.label
            for line in wrap(f"↺ {t.label}", half, LABEL)
        ]
        below[box.number] = (left, right)
    y = 12.0
    for box in boxes:
        box.lines = wrap(box.step.title, box_width - 24)
        box.x, box.y, box.width = 10, y, box_width
        box.height = 8 + LINE * (1 + len(box.lines)) + 6
        left, right = below[box.number]
        y = box.bottom + max(30, 12 + (LABEL + 2) * max(len(left), len(right)))
    height = y
    marker = "pvp-arrow-narrow"
    body: list[str] = []
    centre = 10 + box_width / 2
    for box in boxes:
        left, right = below[box.number]
        ahead = by_number.get(box.number + 1)
        if ahead and any(numbers[t.step] == ahead.number for t in box.step.next):
            body.append(_arrow([(centre, box.bottom), (centre, ahead.y - 1)], "pvp-flow", marker))
        if left:
            body.append(_text(left, centre - 8, box.bottom + 16, anchor="end", css="pvp-arrow-label"))
        if right:
            body.append(_text(right, centre + 8, box.bottom + 16, css="pvp-arrow-label"))
    for track, (box, transition) in enumerate(loops + jumps):
        target = by_number[numbers[transition.step]]
        x = 10 + box_width + 8 + 14 * track
        shift = 6 * track
        css = "pvp-loop" if target.number <= box.number else "pvp-flow"
        points = [
            (box.right, box.middle + shift),
            (x, box.middle + shift),
            (x, target.middle - shift),
            (target.right + 1, target.middle - shift),
        ]
        body.append(_arrow(points, css, marker))
    body += [_box_svg(box, guide, role_tag=True) for box in boxes]
    return _svg("narrow", NARROW_WIDTH, height, guide, body)


def handoff_diagram(guide: Guide) -> str:
    """The diagram as HTML: a legend, then the wide and the narrow drawing (CSS shows one of them)."""
    lanes = _lanes(guide)
    legend = "".join(
        f'<span class="pvp-legend__item"><span class="pvp-swatch pvp-lane-{i % 6 + 1}"></span>'
        f"{_e(guide.role(role).name)}</span>"
        for i, role in enumerate(lanes)
    )
    # data/handoff.yml holds at most DIAGRAM_MAX_STEPS steps, so the wide layout always fits.
    drawings = [_wide(guide, lanes), _narrow(guide, lanes)]
    return (
        '<figure class="pvp-diagram" data-search-exclude>'
        f'<p class="pvp-legend" aria-hidden="true">{legend}</p>'
        f"{''.join(drawings)}"
        "<figcaption>Each step links to its description in the numbered list below, "
        "which gives the same workflow in words.</figcaption></figure>"
    )
