"""Trend charts drawn on the server as SVG (no JavaScript, no third-party chart service)."""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from prongsai.core.thai import to_thai_digits

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 40, 48


def trend_svg(points: list[tuple[int, Decimal]], *, title: str, low: int = 50, high: int = 100) -> str:
    """A line chart of scores by fiscal year on a fixed 50–100 scale, with the 85-point pass line."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        clamped = max(low, min(high, value))
        return TOP + plot_h * (1 - (clamped - low) / (high - low))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" font-family="sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for tick in range(low, high + 1, 10):
        y = y_of(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{to_thai_digits(str(tick))}</text>'
        )
    pass_y = y_of(85)
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{pass_y:.1f}" y2="{pass_y:.1f}" '
        'stroke="#b00" stroke-dasharray="6 4"/>'
    )
    pass_label = escape(_("เกณฑ์ผ่าน ๘๕"))
    parts.append(
        f'<text x="{WIDTH - RIGHT}" y="{pass_y - 6:.1f}" text-anchor="end" fill="#b00">{pass_label}</text>'
    )
    if points:
        step = plot_w / max(1, len(points) - 1) if len(points) > 1 else 0
        coords = []
        for index, (year, value) in enumerate(points):
            x = LEFT + (step * index if len(points) > 1 else plot_w / 2)
            y = y_of(float(value))
            coords.append((x, y))
            label = to_thai_digits(f"{value:.2f}")
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#14365f"/>')
            parts.append(f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle">{label}</text>')
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">'
                f"{to_thai_digits(str(year))}</text>"
            )
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(f'<polyline points="{path}" fill="none" stroke="#14365f" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)
