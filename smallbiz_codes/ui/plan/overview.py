"""The whole plan at a glance: a table and a timeline, marking items done, one-click plan.

The table is a ``QAbstractTableModel`` over the items; the timeline is drawn
by ``timeline.py``. Choosing an item in one chooses it in the other, and
"Mark done…" stores the day it was done (the Home screen stops listing it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import plan_suggest as ps
from smallbiz_codes.domain.records import CommunicationItem
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language, format_date
from smallbiz_codes.ui.guidance import guidance_for
from smallbiz_codes.ui.plan.base import (
    DIRECTION_SHORT,
    PlanStepPage,
    direction_color,
    item_name,
    make_plan,
    show_dates_in_language,
)
from smallbiz_codes.ui.plan.timeline import Timeline
from smallbiz_codes.ui.steps import StepPage

COLUMNS: list[tuple[str, str]] = [
    ("done_on", N_("Done")),
    ("direction", N_("For")),
    ("audience", N_("Audience")),
    ("method", N_("Method")),
    ("timing", N_("When")),
    ("start_date", N_("Date")),
    ("owner", N_("Who")),
    ("message", N_("Message")),
    ("cost", N_("Cost")),
    ("accessibility", N_("Accessibility")),
    ("evaluation", N_("How we judge it")),
]
_Index = QModelIndex | QPersistentModelIndex


class PlanModel(QAbstractTableModel):
    """The plan's items as table rows; read-only (each step edits its own fields)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[CommunicationItem] = []

    def set_items(self, items: list[CommunicationItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section][1])
        return None

    def text(self, item: CommunicationItem, name: str) -> str:
        lang = current_language()
        if name == "done_on":
            return f"✓ {format_date(item.done_on, lang)}" if item.done_on else ""
        if name == "direction":
            return _(DIRECTION_SHORT.get(item.direction, "Customers"))
        if name == "start_date":
            return format_date(item.start_date, lang)
        value = str(getattr(item, name))
        if name == "message":  # the first line is enough in a table; the whole text on hover
            first = value.strip().splitlines()[0] if value.strip() else ""
            return first + (" …" if "\n" in value.strip() else "")
        return value

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        name = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(getattr(item, name)) if name == "message" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done_on:
                return QBrush(QColor("#1e7b34") if name == "done_on" else QColor("#8a8a8a"))
            if name == "direction":
                return QBrush(direction_color(item.direction))
        if role == Qt.ItemDataRole.FontRole and name == "done_on" and item.done_on:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None


