"""A small chart of an indicator's monthly values against its target, drawn with QPainter.

One dot per month, green where the month met the target and amber where it
did not; the target is a dashed line and the good side of it (above when
higher is better, below when lower is better) is shaded. The scale is fitted
to the values and the target, so 95 against 97 is visible. Drawn by the
program itself: no chart library, nothing to load.
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
LINE = QColor("#8a9bb0")
GOOD_ZONE = QColor(63, 143, 95, 28)
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
        self.direction = "up"
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 170)

    def set_data(self, months: list[tuple[str, float, bool | None]], target: float | None,
                 unit: str, description: str, direction: str = "up") -> None:
        self.months = months
        self.direction = direction
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
        marks = values + ([self.target] if self.target is not None else [])
        high, low = max(marks), min(marks)
        pad = (high - low) * 0.25 or max(abs(high) * 0.1, 1.0)
        high += pad
        low = max(low - pad, 0.0) if low >= 0 else low - pad  # counts and shares never go below 0
        span = (high - low) or 1.0
        left, right = 8.0, 8.0 + fm.horizontalAdvance(_("target") + " 100000%")
        top, bottom = 6.0 + fm.height(), float(fm.height() + 10)
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

        def y(value: float) -> float:
            return plot.bottom() - (value - low) / span * plot.height()

        if self.target is not None:
            # the good side of the target, shaded: above it when higher is better
            ty = y(self.target)
            band = QRectF(plot.left(), plot.top(), plot.width(), ty - plot.top()) \
                if self.direction != "down" else \
                QRectF(plot.left(), ty, plot.width(), plot.bottom() - ty)
            p.fillRect(band, GOOD_ZONE)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        n = len(self.months)
        slot = plot.width() / n
        points = [QPointF(plot.left() + slot * (i + 0.5), y(v)) for i, v in enumerate(values)]
        p.setPen(QPen(LINE, 2))
        for a, b in zip(points, points[1:], strict=False):
            p.drawLine(a, b)
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
        radius = 5.0
        for i, ((period, value, ok), pt) in enumerate(zip(self.months, points, strict=True)):
            color = NEUTRAL if ok is None else (HIT if ok else MISS)
            p.setPen(QPen(self.palette().base().color(), 1.5))
            p.setBrush(color)
            p.drawEllipse(pt, radius, radius)
            p.setPen(self.palette().text().color())
            below = self.target is not None and value < self.target and pt.y() < plot.bottom() - 24
            label_top = pt.y() + radius + 1 if below else pt.y() - radius - fm.height() - 1
            p.drawText(QRectF(pt.x() - slot / 2, label_top, slot, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                       number(value))
            p.setPen(AXIS)
            p.drawText(QRectF(pt.x() - slot / 2, plot.bottom() + 4, slot, fm.height() + 2),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       month_tick(period, i == 0))
        p.end()
