"""Home: where the code stands and what is due, in a few plain lines."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

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
        self.reload()

    def _open_plan(self) -> None:
        has_items = self.session is not None and bool(self.session.load().communication_items)
        go_key = getattr(self.window(), "go_key", None)
        if go_key is not None:
            go_key("plan_overview" if has_items else "plan_purpose")

    def reload(self) -> None:
        if self.session is None:
            self.summary.clear()
            return
        wb = self.session.load()
        lang = current_language()
        findings = checks.run_all(wb)
        errors = sum(f.severity == checks.ERROR for f in findings)
        status = _("published") if wb.code.status == "published" else _("draft")
        version_line = _("Version {version}, {status}.").format(
            version=wb.code.version, status=status)
        lines = [
            "<h3>" + escape(wb.organization.name or _("Your business")) + "</h3>",
            "<p>" + escape(version_line),
            escape(_("{n} promises.").format(n=len(wb.promises))),
            escape(_("{n} things to fix before publishing.").format(n=errors)) + "</p>",
        ]
        due = reminders(wb, dt.date.today(), lang)
        lines.append("<p><b>" + escape(_("Due in the next 30 days")) + "</b></p>")
        if due:
            late = escape(_("overdue"))
            items = []
            for r in due:
                when = escape(format_date(r.date, lang))
                flag = f" <span style='color:#b03a2e'>({late})</span>" if r.overdue else ""
                items.append(f"<li>{when}{flag}: {escape(r.text.splitlines()[0])}</li>")
            lines.append("<ul>" + "".join(items) + "</ul>")
        else:
            lines.append("<p>" + escape(_("Nothing is due.")) + "</p>")
        self.summary.setText("\n".join(lines))
