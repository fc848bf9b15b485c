"""What shows when no workbook is open: new, example, open, recent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.examples import example_keys, trade_name
from smallbiz_codes.i18n import _, current_language


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    example_requested = Signal(str)
    recent_requested = Signal(Path)
    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(760)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 36, 24, 36)
        layout.setSpacing(12)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        # First start: the language is chosen here, in both scripts, before anything else.
        self.language_buttons: dict[str, QPushButton] = {}
        for code, label in (("zh", "中文"), ("en", "English")):
            button = QPushButton(label)
            button.setCheckable(True)  # shows which language is on
            button.setAccessibleName(label)
            self.language_buttons[code] = button
            button.clicked.connect(lambda _c=False, c=code: self.language_requested.emit(c))
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        row = QHBoxLayout()
        self.example_combo = QComboBox()
        self.example_button = QPushButton()
        row.addWidget(self.example_combo, 1)
        row.addWidget(self.example_button)
        for w in (self.new_button, self.open_button):
            w.setMinimumHeight(int(w.fontMetrics().height() * 2.2))
            layout.addWidget(w)
        layout.addLayout(row)
        self.recent_label = QLabel()
        self.recent = QListWidget()
        layout.addSpacing(12)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.example_button.clicked.connect(
            lambda: self.example_requested.emit(self.example_combo.currentData())
        )
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.retranslate()

    def retranslate(self) -> None:
        for code, button in self.language_buttons.items():
            button.setChecked(code == current_language())
        self.heading.setText(_("Your promises to your customers"))
        self.intro.setText(_(
            "This program helps you write down what your business promises its customers, "
            "print it for the wall, brief your staff and check every year that you keep it. "
            "It follows ISO 10001 / GB/T 19010-2021. Start with a new workbook, or look at an "
            "example first."
        ))
        self.new_button.setText(_("&New workbook…"))
        self.open_button.setText(_("&Open a workbook…"))
        self.example_button.setText(_("Open &example"))
        self.recent_label.setText(_("Recent workbooks"))
        current = self.example_combo.currentData()
        self.example_combo.clear()
        for key in example_keys():
            self.example_combo.addItem(trade_name(key, current_language()), key)
        self.example_combo.setCurrentIndex(max(0, self.example_combo.findData(current)))
        self.example_combo.setAccessibleName(_("Example trade"))

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
