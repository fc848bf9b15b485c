"""Approve and publish (ISO 10001 Annex H: identification, scope, contact, dates, version).

The Publish button stays disabled, with the reasons listed, while anything
blocks publishing. Publishing freezes a numbered version (store/publish.py);
the first change afterwards opens a draft of the next version (Session), and
"Changes since version N" lists what differs from the last published one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import checks, principles, publishing, wording
from smallbiz_codes.domain.checks import ERROR, Finding
from smallbiz_codes.domain.records import Code
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language, format_date
from smallbiz_codes.store.publish import publish
from smallbiz_codes.ui.binding import DEBOUNCE_MS
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form, line, text_box
from smallbiz_codes.ui.wizard.common import (
    FindingsPanel,
    bind_date,
    date_edit,
    guidance_for,
    jump_to,
    set_date_empty_text,
    tidy,
)

TEXT_FIELDS = (
    "title",
    "title_alt",
    "purpose",
    "purpose_alt",
    "scope",
    "scope_alt",
    "exclusions",
    "exclusions_alt",
    "complaints_contact",
    "complaints_contact_alt",
    "dispute_route",
    "dispute_route_alt",
    "monitoring",
    "approver",
)
CODE_FIELD_NAMES = {
    "title": N_("title"),
    "title_alt": N_("title in the other language"),
    "purpose": N_("purpose"),
    "purpose_alt": N_("purpose in the other language"),
    "scope": N_("scope"),
    "scope_alt": N_("scope in the other language"),
    "exclusions": N_("what is not covered"),
    "exclusions_alt": N_("what is not covered, in the other language"),
    "effective_date": N_("effective date"),
    "review_date": N_("review date"),
    "complaints_contact": N_("complaints contact"),
    "complaints_contact_alt": N_("complaints contact in the other language"),
    "dispute_route": N_("dispute route"),
    "dispute_route_alt": N_("dispute route in the other language"),
    "monitoring": N_("monitoring"),
    "approver": N_("who approves"),
    "adopted_from": N_("adopted from"),
}


def page_blockers(wb: Workbook) -> list[Finding]:
    """What the Approval itself needs beyond the checks: who approves, from when."""
    out = []
    if not wb.code.approver.strip():
        out.append(
            Finding(
                ERROR,
                "publish.no_approver",
                N_("Say who approves the code (the owner or manager)."),
                record="code:1",
                where="approver",
                step="publish",
            )
        )
    if not wb.code.effective_date:
        out.append(
            Finding(
                ERROR,
                "publish.no_effective_date",
                N_("Choose the date from which the code applies."),
                record="code:1",
                where="effective_date",
                step="publish",
            )
        )
    return out


def all_blockers(wb: Workbook) -> list[Finding]:
    return checks.publish_blockers(wb) + page_blockers(wb)


def _snippet(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def changes_html(diff: publishing.SnapshotDiff) -> str:
    """The diff as a short list an owner can read."""
    if diff.empty:
        return escape(_("Nothing has changed."))
    items: list[str] = []
    for p in diff.added:
        items.append(
            escape(_("New promise: {wording}").format(wording=_snippet(p.get("wording", ""))))
        )
    for p in diff.removed:
        items.append(
            escape(_("Removed promise: {wording}").format(wording=_snippet(p.get("wording", ""))))
        )
    for old, new in diff.reworded:
        was = escape(_("was: {wording}").format(wording=_snippet(old.get("wording", ""), 300)))
        now = escape(_("Reworded: {wording}").format(wording=_snippet(new.get("wording", ""), 300)))
        items.append(f"{now}<br/><span style='color:#777'>{was}</span>")
    for _old, new in diff.provisions:
        items.append(
            escape(
                _("Conditions, remedy or owner changed: {wording}").format(
                    wording=_snippet(new.get("wording", ""), 60)
                )
            )
        )
    if diff.moved:
        items.append(escape(_("The promises are in a new order.")))
    if diff.code_fields:
        names = "、".join if current_language() == "zh" else ", ".join
        items.append(
            escape(
                _("Changed: {fields}").format(
                    fields=names(_(CODE_FIELD_NAMES.get(f, f)) for f in diff.code_fields)
                )
            )
        )
    if diff.indicators_changed:
        items.append(escape(_("Performance indicators changed.")))
    return "<ul style='margin-left: -20px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


class PublishPage(StepPage):
    key = "publish"
    clause = "Annex H"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Where the code stands and the Publish button, first thing on the page.
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.status, 1)
        self.publish_button = QPushButton()
        self.publish_button.clicked.connect(self.publish_now)
        top.addWidget(self.publish_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.form = Form()
        outer.addLayout(self.form)
        self.title_edit = line()
        self.title_alt = line()
        self.purpose = text_box(2)
        self.purpose_alt = text_box(2)
        self.scope = text_box(2)
        self.scope_alt = text_box(2)
        self.exclusions = text_box(2)
        self.exclusions_alt = text_box(2)
        self.effective_date = date_edit()
        self.review_date = date_edit()
        self.complaints_contact = text_box(2)
        self.complaints_contact_alt = text_box(2)
        self.dispute_route = text_box(2)
        self.dispute_route_alt = text_box(2)
        self.monitoring = text_box(2)
        self.approver = line()
        f, b = self.form, self.binder
        self.labels = {
            "title": f.row(self.title_edit),
            "title_alt": f.row(self.title_alt),
            "purpose": f.row(self.purpose),
            "purpose_alt": f.row(self.purpose_alt),
            "scope": f.row(self.scope),
            "scope_alt": f.row(self.scope_alt),
            "exclusions": f.row(self.exclusions),
            "exclusions_alt": f.row(self.exclusions_alt),
            "complaints_contact": f.row(self.complaints_contact),
            "complaints_contact_alt": f.row(self.complaints_contact_alt),
            "dispute_route": f.row(self.dispute_route),
            "dispute_route_alt": f.row(self.dispute_route_alt),
            "effective_date": f.row(self.effective_date),
            "review_date": f.row(self.review_date),
            "monitoring": f.row(self.monitoring),
            "approver": f.row(self.approver),
        }
        b.bind(self.title_edit, Code, "title")
        b.bind(self.title_alt, Code, "title_alt")
        b.bind(self.purpose, Code, "purpose")
        b.bind(self.purpose_alt, Code, "purpose_alt")
        b.bind(self.scope, Code, "scope")
        b.bind(self.scope_alt, Code, "scope_alt")
        b.bind(self.exclusions, Code, "exclusions")
        b.bind(self.exclusions_alt, Code, "exclusions_alt")
        b.bind(self.complaints_contact, Code, "complaints_contact")
        b.bind(self.complaints_contact_alt, Code, "complaints_contact_alt")
        b.bind(self.dispute_route, Code, "dispute_route")
        b.bind(self.dispute_route_alt, Code, "dispute_route_alt")
        bind_date(self, self.effective_date, Code, "effective_date")
        bind_date(self, self.review_date, Code, "review_date")
        b.bind(self.monitoring, Code, "monitoring")
        b.bind(self.approver, Code, "approver")

        self.findings = FindingsPanel()
        self.findings.apply.connect(self.apply_fix)
        outer.addWidget(self.findings)

        self.publish_box = QGroupBox()
        pb = QVBoxLayout(self.publish_box)
        self.blockers_title = QLabel()
        self.blockers_title.setStyleSheet("font-weight: bold;")
        pb.addWidget(self.blockers_title)
        self.blockers = FindingsPanel()
        self.blockers.jump.connect(lambda key: jump_to(self, key))
        pb.addWidget(self.blockers)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet("color: #7d6608;")
        pb.addWidget(self.gaps)
        outer.addWidget(self.publish_box)

        self.changes_box = QGroupBox()
        cb = QVBoxLayout(self.changes_box)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        cb.addWidget(self.changes)
        outer.addWidget(self.changes_box)
        outer.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        for name in TEXT_FIELDS:
            w = self._widget(name)
            (w.textChanged if isinstance(w, QPlainTextEdit) else w.textEdited).connect(
                lambda *_a: self._timer.start()
            )
        self.retranslate()

    def _widget(self, name: str) -> QLineEdit | QPlainTextEdit:
        return self.title_edit if name == "title" else getattr(self, name)

    # -- frame ----------------------------------------------------------------
    def title(self) -> str:
        return _("Approve and publish")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        if wb.code.status == "published":
            return (1, 1)
        return (0, 1)

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        lang = self._org_lang()
        alt = _("English") if lang == "zh" else _("Chinese")
        f.set_label(labels["title"], _("&Title of the code"))
        f.set_label(labels["title_alt"], _("Title in {language}").format(language=alt))
        f.set_label(labels["purpose"], _("Purpose"))
        f.set_label(labels["purpose_alt"], _("Purpose in {language}").format(language=alt))
        f.set_label(labels["scope"], _("&Scope: which goods, services, shops"))
        f.set_label(labels["scope_alt"], _("Scope in {language}").format(language=alt))
        f.set_label(labels["exclusions"], _("What it does not cover"))
        f.set_label(
            labels["exclusions_alt"],
            _("What it does not cover, in {language}").format(language=alt),
        )
        f.set_label(labels["complaints_contact"], _("&Contact for complaints"))
        f.set_label(
            labels["complaints_contact_alt"],
            _("Contact for complaints in {language}").format(language=alt),
        )
        f.set_label(labels["dispute_route"], _("If we cannot settle it (dispute &route)"))
        f.set_label(
            labels["dispute_route_alt"], _("Dispute route in {language}").format(language=alt)
        )
        f.set_label(labels["effective_date"], _("&Effective date"))
        f.set_label(labels["review_date"], _("Re&view date"))
        f.set_label(labels["monitoring"], _("How you &monitor that promises are kept"))
        f.set_label(labels["approver"], _("&Who approves"))
        tidy(self.labels.values(), self)
        set_date_empty_text(self.effective_date)
        set_date_empty_text(self.review_date)
        self.complaints_contact.setPlaceholderText(
            _("e.g. Manager Wang Li, phone 021-5555 0188, daily 7:00–20:00")
        )
        self.dispute_route.setPlaceholderText(
            _("e.g. call 12315 or the local consumer association")
        )
        self.approver.setPlaceholderText(_("e.g. Chen Jianhua, owner"))
        self.publish_box.setTitle(_("Before publishing"))
        self.blockers_title.setText(_("Before you can publish:"))
        self.refresh()

    def _org_lang(self) -> str:
        if self.session is None:
            return "zh"
        return self.session.wf.organization().language or "zh"

    # -- loading and checking ---------------------------------------------------
    def attach(self, session: Session | None) -> None:
        super().attach(session)
        if session is not None:
            session.changed.connect(lambda _t: self._timer.start() if self.isVisible() else None)

    def reload(self) -> None:
        if self.session is None:
            self.binder.load(None)
            self.refresh()
            return
        self.binder.load(self.session.wf.code())
        self.retranslate()

    def current_values(self, wb: Workbook) -> Workbook:
        """The workbook with the code as the fields show it now, saved or not."""
        values = {
            name: self._widget(name).toPlainText()
            if isinstance(self._widget(name), QPlainTextEdit)
            else self._widget(name).text()
            for name in TEXT_FIELDS
        }
        for b in self.binder.bindings:
            if b.name in ("effective_date", "review_date"):
                values[b.name] = b.value()
        wb.code = replace(wb.code, **values)
        return wb

    def refresh(self) -> None:
        self._timer.stop()
        if self.session is None:
            self.findings.show_findings([])
            self.blockers.show_findings([])
            self.status.clear()
            self.publish_button.setEnabled(False)
            self.changes_box.hide()
            self.gaps.hide()
            return
        wb = self.current_values(self.session.load())
        lang = current_language()
        code_findings = wording.check_code(wb.code, self._org_lang())
        self.findings.show_findings(code_findings, texts=lambda name: self._text(name), lang=lang)
        code = wb.code
        latest = wb.latest_approval()
        published = code.status == "published"
        blockers = [] if published else all_blockers(wb)
        self.blockers.show_findings(
            [f for f in blockers if f not in code_findings],
            lang=lang,
            jump_buttons=True,
            here=self.key,
        )
        self.blockers_title.setVisible(bool(blockers))
        gaps = principles.short_route_gaps(wb)
        self.gaps.setVisible(bool(gaps))
        self.gaps.setText("\n".join("• " + g.text(lang) for g in gaps))
        if published and latest is not None:
            self.status.setText(
                escape(
                    _(
                        "Version {version} was published on {date} (fingerprint {fp}). "
                        "Any change you make now starts a draft of version {next}."
                    ).format(
                        version=latest.version,
                        date=format_date(latest.approved_on, lang),
                        fp=latest.fingerprint,
                        next=latest.version + 1,
                    )
                )
            )
        else:
            text = _("Version {version}, draft.").format(version=code.version)
            gap = "" if current_language() == "zh" else " "  # no space between 中文 sentences
            if blockers:
                text += gap + _("{n} things to settle first, listed below the form.").format(
                    n=len(blockers)
                )
            else:
                text += gap + _("Ready to publish.")
            self.status.setText(escape(text))
        self.publish_box.setVisible(bool(blockers) or bool(gaps))
        self.publish_button.setText(_("&Publish version {version}").format(version=code.version))
        self.publish_button.setEnabled(not published and not blockers)
        if latest is not None:
            self.changes_box.show()
            self.changes_box.setTitle(
                _("Changes since version {version}").format(version=latest.version)
            )
            self.changes.setText(changes_html(self.diff(wb)))
        else:
            self.changes_box.hide()

    def diff(self, wb: Workbook) -> publishing.SnapshotDiff:
        latest = wb.latest_approval()
        old = json.loads(latest.snapshot) if latest and latest.snapshot else {}
        return publishing.diff_snapshots(old, publishing.snapshot_data(wb))

    def _text(self, name: str) -> str:
        if name not in TEXT_FIELDS:
            return ""
        w = self._widget(name)
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def apply_fix(self, finding: Finding, replacement: str, start: int, end: int) -> None:
        if finding.where not in TEXT_FIELDS:
            return
        w = self._widget(finding.where)
        if isinstance(w, QPlainTextEdit):
            cursor = QTextCursor(w.document())
            cursor.setPosition(start)
            cursor.setPosition(min(end, len(w.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        else:
            w.setSelection(start, end - start)
            w.insert(replacement)
            w.textEdited.emit(w.text())
        w.setFocus()

    # -- publishing -----------------------------------------------------------
    def publish_now(self) -> None:
        if self.session is None:
            return
        self.binder.flush()
        wb = self.session.load()
        if wb.code.status == "published" or all_blockers(wb):
            self.refresh()
            return
        publish(self.session.wf, dt.date.today())
        self.session.replaced()
        self.refresh()

    def leave(self) -> None:
        super().leave()
        self._timer.stop()
