"""Bind input widgets to one field of one record, saved as the owner types.

A text field saves 400 ms after the last keystroke and at once when focus
leaves it, so a crash loses at most the word being typed. Undo (Ctrl+Z) is
the widget's own: saving never resets the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from smallbiz_codes.ui.session import Session

DEBOUNCE_MS = 400


class FieldBinding(QObject):
    """One widget ↔ one field. ``load`` shows the stored value without saving it back."""

    def __init__(self, widget: QWidget, cls: type, name: str, session_getter: Any) -> None:
        super().__init__(widget)
        self.widget = widget
        self.cls = cls
        self.name = name
        self.record_id: int | None = None
        self._session = session_getter
        self._loading = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._connect()

    def _connect(self) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            w.textEdited.connect(self._typed)
            w.editingFinished.connect(self.flush)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._typed)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(self._now)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._now)
        elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
            w.valueChanged.connect(self._typed)
            w.editingFinished.connect(self.flush)
        w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: Any) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            return w.value()
        raise TypeError(type(w))

    def load(self, record_id: int | None, value: Any) -> None:
        self.flush()  # never drop what was typed into the record shown before
        self._timer.stop()
        self.record_id = record_id
        self._loading = True
        try:
            self.widget.setEnabled(record_id is not None)
            self.show_value(value)
        finally:
            self._loading = False

    def show_value(self, value: Any) -> None:
        """Put a stored value on screen; other kinds of field override only this."""
        w = self.widget
        if isinstance(w, QLineEdit):
            if w.text() != (value or ""):
                w.setText(value or "")
        elif isinstance(w, QPlainTextEdit):
            if w.toPlainText() != (value or ""):
                w.setPlainText(value or "")
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            idx = w.findData(value)
            w.setCurrentIndex(max(idx, 0))
        elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
            w.setValue(value or 0)

    def _typed(self, *args: object) -> None:
        if self._loading or self.record_id is None:
            return
        self._dirty = True
        self._timer.start()
        session: Session | None = self._session()
        if session is not None:
            session.saving.emit()

    def _now(self, *args: object) -> None:
        if self._loading or self.record_id is None:
            return
        self._dirty = True
        self.flush()

    def pending(self) -> bool:
        return self._dirty

    def flush(self) -> None:
        """Save now if anything is waiting."""
        self._timer.stop()
        if not self._dirty or self.record_id is None:
            return
        self._dirty = False
        session: Session | None = self._session()
        if session is not None:
            session.set_field(self.cls, self.record_id, self.name, self.value())


class Binder:
    """The bindings of one page: load them all, flush them all."""

    def __init__(self, session_getter: Any) -> None:
        self._session = session_getter
        self.bindings: list[FieldBinding] = []

    def bind(self, widget: QWidget, cls: type, name: str) -> FieldBinding:
        b = FieldBinding(widget, cls, name, self._session)
        self.bindings.append(b)
        return b

    def load(self, record: Any | None) -> None:
        for b in self.bindings:
            b.load(
                None if record is None else record.id,
                None if record is None else getattr(record, b.name),
            )

    def flush(self) -> None:
        for b in self.bindings:
            b.flush()
