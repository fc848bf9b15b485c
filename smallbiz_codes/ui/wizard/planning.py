"""Before the promises (ISO 10001 6.1–6.3): objectives, what you already know, whom you asked.

Each is a short list of records with a form; the full route walks through
them, the short route (Annex C) skips them and the principle check says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from smallbiz_codes.domain.records import InformationItem, Objective, PartyInput
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _
from smallbiz_codes.ui.widgets import line, text_box
from smallbiz_codes.ui.wizard.common import (
    ListPage,
    bind_date,
    combo_labels,
    date_edit,
    guidance_for,
    on_short_route,
    set_date_empty_text,
)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ObjectivesPage(ListPage):
    key = "objectives"
    clause = "6.1"
    record_cls = Objective
    attr = "objectives"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text_box(2)
        self.problem = text_box(2)
        self.measure = line()
        self.baseline = line()
        self.target = line()
        self.target_date = date_edit()
        f, b = self.form, self.binder
        self.labels = {
            "problem": f.row(self.problem),
            "text": f.row(self.text),
            "measure": f.row(self.measure),
            "baseline": f.row(self.baseline),
            "target": f.row(self.target),
            "target_date": f.row(self.target_date),
        }
        b.bind(self.problem, Objective, "problem")
        b.bind(self.text, Objective, "text")
        b.bind(self.measure, Objective, "measure")
        b.bind(self.baseline, Objective, "baseline")
        b.bind(self.target, Objective, "target")
        bind_date(self, self.target_date, Objective, "target_date")
        self.retranslate()

    def title(self) -> str:
        return _("Objectives")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        if not wb.objectives:
            return (0, 1)
        done = sum(
            bool(o.text.strip() and o.measure.strip() and o.target.strip()) for o in wb.objectives
        )
        return (done, len(wb.objectives))

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add objective"),
            _("&Remove"),
            _("No objectives yet. Start from a problem: what do customers complain about most?"),
        )

    def removed_text(self) -> str:
        return _("Objective removed.")

    def item_text(self, record: Any, n: int) -> str:
        return f"{n}. " + (_short(record.text) or _("(new objective)"))

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        f.set_label(labels["problem"], _("The &problem it answers"))
        f.set_label(labels["text"], _("What the code should achieve"))
        f.set_label(labels["measure"], _("How you will &measure it"))
        f.set_label(labels["baseline"], _("Where you are now"))
        f.set_label(labels["target"], _("Where you want to be"))
        f.set_label(labels["target_date"], _("By when"))
        set_date_empty_text(self.target_date)
        self.problem.setPlaceholderText(_("e.g. customers wait too long for cakes they ordered"))
        self.text.setPlaceholderText(_("e.g. every ordered cake ready on time"))
        self.measure.setPlaceholderText(_("e.g. share of cakes ready at the agreed time"))
        super().retranslate()


INFO_KINDS = {
    "complaint": N_("Complaint"),
    "feedback": N_("Feedback or suggestion"),
    "competitor": N_("What competitors promise"),
    "association": N_("What the trade association promises"),
    "legal": N_("Legal requirement"),
    "capability": N_("Whether we can keep a promise"),
}


class KnownPage(ListPage):
    key = "known"
    clause = "6.2"
    record_cls = InformationItem
    attr = "information_items"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.source = line()
        self.date = date_edit()
        self.summary = text_box(3)
        f, b = self.form, self.binder
        self.labels = {
            "kind": f.row(self.kind),
            "summary": f.row(self.summary),
            "source": f.row(self.source),
            "date": f.row(self.date),
        }
        combo_labels(self.kind, INFO_KINDS)
        b.bind(self.kind, InformationItem, "kind")
        b.bind(self.summary, InformationItem, "summary")
        b.bind(self.source, InformationItem, "source")
        bind_date(self, self.date, InformationItem, "date")
        self.retranslate()

    def title(self) -> str:
        return _("What you already know")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        kinds = {i.kind for i in wb.information_items if i.summary.strip()}
        wanted = ("complaint", "legal", "capability")  # the three every code should look at
        return (sum(k in kinds for k in wanted), len(wanted))

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add"),
            _("&Remove"),
            _("Nothing noted yet. Start with the complaints you remember from last year."),
        )

    def removed_text(self) -> str:
        return _("Note removed.")

    def item_text(self, record: Any, n: int) -> str:
        kind = _(INFO_KINDS.get(record.kind, INFO_KINDS["feedback"]))
        return _("{a}: {b}").format(a=kind, b=_short(record.summary) or "…")

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        f.set_label(labels["kind"], _("&Kind"))
        f.set_label(labels["summary"], _("What you know"))
        f.set_label(labels["source"], _("&Source"))
        f.set_label(labels["date"], _("&Date"))
        combo_labels(self.kind, INFO_KINDS)
        set_date_empty_text(self.date)
        self.source.setPlaceholderText(_("e.g. complaints notebook, association website"))
        super().retranslate()


PARTIES = {
    "customers": N_("Customers"),
    "staff": N_("Staff"),
    "suppliers": N_("Suppliers and partners"),
    "consumer_group": N_("Consumer group"),
    "association": N_("Trade association"),
    "other": N_("Others"),
}
METHODS = {
    "chat": N_("Chat"),
    "survey": N_("Survey"),
    "meeting": N_("Meeting"),
    "comments": N_("Comments on the draft"),
    "other": N_("Other"),
}


class AskedPage(ListPage):
    key = "asked"
    clause = "6.3, Annex E"
    record_cls = PartyInput
    attr = "party_inputs"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.party = QComboBox()
        self.method = QComboBox()
        self.date = date_edit()
        self.said = text_box(3)
        self.decision = text_box(2)
        self.feedback_sent = QCheckBox()
        f, b = self.form, self.binder
        self.labels = {
            "party": f.row(self.party),
            "method": f.row(self.method),
            "date": f.row(self.date),
            "said": f.row(self.said),
            "decision": f.row(self.decision),
            "feedback_sent": f.row(self.feedback_sent),
        }
        combo_labels(self.party, PARTIES)
        combo_labels(self.method, METHODS)
        b.bind(self.party, PartyInput, "party")
        b.bind(self.method, PartyInput, "method")
        bind_date(self, self.date, PartyInput, "date")
        b.bind(self.said, PartyInput, "said")
        b.bind(self.decision, PartyInput, "decision")
        b.bind(self.feedback_sent, PartyInput, "feedback_sent")
        self.retranslate()

    def new_record(self) -> PartyInput:
        return PartyInput(party="customers", method="chat")

    def title(self) -> str:
        return _("Who you asked")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def visible(self, wb: Workbook) -> bool:
        return not on_short_route(wb)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        asked = {p.party for p in wb.party_inputs if p.said.strip()}
        return (sum(k in asked for k in ("customers", "staff")), 2)

    def list_texts(self) -> tuple[str, str, str]:
        return (
            _("&Add"),
            _("&Remove"),
            _("Nobody noted yet. Chat with a few regular customers and hold one staff meeting."),
        )

    def removed_text(self) -> str:
        return _("Entry removed.")

    def item_text(self, record: Any, n: int) -> str:
        party = _(PARTIES.get(record.party, PARTIES["other"]))
        method = _(METHODS.get(record.method, METHODS["other"]))
        who = _("{party} ({method})").format(party=party, method=method)
        return _("{a}: {b}").format(a=who, b=_short(record.said, 48) or "…")

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        f.set_label(labels["party"], _("&Who"))
        f.set_label(labels["method"], _("&How"))
        f.set_label(labels["date"], _("Wh&en"))
        f.set_label(labels["said"], _("What they &said"))
        f.set_label(labels["decision"], _("What you &decided"))
        f.set_label(labels["feedback_sent"], "")
        self.feedback_sent.setText(_("Told them what you did with it"))
        self.feedback_sent.setAccessibleName(self.feedback_sent.text())
        combo_labels(self.party, PARTIES)
        combo_labels(self.method, METHODS)
        set_date_empty_text(self.date)
        super().retranslate()
