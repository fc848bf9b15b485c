"""What makes the promises work: indicators (6.5), procedures (6.6) and resources (6.8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.records import Indicator, Procedure, Promise, Resource
from smallbiz_codes.domain.suggest import suggest_indicators
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.widgets import line, text_box
from smallbiz_codes.ui.wizard.common import ListPage, combo_labels, guidance_for, on_short_route


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PromiseLinkedPage(ListPage):
    """Records that belong to one promise: a "For promise" choice on top of the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.promises: list[Promise] = []
        self.promise = QComboBox()
        self.promise_label = self.form.row(self.promise)
        self.promise.currentIndexChanged.connect(self._promise_chosen)

    def promise_label_text(self, p: Promise | None) -> str:
        if p is None:
            return _("(no promise)")
        n = next((i for i, q in enumerate(self.promises, start=1) if q.id == p.id), 0)
        limit = 22 if any("\u4e00" <= ch <= "\u9fff" for ch in p.wording) else 40
        return _("Promise {n}: {wording}").format(n=n, wording=_short(p.wording, limit))

    def reload(self) -> None:
        self.promises = self.session.wf.all(Promise) if self.session is not None else []
        self._fill_promises()
        super().reload()

    def _fill_promises(self) -> None:
        self.promise.blockSignals(True)
        self.promise.clear()
        self.promise.addItem(_("(no promise)"), 0)
        for p in self.promises:
            self.promise.addItem(self.promise_label_text(p), p.id)
        self.promise.blockSignals(False)

    def show_record(self, record: Any | None) -> None:
        self.promise.blockSignals(True)
        pid = record.promise_id if record is not None else None
        self.promise.setCurrentIndex(max(self.promise.findData(pid or 0), 0))
        self.promise.setEnabled(record is not None)
        self.promise.blockSignals(False)

    def _promise_chosen(self, _index: int) -> None:
        record = self.current()
        if record is None or self.session is None:
            return
        pid = self.promise.currentData() or None
        self.session.set_field(self.record_cls, record.id, "promise_id", pid)
        record.promise_id = pid
        self.refresh_labels()

    def promise_of(self, record: Any) -> Promise | None:
        return next((p for p in self.promises if p.id == record.promise_id), None)

    def retranslate(self) -> None:
        self.form.set_label(self.promise_label, _("For &which promise"))
        self._fill_promises()
        super().retranslate()


DIRECTIONS = {"up": N_("Higher is better"), "down": N_("Lower is better")}
FREQUENCIES = {
    "daily": N_("Every day"),
    "weekly": N_("Every week"),
    "monthly": N_("Every month"),
    "quarterly": N_("Every quarter"),
    "yearly": N_("Every year"),
}


