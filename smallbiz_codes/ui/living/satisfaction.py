"""Satisfaction with the code (ISO 10001 8.3): one line per survey of customers."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QVBoxLayout, QWidget

from smallbiz_codes.domain.living import number
from smallbiz_codes.domain.records import SatisfactionResult
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import _
from smallbiz_codes.ui.living.common import (
    DateEdit,
    RecordEditor,
    bind_date,
    bind_number,
    date_cell,
    guidance,
    number_line,
    today_iso,
)
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import line, text_box


def _pct(value: float | None) -> str:
    return "" if value is None else number(value) + "%"


def _score(value: float | None) -> str:
    return "" if value is None else number(value)


class SatisfactionPage(StepPage):
    key = "satisfaction"
    clause = "8.3"
    live_view = False  # logs and tables need the width more than the customer's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.editor = RecordEditor(
            SatisfactionResult, lambda: self.session,
            row=lambda s, wb: [date_cell(s.date), s.method, str(s.sample or ""),
                               _pct(s.awareness), _score(s.clarity), _score(s.fairness),
                               _score(s.overall)],
            new_record=lambda wb: SatisfactionResult(date=today_iso()),
            sort_key=lambda s: (s.date, s.id or 0), reverse=True,
        )
        outer.addWidget(self.editor)
        outer.addStretch(1)
        e = self.editor
        self.date = DateEdit()
        self.method = line()
        self.sample = QSpinBox()
        self.sample.setRange(0, 100000)
        self.sample.setMaximumWidth(160)
        self.awareness = number_line()
        self.clarity = number_line()
        self.fairness = number_line()
        self.overall = number_line()
        self.comment = text_box(3)
        self.labels = {
            "date": e.form.row(self.date),
            "method": e.form.row(self.method),
            "sample": e.form.row(self.sample),
            "awareness": e.form.row(self.awareness),
            "clarity": e.form.row(self.clarity),
            "fairness": e.form.row(self.fairness),
            "overall": e.form.row(self.overall),
            "comment": e.form.row(self.comment),
        }
        b = e.binder
        getter = lambda: self.session  # noqa: E731 - one getter for every binding
        bind_date(b, self.date, SatisfactionResult, "date", getter)
        b.bind(self.method, SatisfactionResult, "method")
        b.bind(self.sample, SatisfactionResult, "sample")
        for name in ("awareness", "clarity", "fairness", "overall"):
            bind_number(b, getattr(self, name), SatisfactionResult, name, getter)
        b.bind(self.comment, SatisfactionResult, "comment")
        self.retranslate()

    def title(self) -> str:
        return _("Satisfaction with the code")

    def guidance(self) -> str:
        return guidance("satisfaction")

    def completion(self, wb: Workbook) -> tuple[int, int]:
        return (min(len(wb.satisfaction_results), 1), 1)

    def retranslate(self) -> None:
        e, f, labels = self.editor, self.editor.form, self.labels
        e.set_headers([_("Date"), _("How"), _("Customers asked"), _("Knew the promises"),
                       _("Clear"), _("Fair"), _("Overall")], stretch=1)
        e.set_button_texts(_("&Add a survey"), _("&Remove survey"))
        f.set_label(labels["date"], _("Date"))
        f.set_label(labels["method"], _("How you asked"))
        f.set_label(labels["sample"], _("Customers who answered"))
        f.set_label(labels["awareness"], _("Knew our promises (% of those asked)"))
        f.set_label(labels["clarity"], _("The promises are clear (average, 1–5)"))
        f.set_label(labels["fairness"], _("The promises and remedies are fair (average, 1–5)"))
        f.set_label(labels["overall"], _("Overall satisfaction with the code (average, 1–5)"))
        f.set_label(labels["comment"], _("What customers said"))
        self.date.setAccessibleName(_("Date"))
        self.method.setPlaceholderText(_("e.g. short form at the till, follow-up calls"))
        self.date.retranslate()
        e.reload()

    def attach(self, session) -> None:  # type: ignore[no-untyped-def]
        self.editor.attach(session)
        super().attach(session)

    def reload(self) -> None:
        self.editor.reload()

    def leave(self) -> None:
        self.editor.binder.flush()
