"""Promises and related provisions (ISO 10001 6.4, Annex H, Annex A's rows).

Each promise is laid out as Annex A lays it out: the promise, its conditions
and limitations next to it, the remedy, who is responsible. The wording
checks run on what is in the fields 400 ms after the last keystroke, before
it is even saved, and say in the owner's language what is wrong, why, and
how to word it better.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import checks, wording
from smallbiz_codes.domain.checks import Finding
from smallbiz_codes.domain.examples import other, pick
from smallbiz_codes.domain.records import PROMISE_CATEGORIES, Indicator, Procedure, Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language
from smallbiz_codes.ui.binding import DEBOUNCE_MS
from smallbiz_codes.ui.widgets import line, text_box
from smallbiz_codes.ui.wizard.common import FindingsPanel, ListPage, guidance_for, ideas

CATEGORY_LABELS = {
    "delivery": N_("Delivery"),
    "service_time": N_("Waiting and service times"),
    "quality": N_("Quality of goods or work"),
    "price": N_("Prices, deposits and payment"),
    "returns": N_("Returns and refunds"),
    "personal_data": N_("Customers' personal data"),
    "advertising": N_("What we advertise"),
    "complaints": N_("Handling complaints"),
    "other": N_("Other"),
}
# Categories offered only to businesses that sell that way (Organization.channels).
CATEGORY_CHANNELS: dict[str, tuple[str, ...]] = {"delivery": ("delivery", "online")}
TEXT_FIELDS = ("wording", "wording_alt", "conditions", "conditions_alt", "remedy", "remedy_alt")


def categories_for(channels: list[str], keep: str = "") -> list[str]:
    """The categories this business is offered; the promise's own one is always kept."""
    out = []
    for c in PROMISE_CATEGORIES:
        needs = CATEGORY_CHANNELS.get(c)
        if c == keep or needs is None or any(ch in channels for ch in needs):
            out.append(c)
    return out


