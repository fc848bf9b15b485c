"""Start from an example (ISO 10001 Annex A) or from a code an association provides (Annex G).

The owner sees an example's promises before adopting any. Adopted promises
arrive "not yet tailored" (``tailored=False``) with their indicators and
procedures; the checks block publishing until the owner has edited or
confirmed each one. What the owner already wrote is never touched.

The adoption itself is the store's (``store.adopt.adopt_example`` and
``store.packs.import_pack``), shared with the command line and File > Import
code pack, so a pack adopted here updates like any other.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.examples import example_keys, load_example, trade_name
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import _
from smallbiz_codes.store.adopt import adopt_example
from smallbiz_codes.store.errors import WorkbookError
from smallbiz_codes.store.packs import import_pack, read_pack
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form
from smallbiz_codes.ui.wizard.common import guidance_for, jump_to


def _adopt(session: Session, key: str, lang: str, keys: list[str] | None = None) -> list[Promise]:
    """Copy example ``key``'s promises (those in ``keys``, or all) as not yet tailored."""
    session.begin_edit("promise")
    added = adopt_example(session.wf, key, lang, keys)
    session.replaced()
    return added


def _adopt_pack(session: Session, path: Path) -> tuple[list[Promise], str]:
    """Adopt a code pack's promises (Annex G); returns (added, association)."""
    info, _pack = read_pack(path)
    session.begin_edit("promise")
    added = import_pack(session.wf, path)
    session.replaced()
    return added, info.association


