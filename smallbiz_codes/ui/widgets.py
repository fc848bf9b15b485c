"""Small widgets every page uses, so labels, sizes and accessible names stay alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget


def line(accessible: str = "") -> QLineEdit:
    w = QLineEdit()
    w.setClearButtonEnabled(False)
    if accessible:
        w.setAccessibleName(accessible)
    return w


def text_box(lines: int = 3) -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setTabChangesFocus(True)  # Tab moves on, as in every other field
    metrics = w.fontMetrics()
    w.setMinimumHeight(int(metrics.lineSpacing() * lines + 12))
    w.setMaximumHeight(int(metrics.lineSpacing() * (lines + 2.5)))
    return w


def guidance_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class Form(QFormLayout):
    """A form whose labels are real buddies: Alt+letter and screen readers find the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels: list[tuple[QLabel, QWidget]] = []

    def row(self, field: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(field)
        label.setWordWrap(True)
        self.addRow(label, field)
        self._labels.append((label, field))
        return label

    def set_label(self, label: QLabel, text: str) -> None:
        label.setText(text)
        buddy = label.buddy()
        if buddy is not None:
            buddy.setAccessibleName(text.replace("&", ""))
            proxy = buddy.focusProxy()  # a field with a helper beside it, in one row
            if proxy is not None:
                proxy.setAccessibleName(text.replace("&", ""))