def ideas_for(channels: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(channel, idea) for the starter promises that fit how the business sells."""
    out = []
    for channel, items in ideas().get("channels", {}).items():
        if channel in channels:
            out.extend((channel, item) for item in items)
    return out


class PromisesPage(ListPage):
    key = "promises"
    clause = "6.4, Annex H"
    record_cls = Promise
    attr = "promises"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = "zh"  # the language the owner writes the code in
        self._channels: list[str] = []
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 8 + 12)

        # Banner for an adopted promise still in the template's words.
        self.untailored = QFrame()
        self.untailored.setStyleSheet(
            "QFrame { background: #fef5e7; border-left: 4px solid #d68910; border-radius: 3px; }"
        )
        ub = QHBoxLayout(self.untailored)
        ub.setContentsMargins(10, 6, 8, 6)
        self.untailored_label = QLabel()
        self.untailored_label.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm_fits)
        ub.addWidget(self.untailored_label, 1)
        ub.addWidget(self.confirm_button)
        self.editor_layout.insertWidget(0, self.untailored)

        self.wording = text_box(2)
        self.wording_alt = text_box(2)
        self.show_alt = QCheckBox()
        self.category = QComboBox()
        self.covers = line()
        self.conditions = text_box(2)
        self.conditions_alt = text_box(2)
        self.remedy = text_box(2)
        self.remedy_alt = text_box(2)
        self.owner = line()
        self.capability = QCheckBox()
        f, b = self.form, self.binder
        self.labels = {
            "wording": f.row(self.wording),
            "wording_alt": f.row(self.wording_alt),
            "category": f.row(self.category),
            "covers": f.row(self.covers),
            "conditions": f.row(self.conditions),
            "conditions_alt": f.row(self.conditions_alt),
            "remedy": f.row(self.remedy),
            "remedy_alt": f.row(self.remedy_alt),
            "owner": f.row(self.owner),
            "capability": f.row(self.capability),
        }
        f.insertRow(1, "", self.show_alt)
        self.wording_binding = b.bind(self.wording, Promise, "wording")
        self.wording_alt_binding = b.bind(self.wording_alt, Promise, "wording_alt")
        b.bind(self.category, Promise, "category")
        b.bind(self.covers, Promise, "covers")
        b.bind(self.conditions, Promise, "conditions")
        b.bind(self.conditions_alt, Promise, "conditions_alt")
        b.bind(self.remedy, Promise, "remedy")
        b.bind(self.remedy_alt, Promise, "remedy_alt")
        b.bind(self.owner, Promise, "owner")
        b.bind(self.capability, Promise, "capability_confirmed")
        self.show_alt.toggled.connect(self._show_alt_fields)

        self.findings = FindingsPanel()
        self.findings.apply.connect(self.apply_fix)
        self.findings_title = QLabel()
        self.findings_title.setStyleSheet("font-weight: bold;")
        # Right under the wording, where the eyes are while typing (not below the whole form).
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 4)
        notes_layout.addWidget(self.findings_title)
        notes_layout.addWidget(self.findings)
        f.insertRow(3, notes)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(DEBOUNCE_MS)
        self._check_timer.timeout.connect(self.run_live_checks)
        for name in TEXT_FIELDS:
            getattr(self, name).textChanged.connect(self._check_timer.start)
        self.owner.textChanged.connect(self._check_timer.start)
        self.category.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self.wording.textChanged.connect(lambda: self._edited(self.wording_binding))
        self.wording_alt.textChanged.connect(lambda: self._edited(self.wording_alt_binding))

        self.ideas_box = QGroupBox()
        self.ideas_layout = QVBoxLayout(self.ideas_box)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.empty_label) + 1, self.ideas_box)
        self._reading_order()
        self.retranslate()

    # -- frame ----------------------------------------------------------------
    def title(self) -> str:
        return _("Promises")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        if not wb.promises:
            return (0, 1)
        done = sum(
            bool(p.wording.strip() and p.remedy.strip() and p.owner.strip() and p.tailored)
            for p in wb.promises
        )
        return (done, len(wb.promises))

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add promise"),
            _("&Remove"),
            _("No promises yet. Add your own, or start from an example on the step before."),
        )

    def removed_text(self) -> str:
        return _("Promise removed, with the links of its indicators and procedures.")

    def item_text(self, record: Any, n: int) -> str:
        text = " ".join(record.wording.split()) or _("(new promise)")
        if len(text) > 70:
            text = text[:69] + "…"
        mark = "  ✎ " + _("not yet tailored") if not record.tailored else ""
        return f"{n}. {text}{mark}"

    def links(self, record: Any, wb: Workbook) -> list[tuple[type, int, str]]:
        out: list[tuple[type, int, str]] = []
        out += [(Indicator, i.id, "promise_id") for i in wb.indicators_for(record)]
        out += [(Procedure, p.id, "promise_id") for p in wb.procedures_for(record)]
        return out

    def new_record(self) -> Promise:
        return Promise(category="other")

    # -- language -------------------------------------------------------------
    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        alt = _("English") if self._lang == "zh" else _("Chinese")
        f.set_label(labels["wording"], _("&The promise, as customers read it"))
        f.set_label(labels["wording_alt"], _("The promise in {language}").format(language=alt))
        f.set_label(labels["category"], _("What it is about"))
        f.set_label(labels["covers"], _("Which customers, goods or services it covers"))
        f.set_label(labels["conditions"], _("&Conditions and limitations"))
        f.set_label(labels["conditions_alt"], _("Conditions in {language}").format(language=alt))
        f.set_label(labels["remedy"], _("Re&medy: what the customer gets if you fall short"))
        f.set_label(labels["remedy_alt"], _("Remedy in {language}").format(language=alt))
        f.set_label(labels["owner"], _("Responsible &person"))
        f.set_label(labels["capability"], "")
        self.capability.setText(_("We have checked that we can &keep this promise"))
        self.capability.setAccessibleName(self.capability.text().replace("&", ""))
        self.show_alt.setText(
            _("Also write it in {language} (for a bilingual notice)").format(language=alt)
        )
        self.untailored_label.setText(
            _(
                "This promise is still the example's wording. Edit it, or confirm that it fits "
                "your business as it is."
            )
        )
        self.confirm_button.setText(_("This &fits my business"))
        self.wording.setPlaceholderText(_("e.g. Ordered cakes are ready by the agreed time."))
        self.conditions.setPlaceholderText(_("e.g. Orders placed at least 24 hours ahead."))
        self.remedy.setPlaceholderText(_("e.g. If late, the delivery fee is refunded."))
        self.owner.setPlaceholderText(_("e.g. Wang Li, manager"))
        self.findings_title.setText(_("Notes on this promise"))
        self.ideas_box.setTitle(_("Ideas for the way you sell"))
        self._fill_categories()
        super().retranslate()
        self._fill_ideas()

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        record = self.current() if hasattr(self, "records") else None
        keep = record.category if record is not None else ""
        self.category.blockSignals(True)
        self.category.clear()
        for c in categories_for(self._channels, keep):
            self.category.addItem(_(CATEGORY_LABELS[c]), c)
        idx = self.category.findData(current if current else keep)
        self.category.setCurrentIndex(max(idx, 0))
        self.category.blockSignals(False)

    # -- loading --------------------------------------------------------------
    def reload(self) -> None:
        if self.session is not None:
            org = self.session.wf.organization()
            lang = org.language or "zh"
            if lang != self._lang or org.channels != self._channels:
                self._lang, self._channels = lang, list(org.channels)
                self.retranslate()
        super().reload()
        self._fill_ideas()

    def show_record(self, record: Any | None) -> None:
        if record is not None:
            self._fill_categories()
            self.category.blockSignals(True)
            self.category.setCurrentIndex(max(self.category.findData(record.category), 0))
            self.category.blockSignals(False)
            has_alt = any(
                getattr(record, n) for n in ("wording_alt", "conditions_alt", "remedy_alt")
            )
            self.show_alt.blockSignals(True)
            self.show_alt.setChecked(has_alt or self.show_alt.isChecked())
            self.show_alt.blockSignals(False)
        self._show_alt_fields(self.show_alt.isChecked())
        self.untailored.setVisible(record is not None and not record.tailored)
        self._check_timer.stop()
        self.run_live_checks()

    def _show_alt_fields(self, on: bool) -> None:
        for name in ("wording_alt", "conditions_alt", "remedy_alt"):
            widget = getattr(self, name)
            widget.setVisible(on)
            self.labels[name].setVisible(on)

    # -- editing --------------------------------------------------------------
    def _edited(self, binding: Any) -> None:
        """The owner's own words: an adopted promise is tailored from the first keystroke."""
        record = self.current()
        if record is None or self.session is None or record.tailored or not binding.pending():
            return
        self.session.set_field(Promise, record.id, "tailored", True)
        record.tailored = True
        self.untailored.setVisible(False)

    def confirm_fits(self) -> None:
        record = self.current()
        if record is None or self.session is None:
            return
        self.binder.flush()
        self.session.set_field(Promise, record.id, "tailored", True)
        record.tailored = True
        self.untailored.setVisible(False)
        self.refresh_labels()
        self.run_live_checks()
        nxt = next((n for n, r in enumerate(self.records) if not r.tailored), None)
        if nxt is not None:  # straight on to the next one that needs looking at
            self.list.setCurrentRow(nxt)

    def current_values(self) -> Promise | None:
        """The selected promise as the fields show it now, saved or not."""
        record = self.current()
        if record is None:
            return None
        values = {name: getattr(self, name).toPlainText() for name in TEXT_FIELDS}
        return replace(
            record,
            covers=self.covers.text(),
            owner=self.owner.text(),
            category=self.category.currentData() or record.category,
            capability_confirmed=self.capability.isChecked(),
            **values,
        )

    def live_findings(self) -> list[Finding]:
        p = self.current_values()
        if p is None or self.session is None:
            return []
        wb = self.session.load()
        promises = [p if q.id == p.id else q for q in wb.promises]
        wb.promises = promises
        n = next(i for i, q in enumerate(promises, start=1) if q.id == p.id)
        ref = f"promise:{p.id}"
        found = [f for f in checks.structural_findings(wb) if f.record == ref]
        found += wording.check_promise(p, n, self._lang)
        found += [f for f in wording.contradictions(promises, self._lang) if f.record == ref]
        order = {checks.ERROR: 0, checks.WARNING: 1}
        return sorted(found, key=lambda f: order.get(f.severity, 2))

    def run_live_checks(self) -> None:
        found = self.live_findings()
        self.findings.show_findings(
            found,
            texts=lambda name: getattr(self, name).toPlainText() if name in TEXT_FIELDS else "",
            lang=current_language(),
        )
        self.findings_title.setVisible(bool(found))
        self._reading_order()

    def _reading_order(self) -> None:
        """Tab as the eyes go: wording, the bilingual tick under it, the other language,
        the advice on the wording, then the rest of the form. Rows inserted after the
        form was built (and advice buttons made on the fly) would otherwise come last."""
        chain: list[QWidget] = [self.wording, self.show_alt, self.wording_alt,
                                *self.findings.buttons, self.category]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def apply_fix(self, finding: Finding, replacement: str, start: int, end: int) -> None:
        widget = getattr(self, finding.where, None)
        if not isinstance(widget, QPlainTextEdit):
            return
        cursor = QTextCursor(widget.document())
        cursor.setPosition(start)
        cursor.setPosition(min(end, len(widget.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)  # one undo step in the field: Ctrl+Z brings it back
        widget.setFocus()

    def leave(self) -> None:
        if self._check_timer.isActive():
            self._check_timer.stop()
        super().leave()

    # -- ideas by channel -----------------------------------------------------
    def _fill_ideas(self) -> None:
        while self.ideas_layout.count():
            item = self.ideas_layout.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        have: set[str] = set()
        if self.session is not None:
            have = {p.origin for p in self.session.wf.all(Promise)}
        shown = 0
        for _channel, idea in ideas_for(self._channels):
            if f"idea:{idea['key']}" in have:
                continue
            b = QPushButton(_("Add: {promise}").format(promise=pick(idea["wording"], self._lang)))
            b.setStyleSheet("text-align: left; padding: 4px 8px;")
            b.clicked.connect(lambda _c=False, i=idea: self.add_idea(i))
            self.ideas_layout.addWidget(b)
            b.show()
            shown += 1
        self.ideas_box.setVisible(shown > 0 and self.session is not None)

    def add_idea(self, idea: dict[str, Any]) -> Promise | None:
        lang, alt = self._lang, other(self._lang)
        p = Promise(
            wording=pick(idea["wording"], lang),
            wording_alt=pick(idea["wording"], alt),
            category=idea.get("category", "other"),
            conditions=pick(idea.get("conditions", ""), lang),
            conditions_alt=pick(idea.get("conditions", ""), alt),
            remedy=pick(idea.get("remedy", ""), lang),
            remedy_alt=pick(idea.get("remedy", ""), alt),
            tailored=False,
            origin=f"idea:{idea['key']}",
        )
        p.origin_wording = p.wording
        added = self.add_record(p)
        self._fill_ideas()
        return added
