"""A small bar chart of an indicator's monthly values against its target, drawn with QPainter.

Bars are green where the month met the target and amber where it did not
(higher or lower is better, per the indicator's direction); the target is a
dashed line. Drawn by the program itself: no chart library, nothing to load.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from smallbiz_codes.domain.living import number, parse_date
from smallbiz_codes.i18n import _, current_language

HIT = QColor("#3f8f5f")
MISS = QColor("#d9891a")
NEUTRAL = QColor("#7d8fa3")
TARGET = QColor("#b3261e")
AXIS = QColor("#9a9a9a")
_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_tick(iso: str, first: bool) -> str:
    """ "11月" / "Nov", with the year on the first bar and on January."""
    d = parse_date(iso)
    if d is None:
        return iso
    with_year = first or d.month == 1
    if current_language() == "zh":
        return f"{d.year % 100:02d}年{d.month}月" if with_year else f"{d.month}月"
    return f"{_MON[d.month - 1]} {d.year % 100:02d}" if with_year else _MON[d.month - 1]


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[tuple[str, float, bool | None]] = []
        self.target: float | None = None
        self.unit = ""
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 170)

    def set_data(self, months: list[tuple[str, float, bool | None]], target: float | None,
                 unit: str, description: str) -> None:
        self.months = months
        self.target = target
        self.unit = unit
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        p.setFont(font)
        fm = p.fontMetrics()
        if not self.months:
            p.setPen(AXIS)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No values entered yet."))
            p.end()
            return
        values = [v for _p, v, _ok in self.months]
        top_value = max(values + ([self.target] if self.target is not None else []))
        low_value = min(values + ([self.target] if self.target is not None else []) + [0.0])
        span = (top_value - low_value) or 1.0
        top_value += span * 0.15  # room for the labels above the bars
        span = top_value - low_value
        left, right = 8.0, 8.0 + fm.horizontalAdvance(_("target") + " 100000%")
        top, bottom = 8.0 + fm.height(), float(fm.height() + 10)
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

        def y(value: float) -> float:
            return plot.bottom() - (value - low_value) / span * plot.height()

        p.setPen(QPen(AXIS, 1))
        p.drawLine(QPointF(plot.left(), y(0)), QPointF(plot.right(), y(0)))
        n = len(self.months)
        slot = plot.width() / n
        bar = min(slot * 0.62, 56.0)
        for i, (period, value, ok) in enumerate(self.months):
            cx = plot.left() + slot * (i + 0.5)
            color = NEUTRAL if ok is None else (HIT if ok else MISS)
            y0, y1 = y(0), y(value)
            rect = QRectF(cx - bar / 2, min(y0, y1), bar, max(abs(y0 - y1), 1.5))
            p.fillRect(rect, color)
            p.setPen(self.palette().text().color())
            label = number(value)
            p.drawText(QRectF(cx - slot / 2, rect.top() - fm.height() - 1, slot, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label)
            p.setPen(AXIS)
            p.drawText(QRectF(cx - slot / 2, plot.bottom() + 4, slot, fm.height() + 2),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       month_tick(period, i == 0))
        if self.target is not None:
            ty = y(self.target)
            p.setPen(QPen(TARGET, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), ty), QPointF(plot.right(), ty))
            p.setPen(TARGET)
            unit = self.unit if self.unit.strip() in ("%", "") or current_language() == "zh" \
                else " " + self.unit
            text = f"{_('target')} {number(self.target)}{unit}"
            p.drawText(QRectF(plot.right() + 4, ty - fm.height() / 2, right, fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, int(right - 6)))
        p.end()
