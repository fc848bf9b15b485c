"""Pieces the "Living with the code" pages share: dates, numbers, a list with its form.

- :class:`DateEdit`: a date with a calendar popup that can also be empty
  (stored as ``""``), shown as the language writes dates, stored as ISO.
- :class:`DateBinding` / :class:`NumberBinding`: the Binder's habits (save
  400 ms after typing, at once on focus-out) for dates and optional numbers.
- :class:`RecordEditor`: a list of records with Add/Remove and the form of the
  selected one underneath; every field saved as typed, one transaction each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QRegularExpression,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.living import number
from smallbiz_codes.domain.records import RECORD_TABLES
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import _, current_language, format_date
from smallbiz_codes.ui.binding import Binder, FieldBinding
from smallbiz_codes.ui.guidance import guidance_for
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.widgets import Form

EMPTY_DATE = QDate(2000, 1, 1)  # the minimum date stands for "no date yet"


def guidance(key: str) -> str:
    """A page's guidance, kept with every step's in resources/guidance/steps.json."""
    return guidance_for(key)


def qlocale() -> QLocale:
    if current_language() == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def today_iso() -> str:
    return dt.date.today().isoformat()


class DateEdit(QWidget):
    """A QDateEdit with its calendar popup and a clear button; ``iso()`` is "" when empty."""

    edited = Signal()  # the person changed the date
    finished = Signal()  # ... and is done with it (save now)

    def __init__(self, month_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_only = month_only
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(EMPTY_DATE)
        self.edit.setDate(EMPTY_DATE)
        self.edit.setMinimumWidth(150)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self._setting = False
        self.edit.dateChanged.connect(self._changed)
        self.edit.editingFinished.connect(self.finished)
        self.clear_button.clicked.connect(self._clear)
        self.edit.calendarWidget().installEventFilter(self)
        self.retranslate()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # An empty date opens the calendar on this month, not on the placeholder year 2000.
        if event.type() == QEvent.Type.Show and self.edit.date() == EMPTY_DATE:
            today = QDate.currentDate()
            QTimer.singleShot(0, lambda: self.edit.calendarWidget().setCurrentPage(
                today.year(), today.month()))
        return False

    def retranslate(self) -> None:
        zh = current_language() == "zh"
        if self.month_only:
            fmt = "yyyy年M月" if zh else "MMM yyyy"
        else:
            fmt = "yyyy年M月d日" if zh else "d MMM yyyy"
        self.edit.setLocale(qlocale())
        self.edit.calendarWidget().setLocale(qlocale())
        self.edit.setDisplayFormat(fmt)
        self.edit.setSpecialValueText(_("not set"))
        self.clear_button.setToolTip(_("Clear the date"))
        self.clear_button.setAccessibleName(_("Clear the date"))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def iso(self) -> str:
        d = self.edit.date()
        if d == EMPTY_DATE or not d.isValid():
            return ""
        if self.month_only:
            d = QDate(d.year(), d.month(), 1)
        return d.toString("yyyy-MM-dd")

    def set_iso(self, iso: str) -> None:
        self._setting = True
        try:
            d = QDate.fromString(iso or "", "yyyy-MM-dd")
            self.edit.setDate(d if d.isValid() and d > EMPTY_DATE else EMPTY_DATE)
        finally:
            self._setting = False

    def choose(self, iso: str) -> None:
        """Set a date as if the person had picked it (saved like a pick)."""
        self.set_iso(iso)
        self.edited.emit()
        self.finished.emit()

    def _changed(self, _d: QDate) -> None:
        if not self._setting:
            self.edited.emit()

    def _clear(self) -> None:
        if self.edit.date() != EMPTY_DATE:
            self.edit.setDate(EMPTY_DATE)
            self.finished.emit()


class DateBinding(FieldBinding):
    """A DateEdit bound to an ISO date field; ``after(record_id, iso)`` runs once it is saved."""

    def _connect(self) -> None:
        w: DateEdit = self.widget  # type: ignore[assignment]
        w.edited.connect(self._typed)
        w.finished.connect(self.flush)
        w.edit.installEventFilter(self)

    def value(self) -> Any:
        return self.widget.iso()  # type: ignore[attr-defined]

    def show_value(self, value: Any) -> None:
        self.widget.set_iso(value or "")  # type: ignore[attr-defined]

    def flush(self) -> None:
        saving = self._dirty and self.record_id is not None
        record_id = self.record_id
        super().flush()
        after = getattr(self, "after", None)
        if saving and after is not None and record_id is not None:
            after(record_id, self.value())


_NUMBER = re.compile(r"^\s*-?\d*(?:[.,，。]\d*)?\s*%?\s*$")


def parse_number(text: str) -> tuple[bool, float | None]:
    """(valid, value): "" is a valid empty value; "96,5" and "96.5%" read as 96.5."""
    text = text.strip()
    if not text:
        return True, None
    if not _NUMBER.match(text):
        return False, None
    cleaned = re.sub(r"[,，。]", ".", text).replace("%", "").strip()
    try:
        return True, float(cleaned)
    except ValueError:
        return False, None


def number_line() -> QLineEdit:
    w = QLineEdit()
    w.setValidator(QRegularExpressionValidator(QRegularExpression(r"-?\d*([.,，。]\d*)?%?")))
    w.setMaximumWidth(160)
    return w


class NumberBinding(FieldBinding):
    """A line edit bound to an optional number (float or None): empty means "no value"."""

    def value(self) -> Any:
        return parse_number(self.widget.text())[1]  # type: ignore[attr-defined]

    def show_value(self, value: Any) -> None:
        text = "" if value is None else number(value)
        if self.widget.text() != text:  # type: ignore[attr-defined]
            self.widget.setText(text)  # type: ignore[attr-defined]

    def flush(self) -> None:
        if self._dirty and not parse_number(self.widget.text())[0]:  # type: ignore[attr-defined]
            self._timer.stop()
            return  # keep what was stored; the half-typed number stays on screen
        super().flush()


def bind_date(binder: Binder, widget: DateEdit, cls: type, name: str,
              session_getter: Callable[[], Session | None],
              after: Callable[[int, str], None] | None = None) -> DateBinding:
    b = DateBinding(widget, cls, name, session_getter)
    b.after = after  # type: ignore[attr-defined]
    binder.bindings.append(b)
    return b


def bind_number(binder: Binder, widget: QLineEdit, cls: type, name: str,
                session_getter: Callable[[], Session | None]) -> NumberBinding:
    b = NumberBinding(widget, cls, name, session_getter)
    binder.bindings.append(b)
    return b


def add_all(session: Session, records: list[Any]) -> None:
    """Add several records in one transaction: all of them or none."""
    if not records:
        return
    table = RECORD_TABLES[type(records[0])]
    session.saving.emit()
    try:
        with session.wf.transaction():
            for r in records:
                session.wf.add(r)
    except Exception as exc:
        session.save_failed.emit(str(exc))
        raise
    session.saved.emit()
    session.changed.emit(table)


class RowsModel(QAbstractTableModel):
    """The rows of a RecordEditor as plain strings.

    A model of strings rather than a QTableWidget: no Python wrapper per cell
    (thousands of QTableWidgetItem wrappers are slow to refresh on every save,
    and PySide keeps them alive after the table has deleted the items).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = []
        self.headers: list[str] = []

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        text = row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(text.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and section < len(self.headers)):
            return self.headers[section]
        return None

    def set_headers(self, headers: list[str]) -> None:
        self.beginResetModel()
        self.headers = headers
        self.endResetModel()

    def set_rows(self, rows: list[list[str]]) -> None:
        """Same number of rows: tell the view which changed; otherwise start afresh."""
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        old, self.rows = self.rows, rows
        for r, (a, b) in enumerate(zip(old, rows, strict=True)):
            if a != b:
                self.dataChanged.emit(self.index(r, 0), self.index(r, max(len(b) - 1, 0)))


