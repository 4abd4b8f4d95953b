"""Static, accessible SVG charts, drawn at build time: no JavaScript, no chart library.

Each chart is an `<svg role="img">` named by its `<title>` and summarised by its `<desc>`
(both referenced by `aria-labelledby`), with text at 13 px in the page's text colour and
bars at more than 3:1 contrast with the background (WCAG 1.4.11). A chart is never the only
way to the numbers: the templates put its data table right after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

BACKGROUND = "#ffffff"
TEXT = "#1b1f23"  # --fg
AXIS = "#4a5560"  # --muted
BAR = "#0a4d8c"  # --link: 8.6:1 on white
GRID = "#8a949e"  # --line
FONT = 13
CHAR_WIDTH = 7.6  # generous average width of a 13 px sans-serif character, for laying out labels
# Drawn for a phone: a 390 px screen shows the chart at about its own size, so its 13 px text
# stays 13 px (a wider drawing would be scaled down to illegible). A wide screen caps its width
# in CSS (.chart) so the text grows only a little.
WIDTH = 360


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as printed (formatted for the page's language)


def _svg(chart_id: str, title: str, desc: str, width: float, height: float, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(chart_id)}-title '
        f'{escape(chart_id)}-desc" viewBox="0 0 {width:.0f} {height:.0f}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="{FONT}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
        f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _fit(label: str, room: float) -> str:
    chars = max(4, int(room / CHAR_WIDTH))
    return label if len(label) <= chars else label[: chars - 1] + "…"


def bar_chart(chart_id: str, title: str, desc: str, bars: Sequence[Bar]) -> Markup:
    """Horizontal bars, one row per item: the label on its own line above the bar (so a long
    name needs no room beside it on a narrow screen), the value printed after the bar."""
    label_h, bar_h, gap, pad = 16, 14, 8, 6
    row = label_h + bar_h + gap
    value_room = max((len(b.text) for b in bars), default=1) * CHAR_WIDTH + 10
    plot = WIDTH - value_room - 2 * pad
    top = max((b.value for b in bars), default=0) or 1
    height = len(bars) * row + 2 * pad - gap
    body = []
    for i, bar in enumerate(bars):
        y = pad + i * row
        length = max(0.0, plot * bar.value / top)
        body.append(
            f'<g><text x="{pad}" y="{y + label_h - 4}" fill="{TEXT}">{escape(_fit(bar.label, WIDTH - 2 * pad))}</text>'
            f'<rect x="{pad}" y="{y + label_h}" width="{length:.1f}" height="{bar_h}" fill="{BAR}"/>'
            f'<text x="{pad + length + 6:.1f}" y="{y + label_h + bar_h - 2}" fill="{TEXT}">{escape(bar.text)}</text>'
            "</g>"
        )
    body.append(f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="{AXIS}"/>')
    return _svg(chart_id, title, desc, WIDTH, height, body)


def _ticks(top: float) -> list[int]:
    """Round gridline values (steps of 1, 2, 5, 10, 20, 50…) from 0 up to at least `top`."""
    step, factors = 1, (2, 2.5, 2)
    i = 0
    while top / step > 5:
        step = int(step * factors[i % 3])
        i += 1
    last = -(-int(top) // step) * step
    return list(range(0, last + step, step))


def line_chart(chart_id: str, title: str, desc: str, points: Sequence[Bar]) -> Markup:
    """A line over time (e.g. reports per month), labelled below, with round gridlines."""
    left, right, top_pad, bottom = 40, 24, 12, 40
    height = 220
    plot_w = WIDTH - left - right
    plot_h = height - top_pad - bottom
    ticks = _ticks(max((p.value for p in points), default=0) or 1)
    top = ticks[-1] or 1
    body = []
    for tick in ticks:
        y = top_pad + plot_h * (1 - tick / top)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{GRID}" '
            f'stroke-width="0.5"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{AXIS}">'
            f"{tick}</text>"
        )
    count = len(points)
    step_x = plot_w / max(1, count - 1)
    widest = max((len(p.label) for p in points), default=1) + 2
    every = max(1, int(-(-count * widest * CHAR_WIDTH // plot_w)))  # every n-th label, so none collide
    coords = []
    for i, point in enumerate(points):
        x = left + (i * step_x if count > 1 else plot_w / 2)
        y = top_pad + plot_h * (1 - point.value / top)
        coords.append((x, y))
        if (count - 1 - i) % every == 0:  # counted from the end: the latest month always has its label
            body.append(
                f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle" fill="{AXIS}">'
                f"{escape(point.label)}</text>"
            )
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2.5"/>')
    for (x, y), point in zip(coords, points, strict=True):
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{BAR}"><title>{escape(point.label)}: '
            f"{escape(point.text)}</title></circle>"
        )
    body.append(
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{WIDTH - right}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>'
    )
    return _svg(chart_id, title, desc, WIDTH, height, body)
