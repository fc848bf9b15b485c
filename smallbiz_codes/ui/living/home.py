"""Home: where the code stands and what is due, in a few plain lines."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smallbiz_codes.domain import checks
from smallbiz_codes.domain.living import reminders
from smallbiz_codes.i18n import _, current_language, format_date
from smallbiz_codes.ui.steps import StepPage


class HomePage(StepPage):
    key = "home"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setOpenExternalLinks(False)
        # A new workbook: say plainly what to do first, with the two ways to begin,
        # above everything else.
        self.first_steps = QLabel()
        self.first_steps.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(lambda: self._go("business"))
        self.example_button = QPushButton()
        self.example_button.clicked.connect(lambda: self._go("example"))
        layout.addWidget(self.first_steps)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.example_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.summary)
        self.plan_button = QPushButton()  # the communication plan, one click from home
        self.plan_button.clicked.connect(self._open_plan)
        layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def title(self) -> str:
        return _("Home")

    def guidance(self) -> str:
        return _("Where your code stands and what is due next. Pick any step on the left.")

    def retranslate(self) -> None:
        from smallbiz_codes.ui.plan import HOME_BUTTON

        self.plan_button.setText(_(HOME_BUTTON))
        self.first_steps.setText(_(
            "Your code has no promises yet. Begin with a few questions about your business, "
            "or start from the example of a shop like yours and change it to fit."))
        self.start_button.setText(_("&Start: your business"))
        self.example_button.setText(_("Start from an e&xample"))
        self.reload()

    def _go(self, key: str) -> None:
        go_key = getattr(self.window(), "go_key", None)
        if go_key is not None:
            go_key(key)

    def _open_plan(self) -> None:
        has_items = self.session is not None and bool(self.session.load().communication_items)
        self._go("plan_overview" if has_items else "plan_purpose")

    def reload(self) -> None:
        if self.session is None:
            self.summary.clear()
            return
        wb = self.session.load()
        lang = current_language()
        beginning = not wb.promises
        for w in (self.first_steps, self.start_button, self.example_button):
            w.setVisible(beginning)
        findings = checks.run_all(wb)
        errors = sum(f.severity == checks.ERROR for f in findings)
        status = _("published") if wb.code.status == "published" else _("draft")
        version_line = _("Version {version}, {status}.").format(
            version=wb.code.version, status=status)
        lines = [
            "<h3>" + escape(wb.organization.name or _("Your business")) + "</h3>",
            "<p>" + escape(version_line),
            escape(_("{n} promises.").format(n=len(wb.promises))),
            escape(_("{n} things to fix before publishing.").format(n=errors) if errors
                   else _("Nothing stands in the way of publishing.")) + "</p>",
        ]
        due = reminders(wb, dt.date.today(), lang)
        lines.append("<p><b>" + escape(_("Due in the next 30 days")) + "</b></p>")
        if due:
            late = escape(_("overdue"))
            items = []
            for r in due:
                when = escape(format_date(r.date, lang))
                flag = f" <span style='color:#b03a2e'>({late})</span>" if r.overdue else ""
                colon = "：" if lang == "zh" else ": "
                items.append(f"<li>{when}{flag}{colon}{escape(r.text.splitlines()[0])}</li>")
            lines.append("<ul>" + "".join(items) + "</ul>")
        else:
            lines.append("<p>" + escape(_("Nothing is due.")) + "</p>")
        # Chinese sentences follow each other without a space; English ones with one.
        self.summary.setText(("" if lang == "zh" else "\n").join(lines))
