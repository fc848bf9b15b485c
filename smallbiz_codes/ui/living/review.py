"""Review meetings (ISO 10001 8.4) and the improvement actions they decide (8.5).

A review's inputs can be drafted from the records (indicators against
targets, feedback per promise, satisfaction, open actions); the latest
review's next date becomes the code's review date, which Home reminds of.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import living
from smallbiz_codes.domain.records import Code, ImprovementAction, Review
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _
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

ACTION_STATUS_LABELS = {"open": N_("Not started"), "doing": N_("Under way"), "done": N_("Done")}


class ReviewPage(StepPage):
    key = "review"
    clause = "8.4, 8.5"
    live_view = False  # logs and tables need the width more than the customer's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        getter = lambda: self.session  # noqa: E731 - one getter for every binding
        self.reviews = RecordEditor(
            Review, getter,
            row=lambda r, wb: [date_cell(r.date), r.participants, date_cell(r.next_review)],
            new_record=lambda wb: Review(date=today_iso()),
            sort_key=lambda r: (r.date, r.id or 0), reverse=True,
        )
        outer.addWidget(self.reviews)
        e = self.reviews
        self.date = DateEdit()
        self.participants = line()
        self.inputs = text_box(8)
        self.draft_button = QPushButton()
        self.draft_button.clicked.connect(lambda: self.draft_inputs())
        inputs_box = QWidget()
        inputs_layout = QVBoxLayout(inputs_box)
        inputs_layout.setContentsMargins(0, 0, 0, 0)
        inputs_layout.addWidget(self.inputs)
        draft_row = QHBoxLayout()
        draft_row.addWidget(self.draft_button)
        draft_row.addStretch(1)
        inputs_layout.addLayout(draft_row)
        self.decisions = text_box(5)
        self.next_review = DateEdit()
        self.labels = {
            "date": e.form.row(self.date),
            "participants": e.form.row(self.participants),
            "inputs": e.form.row(inputs_box),
            "decisions": e.form.row(self.decisions),
            "next": e.form.row(self.next_review),
        }
        self.labels["inputs"].setBuddy(self.inputs)
        b = e.binder
        bind_date(b, self.date, Review, "date", getter)
        b.bind(self.participants, Review, "participants")
        b.bind(self.inputs, Review, "inputs")
        b.bind(self.decisions, Review, "decisions")
        bind_date(b, self.next_review, Review, "next_review", getter, after=self._next_saved)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(rule)
        self.actions_heading = QLabel()
        font = QFont(self.actions_heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.actions_heading.setFont(font)
        outer.addWidget(self.actions_heading)
        self.actions = RecordEditor(
            ImprovementAction, getter,
            row=lambda a, wb: [a.action, a.owner, date_cell(a.due),
                               _(ACTION_STATUS_LABELS.get(a.status, a.status))],
            new_record=self._new_action,
            keep=lambda a, wb: a.review_id is not None and a.review_id == self.reviews.current_id(),
            sort_key=lambda a: (a.status == "done", a.due or "9999", a.id or 0),
        )
        outer.addWidget(self.actions)
        outer.addStretch(1)
        a = self.actions
        self.source = line()
        self.cause = text_box(2)
        self.action = text_box(2)
        self.owner = line()
        self.due = DateEdit()
        self.status = QComboBox()
        self.effectiveness = text_box(2)
        self.action_labels = {
            "action": a.form.row(self.action),
            "source": a.form.row(self.source),
            "cause": a.form.row(self.cause),
            "owner": a.form.row(self.owner),
            "due": a.form.row(self.due),
            "status": a.form.row(self.status),
            "effectiveness": a.form.row(self.effectiveness),
        }
        ab = a.binder
        ab.bind(self.action, ImprovementAction, "action")
        ab.bind(self.source, ImprovementAction, "source")
        ab.bind(self.cause, ImprovementAction, "cause")
        ab.bind(self.owner, ImprovementAction, "owner")
        bind_date(ab, self.due, ImprovementAction, "due", getter)
        ab.bind(self.status, ImprovementAction, "status")
        ab.bind(self.effectiveness, ImprovementAction, "effectiveness")
        self.reviews.selected.connect(self._review_selected)
        self._fill_status()
        self.retranslate()

    # -- frame ---------------------------------------------------------------------------
    def title(self) -> str:
        return _("Review and improvement")

    def guidance(self) -> str:
        return guidance("review")

    def completion(self, wb: Workbook) -> tuple[int, int]:
        actions = wb.improvement_actions
        return (sum(a.status == "done" for a in actions), len(actions))

    def _fill_status(self) -> None:
        current = self.status.currentIndex()
        self.status.blockSignals(True)
        self.status.clear()
        for key, label in ACTION_STATUS_LABELS.items():
            self.status.addItem(_(label), key)
        self.status.setCurrentIndex(max(current, 0))
        self.status.blockSignals(False)

    def retranslate(self) -> None:
        e, f, labels = self.reviews, self.reviews.form, self.labels
        e.set_headers([_("Review date"), _("Who took part"), _("Next review")], stretch=1)
        e.set_button_texts(_("&Add a review"), _("&Remove review"))
        f.set_label(labels["date"], _("Date of the review"))
        f.set_label(labels["participants"], _("Who took part"))
        f.set_label(labels["inputs"], _("What you looked at"))
        f.set_label(labels["decisions"], _("What you decided"))
        f.set_label(labels["next"], _("Next review"))
        self.date.setAccessibleName(_("Date of the review"))
        self.next_review.setAccessibleName(_("Next review"))
        self.participants.setPlaceholderText(_("e.g. the owner, the manager, the head baker"))
        self.decisions.setPlaceholderText(_(
            "Keep, change or drop which promise? New targets? Resources? How will customers "
            "and staff hear about the changes?"))
        self.draft_button.setText(_("&Draft from your records"))
        self.draft_button.setToolTip(_(
            "Summarises indicators against targets, feedback per promise since the last review, "
            "satisfaction and open improvement actions."))
        self.actions_heading.setText(_("Improvement actions from this review"))
        a, af, al = self.actions, self.actions.form, self.action_labels
        a.set_headers([_("Action"), _("Responsible"), _("Due"), _("Status")], stretch=0)
        a.set_button_texts(_("Add an improvement a&ction"), _("Remove actio&n"))
        af.set_label(al["action"], _("What will be done"))
        af.set_label(al["source"], _("What prompted it"))
        af.set_label(al["cause"], _("The cause found"))
        af.set_label(al["owner"], _("Responsible"))
        af.set_label(al["due"], _("Due by"))
        af.set_label(al["status"], _("Status"))
        af.set_label(al["effectiveness"], _("Did it work?"))
        self.due.setAccessibleName(_("Due by"))
        self.source.setPlaceholderText(_("e.g. three complaints about late cakes in December"))
        self.effectiveness.setPlaceholderText(
            _("Check after a while: what changed in the numbers?"))
        for d in (self.date, self.next_review, self.due):
            d.retranslate()
        self._fill_status()
        e.reload()

    # -- life cycle ----------------------------------------------------------------------
    def attach(self, session) -> None:  # type: ignore[no-untyped-def]
        self.reviews.attach(session)
        self.actions.attach(session)
        super().attach(session)

    def reload(self) -> None:
        self.reviews.reload()

    def leave(self) -> None:
        self.reviews.binder.flush()
        self.actions.binder.flush()

    # -- behaviour -----------------------------------------------------------------------
    def _review_selected(self, review: Review | None) -> None:
        self.actions.binder.flush()
        self.actions.reload()
        self.draft_button.setEnabled(review is not None)
        self.actions.add_button.setEnabled(review is not None)

    def _new_action(self, wb: Workbook) -> ImprovementAction | None:
        review_id = self.reviews.current_id()
        if review_id is None:
            return None
        return ImprovementAction(review_id=review_id, status="open")

    def draft_inputs(self, ask: bool = True) -> str:
        """Fill "What you looked at" from the records; asks before replacing typed text."""
        if self.session is None or self.reviews.current_id() is None:
            return ""
        self.reviews.binder.flush()
        wb = self.session.load()
        review = self.reviews.current()
        assert review is not None
        since = living.previous_review_date(wb, review.id, review.date)
        text = living.review_inputs(wb, since=since)
        if self.inputs.toPlainText().strip() and ask:
            answer = QMessageBox.question(
                self, _("Draft from your records"),
                _("Replace what is written under \"What you looked at\" with a new draft?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return ""
        self.inputs.setPlainText(text)  # textChanged: saved like typing, and Ctrl+Z undoes it
        self.reviews.binder.flush()
        return text

    def _next_saved(self, review_id: int, iso: str) -> None:
        """The latest review's next date is the code's review date (Home reminds of it)."""
        if self.session is None:
            return
        wb = self.session.load()
        if living.is_latest_review(wb, review_id) and wb.code.review_date != iso and iso:
            self.session.set_field(Code, wb.code.id, "review_date", iso)