class ExamplePage(StepPage):
    key = "example"
    clause = "Annex A, Annex G"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._example: Workbook | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        self.example_box = QGroupBox()
        ex = QVBoxLayout(self.example_box)
        form = Form()
        self.trade = QComboBox()
        self.trade_label = form.row(self.trade)
        ex.addLayout(form)
        self.promise_list = QListWidget()
        self.promise_list.setWordWrap(True)
        self.promise_list.setAccessibleName("example promises")
        self.promise_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.promise_list.currentRowChanged.connect(self._show_details)
        ex.addWidget(self.promise_list)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setStyleSheet("color: #444;")
        ex.addWidget(self.details)
        row = QHBoxLayout()
        row.addStretch(1)
        self.adopt_button = QPushButton()
        self.adopt_button.clicked.connect(self.adopt_ticked)
        row.addWidget(self.adopt_button)
        ex.addLayout(row)
        outer.addWidget(self.example_box)

        self.pack_box = QGroupBox()
        pk = QVBoxLayout(self.pack_box)
        self.pack_hint = QLabel()
        self.pack_hint.setWordWrap(True)
        pk.addWidget(self.pack_hint)
        prow = QHBoxLayout()
        self.pack_button = QPushButton()
        self.pack_button.clicked.connect(self._choose_pack)
        prow.addWidget(self.pack_button)
        prow.addStretch(1)
        pk.addLayout(prow)
        outer.addWidget(self.pack_box)

        self.result = QLabel()
        self.result.setWordWrap(True)
        outer.addWidget(self.result)
        srow = QHBoxLayout()
        self.tailor_button = QPushButton()
        self.tailor_button.clicked.connect(lambda: jump_to(self, "promises"))
        srow.addWidget(self.tailor_button)
        srow.addStretch(1)
        outer.addLayout(srow)
        outer.addStretch(1)
        self.trade.currentIndexChanged.connect(lambda _i: self._show_example())
        self.retranslate()

    # -- frame ----------------------------------------------------------------
    def title(self) -> str:
        return _("Start from an example")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        return (1, 1) if wb.promises else (0, 1)

    def _lang(self) -> str:
        if self.session is None:
            return "zh"
        return self.session.wf.organization().language or "zh"

    def retranslate(self) -> None:
        self.example_box.setTitle(_("An example from a similar business"))
        self.trade_label.setText(_("&Trade"))
        self.trade.setAccessibleName(_("Trade"))
        self.adopt_button.setText(_("&Adopt the ticked promises"))
        self.pack_box.setTitle(_("A code your association provides"))
        self.pack_hint.setText(
            _(
                "If your trade association or a consultant gave you a code file (.json), "
                "import it: its promises are added to yours, marked as not yet tailored."
            )
        )
        self.pack_button.setText(_("&Import a code file…"))
        self.tailor_button.setText(_("Tailor the promises →"))
        self._fill_trades()
        self._update_status()

    def _fill_trades(self) -> None:
        current = self.trade.currentData()
        self.trade.blockSignals(True)
        self.trade.clear()
        for key in example_keys():
            self.trade.addItem(trade_name(key, self._lang()), key)
        idx = self.trade.findData(current)
        self.trade.setCurrentIndex(max(idx, 0))
        self.trade.blockSignals(False)
        self._show_example()

    def reload(self) -> None:
        if self.session is not None:
            org_trade = self.session.wf.organization().trade
            idx = self.trade.findData(org_trade)
            if idx >= 0 and self.trade.currentData() != org_trade:
                self.trade.setCurrentIndex(idx)  # the owner's trade first
        self._fill_trades()
        self._update_status()

    # -- the example ----------------------------------------------------------
    def _show_example(self) -> None:
        key = self.trade.currentData()
        self.promise_list.clear()
        self._example = None
        if not key:
            return
        self._example = load_example(key, self._lang())
        have: set[str] = set()
        if self.session is not None:
            have = {p.origin for p in self.session.wf.all(Promise) if p.origin}
        for p in self._example.promises:
            item = QListWidgetItem(p.wording)
            item.setData(Qt.ItemDataRole.UserRole, p.origin.rsplit("/", 1)[-1])
            if p.origin in have:
                item.setText(p.wording + "  " + _("(adopted)"))
                item.setFlags(
                    item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsEnabled
                )
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            self.promise_list.addItem(item)
        self.promise_list.setCurrentRow(0)
        self._show_details(0)

    def _show_details(self, row: int) -> None:
        if self._example is None or not 0 <= row < len(self._example.promises):
            self.details.clear()
            return
        p = self._example.promises[row]
        parts = []
        for label, text in (
            (_("Conditions:"), p.conditions),
            (_("Remedy:"), p.remedy),
            (_("Responsible:"), p.owner),
        ):
            if text:
                parts.append(f"<b>{escape(label)}</b> {escape(text)}")
        self.details.setText("<br/>".join(parts))

    def ticked_keys(self) -> list[str]:
        out = []
        for i in range(self.promise_list.count()):
            item = self.promise_list.item(i)
            if (
                item.flags() & Qt.ItemFlag.ItemIsEnabled
                and item.checkState() == Qt.CheckState.Checked
            ):
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def adopt_ticked(self) -> list[Promise]:
        key = self.trade.currentData()
        keys = self.ticked_keys()
        if self.session is None or not key or not keys:
            return []
        added = _adopt(self.session, key, self._lang(), keys)
        self.result.setText(
            _(
                "{n} promises adopted, with their indicators and procedures. They are marked "
                "as not yet tailored: edit each one or confirm it fits your business."
            ).format(n=len(added))
        )
        self._show_example()
        self._update_status()
        return added

    # -- a code pack ----------------------------------------------------------
    def _choose_pack(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("Import a code file"), str(Path.home()), _("Exchange files (*.json)")
        )
        if path:
            self.import_pack(Path(path))

    def import_pack(self, path: Path) -> list[Promise]:
        if self.session is None:
            return []
        try:
            added, association = _adopt_pack(self.session, path)
        except WorkbookError as exc:
            self.result.setText(
                _("This file could not be imported: {reason}. Nothing was changed.").format(
                    reason=str(exc)
                )
            )
            return []
        if association:
            msg = _("{n} promises adopted from {association}, marked as not yet tailored.")
        else:
            msg = _("{n} promises adopted, marked as not yet tailored.")
        self.result.setText(msg.format(n=len(added), association=association))
        self._show_example()
        self._update_status()
        return added

    def _update_status(self) -> None:
        if self.session is None:
            self.tailor_button.hide()
            return
        promises = self.session.wf.all(Promise)
        untailored = sum(not p.tailored for p in promises)
        self.tailor_button.setVisible(bool(promises))
        if untailored and not self.result.text():
            self.result.setText(
                _("{n} adopted promises still need tailoring.").format(n=untailored)
            )

    def leave(self) -> None:
        super().leave()
        self.result.clear()


def adopted_origin(p: Promise) -> Any:
    """'example:bakery/fresh' → ('example', 'bakery', 'fresh'); own promises → None."""
    if ":" not in p.origin or "/" not in p.origin:
        return None
    kind, rest = p.origin.split(":", 1)
    source, key = rest.rsplit("/", 1)
    return kind, source, key
