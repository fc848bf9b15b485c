"""Feedback and complaints log (ISO 10001 8.1): what customers said about the promises.

The customer reference is kept pseudonymous (principle 4.10, confidentiality):
a warning shows at once when it looks like a full phone number or email.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from smallbiz_codes.domain import living
from smallbiz_codes.domain.records import Feedback
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language
from smallbiz_codes.ui.living.common import (
    DateEdit,
    RecordEditor,
    bind_date,
    date_cell,
    guidance,
    today_iso,
)
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import line, text_box

KIND_LABELS = {"complaint": N_("Complaint"), "feedback": N_("Suggestion"), "praise": N_("Praise")}
STATUS_LABELS = {"open": N_("Open"), "closed": N_("Closed")}
WARNINGS = {
    "phone": N_("This looks like a full phone number. Keep only the last 4 digits (e.g. 5678)."),
    "email": N_("This looks like an email address. Keep only initials or a short note."),
}


class FeedbackPage(StepPage):
    key = "feedback"
    clause = "8.1"
    live_view = False  # logs and tables need the width more than the customer's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.open_only = QCheckBox()
        self.open_only.toggled.connect(lambda _c: self.editor.reload())
        outer.addWidget(self.open_only)
        self.editor = RecordEditor(
            Feedback, lambda: self.session,
            row=self._row,
            new_record=lambda wb: Feedback(date=today_iso()),
            keep=lambda f, wb: not self.open_only.isChecked() or f.status != "closed",
            sort_key=lambda f: (f.date, f.id or 0), reverse=True,
        )
        outer.addWidget(self.editor)
        outer.addStretch(1)
        e = self.editor
        self.date = DateEdit()
        self.kind = QComboBox()
        self.promise = QComboBox()
        self.channel = line()
        self.summary = text_box(2)
        self.customer_ref = line()
        self.customer_ref.setMaximumWidth(220)
        self.ref_hint = QLabel()
        self.ref_hint.setStyleSheet("color: #666;")
        self.ref_warning = QLabel()
        self.ref_warning.setWordWrap(True)
        self.ref_warning.setStyleSheet("color: #b00020;")
        self.ref_warning.hide()
        ref_box = QWidget()
        ref_layout = QVBoxLayout(ref_box)
        ref_layout.setContentsMargins(0, 0, 0, 0)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.customer_ref)
        ref_row.addWidget(self.ref_hint, 1)
        ref_layout.addLayout(ref_row)
        ref_layout.addWidget(self.ref_warning)
        self.remedy = text_box(2)
        self.status = QComboBox()
        self.closed = DateEdit()
        self.closed_label = QLabel()
        self.closed_label.setBuddy(self.closed.edit)
        status_box = QWidget()
        status_row = QHBoxLayout(status_box)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.status, 1)
        status_row.addSpacing(12)
        status_row.addWidget(self.closed_label)
        status_row.addWidget(self.closed, 1)
        self.labels = {
            "date": e.form.row(self.date),
            "kind": e.form.row(self.kind),
            "promise": e.form.row(self.promise),
            "channel": e.form.row(self.channel),
            "summary": e.form.row(self.summary),
            "ref": e.form.row(ref_box),
            "remedy": e.form.row(self.remedy),
            "status": e.form.row(status_box),
        }
        self.labels["ref"].setBuddy(self.customer_ref)
        self.labels["status"].setBuddy(self.status)
        b = e.binder
        bind_date(b, self.date, Feedback, "date", lambda: self.session)
        b.bind(self.kind, Feedback, "kind")
        b.bind(self.promise, Feedback, "promise_id")
        b.bind(self.channel, Feedback, "channel")
        b.bind(self.summary, Feedback, "summary")
        b.bind(self.customer_ref, Feedback, "customer_ref")
        b.bind(self.remedy, Feedback, "remedy_given")
        b.bind(self.status, Feedback, "status")
        bind_date(b, self.closed, Feedback, "closed_on", lambda: self.session)
        self.customer_ref.textChanged.connect(self._check_ref)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._fill_combos()
        self.retranslate()

    # -- frame ---------------------------------------------------------------------------
    def title(self) -> str:
        return _("Feedback and complaints")

    def guidance(self) -> str:
        return guidance("feedback")

    def completion(self, wb: Workbook) -> tuple[int, int]:
        return (sum(f.status == "closed" for f in wb.feedback), len(wb.feedback))

    def _row(self, f: Feedback, wb: Workbook) -> list[str]:
        n = living.promise_number(wb, f.promise_id)
        about = _("Promise {n}").format(n=n) if n else "–"
        return [date_cell(f.date), _(KIND_LABELS.get(f.kind, f.kind)), about, f.summary,
                _(STATUS_LABELS.get(f.status, f.status))]

    def _fill_combos(self) -> None:
        for combo, labels in ((self.kind, KIND_LABELS), (self.status, STATUS_LABELS)):
            combo.blockSignals(True)
            current = combo.currentIndex()
            combo.clear()
            for key, label in labels.items():
                combo.addItem(_(label), key)
            combo.setCurrentIndex(max(current, 0))
            combo.blockSignals(False)
        self._fill_promises()

    def _fill_promises(self) -> None:
        current = self.promise.currentData()
        self.promise.blockSignals(True)
        self.promise.clear()
        self.promise.addItem(_("Not about a particular promise"), None)
        if self.session is not None:
            wb = self.session.load()
            for p in sorted(wb.promises, key=lambda p: (p.position, p.id or 0)):
                self.promise.addItem(living.promise_label(wb, p, current_language()), p.id)
        self.promise.setCurrentIndex(max(self.promise.findData(current), 0))
        self.promise.blockSignals(False)

    def retranslate(self) -> None:
        e, f, labels = self.editor, self.editor.form, self.labels
        e.set_headers([_("Date"), _("Kind"), _("About"), _("What the customer said"), _("Status")],
                      stretch=3)
        e.set_button_texts(_("&Add feedback or a complaint"), _("&Remove"))
        self.open_only.setText(_("Show &open ones only"))
        f.set_label(labels["date"], _("Date"))
        f.set_label(labels["kind"], _("Kind"))
        f.set_label(labels["promise"], _("About which promise"))
        f.set_label(labels["channel"], _("How it reached us"))
        f.set_label(labels["summary"], _("What the customer said"))
        f.set_label(labels["ref"], _("Customer reference"))
        f.set_label(labels["remedy"], _("Remedy given"))
        f.set_label(labels["status"], _("Status"))
        self.closed_label.setText(_("Closed on"))
        self.status.setAccessibleName(_("Status"))
        self.date.setAccessibleName(_("Date"))
        self.closed.setAccessibleName(_("Closed on"))
        self.channel.setPlaceholderText(_("e.g. at the till, by phone, WeChat, review site"))
        self.ref_hint.setText(_("Initials or the last 4 digits of the phone number only"))
        self.customer_ref.setPlaceholderText(_("e.g. W.L. or 5678"))
        for d in (self.date, self.closed):
            d.retranslate()
        self._fill_combos()
        self._check_ref()
        e.reload()

    # -- life cycle ----------------------------------------------------------------------
    def attach(self, session) -> None:  # type: ignore[no-untyped-def]
        self.editor.attach(session)
        super().attach(session)

    def reload(self) -> None:
        self._fill_promises()
        self.editor.reload()

    def leave(self) -> None:
        self.editor.binder.flush()

    # -- behaviour -----------------------------------------------------------------------
    def _check_ref(self, *_args: object) -> None:
        kind = living.contact_kind(self.customer_ref.text())
        self.ref_warning.setVisible(kind is not None)
        self.ref_warning.setText(_(WARNINGS[kind]) if kind else "")

    def _status_changed(self, *_args: object) -> None:
        """Closing an entry fills in today's date as the closed date, if none is set."""
        if self.editor.loading or self.editor.current_id() is None:
            return
        if self.status.currentData() == "closed" and not self.closed.iso():
            self.closed.choose(today_iso())