class IndicatorsPage(PromiseLinkedPage):
    key = "indicators"
    clause = "6.5"
    record_cls = Indicator
    attr = "indicators"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = line()
        self.measure = text_box(2)
        self.unit = line()
        self.target = QDoubleSpinBox()
        self.target.setRange(0, 1_000_000_000)
        self.target.setDecimals(2)
        self.direction = QComboBox()
        self.frequency = QComboBox()
        self.source = line()
        self.owner = line()
        f, b = self.form, self.binder
        self.labels = {
            "name": f.row(self.name),
            "measure": f.row(self.measure),
            "unit": f.row(self.unit),
            "target": f.row(self.target),
            "direction": f.row(self.direction),
            "frequency": f.row(self.frequency),
            "source": f.row(self.source),
            "owner": f.row(self.owner),
        }
        combo_labels(self.direction, DIRECTIONS)
        combo_labels(self.frequency, FREQUENCIES)
        b.bind(self.name, Indicator, "name")
        b.bind(self.measure, Indicator, "measure")
        b.bind(self.unit, Indicator, "unit")
        b.bind(self.target, Indicator, "target")
        b.bind(self.direction, Indicator, "direction")
        b.bind(self.frequency, Indicator, "frequency")
        b.bind(self.source, Indicator, "source")
        b.bind(self.owner, Indicator, "owner")

        self.suggest_box = QGroupBox()
        sb = QVBoxLayout(self.suggest_box)
        srow = QHBoxLayout()
        self.suggest_for = QComboBox()
        self.suggest_for.setAccessibleName("suggest for promise")
        self.suggest_for.currentIndexChanged.connect(lambda _i: self._fill_suggestions())
        self.suggest_for_label = QLabel()
        self.suggest_for_label.setBuddy(self.suggest_for)
        srow.addWidget(self.suggest_for_label)
        srow.addWidget(self.suggest_for, 1)
        sb.addLayout(srow)
        self.suggestions = QVBoxLayout()
        sb.addLayout(self.suggestions)
        self.suggest_buttons: list[QPushButton] = []
        self.extra_top.addWidget(self.suggest_box)
        self.retranslate()

    def title(self) -> str:
        return _("Performance indicators")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        if not wb.promises:
            return (0, 0)
        return (sum(bool(wb.indicators_for(p)) for p in wb.promises), len(wb.promises))

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add indicator"),
            _("&Remove"),
            _("No indicators yet: add one of the suggestions above."),
        )

    def removed_text(self) -> str:
        return _("Indicator removed.")

    def item_text(self, record: Any, n: int) -> str:
        p = self.promise_of(record)
        pn = next((i for i, q in enumerate(self.promises, start=1) if p and q.id == p.id), 0)
        prefix = _("Promise {n}").format(n=pn) if pn else _("(no promise)")
        return _("{a}: {b}").format(a=prefix, b=_short(record.name, 60) or _("(new indicator)"))

    def new_record(self) -> Indicator:
        pid = self.suggest_for.currentData() or None
        return Indicator(promise_id=pid)

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        f.set_label(labels["name"], _("Na&me"))
        f.set_label(labels["measure"], _("What is &counted"))
        f.set_label(labels["unit"], _("&Unit"))
        f.set_label(labels["target"], _("&Target value"))
        f.set_label(labels["direction"], _("Which way is better"))
        f.set_label(labels["frequency"], _("How &often"))
        f.set_label(labels["source"], _("Where the &figures come from"))
        f.set_label(labels["owner"], _("Responsible &person"))
        combo_labels(self.direction, DIRECTIONS)
        combo_labels(self.frequency, FREQUENCIES)
        self.suggest_box.setTitle(_("Suggested from the promise's own words"))
        self.suggest_for_label.setText(_("&Suggest for"))
        self.unit.setPlaceholderText(_("e.g. %, per month, minutes"))
        super().retranslate()
        self._fill_suggest_for()

    def reload(self) -> None:
        super().reload()
        self._fill_suggest_for()

    def _fill_suggest_for(self) -> None:
        current = self.suggest_for.currentData()
        wb = self.session.load() if self.session is not None else None
        self.suggest_for.blockSignals(True)
        self.suggest_for.clear()
        first_missing = None
        for p in self.promises:
            self.suggest_for.addItem(self.promise_label_text(p), p.id)
            if first_missing is None and wb is not None and not wb.indicators_for(p):
                first_missing = p.id
        idx = self.suggest_for.findData(current if current else first_missing)
        self.suggest_for.setCurrentIndex(max(idx, 0))
        self.suggest_for.blockSignals(False)
        self.suggest_box.setVisible(bool(self.promises))
        self._fill_suggestions()

    def suggested(self) -> list[Indicator]:
        pid = self.suggest_for.currentData()
        p = next((q for q in self.promises if q.id == pid), None)
        if p is None or self.session is None:
            return []
        lang = self.session.wf.organization().language or "zh"
        have = {(i.name, i.promise_id) for i in self.session.wf.all(Indicator)}
        return [i for i in suggest_indicators(p, lang) if (i.name, p.id) not in have]

    def _fill_suggestions(self) -> None:
        while self.suggestions.count():
            item = self.suggestions.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.suggest_buttons = []
        found = self.suggested()
        for ind in found:
            row = QWidget()
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            unit = ind.unit if ind.unit == "%" else " " + ind.unit
            target = "" if ind.target is None else _(", target {value}").format(
                value=f"{ind.target:g}{unit}"
            )
            label = QLabel(f"<b>{_esc(ind.name)}</b> — {_esc(ind.measure)}{_esc(target)}")
            label.setWordWrap(True)
            button = QPushButton(_("Add"))
            button.setAccessibleName(_("Add {name}").format(name=ind.name))
            button.clicked.connect(lambda _c=False, i=ind: self.add_suggestion(i))
            lay.addWidget(label, 1)
            lay.addWidget(button)
            self.suggestions.addWidget(row)
            row.show()
            self.suggest_buttons.append(button)
        if not found:
            none = QLabel(_("No more suggestions for this promise."))
            none.setStyleSheet("color: #777;")
            self.suggestions.addWidget(none)

    def add_suggestion(self, ind: Indicator) -> Any:
        pid = self.suggest_for.currentData()
        ind.promise_id = pid
        added = self.add_record(ind)
        self._fill_suggest_for()
        return added

    def attach(self, session: Session | None) -> None:
        super().attach(session)


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


