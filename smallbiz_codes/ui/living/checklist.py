"""Implementation checklist (ISO 10001 clause 7): who does what by when to launch the code."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from smallbiz_codes.domain import living
from smallbiz_codes.domain.records import ImplementationTask
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import _
from smallbiz_codes.ui.living.common import (
    DateEdit,
    RecordEditor,
    add_all,
    bind_date,
    date_cell,
    guidance,
    today_iso,
)
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import line


class ChecklistPage(StepPage):
    key = "checklist"
    clause = "7"
    live_view = False  # logs and tables need the width more than the customer's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.starter_button = QPushButton()
        self.starter_button.clicked.connect(self.add_starter_list)
        top.addWidget(self.starter_button)
        top.addStretch(1)
        outer.addLayout(top)
        self.editor = RecordEditor(
            ImplementationTask, lambda: self.session,
            row=lambda t, wb: [t.title, t.owner, date_cell(t.due),
                               date_cell(t.done_on) if t.done_on else ""],
            new_record=lambda wb: ImplementationTask(),
            sort_key=lambda t: (bool(t.done_on), t.due or "9999", t.id or 0),
        )
        outer.addWidget(self.editor)
        outer.addStretch(1)
        e = self.editor
        self.task = line()
        self.owner = line()
        self.due = DateEdit()
        self.done = DateEdit()
        self.done_today = QPushButton()
        self.done_today.clicked.connect(self.mark_done_today)
        done_row = QWidget()
        done_layout = QHBoxLayout(done_row)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(self.done)
        done_layout.addWidget(self.done_today)
        done_layout.addStretch(1)
        self.labels = {
            "task": e.form.row(self.task),
            "owner": e.form.row(self.owner),
            "due": e.form.row(self.due),
            "done": e.form.row(done_row),
        }
        self.labels["done"].setBuddy(self.done.edit)
        b = e.binder
        b.bind(self.task, ImplementationTask, "title")
        b.bind(self.owner, ImplementationTask, "owner")
        bind_date(b, self.due, ImplementationTask, "due", lambda: self.session)
        bind_date(b, self.done, ImplementationTask, "done_on", lambda: self.session)
        e.selected.connect(lambda r: self.done_today.setEnabled(r is not None))
        self.retranslate()

    def title(self) -> str:
        return _("Launch checklist")

    def guidance(self) -> str:
        return guidance("checklist")

    def completion(self, wb: Workbook) -> tuple[int, int]:
        tasks = wb.implementation_tasks
        return (sum(bool(t.done_on) for t in tasks), len(tasks))

    def retranslate(self) -> None:
        e = self.editor
        e.set_headers([_("Task"), _("Responsible"), _("Due"), _("Done on")], stretch=0)
        e.set_button_texts(_("&Add a task"), _("&Remove task"))
        self.starter_button.setText(_("Add the &starter list"))
        self.starter_button.setToolTip(_(
            "Drafts tasks from your promises, indicators and communication plan. "
            "Tasks already on the list are not added twice."))
        f, labels = e.form, self.labels
        f.set_label(labels["task"], _("Task"))
        f.set_label(labels["owner"], _("Responsible"))
        f.set_label(labels["due"], _("Due by"))
        f.set_label(labels["done"], _("Done on"))
        self.done.setAccessibleName(_("Done on"))
        self.due.setAccessibleName(_("Due by"))
        self.done_today.setText(_("Done &today"))
        for d in (self.due, self.done):
            d.retranslate()
        self.editor.reload()

    def attach(self, session) -> None:  # type: ignore[no-untyped-def]
        self.editor.attach(session)
        super().attach(session)

    def reload(self) -> None:
        self.editor.reload()
        self.starter_button.setEnabled(self.session is not None)

    def leave(self) -> None:
        self.editor.binder.flush()

    def add_starter_list(self) -> int:
        """Add the drafted tasks in one step; returns how many were added."""
        if self.session is None:
            return 0
        self.editor.binder.flush()
        tasks = living.starter_tasks(self.session.load(), dt.date.today())
        add_all(self.session, tasks)
        self.editor.reload()
        return len(tasks)

    def mark_done_today(self) -> None:
        if self.editor.current_id() is None:
            return
        self.done.choose(today_iso())
