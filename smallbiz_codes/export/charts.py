"""Drawings made with ReportLab's own graphics: the plan's timeline and the indicator charts.

Every string drawn goes through :func:`common.plain` (characters the font
lacks become □) and is cut to fit, because graphics strings do not wrap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from smallbiz_codes.export import common, fonts
from smallbiz_codes.export.styles import ACCENT, ACCENT_LIGHT, GRID, INK, MUTED, WARN

INTERNAL = colors.HexColor("#c77d1e")  # amber: inside the business
EXTERNAL = ACCENT  # teal: towards customers


def month_start(iso: str) -> dt.date | None:
    try:
        d = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return d.replace(day=1)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


@dataclass
class TimelineRow:
    label: str
    internal: bool
    start: dt.date | None
    done: dt.date | None


def timeline(
    rows: Sequence[TimelineRow],
    first: dt.date,
    months: int,
    width: float,
    month_labels: Sequence[str],
    font_size: float,
    legend: tuple[str, str, str],
) -> Drawing:
    """Months across, items down: a marker at each item's start month, a ring once done.

    Items whose start lies outside the window get an arrow at the edge;
    items with no date are listed with an empty row, so nothing silently vanishes.
    """
    fs = font_size
    row_h = fs * 2.0
    head_h = fs * 2.2
    legend_h = fs * 2.2
    label_w = width * 0.34
    col_w = (width - label_w) / months
    height = head_h + row_h * max(1, len(rows)) + legend_h
    d = Drawing(width, height, initialFontName=fonts.REGULAR)
    top = height - head_h
    for i in range(months):
        x = label_w + i * col_w
        if i % 2 == 0:
            d.add(
                Rect(x, legend_h, col_w, top - legend_h, fillColor=ACCENT_LIGHT, strokeColor=None)
            )
        d.add(
            String(
                x + col_w / 2,
                top + fs * 0.6,
                month_labels[i],
                fontName=fonts.REGULAR,
                fontSize=fs * 0.85,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    d.add(Line(0, top, width, top, strokeColor=GRID, strokeWidth=0.6))
    last = add_months(first, months)
    for r, row in enumerate(rows):
        y = top - (r + 1) * row_h
        mid = y + row_h / 2
        d.add(Line(0, y, width, y, strokeColor=GRID, strokeWidth=0.3))
        d.add(
            String(
                2,
                mid - fs * 0.35,
                common.fit(row.label, fonts.REGULAR, fs, label_w - 6),
                fontName=fonts.REGULAR,
                fontSize=fs,
                fillColor=INK,
            )
        )
        colour = INTERNAL if row.internal else EXTERNAL
        if row.start is None:
            continue
        if row.start < first:
            x = label_w + 4
            d.add(
                Polygon(
                    [x, mid, x + fs * 0.7, mid + fs * 0.45, x + fs * 0.7, mid - fs * 0.45],
                    fillColor=colour,
                    strokeColor=None,
                )
            )
            continue
        if row.start >= last:
            x = width - 4
            d.add(
                Polygon(
                    [x, mid, x - fs * 0.7, mid + fs * 0.45, x - fs * 0.7, mid - fs * 0.45],
                    fillColor=colour,
                    strokeColor=None,
                )
            )
            continue
        idx = (row.start.year - first.year) * 12 + row.start.month - first.month
        cx = label_w + idx * col_w + col_w / 2
        s = fs * 0.55
        d.add(
            Polygon(
                [cx, mid + s, cx + s, mid, cx, mid - s, cx - s, mid],
                fillColor=colour,
                strokeColor=colors.white,
                strokeWidth=0.5,
            )
        )
        if row.done is not None:
            d.add(
                Rect(
                    cx + s * 1.4,
                    mid - s * 0.5,
                    s,
                    s,
                    fillColor=colors.white,
                    strokeColor=colour,
                    strokeWidth=1,
                )
            )
    # legend
    lx = 2
    for colour, text in ((INTERNAL, legend[0]), (EXTERNAL, legend[1])):
        s = fs * 0.45
        d.add(
            Polygon(
                [lx + s, fs * 0.9 + s, lx + 2 * s, fs * 0.9, lx + s, fs * 0.9 - s, lx, fs * 0.9],
                fillColor=colour,
                strokeColor=None,
            )
        )
        d.add(
            String(
                lx + 3 * s,
                fs * 0.6,
                text,
                fontName=fonts.REGULAR,
                fontSize=fs * 0.85,
                fillColor=MUTED,
            )
        )
        lx += 3 * s + common.stringWidth(text, fonts.REGULAR, fs * 0.85) + fs * 1.5
    d.add(
        String(lx, fs * 0.6, legend[2], fontName=fonts.REGULAR, fontSize=fs * 0.85, fillColor=MUTED)
    )
    return d


def indicator_chart(
    periods: Sequence[str],
    values: Sequence[float],
    target: float | None,
    direction: str,
    width: float,
    height: float,
    font_size: float,
    target_label: str,
) -> Drawing:
    """Bars per period (teal when on target, rust when not) and a dashed target line."""
    fs = font_size
    d = Drawing(width, height, initialFontName=fonts.REGULAR)
    chart = VerticalBarChart()
    chart.x = fs * 3.2
    chart.y = fs * 2.0
    chart.width = width - chart.x - fs * 6
    chart.height = height - chart.y - fs * 1.0
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(periods)
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = fs * 0.8
    chart.categoryAxis.labels.fillColor = MUTED
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = fs * 0.8
    chart.valueAxis.labels.fillColor = MUTED
    top = max(list(values) + ([target] if target is not None else []) + [0])
    low = min(list(values) + ([target] if target is not None else []) + [0])
    span = (top - low) or 1.0
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = top + span * 0.15
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars.strokeColor = None
    chart.barWidth = 6
    chart.groupSpacing = 6
    for i, v in enumerate(values):
        ok = target is None or (v >= target if direction != "down" else v <= target)
        chart.bars[(0, i)].fillColor = ACCENT if ok else WARN
    d.add(chart)
    if target is not None:
        y = (
            chart.y
            + (target - chart.valueAxis.valueMin)
            / (chart.valueAxis.valueMax - chart.valueAxis.valueMin)
            * chart.height
        )
        d.add(
            Line(
                chart.x,
                y,
                chart.x + chart.width,
                y,
                strokeColor=INK,
                strokeWidth=1,
                strokeDashArray=[4, 3],
            )
        )
        d.add(
            String(
                chart.x + chart.width + 4,
                y - fs * 0.3,
                common.fit(target_label, fonts.REGULAR, fs * 0.85, fs * 5.8),
                fontName=fonts.REGULAR,
                fontSize=fs * 0.85,
                fillColor=INK,
            )
        )
    return d
