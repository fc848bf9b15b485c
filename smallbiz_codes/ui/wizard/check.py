"""Check against the guiding principles (ISO 10001 clause 4, 4.2–4.13).

Each principle shows what the program sees (domain/principles.py), the
problems with a button to the step that fixes them, and the owner's own
comment and verdict, stored as a PrincipleAssessment created on first edit.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import principles
from smallbiz_codes.domain.records import PrincipleAssessment
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language
from smallbiz_codes.ui.binding import FieldBinding
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.wizard.common import guidance_for, jump_to, on_short_route

STATUS = {
    principles.OK: ("✓", "#1e8449", N_("Met")),
    principles.PARTLY: ("◐", "#b9770e", N_("Partly met")),
    principles.MISSING: ("✗", "#c0392b", N_("Not met yet")),
}
OWNER_STATUS = {"": N_("My view: —"), "ok": N_("My view: fine"), "todo": N_("My view: to do")}


class PrincipleRow(QFrame):
    """One principle: status, question, problems with a way to fix each, the owner's comment."""

    def __init__(self, page: PrinciplesPage, clause: str) -> None:
        super().__init__()
        self.page = page
        self.clause = clause
        self.setObjectName("principle")
        self.setStyleSheet("QFrame#principle { border: 1px solid #ddd; border-radius: 4px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 8)
        lay.setSpacing(3)
        self.head = QLabel()
        self.head.setTextFormat(Qt.TextFormat.RichText)
        self.head.setWordWrap(True)
        lay.addWidget(self.head)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("color: #555;")
        lay.addWidget(self.question)
        self.problems = QVBoxLayout()
        self.problems.setSpacing(2)
        lay.addLayout(self.problems)
        self.fix_buttons: list[QPushButton] = []
        row = QHBoxLayout()
        self.comment = QLineEdit()
        self.owner_status = QComboBox()
        for key in OWNER_STATUS:
            self.owner_status.addItem("", key)
        row.addWidget(self.comment, 1)
        row.addWidget(self.owner_status)
        lay.addLayout(row)
        getter = lambda: page.session  # noqa: E731
        self.comment_binding = FieldBinding(self.comment, PrincipleAssessment, "comment", getter)
        self.status_binding = FieldBinding(
            self.owner_status, PrincipleAssessment, "owner_status", getter
        )
        page.binder.bindings += [self.comment_binding, self.status_binding]
        # Connected after the bindings: they ignore the first edit, which creates the record.
        self.comment.textEdited.connect(lambda _t: self._first_edit())
        self.owner_status.currentIndexChanged.connect(lambda _i: self._first_edit())

    def _first_edit(self) -> None:
        if self.comment_binding.record_id is not None or self.page.session is None:
            return
        if self.comment_binding._loading or self.status_binding._loading:
            return
        record = self.page.session.add(
            PrincipleAssessment(
                principle=self.clause,
                comment=self.comment.text(),
                owner_status=self.owner_status.currentData() or "",
            )
        )
        self.comment_binding.record_id = record.id
        self.status_binding.record_id = record.id

    def show_status(
        self, st: principles.PrincipleStatus, record: PrincipleAssessment | None
    ) -> None:
        lang = current_language()
        mark, colour, label = STATUS[st.status]
        self.head.setText(
            f"<span style='color:{colour}; font-size: large'>{mark}</span> "
            f"<b>{escape(st.clause)} {escape(st.title(lang))}</b> "
            f"<span style='color:{colour}'>· {escape(_(label))}</span>"
        )
        self.question.setText(st.question(lang))
        while self.problems.count():
            item = self.problems.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.fix_buttons = []
        for f, blocking in [(f, True) for f in st.blocking] + [(f, False) for f in st.advice]:
            w = QWidget()
            h = QHBoxLayout(w)
            h.setContentsMargins(12, 0, 0, 0)
            colour = "#c0392b" if blocking else "#b9770e"
            text = QLabel(f"<span style='color:{colour}'>•</span> {escape(f.text(lang))}")
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            h.addWidget(text, 1)
            if f.step and f.step != self.page.key:
                b = QPushButton(_("Go and fix it"))
                b.setAccessibleName(_("Go and fix it: {what}").format(what=f.text(lang)))
                b.clicked.connect(lambda _c=False, k=f.step: jump_to(self.page, k))
                h.addWidget(b)
                self.fix_buttons.append(b)
            self.problems.addWidget(w)
            w.show()
        self.comment_binding.load(record.id if record else None, record.comment if record else "")
        self.status_binding.load(
            record.id if record else None, record.owner_status if record else ""
        )
        self.comment.setEnabled(self.page.session is not None)
        self.owner_status.setEnabled(self.page.session is not None)

    def retranslate(self) -> None:
        self.comment.setPlaceholderText(_("Your own comment on this principle"))
        self.comment.setAccessibleName(
            _("Your comment on principle {clause}").format(clause=self.clause)
        )
        self.owner_status.setAccessibleName(
            _("Your view on principle {clause}").format(clause=self.clause)
        )
        for i, key in enumerate(OWNER_STATUS):
            self.owner_status.setItemText(i, _(OWNER_STATUS[key]))


class PrinciplesPage(StepPage):
    key = "principles"
    clause = "4"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.rows: dict[str, PrincipleRow] = {}
        for clause in principles.clauses():
            row = PrincipleRow(self, clause)
            self.rows[clause] = row
            outer.addWidget(row)
        outer.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return _("Check the principles")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        statuses = principles.assess(wb)
        return (sum(s.status != principles.MISSING for s in statuses), len(statuses))

    def retranslate(self) -> None:
        for row in self.rows.values():
            row.retranslate()
        self.reload()

    def reload(self) -> None:
        if self.session is None:
            self.summary.clear()
            self.binder.load(None)
            return
        wb = self.session.load()
        own = {a.principle: a for a in wb.principle_assessments}
        statuses = principles.assess(wb)
        for st in statuses:
            self.rows[st.clause].show_status(st, own.get(st.clause))
        missing = sum(s.status == principles.MISSING for s in statuses)
        partly = sum(s.status == principles.PARTLY for s in statuses)
        self.summary.setText(
            _("{ok} of {total} principles met, {partly} partly, {missing} not yet.").format(
                ok=len(statuses) - missing - partly,
                total=len(statuses),
                partly=partly,
                missing=missing,
            )
        )