class ProceduresPage(PromiseLinkedPage):
    key = "procedures"
    clause = "6.6"
    record_cls = Procedure
    attr = "procedures"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = line()
        self.steps = text_box(3)
        self.at_risk = text_box(2)
        self.records_edit = line()
        self.complaint_link = text_box(2)
        self.owner = line()
        f, b = self.form, self.binder
        self.labels = {
            "title": f.row(self.title_edit),
            "steps": f.row(self.steps),
            "at_risk": f.row(self.at_risk),
            "records": f.row(self.records_edit),
            "complaint_link": f.row(self.complaint_link),
            "owner": f.row(self.owner),
        }
        b.bind(self.title_edit, Procedure, "title")
        b.bind(self.steps, Procedure, "steps")
        b.bind(self.at_risk, Procedure, "at_risk")
        b.bind(self.records_edit, Procedure, "records")
        b.bind(self.complaint_link, Procedure, "complaint_link")
        b.bind(self.owner, Procedure, "owner")
        self.retranslate()

    def title(self) -> str:
        return _("Procedures")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        if not wb.promises:
            return (0, 0)
        return (sum(bool(wb.procedures_for(p)) for p in wb.promises), len(wb.promises))

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add procedure"),
            _("&Remove"),
            _("No procedures yet. Add one for each promise."),
        )

    def removed_text(self) -> str:
        return _("Procedure removed.")

    def new_record(self) -> Procedure:
        wb = self.session.load() if self.session is not None else None
        missing = next((p for p in self.promises if wb and not wb.procedures_for(p)), None)
        return Procedure(promise_id=missing.id if missing else None)

    def item_text(self, record: Any, n: int) -> str:
        p = self.promise_of(record)
        pn = next((i for i, q in enumerate(self.promises, start=1) if p and q.id == p.id), 0)
        prefix = _("Promise {n}").format(n=pn) if pn else _("(no promise)")
        return _("{a}: {b}").format(a=prefix, b=_short(record.title, 60) or _("(new procedure)"))

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        f.set_label(labels["title"], _("Na&me"))
        f.set_label(labels["steps"], _("What staff &do to keep it"))
        f.set_label(labels["at_risk"], _("What they do when it is at r&isk or broken"))
        f.set_label(labels["records"], _("What is recorded"))
        f.set_label(labels["complaint_link"], _("How it links to &complaint handling"))
        f.set_label(labels["owner"], _("Responsible &person"))
        self.complaint_link.setPlaceholderText(
            _(
                "e.g. a complaint about this promise goes in the complaints book; the manager "
                "answers the same day"
            )
        )
        super().retranslate()


RESOURCE_KINDS = {
    "people": N_("People"),
    "time": N_("Time"),
    "money": N_("Money"),
    "training": N_("Training"),
    "material": N_("Printed material"),
}


class ResourcesPage(ListPage):
    key = "resources"
    clause = "6.8"
    record_cls = Resource
    attr = "resources"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.description = text_box(2)
        self.cost = line()
        self.approved = QCheckBox()
        f, b = self.form, self.binder
        self.labels = {
            "kind": f.row(self.kind),
            "description": f.row(self.description),
            "cost": f.row(self.cost),
            "approved": f.row(self.approved),
        }
        combo_labels(self.kind, RESOURCE_KINDS)
        b.bind(self.kind, Resource, "kind")
        b.bind(self.description, Resource, "description")
        b.bind(self.cost, Resource, "cost")
        b.bind(self.approved, Resource, "approved")
        self.retranslate()

    def title(self) -> str:
        return _("Resources")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        if not wb.resources:
            return (0, 1)
        return (sum(r.approved for r in wb.resources), len(wb.resources))

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add resource"),
            _("&Remove"),
            _("Nothing listed yet. Think of training, time, money for remedies, printing."),
        )

    def removed_text(self) -> str:
        return _("Resource removed.")

    def item_text(self, record: Any, n: int) -> str:
        kind = _(RESOURCE_KINDS.get(record.kind, RESOURCE_KINDS["material"]))
        mark = " ✓" if record.approved else ""
        return _("{a}: {b}").format(a=kind, b=_short(record.description, 60) or "…") + mark

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        f.set_label(labels["kind"], _("&Kind"))
        f.set_label(labels["description"], _("What is nee&ded"))
        f.set_label(labels["cost"], _("&Cost"))
        f.set_label(labels["approved"], "")
        self.approved.setText(_("Appro&ved"))
        self.approved.setAccessibleName(_("Approved"))
        combo_labels(self.kind, RESOURCE_KINDS)
        self.cost.setPlaceholderText(_("e.g. ¥300 a month"))
        super().retranslate()
