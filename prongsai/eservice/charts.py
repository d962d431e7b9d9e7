"""Server-rendered SVG charts for the public statistics page: no JavaScript and no third-party library.

Each chart is an ``<svg role="img">`` with a title and a description; the page shows the same figures in a
table, which is what screen readers and printouts rely on. Colours are SVG presentation attributes, not
style attributes, so the strict Content-Security-Policy (no inline styles) holds. Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WALK_IN_COLOUR = "#8a5a00"
ESERVICE_COLOUR = "#1f5c99"
LINE_COLOUR = "#1e6b34"
GRID_COLOUR = "#c9d1db"
TEXT_COLOUR = "#1b1f24"


@dataclass(frozen=True)
class Bar:
    label: str
    walk_in: int
    eservice: int


def _nice_max(value: float) -> int:
    """A round upper bound for the axis (1, 2, 5 × 10ⁿ)."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def stacked_bars(bars: Sequence[Bar], *, title: str, description: str, legend: tuple[str, str]) -> SafeString:
    """Monthly stacked bars: walk-in below, E-Service above, with the total over each bar."""
    width, height = 760, 320
    left, right, top, bottom = 48, 12, 36, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((b.walk_in + b.eservice for b in bars), default=0))
    slot = plot_w / max(len(bars), 1)
    bar_w = slot * 0.62
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{{id}}-t {{id}}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{{id}}-t">{escape(title)}</title><desc id="{{id}}-d">{escape(description)}</desc>',
    ]
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID_COLOUR}" '
            f'stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="12" text-anchor="end" fill="{TEXT_COLOUR}">'
            f"{value:g}</text>"
        )
    for i, bar in enumerate(bars):
        x = left + slot * i + (slot - bar_w) / 2
        walk_h = plot_h * bar.walk_in / top_value
        online_h = plot_h * bar.eservice / top_value
        base = top + plot_h
        label = escape(bar.label)
        walk_title = f"{label}: {escape(legend[0])} {bar.walk_in}"
        online_title = f"{label}: {escape(legend[1])} {bar.eservice}"
        centre = x + bar_w / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{base - walk_h:.1f}" width="{bar_w:.1f}" height="{walk_h:.1f}" '
            f'fill="{WALK_IN_COLOUR}"><title>{walk_title}</title></rect>'
            f'<rect x="{x:.1f}" y="{base - walk_h - online_h:.1f}" width="{bar_w:.1f}" '
            f'height="{online_h:.1f}" fill="{ESERVICE_COLOUR}"><title>{online_title}</title></rect>'
            f'<text x="{centre:.1f}" y="{base - walk_h - online_h - 4:.1f}" font-size="11" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">{bar.walk_in + bar.eservice}</text>'
            f'<text x="{centre:.1f}" y="{base + 16:.1f}" font-size="12" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">{label}</text>'
        )
    legend_y = height - 12
    for offset, colour, text in ((0, WALK_IN_COLOUR, legend[0]), (200, ESERVICE_COLOUR, legend[1])):
        parts.append(
            f'<rect x="{left + offset}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + offset + 18}" y="{legend_y}" font-size="12" fill="{TEXT_COLOUR}">'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return _with_id("\n".join(parts), "bars")


def percent_line(points: Sequence[tuple[str, float | None]], *, title: str, description: str) -> SafeString:
    """A line of percentages (0–100) per month; months without data leave a gap."""
    width, height = 760, 240
    left, right, top, bottom = 48, 12, 20, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(len(points), 1)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{{id}}-t {{id}}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{{id}}-t">{escape(title)}</title><desc id="{{id}}-d">{escape(description)}</desc>',
    ]
    for pct in (0, 25, 50, 75, 100):
        y = top + plot_h - plot_h * pct / 100
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID_COLOUR}" '
            f'stroke-width="1"/><text x="{left - 6}" y="{y + 4:.1f}" font-size="12" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{pct}%</text>'
        )
    segment: list[str] = []
    segments: list[list[str]] = []
    for i, (label, value) in enumerate(points):
        x = left + slot * i + slot / 2
        parts.append(
            f'<text x="{x:.1f}" y="{height - 10}" font-size="12" text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{escape(label)}</text>"
        )
        if value is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        y = top + plot_h - plot_h * value / 100
        segment.append(f"{x:.1f},{y:.1f}")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{LINE_COLOUR}"><title>{escape(label)}: '
            f"{value:g}%</title></circle>"
        )
    if segment:
        segments.append(segment)
    for seg in segments:
        if len(seg) > 1:
            parts.append(
                f'<polyline points="{" ".join(seg)}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2.5"/>'
            )
    parts.append("</svg>")
    return _with_id("\n".join(parts), "line")


def _with_id(svg: str, prefix: str) -> SafeString:
    import secrets

    # ids must be unique on the page; the parts above contain no user-controlled braces after escaping.
    return mark_safe(svg.replace("{id}", f"chart-{prefix}-{secrets.token_hex(4)}"))  # noqa: S308
