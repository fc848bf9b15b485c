"""What the wizard's pages share: guidance from data, dates, lists with an editor, findings.

Most steps of Annex H are "a few records of one kind": objectives, things
you know, people you asked, indicators, procedures, resources. ``ListPage``
gives them one behaviour: a short list on top, the selected record's form
below, add / remove (with undo) / move, and every field saved as typed
through the page's Binder.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from html import escape
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.checks import ERROR, Finding
from smallbiz_codes.domain.fields import field_kinds
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import _, current_language
from smallbiz_codes.resources_path import resource
from smallbiz_codes.ui.binding import FieldBinding
from smallbiz_codes.ui.guidance import guidance_for  # noqa: F401 - re-exported for the pages
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form

# Pages that the short route (Annex C) walks through; the others hide themselves on it.
SHORT_ROUTE = ("business", "example", "promises", "publish")
EMPTY_DATE = QDate(2000, 1, 1)  # a QDateEdit's minimum, shown as "not set"


# ---------------------------------------------------------------- guidance as data


@cache
def ideas() -> dict[str, Any]:
    """Starter promises by channel (resources/guidance/ideas.json)."""
    return _ideas()


@cache
def _ideas() -> dict[str, Any]:
    with open(resource("guidance", "ideas.json"), encoding="utf-8") as fh:
        return json.load(fh)


def jump_to(widget: QWidget, key: str) -> None:
    """Open another step: the main window knows how (``go_key``)."""
    win = widget.window()
    go = getattr(win, "go_key", None)
    if callable(go):
        go(key)


def on_short_route(wb: Workbook) -> bool:
    return wb.code.route == "short"


# ---------------------------------------------------------------- dates


def date_edit() -> QDateEdit:
    """A date with a calendar popup; its minimum means "not set yet"."""
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setMinimumDate(EMPTY_DATE)
    w.setDate(EMPTY_DATE)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    w.setMinimumWidth(w.fontMetrics().horizontalAdvance("2026-12-31") + 60)
    return w


class DateBinding(FieldBinding):
    """A QDateEdit bound to an ISO date string ("" while not set); saved when changed."""

    def _connect(self) -> None:
        w = self.widget
        assert isinstance(w, QDateEdit)
        w.dateChanged.connect(self._now)
        w.installEventFilter(self)

    def value(self) -> str:
        w = self.widget
        assert isinstance(w, QDateEdit)
        d = w.date()
        return "" if d <= EMPTY_DATE else d.toString("yyyy-MM-dd")

    def show_value(self, value: Any) -> None:
        w = self.widget
        assert isinstance(w, QDateEdit)
        try:
            d = dt.date.fromisoformat(value or "")
            w.setDate(QDate(d.year, d.month, d.day))
        except ValueError:
            w.setDate(EMPTY_DATE)


def bind_date(page: StepPage, widget: QDateEdit, cls: type, name: str) -> DateBinding:
    b = DateBinding(widget, cls, name, lambda: page.session)
    page.binder.bindings.append(b)
    return b


def set_date_empty_text(widget: QDateEdit) -> None:
    widget.setSpecialValueText(_("not set"))


# ---------------------------------------------------------------- findings


_PAIR = re.compile(r"“([^”]+)”\s*(?:→|改成|改为)\s*“([^”]+)”")
_DELETE = re.compile(r"^\s*(?:删掉|删除|Delete it|Delete )", re.IGNORECASE)
_SENTENCE = re.compile(r"(?s).*?(?:[。！？；，!?;]|\.(?=\s|$)|\n|$)")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding characters start..end, with its end mark."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= start < max(m.end(), m.start() + 1) and m.group(0):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            return s, max(e, end)
    return start, end


def concrete_fix(f: Finding, text: str, lang: str) -> tuple[str, int, int] | None:
    """(replacement, start, end) when a finding's suggestion fits this very text, else None.

    Only two cases are concrete enough to put in with one click: "Delete it…"
    for a sentence the finding points at (a void clause), and "“A” → “B”"
    where A is in the text. Everything else is advice the owner words
    themselves. The edit goes through the widget, so Ctrl+Z undoes it.
    """
    suggestion = f.suggestion_text(lang)
    if not suggestion or not text:
        return None
    if f.span and f.span[1] <= len(text) and _DELETE.match(suggestion):
        start, end = sentence_around(text, *f.span)
        while end < len(text) and text[end] == " ":
            end += 1
        if end >= len(text) and start > 0 and text[start - 1] == "，":
            return "。", start - 1, end  # the clause was the last one: end the sentence there
        return "", start, end
    for old, new in _PAIR.findall(suggestion):
        at = text.find(old)
        if at >= 0:
            return new, at, at + len(old)
    return None


class FindingsPanel(QWidget):
    """Findings beside the fields: what is wrong, why it matters, a better wording."""

    apply = Signal(object, str, int, int)  # finding, replacement, start, end
    jump = Signal(str)  # step key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 0)
        self.layout_.setSpacing(6)
        self.findings: list[Finding] = []
        self.buttons: list[QPushButton] = []
        self.setAccessibleName("findings")

    def show_findings(
        self,
        findings: list[Finding],
        texts: Callable[[str], str] | None = None,
        lang: str | None = None,
        jump_buttons: bool = False,
        here: str = "",
    ) -> None:
        """``texts(field)`` gives the field's current text, for concrete replacements."""
        lang = lang or current_language()
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.findings = list(findings)
        self.buttons = []
        for f in findings:
            box = QFrame()
            box.setObjectName("finding")
            colour = "#c0392b" if f.severity == ERROR else "#d68910"
            back = "#fdecea" if f.severity == ERROR else "#fef5e7"
            box.setStyleSheet(
                f"QFrame#finding {{ background: {back}; border-left: 4px solid {colour};"
                " border-radius: 3px; }"
            )
            lay = QVBoxLayout(box)
            lay.setContentsMargins(10, 6, 8, 6)
            lay.setSpacing(2)
            tag = _("Must fix") if f.severity == ERROR else _("Advice")
            head = QLabel(
                _("{tag}: {text}").format(
                    tag=f"<b style='color:{colour}'>{escape(tag)}</b>", text=escape(f.text(lang))
                )
            )
            head.setWordWrap(True)
            head.setTextFormat(Qt.TextFormat.RichText)
            lay.addWidget(head)
            why = f.why_text(lang)
            if why:
                w = QLabel(escape(why))
                w.setWordWrap(True)
                w.setStyleSheet("color: #555;")
                lay.addWidget(w)
            suggestion = f.suggestion_text(lang)
            if suggestion:
                s = QLabel("→ " + escape(suggestion))
                s.setWordWrap(True)
                s.setTextFormat(Qt.TextFormat.RichText)
                lay.addWidget(s)
            row = QHBoxLayout()
            row.addStretch(1)
            if texts is not None and f.where:
                fix = concrete_fix(f, texts(f.where), lang)
                if fix is not None:
                    repl, start, end = fix
                    label = (
                        _("Delete this sentence")
                        if not repl
                        else _('Use "{text}"').format(text=_shorten(repl))
                    )
                    b = QPushButton(label)
                    b.clicked.connect(
                        lambda _c=False, f=f, r=repl, s=start, e=end: self.apply.emit(f, r, s, e)
                    )
                    row.addWidget(b)
                    self.buttons.append(b)
            if jump_buttons and f.step and f.step != here:
                b = QPushButton(_("Go and fix it"))
                b.clicked.connect(lambda _c=False, k=f.step: self.jump.emit(k))
                row.addWidget(b)
                self.buttons.append(b)
            if row.count() > 1:
                lay.addLayout(row)
            self.layout_.addWidget(box)
            box.show()  # not queued: what a test or screen reader reads next is already there
        self.setVisible(bool(findings))