class DoneDialog(QDialog):
    """Asks the day an item was done; today unless the owner says otherwise."""

    def __init__(self, name: str, initial: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mark done"))
        layout = QVBoxLayout(self)
        label = QLabel(_("When was “{name}” done?").format(name=name))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.date = QDateEdit(QDate(initial.year, initial.month, initial.day))
        self.date.setCalendarPopup(True)
        show_dates_in_language(self.date)
        self.date.setAccessibleName(_("Date done"))
        label.setBuddy(self.date)
        layout.addWidget(self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    @classmethod
    def ask(cls, name: str, initial: dt.date, parent: QWidget | None = None) -> dt.date | None:
        dialog = cls(name, initial, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()


class OverviewPage(StepPage):
    live_view = False
    key = "plan_overview"
    clause = "6.7"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.make = QPushButton()
        self.done = QPushButton()
        self.undone = QPushButton()
        for b in (self.make, self.done, self.undone):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(360)
        self.table.setAccessibleName("plan table")
        self.timeline = Timeline()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.timeline_holder(), "")
        layout.addWidget(self.tabs, 1)
        self.make.clicked.connect(self.make_plan)
        self.done.clicked.connect(self.mark_done)
        self.undone.clicked.connect(self.mark_not_done)
        self.table.selectionModel().selectionChanged.connect(self._table_chosen)
        self.timeline.item_clicked.connect(self.choose)
        self.retranslate()

    def timeline_holder(self) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(4, 4, 4, 4)
        self.timeline_note = QLabel()
        self.timeline_note.setWordWrap(True)
        self.timeline_note.setStyleSheet("color: #555;")
        box.addWidget(self.timeline_note)
        box.addWidget(self.timeline)
        box.addStretch(1)
        return holder

    def title(self) -> str:
        return _("Plan overview")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        items = wb.communication_items
        return (sum(bool(i.done_on) for i in items), len(items))

    def retranslate(self) -> None:
        self.make.setText(_("&Make a plan from my code"))
        self.done.setText(_("Mark &done…"))
        self.undone.setText(_("Not done &yet"))
        self.tabs.setTabText(0, _("Table"))
        self.tabs.setTabText(1, _("Timeline"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.reload()

    # -- showing ----------------------------------------------------------------------
    def reload(self) -> None:
        chosen = PlanStepPage._chosen["id"]
        if self.session is None:
            self.model.set_items([])
            self.timeline.set_plan([], dt.date.today(), dt.date.today())
            self.summary.clear()
            self._update_buttons()
            return
        wb = self.session.load()
        items = wb.communication_items
        self.model.set_items(items)
        today = dt.date.today()
        start = ps.plan_start(wb, today)
        first, months = ps.timeline_window(wb, today)
        self.timeline.set_plan(items, first, today, months)
        lang = current_language()
        self.timeline_note.setText(_("The first year from {start} (the code's effective date, or "
                                     "today if it has none), with the staff briefing before it "
                                     "and the first review. Click an item to choose it.")
                                   .format(start=format_date(start.isoformat(), lang)))
        internal = sum(i.direction == "internal" for i in items)
        done = sum(bool(i.done_on) for i in items)
        self.summary.setText(_("{n} items: {internal} for staff, {external} for customers and "
                               "others; {done} done.").format(
            n=len(items), internal=internal, external=len(items) - internal, done=done))
        self._size_columns()
        self.choose(chosen)

    def _size_columns(self) -> None:
        widths = {"done_on": 110, "direction": 90, "audience": 130, "method": 170,
                  "timing": 130, "start_date": 110, "owner": 120, "message": 260, "cost": 140,
                  "accessibility": 240}
        for n, (name, _label) in enumerate(COLUMNS):
            if name in widths:
                self.table.setColumnWidth(n, widths[name])
        self.table.resizeRowsToContents()

    def choose(self, item_id: object) -> None:
        """Choose an item in the table and on the timeline (and in the steps)."""
        row = next((n for n, i in enumerate(self.model.items) if i.id == item_id), -1)
        self.table.blockSignals(True)
        self.table.selectionModel().blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
        self.timeline.select(item_id if row >= 0 else None)  # type: ignore[arg-type]
        if row >= 0:
            PlanStepPage._chosen["id"] = int(item_id)  # type: ignore[arg-type]
        self._update_buttons()

    def chosen_item(self) -> CommunicationItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.items[rows[0].row()]

    def _table_chosen(self, *_args: object) -> None:
        item = self.chosen_item()
        self.timeline.select(item.id if item else None)
        if item is not None:
            PlanStepPage._chosen["id"] = item.id
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.chosen_item()
        self.done.setEnabled(item is not None)
        self.undone.setEnabled(item is not None and bool(item.done_on))
        self.make.setEnabled(self.session is not None)

    # -- changing -------------------------------------------------------------------------
    def make_plan(self) -> None:
        if self.session is None:
            return
        added = make_plan(self, self.session)
        if added:
            PlanStepPage._chosen["id"] = self.session.wf.all(CommunicationItem)[-added].id
        self.reload()

    def set_done(self, item_id: int, day: dt.date | None) -> None:
        if self.session is None:
            return
        value = day.isoformat() if day else ""
        self.session.set_field(CommunicationItem, item_id, "done_on", value)
        self.reload()

    def mark_done(self) -> None:
        item = self.chosen_item()
        if item is None or item.id is None:
            return
        initial = ps.parse_date(item.done_on) or dt.date.today()
        day = DoneDialog.ask(item_name(item), initial, self)
        if day is not None:
            self.set_done(item.id, day)

    def mark_not_done(self) -> None:
        item = self.chosen_item()
        if item is not None and item.id is not None:
            self.set_done(item.id, None)
