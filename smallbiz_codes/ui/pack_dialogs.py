"""File > Import code pack and Export code pack (ISO 10001 Annex G).

Importing a pack the workbook has not seen adopts its promises, each marked
"not yet tailored". Importing a newer version of a pack already adopted lists
what changed upstream, one checkbox per change, none ticked: nothing of the
owner's is replaced unless they choose it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.packs import PackChange, parse_origin
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.i18n import _, current_language
from smallbiz_codes.store.packs import apply_changes, import_pack, read_pack, update_from_pack
from smallbiz_codes.store.workbook import WorkbookFile


class ChangesDialog(QDialog):
    """One checkbox per upstream change; the owner's tailoring is kept unless ticked."""

    def __init__(self, association: str, changes: list[PackChange], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Changes from {association}").format(association=association))
        self.changes = changes
        layout = QVBoxLayout(self)
        intro = QLabel(_(
            "{association} sent a newer version of its code. Tick the changes you want to take; "
            "everything you leave unticked stays as it is in your code."
        ).format(association=association))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Changes"))
        lang = current_language()
        for n, change in enumerate(changes):
            text = change.summary(lang)
            warning = change.warning(lang)
            if warning:
                text += "\n⚠ " + warning
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Take the ticked changes"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def chosen(self) -> list[PackChange]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(self.changes[int(item.data(Qt.ItemDataRole.UserRole))])
        return out


def adopted_pack_ids(wf: WorkbookFile) -> set[str]:
    ids = set()
    for p in wf.all(Promise):
        parsed = parse_origin(p.origin)
        if parsed:
            ids.add(parsed[0])
    return ids


def import_or_update(wf: WorkbookFile, path: Path, parent: QWidget | None) -> str:
    """Adopt a new pack, or offer a known pack's changes. Returns a sentence for the status bar."""
    info, _pack = read_pack(path)
    if info.id not in adopted_pack_ids(wf):
        added = import_pack(wf, path)
        return _("Adopted {n} promises from {association}. Tailor each one on the Promises page "
                 "before you publish.").format(n=len(added), association=info.association)
    update = update_from_pack(wf, path)
    if not update.changes:
        return _(
            "Your code already has everything in this version of {association}'s code."
        ).format(association=info.association)
    dialog = ChangesDialog(info.association, update.changes, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return _("Nothing was changed.")
    applied = apply_changes(wf, dialog.chosen())
    return _("Took {n} changes from {association}.").format(n=applied, association=info.association)


class ExportPackDialog(QDialog):
    """For an association: the pack's id, the association's name and the version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export code pack"))
        layout = QVBoxLayout(self)
        info = QLabel(_(
            "A code pack holds your code without your business's own records, for an association "
            "or franchise to hand to its members. Members keep a link to it and see your later "
            "changes."
        ))
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.pack_id = QLineEdit()
        self.pack_id.setPlaceholderText("bakery-association-code")
        self.association = QLineEdit()
        self.version = QLineEdit("1")
        for label, w in ((_("Pack id (letters, digits, - and .)"), self.pack_id),
                         (_("Association or franchise"), self.association),
                         (_("Version"), self.version)):
            w.setAccessibleName(label)
            form.addRow(label, w)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
