"""The plan on a timeline: twelve months across, one row per item, drawn by the program itself.

A one-off item is a dot on its date, a repeated one a tick at each time, an
ongoing one (every new hire, with every order) a bar from its date onwards.
Staff items are blue, customer items orange; done items turn grey with a
tick at the day they were done, and their names are struck through, so what
is left to do stands out. Names wrap instead of being cut off.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from smallbiz_codes.domain import plan_suggest as ps
from smallbiz_codes.domain.records import CommunicationItem
from smallbiz_codes.i18n import _, current_language
from smallbiz_codes.ui.plan.base import direction_color, item_name

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DONE_COLOR = QColor("#9a9a9a")
SHAPE_COLOR = QColor("#505050")
TODAY_COLOR = QColor("#c0392b")
MARGIN = 8
MIN_MONTH = 30
MIN_NAMES = 140


def month_label(d: dt.date, lang: str) -> str:
    return f"{d.month}月" if lang == "zh" else MONTHS_EN[d.month - 1]


def year_label(year: int, lang: str) -> str:
    return f"{year}年" if lang == "zh" else str(year)


class Timeline(QWidget):
    item_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[CommunicationItem] = []
        self.start = dt.date.today().replace(day=1)
        self.months = 12
        self.today = dt.date.today()
        self.selected: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(MIN_NAMES + MIN_MONTH * 12 + MARGIN)
        self.setAccessibleName("timeline")
        self._rows: list[tuple[int, int, int]] = []  # (item id, top, height)
        self._cache: QPixmap | None = None
        self._cache_key: tuple[int, int, float] = (0, 0, 0.0)

    # -- data ---------------------------------------------------------------------
    def set_plan(self, items: list[CommunicationItem], start: dt.date, today: dt.date,
                 months: int = 12) -> None:
        self.items = list(items)
        self.start = start
        self.months = months
        self.today = today
        self.setMinimumWidth(MIN_NAMES + MIN_MONTH * months + MARGIN)
        self._relayout()

    def select(self, item_id: int | None) -> None:
        self.selected = item_id
        self._invalidate()

    def end(self) -> dt.date:
        return ps.add_months(self.start, self.months)

    # -- geometry ------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        return base, small

    def _name_width(self) -> int:
        """The names' column: as wide as the longest name, but the months keep their room."""
        fm = QFontMetrics(self._fonts()[0])
        widest = max([fm.horizontalAdvance("✓ " + item_name(i)) for i in self.items] or [120])
        room = self.width() - MIN_MONTH * self.months - MARGIN
        limit = max(MIN_NAMES, min(int(self.width() * 0.42), room))
        return min(widest + 2 * MARGIN, limit)

    def _header_height(self) -> int:
        return 2 * QFontMetrics(self._fonts()[1]).height() + 10

    def _legend_height(self) -> int:
        return QFontMetrics(self._fonts()[1]).height() * 3 + 24

    def _relayout(self) -> None:
        fm = QFontMetrics(self._fonts()[0])
        name_w = self._name_width() - 2 * MARGIN
        top = self._header_height()
        rows = []
        for item in self.items:
            text = ("✓ " if item.done_on else "") + item_name(item)
            rect = fm.boundingRect(QRect(0, 0, name_w, 2000), Qt.TextFlag.TextWordWrap, text)
            height = max(fm.height() + 12, rect.height() + 10)
            rows.append((item.id or 0, top, height))
            top += height
        self._rows = rows
        total = top + self._legend_height() + MARGIN
        if not self.items:
            total = self._header_height() + 3 * fm.height() + self._legend_height()
        if total != self.minimumHeight():
            self.setMinimumHeight(total)
            self.updateGeometry()
        self._invalidate()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        if event.size().width() != event.oldSize().width():  # names wrap by width only
            self._relayout()
        else:
            self._invalidate()

    def _x(self, d: dt.date, left: int, width: int) -> float:
        span = (self.end() - self.start).days or 1
        return left + width * (d - self.start).days / span

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Draw from a picture made once per change: scrolling and exposing repaint nothing.

        Besides being cheaper, this keeps the calls into Qt per repaint to a
        handful (see the report on PySide6 6.12 and Python 3.11 in README of the plan).
        """
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache_key != (self.width(), self.height(), ratio):
            self._cache = self._render(ratio)
            self._cache_key = (self.width(), self.height(), ratio)
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.end()

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    def _render(self, ratio: float) -> QPixmap:
        picture = QPixmap(max(1, int(self.width() * ratio)), max(1, int(self.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().base().color())
        p = QPainter(picture)
        try:
            self._draw(p)
        finally:
            p.end()
        return picture

    def _draw(self, p: QPainter) -> None:
        lang = current_language()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        base, small = self._fonts()
        fm = QFontMetrics(base)
        name_w = self._name_width()
        left = name_w
        width = max(self.width() - left - MARGIN, MIN_MONTH * self.months)
        header = self._header_height()
        bottom = self._rows[-1][1] + self._rows[-1][2] if self._rows else header + 3 * fm.height()

        # month columns, with the year over them (the first year ends at its last month)
        p.setFont(small)
        sfm = QFontMetrics(small)
        grid = QPen(QColor("#d8d8d8"))
        text_color = self.palette().text().color()
        month_top = sfm.height() + 6
        for m in range(self.months + 1):
            d = ps.add_months(self.start.replace(day=1), m)
            x = self._x(max(d, self.start), left, width)
            p.setPen(grid)
            p.drawLine(QPointF(x, month_top if d.month != 1 else 2), QPointF(x, bottom))
            if m == self.months:
                break
            nxt = ps.add_months(self.start.replace(day=1), m + 1)
            x2 = self._x(min(nxt, self.end()), left, width)
            p.setPen(text_color)
            p.drawText(QRectF(x, month_top, x2 - x, sfm.height() + 2),
                       Qt.AlignmentFlag.AlignCenter, month_label(d, lang))
            label = year_label(d.year, lang)
            if m == 0 and d.month != 12 or d.month == 1 and m < self.months - 1:
                p.drawText(QRectF(x + 4, 2, 200, sfm.height()),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            elif m == 0 or d.month == 1:  # a year with one column: the label ends there
                p.drawText(QRectF(x2 - 204, 2, 200, sfm.height()),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

        # rows
        rows = zip(self.items, self._rows, strict=True)
        for n, (item, (item_id, top, height)) in enumerate(rows):
            row = QRectF(0, top, self.width(), height)
            if item_id == self.selected:
                p.fillRect(row, self.palette().highlight().color().lighter(170))
            elif n % 2:
                p.fillRect(row, QColor(0, 0, 0, 10))
            self._draw_row(p, item, top, height, left, width, base)

        if not self.items:
            p.setFont(base)
            p.setPen(DONE_COLOR)
            p.drawText(QRectF(MARGIN, header, self.width() - 2 * MARGIN, 3 * fm.height()),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       _("No items yet: add some, or make a plan from your code."))

        # today
        if self.start <= self.today < self.end():
            x = self._x(self.today, left, width)
            p.setPen(QPen(TODAY_COLOR, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, header - 4), QPointF(x, bottom))
            p.setFont(small)
            label = _("today")
            w = sfm.horizontalAdvance(label) + 6
            p.fillRect(QRectF(x - w / 2, bottom + 2, w, sfm.height()), self.palette().base())
            p.drawText(QRectF(x - w / 2, bottom + 2, w, sfm.height()),
                       Qt.AlignmentFlag.AlignCenter, label)

        self._draw_legend(p, bottom + sfm.height() + 8, small)

    def _draw_row(self, p: QPainter, item: CommunicationItem, top: int, height: int,
                  left: int, width: int, base: QFont) -> None:
        done = bool(item.done_on)
        color = DONE_COLOR if done else direction_color(item.direction)
        font = QFont(base)
        font.setStrikeOut(done)
        p.setFont(font)
        p.setPen(DONE_COLOR if done else self.palette().text().color())
        text = ("✓ " if done else "") + item_name(item)
        p.drawText(QRectF(MARGIN, top + 5, left - 2 * MARGIN, height - 10),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                   | Qt.TextFlag.TextWordWrap, text)
        mid = top + height / 2
        dates = ps.occurrences(item, self.start, self.months)
        shape = ps.timing_shape(item.timing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        if not dates:
            first = ps.parse_date(item.start_date)
            note = _("no date yet") if first is None else (
                _("before the months shown") if first < self.start else _("after the months shown"))
            if first is not None and first < self.start and shape == "once":
                note = _("before the months shown")
            p.setPen(DONE_COLOR)
            f = QFont(base)
            f.setItalic(True)
            p.setFont(f)
            p.drawText(QRectF(left + 6, top, width, height),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note)
        elif shape == "ongoing":
            x1 = self._x(dates[0], left, width)
            x2 = self._x(self.end(), left, width)
            p.drawRoundedRect(QRectF(x1, mid - 5, max(x2 - x1, 6), 10), 4, 4)
            p.drawEllipse(QPointF(x1, mid), 6, 6)
        elif shape == "repeat":
            for d in dates:
                x = self._x(d, left, width)
                p.drawRoundedRect(QRectF(x - 2.5, mid - 9, 5, 18), 2, 2)
        else:
            x = self._x(dates[0], left, width)
            p.drawEllipse(QPointF(x, mid), 7, 7)
        done_day = ps.parse_date(item.done_on)
        if done_day is not None and self.start <= done_day < self.end():
            x = self._x(done_day, left, width)
            p.setPen(QPen(QColor("#1e7b34"), 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline([QPointF(x - 6, mid - 1), QPointF(x - 1, mid + 5),
                            QPointF(x + 8, mid - 9)])
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_legend(self, p: QPainter, y: float, small: QFont) -> None:
        p.setFont(small)
        fm = QFontMetrics(small)
        x = float(MARGIN)
        h = fm.height()
        entries = [
            ("dot", direction_color("internal"), _("for staff")),
            ("dot", direction_color("external"), _("for customers")),
            ("dot", SHAPE_COLOR, _("once")),
            ("tick", SHAPE_COLOR, _("repeated")),
            ("bar", SHAPE_COLOR, _("from then on")),
            ("done", QColor("#1e7b34"), _("done on that day")),
        ]
        for kind, color, label in entries:
            w = 22 + fm.horizontalAdvance(label) + 14
            if x + w > self.width() - MARGIN:
                x = float(MARGIN)
                y += h + 4
            cy = y + h / 2
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            if kind == "dot":
                p.drawEllipse(QPointF(x + 8, cy), 6, 6)
            elif kind == "tick":
                p.drawRoundedRect(QRectF(x + 6, cy - 8, 5, 16), 2, 2)
            elif kind == "bar":
                p.drawRoundedRect(QRectF(x, cy - 4, 18, 8), 3, 3)
            else:
                p.setPen(QPen(color, 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPolyline([QPointF(x + 2, cy), QPointF(x + 7, cy + 5),
                                QPointF(x + 16, cy - 7)])
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x + 22, y, w, h), Qt.AlignmentFlag.AlignLeft, label)
            x += w
        p.setBrush(Qt.BrushStyle.NoBrush)

    # -- interaction -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        y = event.position().y()
        for item_id, top, height in self._rows:
            if top <= y < top + height:
                self.select(item_id)
                self.item_clicked.emit(item_id)
                return
