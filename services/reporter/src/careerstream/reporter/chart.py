"""The RIASEC hexagon: the six interest scores as a radar chart (a reportlab Drawing).

The axes follow Holland's hexagon order (R, I, A, S, E, C clockwise from the top), so
neighbouring areas are the related ones, as in the model itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, String
from reportlab.lib import colors

from careerstream.contracts.common import Locale
from careerstream.contracts.riasec import AREA_NAMES, RIASEC
from careerstream.reporter.fonts import font_for, register_fonts

_RINGS = (0.25, 0.5, 0.75, 1.0)
_GRID = colors.HexColor("#c8ccd4")
_INK = colors.HexColor("#1f3a68")
_MUTED = colors.HexColor("#5b6473")
_FILL = colors.Color(0.17, 0.40, 0.78, alpha=0.30)


def chart_labels(scores: Mapping[str, float], locale: Locale) -> list[tuple[str, str]]:
    """Per area, in R-I-A-S-E-C order: the name line and the score line the chart shows."""
    names = AREA_NAMES[Locale.ZH if locale == Locale.ZH else Locale.EN]
    labels = []
    for letter in RIASEC:
        value = max(0.0, min(1.0, scores.get(letter, 0.0)))
        labels.append((f"{names[letter]} {letter}", f"{round(value * 100)}%"))
    return labels


def riasec_chart(
    scores: Mapping[str, float],
    locale: Locale,
    *,
    code: str = "",
    width: float = 320,
    height: float = 250,
) -> Drawing:
    """A radar chart of `scores` (letter -> 0..1); the letters of `code` are highlighted."""
    register_fonts()
    scores = {k.upper(): v for k, v in scores.items()}
    drawing = Drawing(width, height)
    cx, cy = width / 2, height / 2
    # Room around the hexagon for two lines of label on every side.
    radius = min(width / 2 - 70, height / 2 - 34)

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = math.radians(90 - 60 * index)
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    for ring in _RINGS:
        corners = [c for i in range(6) for c in point(i, ring)]
        drawing.add(
            Polygon(
                corners,
                strokeColor=_GRID,
                strokeWidth=0.6,
                fillColor=colors.HexColor("#f4f6fa") if ring == 1.0 else None,
            )
        )
    for i in range(6):
        x, y = point(i, 1.0)
        drawing.add(Line(cx, cy, x, y, strokeColor=_GRID, strokeWidth=0.6))

    values = [max(0.0, min(1.0, scores.get(letter, 0.0))) for letter in RIASEC]
    # A tiny floor keeps an all-zero profile from collapsing into an invisible dot.
    shape = [c for i, v in enumerate(values) for c in point(i, max(v, 0.02))]
    drawing.add(Polygon(shape, strokeColor=_INK, strokeWidth=1.4, fillColor=_FILL))
    for i, v in enumerate(values):
        x, y = point(i, max(v, 0.02))
        drawing.add(Circle(x, y, 2.2, fillColor=_INK, strokeColor=None))

    highlighted = set(code.upper())
    for i, (name, score) in enumerate(chart_labels(scores, locale)):
        x, y = point(i, 1.0)
        dx, dy = x - cx, y - cy
        # Labels sit just outside their corner; top and bottom leave room for two lines.
        if abs(dx) < 1:
            anchor, lx = "middle", x
            ly = y + 16 if dy > 0 else y - 10
        else:
            anchor, lx = ("start", x + 8) if dx > 0 else ("end", x - 8)
            ly = y + (4 if dy > 0 else -4)
        strong = RIASEC[i] in highlighted
        colour = _INK if strong else _MUTED
        drawing.add(
            String(
                lx,
                ly,
                name,
                fontName=font_for(name, bold=strong),
                fontSize=9.5,
                fillColor=colour,
                textAnchor=anchor,
            )
        )
        drawing.add(
            String(
                lx,
                ly - 11,
                score,
                fontName=font_for(score, bold=strong),
                fontSize=8.5,
                fillColor=colour,
                textAnchor=anchor,
            )
        )
    return drawing
