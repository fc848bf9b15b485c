"""File > Restore from backup: every copy of this workbook with its time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.i18n import N_, _
from smallbiz_codes.store.backup import BackupCopy

KIND_LABELS = {
    "auto": N_("automatic copy"),
    "migration": N_("copy before an upgrade"),
    "before-restore": N_("copy kept before a restore"),
}


class RestoreDialog(QDialog):
    def __init__(self, copies: list[BackupCopy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.copies = copies
        layout = QVBoxLayout(self)
        info = QLabel(_(
            "Choose a copy to bring back. The workbook as it is now is kept as another copy, "
            "so nothing is lost."
        ))
        info.setWordWrap(True)
        layout.addWidget(info)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backup copies"))
        for n, copy in enumerate(copies):
            when = copy.taken_at.strftime("%Y-%m-%d %H:%M:%S")
            item = QListWidgetItem(f"{when}   {_(KIND_LABELS.get(copy.kind, copy.kind))}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        if copies:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(_("There are no copies of this workbook yet."))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(copies))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def chosen(self) -> BackupCopy | None:
        item = self.list.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return None
        return self.copies[int(item.data(Qt.ItemDataRole.UserRole))]