class RecordEditor(QWidget):
    """A table of records (one row each) with Add/Remove, and the selected record's form.

    ``row(record, wb)`` gives a row's cells; ``keep(record, wb)`` filters;
    ``new_record(wb)`` makes the record Add inserts (or None to add nothing).
    """

    selected = Signal(object)  # the record now shown in the form, or None

    def __init__(
        self,
        cls: type,
        session_getter: Callable[[], Session | None],
        row: Callable[[Any, Workbook], list[str]],
        new_record: Callable[[Workbook], Any | None],
        keep: Callable[[Any, Workbook], bool] | None = None,
        sort_key: Callable[[Any], Any] | None = None,
        reverse: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cls = cls
        self.table_name = RECORD_TABLES[cls]
        self._session = session_getter
        self._row = row
        self._new = new_record
        self._keep = keep
        self._sort_key = sort_key
        self._reverse = reverse
        self._ids: list[int] = []
        self._attached: Session | None = None
        self.loading = False
        self.binder = Binder(session_getter)
        self.headers: list[str] = []
        # A page may say "nothing to add to yet" (no indicator chosen): no dead button then.
        self.can_add: Callable[[], bool] = lambda: True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(lambda: self.remove())
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.extra_buttons = buttons
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.form = Form()
        layout.addLayout(self.form)

    # -- set-up ------------------------------------------------------------------------
    def set_headers(self, headers: list[str], stretch: int = -1) -> None:
        self.headers = headers
        selected = self.current_id()
        self.model.set_headers(headers)
        if selected is not None:
            self._select(selected, emit=False)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(60)  # size columns by the first rows, not thousands
        for n in range(len(headers)):
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.ResizeToContents)
        col = stretch if stretch >= 0 else len(headers) - 1
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def set_button_texts(self, add: str, remove: str) -> None:
        self.add_button.setText(add)
        self.remove_button.setText(remove)
        self.table.setAccessibleName(add.replace("&", ""))

    def attach(self, session: Session | None) -> None:
        if self._attached is not None:
            try:
                self._attached.changed.disconnect(self._changed)
            except (RuntimeError, TypeError):
                pass
        self._attached = session
        if session is not None:
            session.changed.connect(self._changed)

    # -- reading ---------------------------------------------------------------------------
    def _records(self, wb: Workbook) -> list[Any]:
        from smallbiz_codes.domain.workbook import LIST_ATTRIBUTES

        records = list(getattr(wb, LIST_ATTRIBUTES[self.table_name]))
        if self._keep is not None:
            records = [r for r in records if self._keep(r, wb)]
        if self._sort_key is not None:
            records.sort(key=self._sort_key, reverse=self._reverse)
        return records

    def current_id(self) -> int | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or not 0 <= selected[0].row() < len(self._ids):
            return None
        return self._ids[selected[0].row()]

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell(self, row: int, column: int) -> str:
        """The text a row shows in a column, as the person sees it."""
        return str(self.model.data(self.model.index(row, column)) or "")

    def current(self) -> Any | None:
        session = self._session()
        record_id = self.current_id()
        if session is None or record_id is None:
            return None
        return session.wf.get(self.cls, record_id)

    def reload(self, select_id: int | None = None) -> None:
        """Rebuild the rows from the workbook; keep (or move to) the selected record."""
        session = self._session()
        keep_id = select_id if select_id is not None else self.current_id()
        if session is None:
            self._ids = []
            self.model.set_rows([])
            self._show(None)
            self._update_buttons()
            return
        wb = session.load()
        records = self._records(wb)
        self._fill(records, wb)
        ids = [r.id for r in records]
        if keep_id not in ids:
            keep_id = ids[0] if ids else None
        self._select(keep_id, emit=True)

    def _fill(self, records: list[Any], wb: Workbook) -> None:
        blocker = QSignalBlocker(self.table.selectionModel())
        self.model.set_rows([[str(t) for t in self._row(r, wb)] for r in records])
        self._ids = [rec.id for rec in records]
        blocker.unblock()
        self._fit_height()

    def _fit_height(self) -> None:
        """Show the rows there are (3 to 6; more scroll): short lists take little room."""
        rows = min(max(self.model.rowCount() + 1, 3), 6)
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = (self.table.horizontalHeader().sizeHint().height() + rows * row_height
                  + 2 * self.table.frameWidth() + 2)
        self.table.setFixedHeight(height)

    def _select(self, record_id: int | None, emit: bool) -> None:
        selection = self.table.selectionModel()
        blocker = QSignalBlocker(selection)
        if record_id is None:
            selection.clear()
        else:
            index = self.model.index(self._ids.index(record_id), 0)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        blocker.unblock()
        self.table.viewport().update()
        if emit:
            self._show(self.current())
        self._update_buttons()

    def _changed(self, table: str) -> None:
        """Another save happened: refresh the rows' texts without touching the form."""
        if table not in (self.table_name, ""):
            return
        session = self._session()
        if session is None:
            return
        wb = session.load()
        records = self._records(wb)
        current = self.current_id()
        if [r.id for r in records] == self._ids and table == self.table_name:
            self._fill(records, wb)
            return
        self._fill(records, wb)
        if current in self._ids:
            self._select(current, emit=False)
        else:
            self._select(self._ids[0] if self._ids else None, emit=True)

    def _selection_changed(self, *_args: object) -> None:
        self._show(self.current())
        self._update_buttons()

    def _show(self, record: Any | None) -> None:
        self.loading = True  # pages ignore their own signals while a record is shown
        try:
            self.binder.load(record)
            self.selected.emit(record)
        finally:
            self.loading = False

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.current_id() is not None)
        self.add_button.setEnabled(self._session() is not None and self.can_add())

    # -- writing ---------------------------------------------------------------------------
    def add(self) -> Any | None:
        session = self._session()
        if session is None:
            return None
        self.binder.flush()
        record = self._new(session.load())
        if record is None:
            return None
        session.add(record)
        self.reload(select_id=record.id)
        first = next((b.widget for b in self.binder.bindings if b.widget.isEnabled()), None)
        if first is not None:
            first.setFocus()
        return record

    def remove(self, confirm: bool = True) -> None:
        session = self._session()
        record_id = self.current_id()
        if session is None or record_id is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, _("Remove"), _("Remove the selected line? This cannot be undone."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        row = self._ids.index(record_id)
        self.binder.load(None)  # nothing pending is saved into a deleted record
        session.delete(self.cls, record_id)
        ids = [i for i in self._ids if i != record_id]
        self.reload(select_id=ids[min(row, len(ids) - 1)] if ids else None)


def date_cell(iso: str) -> str:
    return format_date(iso, current_language()) if iso else ""
