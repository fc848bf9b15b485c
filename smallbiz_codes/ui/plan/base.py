"""What every step of the communication plan shares: the list of items and the page frame.

Each of the six steps shows the same list of plan items (add one for staff or
for customers, remove, reorder, or make a whole plan from the code) above an
editor for the fields that step is about. The item chosen in one step stays
chosen in the next, so the owner can follow one item through the six steps
or fill one step for every item.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import plan_suggest as ps
from smallbiz_codes.domain.records import CommunicationItem
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language
from smallbiz_codes.ui.binding import FieldBinding
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form

DIRECTION_LABELS = {
    "internal": N_("Staff (internal)"),
    "external": N_("Customers and others (external)"),
}
DIRECTION_SHORT = {"internal": N_("Staff"), "external": N_("Customers")}
INTERNAL_COLOR = QColor("#2f6db5")
EXTERNAL_COLOR = QColor("#c8641e")


def direction_color(direction: str) -> QColor:
    return INTERNAL_COLOR if direction == "internal" else EXTERNAL_COLOR


def content_language(session: Session | None) -> str:
    """The language the owner writes the workbook in: suggestions are offered in it."""
    if session is not None:
        lang = session.wf.organization().language
        if lang in ("zh", "en"):
            return lang
    return current_language()


def show_dates_in_language(edit: QDateEdit) -> None:
    """A date field writes dates as the language does: 2026年12月1日 / 1 Dec 2026."""
    if current_language() == "zh":
        edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        edit.setDisplayFormat("yyyy年M月d日")
    else:
        edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        edit.setDisplayFormat("d MMM yyyy")


def item_name(item: CommunicationItem) -> str:
    """How an item is named in lists and on the timeline: who, and how they are told."""
    audience = item.audience.strip() or _("(no audience yet)")
    method = item.method.strip()
    return f"{audience} — {method}" if method else audience


def make_plan(parent: QWidget, session: Session, today: dt.date | None = None) -> int:
    """Add a starting plan made from the code and the profile; never touches the owner's items.

    Asks first when the plan already has items, and then adds only what it
    does not have yet. Returns how many items were added.
    """
    wb = session.load()
    generated = ps.generate_plan(wb, content_language(session), today or dt.date.today())
    existing = wb.communication_items
    new = ps.new_suggestions(existing, generated)
    if existing:
        if not new:
            QMessageBox.information(parent, _("Make a plan from my code"),
                                    _("Your plan already has every item we would suggest."))
            return 0
        answer = QMessageBox.question(
            parent, _("Make a plan from my code"),
            _("Your plan has {have} items. Add {new} suggested items after them? "
              "Your own items stay as they are.").format(have=len(existing), new=len(new)))
        if answer != QMessageBox.StandardButton.Yes:
            return 0
    for item in new:
        session.add(item)
    return len(new)


def say(binding: FieldBinding, text: str) -> None:
    """Put a chosen suggestion into a bound field and save it at once, as if typed."""
    w = binding.widget
    if isinstance(w, QLineEdit):
        w.setText(text)
        w.textEdited.emit(text)
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(text)
        w.moveCursor(QTextCursor.MoveOperation.End)  # the owner goes on typing after it
    binding.flush()


class Picker(QComboBox):
    """'Choose from the list…': picking a suggestion writes it into the field beside it."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.activated.connect(self._activated)

    def set_choices(self, choices: list[ps.Choice], suggested_note: str = "") -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(_("Choose from the list…"), "")
        for c in choices:
            label = f"{c.label}  ★" if c.suggested and suggested_note else c.label
            self.addItem(label, c.label)
            if c.suggested and suggested_note:
                self.setItemData(self.count() - 1, suggested_note, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(0)
        self.blockSignals(False)

    def _activated(self, index: int) -> None:
        text = self.itemData(index)
        self.setCurrentIndex(0)
        if text:
            self.picked.emit(str(text))


class ItemList(QWidget):
    """The plan's items with buttons to add, remove, reorder and make a plan."""

    current_changed = Signal(object)  # item id or None
    add_requested = Signal(str)  # direction
    remove_requested = Signal(int)
    move_requested = Signal(int, int)  # item id, -1 up / +1 down
    make_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName("plan items")
        self.list.setMinimumHeight(150)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._current)
        layout.addWidget(self.list, 1)
        buttons = QGridLayout()
        self.add_internal = QPushButton()
        self.add_external = QPushButton()
        self.remove = QPushButton()
        self.up = QPushButton()
        self.down = QPushButton()
        self.make = QPushButton()
        buttons.addWidget(self.add_internal, 0, 0, 1, 2)
        buttons.addWidget(self.add_external, 1, 0, 1, 2)
        buttons.addWidget(self.up, 2, 0)
        buttons.addWidget(self.down, 2, 1)
        buttons.addWidget(self.remove, 3, 0, 1, 2)
        buttons.addWidget(self.make, 4, 0, 1, 2)
        buttons.setRowStretch(5, 1)
        layout.addLayout(buttons)
        self.add_internal.clicked.connect(lambda: self.add_requested.emit("internal"))
        self.add_external.clicked.connect(lambda: self.add_requested.emit("external"))
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.make.clicked.connect(self.make_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_internal.setText(_("Add an item for &staff"))
        self.add_external.setText(_("Add an item for &customers"))
        self.remove.setText(_("&Remove"))
        self.up.setText(_("Move &up"))
        self.down.setText(_("Move do&wn"))
        self.make.setText(_("&Make a plan from my code"))
        self.up.setAccessibleName(_("Move the item up"))
        self.down.setAccessibleName(_("Move the item down"))

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def ids(self) -> list[int]:
        rows = (self.list.item(n) for n in range(self.list.count()))
        return [int(row.data(Qt.ItemDataRole.UserRole)) for row in rows]

    def show_items(self, items: list[CommunicationItem], marks: dict[int, bool],
                   select: int | None) -> None:
        """Fill the list; keeps ``select`` chosen if it is still there, else the first item."""
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            row = QListWidgetItem(self._text(item, marks.get(item.id or 0, False)))
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setForeground(direction_color(item.direction))
            self.list.addItem(row)
        self.list.blockSignals(False)
        ids = self.ids()
        target = select if select in ids else (ids[0] if ids else None)
        if target is not None:
            self.list.setCurrentRow(ids.index(target))
        self._update_buttons()
        self.current_changed.emit(target)

    def update_texts(self, items: list[CommunicationItem], marks: dict[int, bool]) -> None:
        """Refresh what each row says without moving the selection (called as the owner types)."""
        by_id = {i.id: i for i in items}
        for n in range(self.list.count()):
            row = self.list.item(n)
            item = by_id.get(int(row.data(Qt.ItemDataRole.UserRole)))
            if item is not None:
                row.setText(self._text(item, marks.get(item.id or 0, False)))
                row.setForeground(direction_color(item.direction))

    @staticmethod
    def _text(item: CommunicationItem, filled: bool) -> str:
        mark = "✓" if filled else "○"
        return f"{mark}  {_(DIRECTION_SHORT.get(item.direction, 'Customers'))} · {item_name(item)}"

    def _current(self, *_args: object) -> None:
        self._update_buttons()
        self.current_changed.emit(self.current_id())

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = row >= 0
        self.remove.setEnabled(has)
        self.up.setEnabled(has and row > 0)
        self.down.setEnabled(has and row < self.list.count() - 1)

    def _remove(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.remove_requested.emit(item_id)

    def _move(self, step: int) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.move_requested.emit(item_id, step)


class PlanStepPage(StepPage):
    """A step of the plan: the item list above, this step's fields of the chosen item below."""

    clause = "6.7"
    live_view = False  # the plan's lists and table need the room more than the notice
    # The item chosen in one step stays chosen in the others.
    _chosen: ClassVar[dict[str, int | None]] = {"id": None}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: CommunicationItem | None = None
        outer = QVBoxLayout(self)
        self.items = ItemList()
        outer.addWidget(self.items)
        self.editing = QLabel()
        self.editing.setWordWrap(True)
        font = self.editing.font()
        font.setBold(True)
        self.editing.setFont(font)
        outer.addWidget(self.editing)
        self.form = Form()
        outer.addLayout(self.form)
        self.extra = QVBoxLayout()  # below the form: notes a step adds
        outer.addLayout(self.extra)
        outer.addStretch(1)
        self.items.current_changed.connect(self._choose)
        self.items.add_requested.connect(self.add_item)
        self.items.remove_requested.connect(self.remove_item)
        self.items.move_requested.connect(self.move_item)
        self.items.make_requested.connect(self.make_plan)
        self._connected: Session | None = None

    # -- what a step says about an item ------------------------------------------
    def filled(self, item: CommunicationItem) -> bool:
        """Whether this step's fields of ``item`` are filled (the ✓ in the list)."""
        raise NotImplementedError

    def counts(self, item: CommunicationItem) -> bool:
        """Whether ``item`` counts towards this step's completion mark."""
        return True

    def completion(self, wb: Workbook) -> tuple[int, int]:
        items = [i for i in wb.communication_items if self.counts(i)]
        return (sum(self.filled(i) for i in items), len(items))

    def show_item(self, item: CommunicationItem | None) -> None:
        """Load this step's editor with ``item`` (None: nothing chosen)."""
        self.binder.load(item)

    # -- life cycle -----------------------------------------------------------------
    def attach(self, session: Session | None) -> None:
        if session is not None and session is not self._connected:
            session.changed.connect(self._changed)
            self._connected = session
        super().attach(session)

    def reload(self) -> None:
        if self.session is None:
            self.item = None
            self.items.show_items([], {}, None)
            return
        items = self.session.wf.all(CommunicationItem)
        self.items.show_items(items, self._marks(items), self._chosen["id"])

    def retranslate(self) -> None:
        self.items.retranslate()
        self._set_editing()
        if self.session is not None:
            items = self.session.wf.all(CommunicationItem)
            self.items.update_texts(items, self._marks(items))

    def _marks(self, items: list[CommunicationItem]) -> dict[int, bool]:
        return {i.id or 0: self.filled(i) for i in items}

    def _changed(self, table: str) -> None:
        if self.session is None or not self.isVisible() or table not in ("", "communication_item"):
            return
        items = self.session.wf.all(CommunicationItem)
        self.items.update_texts(items, self._marks(items))
        if self.item is not None:
            fresh = next((i for i in items if i.id == self.item.id), None)
            if fresh is not None:
                self.item = fresh
                self._set_editing()

    def _choose(self, item_id: object) -> None:
        item = None
        if self.session is not None and item_id is not None:
            items = self.session.wf.all(CommunicationItem)
            item = next((i for i in items if i.id == item_id), None)
        self.item = item
        if item is not None:
            self._chosen["id"] = item.id
        self.show_item(item)
        self._set_editing()

    def _set_editing(self) -> None:
        if self.item is None:
            self.editing.setText(_("Add an item, or make a plan from your code with one click."))
        else:
            self.editing.setText(_("Editing: {name}").format(name=item_name(self.item)))

    # -- changes to the list ----------------------------------------------------------
    def _start_date(self) -> str:
        assert self.session is not None
        return ps.plan_start(self.session.load(), dt.date.today()).isoformat()

    def add_item(self, direction: str) -> None:
        if self.session is None:
            return
        self.binder.flush()
        new = CommunicationItem(direction=direction, start_date=self._start_date())
        item = self.session.add(new)
        self._chosen["id"] = item.id
        self.reload()

    def remove_item(self, item_id: int) -> None:
        if self.session is None:
            return
        item = next((i for i in self.session.wf.all(CommunicationItem) if i.id == item_id), None)
        if item is None:
            return
        answer = QMessageBox.question(
            self, _("Remove the item"),
            _("Remove “{name}” from the plan? This cannot be undone.").format(name=item_name(item)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.binder.flush()
        ids = self.items.ids()
        index = ids.index(item_id)
        self.session.delete(CommunicationItem, item_id)
        rest = [i for i in ids if i != item_id]
        self._chosen["id"] = rest[min(index, len(rest) - 1)] if rest else None
        self.reload()

    def move_item(self, item_id: int, step: int) -> None:
        if self.session is None:
            return
        self.binder.flush()
        ids = self.items.ids()
        n = ids.index(item_id)
        m = n + step
        if not 0 <= m < len(ids):
            return
        ids[n], ids[m] = ids[m], ids[n]
        self.session.move(CommunicationItem, ids)
        self._chosen["id"] = item_id
        self.reload()

    def make_plan(self) -> None:
        if self.session is None:
            return
        self.binder.flush()
        added = make_plan(self, self.session)
        if added:
            items = self.session.wf.all(CommunicationItem)
            self._chosen["id"] = items[-added].id
        self.reload()
