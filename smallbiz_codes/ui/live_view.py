"""The code as a customer will read it, redrawn as the owner types."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import format_date, tr


def customer_view_html(wb: Workbook, lang: str) -> str:
    """Plain HTML of the notice's content; every user string is escaped."""

    def _(msg: str) -> str:
        return tr(lang, msg)

    def para(text: str) -> str:
        return escape(text).replace("\n", "<br/>")

    org, code = wb.organization, wb.code
    headline = escape(_("Our promises to you"))
    conditions_label = escape(_("Conditions:"))
    remedy_label = escape(_("If we fall short:"))
    contact_label = escape(_("Contact us:"))
    effective_label = escape(_("Effective from"))
    empty = escape(_("Your promises will appear here."))
    parts = [f"<h2>{para(org.name) or '&nbsp;'}</h2>", f"<h3>{headline}</h3>"]
    if not wb.promises:
        parts.append(f"<p style='color:#777'>{empty}</p>")
    parts.append("<ol>")
    for p in wb.promises:
        item = f"<li><p><b>{para(p.wording)}</b></p>"
        if p.conditions:
            item += f"<p style='color:#555'>{conditions_label} {para(p.conditions)}</p>"
        if p.remedy:
            item += f"<p>{remedy_label} {para(p.remedy)}</p>"
        parts.append(item + "</li>")
    parts.append("</ol>")
    if code.complaints_contact:
        parts.append(f"<p><b>{contact_label}</b> {para(code.complaints_contact)}</p>")
    if code.effective_date:
        when = escape(format_date(code.effective_date, lang))
        parts.append(f"<p style='color:#777'>{effective_label} {when}</p>")
    return "\n".join(parts)


class LiveView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(240)

    def show_workbook(self, wb: Workbook | None, lang: str) -> None:
        if wb is None:
            self.clear()
            return
        bar = self.verticalScrollBar().value()
        self.setHtml(customer_view_html(wb, lang))
        self.verticalScrollBar().setValue(bar)
