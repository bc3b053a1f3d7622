# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure helpers of ISO procedures: step-time totals, version diffs, swimlane flowchart.

No Odoo import: the static tests cover them.
"""

from html import escape


def total_hours(steps, hours_per_day):
    """Total time of ``steps`` (dicts with duration, uom 'day'|'hour') in hours."""
    return sum(
        s["duration"] * (hours_per_day if s["uom"] == "day" else 1) for s in steps
    )


def format_duration(value, uom, labels):
    """'1.5 ngày' / '4 giờ' with ``labels`` = {'day': ..., 'hour': ...}."""
    text = f"{value:g}"
    return f"{text} {labels[uom]}"


STEP_KEYS = ("unit", "duration", "uom", "sequence", "output", "role")


def diff_steps(old, new, keys=STEP_KEYS):
    """What changed between two step lists (dicts keyed by name, unit, duration, uom).

    Returns a list of (kind, text) with kind in added/removed/changed; steps are
    matched by name and compared on ``keys``.
    """
    changes = []
    old_by_name = {s["name"]: s for s in old}
    new_by_name = {s["name"]: s for s in new}
    for name, step in new_by_name.items():
        before = old_by_name.get(name)
        if before is None:
            changes.append(("added", name))
            continue
        fields = [key for key in keys if before.get(key) != step.get(key)]
        if fields:
            detail = ", ".join(
                f"{key}: {before.get(key)} → {step.get(key)}" for key in fields
            )
            changes.append(("changed", f"{name} ({detail})"))
    for name in old_by_name:
        if name not in new_by_name:
            changes.append(("removed", name))
    return changes


def diff_texts(old, new):
    """Names of the text sections (dict name -> text) that differ."""
    return [key for key in new if (old.get(key) or "") != (new.get(key) or "")]


def flowchart_svg(steps, box_width=200, lane_gap=20):
    """A swimlane flowchart of ``steps`` as SVG.

    ``steps`` are dicts with name, unit and label (duration text), in order. One
    lane (column) per unit in order of first appearance; one row per step; an arrow
    from each step to the next. Names are wrapped, not cut: a box grows with its
    text (up to five lines), and lane titles take up to three lines.
    """
    lanes = []
    for step in steps:
        if step["unit"] not in lanes:
            lanes.append(step["unit"])
    lane_width = box_width + lane_gap
    line, chars = 14, 30
    titles = [wrap(lane, chars, 3) for lane in lanes]
    header = 16 + line * max([len(t) for t in titles] or [1])
    boxes = [wrap(f"{i + 1}. {step['name']}", chars, 5) for i, step in enumerate(steps)]
    heights = [line * len(lines) + 30 for lines in boxes]
    gap = 28
    width = max(len(lanes), 1) * lane_width
    height = header + sum(h + gap for h in heights) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        '<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" '
        'orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>',
    ]
    for i, title in enumerate(titles):
        x = i * lane_width
        parts.append(
            f'<rect x="{x}" y="0" width="{lane_width}" height="{height}" '
            f'fill="{"#f4f7fb" if i % 2 == 0 else "#ffffff"}" stroke="#c8d0da"/>'
        )
        parts.append(_text_lines(x + lane_width / 2, 18, title, line, bold=True))
    centres = []
    y = header
    for row, step in enumerate(steps):
        lane = lanes.index(step["unit"])
        x = lane * lane_width + lane_gap / 2
        box_height = heights[row]
        centres.append((x + box_width / 2, y, y + box_height))
        parts.append(
            f'<rect x="{x}" y="{y}" width="{box_width}" height="{box_height}" rx="6" '
            'fill="#ffffff" stroke="#2f6f9f" stroke-width="1.5"/>'
        )
        parts.append(_text_lines(x + box_width / 2, y + 18, boxes[row], line))
        parts.append(
            f'<text x="{x + box_width / 2}" y="{y + box_height - 9}" '
            f'text-anchor="middle" fill="#666">{escape(step["label"])}</text>'
        )
        y += box_height + gap
    for (x1, _top1, bottom1), (x2, top2, _bottom2) in zip(
        centres, centres[1:], strict=False
    ):
        parts.append(
            f'<path d="M{x1},{bottom1} L{x1},{(bottom1 + top2) / 2} '
            f'L{x2},{(bottom1 + top2) / 2} L{x2},{top2 - 2}" fill="none" '
            'stroke="#555" marker-end="url(#arrow)"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _text_lines(x, y, lines, line_height, bold=False):
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else line_height}">{escape(text)}</tspan>'
        for i, text in enumerate(lines)
    )
    return f'<text x="{x}" y="{y}" text-anchor="middle"{weight}>{spans}</text>'


def wrap(text, size, max_lines):
    """``text`` cut into lines of at most ``size`` characters at spaces; past
    ``max_lines`` the last line ends with an ellipsis."""
    lines, current = [], ""
    for word in (text or "").split():
        while len(word) > size:  # a word longer than a line is split
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:size])
            word = word[size:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= size:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _shorten(lines[-1] + " …", size)
    return lines


def _shorten(text, size):
    text = text or ""
    return text if len(text) <= size else text[: size - 1] + "…"