def _shorten(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- a list of records


class _DeleteKey(QObject):
    """Delete in the list removes the selected record (with undo)."""

    def __init__(self, page: ListPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, obj: QObject, event: Any) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self.page.remove_selected()
            return True
        return False


class ListPage(StepPage):
    """A list of records of one kind on top, the selected one's form below."""

    record_cls: type = object
    attr: str = ""  # Workbook attribute holding the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[Any] = []
        self._removed: tuple[Any, list[tuple[type, int, str]]] | None = None
        self._orderable = "position" in field_kinds(self.record_cls)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName("list")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 12)
        self.list.currentRowChanged.connect(self._selected)
        self.list.installEventFilter(_DeleteKey(self))
        top.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_record())
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        self.up_button.setVisible(self._orderable)
        self.down_button.setVisible(self._orderable)
        buttons.addStretch(1)
        top.addLayout(buttons)
        self.extra_top = QVBoxLayout()  # pages put things above the list here
        outer.addLayout(self.extra_top)
        outer.addLayout(top)
        self.undo_bar = QFrame()
        self.undo_bar.setStyleSheet("QFrame { background: #eef3fb; border-radius: 3px; }")
        ub = QHBoxLayout(self.undo_bar)
        ub.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel()
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_remove)
        ub.addWidget(self.undo_label, 1)
        ub.addWidget(self.undo_button)
        self.undo_bar.hide()
        outer.addWidget(self.undo_bar)
        self.editor = QWidget()
        self.editor_layout = QVBoxLayout(self.editor)
        self.editor_layout.setContentsMargins(0, 6, 0, 0)
        self.form = Form()
        self.editor_layout.addLayout(self.form)
        outer.addWidget(self.editor)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #777;")
        outer.addWidget(self.empty_label)
        outer.addStretch(1)
        add_sc = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        add_sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_sc.activated.connect(lambda: self.add_record())
        if self._orderable:
            for seq, step in (("Alt+Up", -1), ("Alt+Down", 1)):
                sc = QShortcut(QKeySequence(seq), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(lambda s=step: self.move_selected(s))

    # -- to override ------------------------------------------------------------
    def new_record(self) -> Any:
        return self.record_cls()

    def item_text(self, record: Any, n: int) -> str:
        return str(n)

    def list_texts(self) -> tuple[str, str, str]:
        """(add, remove, empty-list hint) in the current language."""
        return (_("&Add"), _("&Remove"), "")

    def removed_text(self) -> str:
        return _("Removed.")

    def links(self, record: Any, wb: Workbook) -> list[tuple[type, int, str]]:
        """Records pointing at ``record`` (cleared on remove, restored on undo)."""
        return []

    def show_record(self, record: Any | None) -> None:
        """Load extra widgets for the selected record (the binder is loaded already)."""

    # -- behaviour --------------------------------------------------------------
    def retranslate(self) -> None:
        add, remove, empty = self.list_texts()
        self.add_button.setText(add)
        self.add_button.setToolTip(_("Add one (Ctrl+Shift+N)"))
        self.remove_button.setText(remove)
        self.remove_button.setToolTip(_("Remove the selected one (Delete); you can undo it"))
        self.up_button.setText(_("Move &up"))
        self.up_button.setToolTip(_("Alt+Up"))
        self.down_button.setText(_("Move &down"))
        self.down_button.setToolTip(_("Alt+Down"))
        self.undo_label.setText(self.removed_text())
        self.undo_button.setText(_("&Undo remove"))
        self.empty_label.setText(empty)
        tidy(getattr(self, "labels", {}).values(), self.editor)
        self._fill_list()

    def current(self) -> Any | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def reload(self) -> None:
        if self.session is None:
            self.records = []
            self._fill_list()
            self.binder.load(None)
            self.show_record(None)
            self.undo_bar.hide()
            self._removed = None
            return
        self.binder.flush()
        wb = self.session.load()
        self.records = getattr(wb, self.attr)
        self._fill_list()

    def _fill_list(self, select_id: int | None = None) -> None:
        keep = select_id
        if keep is None:
            cur = self.list.currentItem()
            keep = cur.data(Qt.ItemDataRole.UserRole) if cur is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        row = 0 if self.records else -1
        for n, r in enumerate(self.records, start=1):
            item = QListWidgetItem(self.item_text(r, n))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
            if r.id == keep:
                row = n - 1
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._selected(row)

    def _selected(self, row: int) -> None:
        record = self.records[row] if 0 <= row < len(self.records) else None
        self.binder.load(record)
        self.editor.setVisible(record is not None)
        self.empty_label.setVisible(record is None and bool(self.empty_label.text()))
        self.remove_button.setEnabled(record is not None)
        self.up_button.setEnabled(record is not None and row > 0)
        self.down_button.setEnabled(record is not None and row < len(self.records) - 1)
        self.show_record(record)

    def refresh_labels(self) -> None:
        """List texts follow what is typed (after each save)."""
        if self.session is None:
            return
        fresh = {r.id: r for r in getattr(self.session.load(), self.attr)}
        for n, r in enumerate(self.records, start=1):
            if r.id in fresh:
                self.records[n - 1] = fresh[r.id]
                item = self.list.item(n - 1)
                if item is not None:
                    item.setText(self.item_text(fresh[r.id], n))

    def attach(self, session: Session | None) -> None:
        super().attach(session)
        if session is not None:
            session.changed.connect(self._changed)

    def _changed(self, table: str) -> None:
        if self.isVisible() and table in ("", self.table()):
            self.refresh_labels()

    def table(self) -> str:
        from smallbiz_codes.domain.records import RECORD_TABLES

        return RECORD_TABLES[self.record_cls]

    def add_record(self, record: Any | None = None) -> Any | None:
        if self.session is None:
            return None
        self.binder.flush()
        record = self.session.add(record if record is not None else self.new_record())
        self.records = getattr(self.session.load(), self.attr)
        self._fill_list(record.id)
        first = next((b.widget for b in self.binder.bindings if b.widget.isEnabled()), None)
        if first is not None:
            first.setFocus()
        return record

    def remove_selected(self) -> None:
        record = self.current()
        if record is None or self.session is None:
            return
        self.binder.flush()
        fresh = next(r for r in getattr(self.session.load(), self.attr) if r.id == record.id)
        links = self.links(fresh, self.session.load())
        row = self.list.currentRow()
        self.session.delete(self.record_cls, fresh.id)
        self._removed = (fresh, links)
        self.records = getattr(self.session.load(), self.attr)
        self._fill_list(self.records[min(row, len(self.records) - 1)].id if self.records else None)
        self.undo_bar.show()
        self.undo_button.setFocus()

    def undo_remove(self) -> None:
        if self._removed is None or self.session is None:
            return
        record, links = self._removed
        self._removed = None
        restored = self.session.add(replace(record))
        if self._orderable:
            ids = [r.id for r in getattr(self.session.load(), self.attr)]
            ids.remove(restored.id)
            ids.insert(max(record.position - 1, 0), restored.id)
            self.session.move(self.record_cls, ids)
        for cls, rid, name in links:
            self.session.set_field(cls, rid, name, restored.id)
        self.undo_bar.hide()
        self.records = getattr(self.session.load(), self.attr)
        self._fill_list(restored.id)

    def move_selected(self, step: int) -> None:
        record = self.current()
        if record is None or self.session is None or not self._orderable:
            return
        ids = [r.id for r in self.records]
        i = ids.index(record.id)
        j = i + step
        if not 0 <= j < len(ids):
            return
        self.binder.flush()
        ids[i], ids[j] = ids[j], ids[i]
        self.session.move(self.record_cls, ids)
        self.records = getattr(self.session.load(), self.attr)
        self._fill_list(record.id)
        self.list.setFocus()


def tidy(labels: Any, container: QWidget) -> None:
    """Short labels on one line (a wrapped label beside a one-line field gets clipped);
    text boxes no taller than needed, so a page needs less scrolling at 1280x800."""
    for label in labels:
        text = label.text().replace("&", "")
        label.setWordWrap(label.fontMetrics().horizontalAdvance(text) > 240)
    from PySide6.QtWidgets import QPlainTextEdit

    for box in container.findChildren(QPlainTextEdit):
        box.setMaximumHeight(box.minimumHeight() + box.fontMetrics().lineSpacing())


def combo_labels(combo: Any, labels: dict[str, str]) -> None:
    """Fill a QComboBox with (translated label, key), keeping the selection."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for key, msgid in labels.items():
        combo.addItem(_(msgid), key)
    idx = combo.findData(current)
    combo.setCurrentIndex(max(idx, 0))
    combo.blockSignals(False)


def row_label(form: Form, field: QWidget, labels: dict[str, Any], key: str) -> None:
    labels[key] = form.row(field)
