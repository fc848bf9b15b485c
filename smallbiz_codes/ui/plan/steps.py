"""The six steps of the plan: what to say, to whom, how, when, for everyone, and did it work.

Each step edits the fields of the chosen plan item that it is about; the
list of items above is shared (see ``base.py``). Suggestions come from the
word lists in ``resources/plan`` in the language the workbook is written in.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain import plan_suggest as ps
from smallbiz_codes.domain.records import CommunicationItem
from smallbiz_codes.i18n import _, current_language
from smallbiz_codes.ui.guidance import guidance_for
from smallbiz_codes.ui.plan.base import (
    DIRECTION_LABELS,
    Picker,
    PlanStepPage,
    content_language,
    say,
    show_dates_in_language,
)
from smallbiz_codes.ui.widgets import guidance_label, line, text_box

_DATE_EMPTY = QDate(2000, 1, 1)


def _beside(*widgets: QWidget) -> QWidget:
    """A field with its picker to the right, as one row of the form."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for n, w in enumerate(widgets):
        row.addWidget(w, 1 if n == 0 else 0)
    # The row's label (and Alt+its letter) lead to the field, and name it for screen readers.
    box.setFocusProxy(widgets[0])
    return box


class PurposePage(PlanStepPage):
    key = "plan_purpose"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purpose = text_box(2)
        self.message = text_box(6)
        self.draft = QPushButton()
        self.draft.clicked.connect(self.draft_message)
        self.labels = [self.form.row(self.purpose), self.form.row(self.message)]
        self.form.addRow("", self.draft)
        self.binder.bind(self.purpose, CommunicationItem, "purpose")
        self.b_message = self.binder.bind(self.message, CommunicationItem, "message")
        self.retranslate()

    def title(self) -> str:
        return _("Purpose and messages")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def filled(self, item: CommunicationItem) -> bool:
        return bool(item.purpose.strip() and item.message.strip())

    def retranslate(self) -> None:
        super().retranslate()
        self.form.set_label(self.labels[0], _("What they should know, do or feel"))
        self.form.set_label(self.labels[1], _("The message"))
        self.draft.setText(_("&Draft the message from my code"))
        self.purpose.setPlaceholderText(_("e.g. Customers know our promises and whom to ask"))

    def show_item(self, item: CommunicationItem | None) -> None:
        super().show_item(item)
        self.draft.setEnabled(item is not None)

    def draft_message(self) -> None:
        if self.session is None or self.item is None:
            return
        if self.message.toPlainText().strip():
            answer = QMessageBox.question(
                self, _("Draft the message"),
                _("Replace the message you wrote with one drafted from your code?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        template = "promises_to_you" if self.item.direction == "external" else "staff_changes"
        say(self.b_message, ps.draft_message(self.session.load(), template,
                                             content_language(self.session)))


class AudiencesPage(PlanStepPage):
    key = "plan_audiences"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = QComboBox()
        for key in ps.DIRECTIONS:
            self.direction.addItem("", key)
        self.audience = line()
        self.picker = Picker()
        self.labels = [self.form.row(self.direction),
                       self.form.row(_beside(self.audience, self.picker))]
        self.binder.bind(self.direction, CommunicationItem, "direction")
        self.b_audience = self.binder.bind(self.audience, CommunicationItem, "audience")
        self.picker.picked.connect(lambda text: say(self.b_audience, text))
        self.direction.currentIndexChanged.connect(self._fill_picker)
        self.retranslate()

    def title(self) -> str:
        return _("Audiences")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def filled(self, item: CommunicationItem) -> bool:
        return bool(item.audience.strip())

    def retranslate(self) -> None:
        super().retranslate()
        self.form.set_label(self.labels[0], _("Who is it for"))
        self.form.set_label(self.labels[1], _("&Audience"))
        self.picker.setAccessibleName(_("Choose an audience from the list"))
        for n, key in enumerate(ps.DIRECTIONS):
            self.direction.setItemText(n, _(DIRECTION_LABELS[key]))
        self._fill_picker()

    def show_item(self, item: CommunicationItem | None) -> None:
        super().show_item(item)
        self.picker.setEnabled(item is not None)
        self._fill_picker()

    def _fill_picker(self) -> None:
        direction = self.direction.currentData() or "external"
        self.picker.set_choices(ps.audiences(direction, content_language(self.session)))


class MethodsPage(PlanStepPage):
    key = "plan_methods"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = line()
        self.picker = Picker()
        self.labels = [self.form.row(_beside(self.method, self.picker))]
        self.b_method = self.binder.bind(self.method, CommunicationItem, "method")
        self.picker.picked.connect(lambda text: say(self.b_method, text))
        self.hint = guidance_label()
        self.hint.setStyleSheet("color: #555;")
        self.extra.addWidget(self.hint)
        self.retranslate()

    def title(self) -> str:
        return _("Methods and channels")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def filled(self, item: CommunicationItem) -> bool:
        return bool(item.method.strip())

    def retranslate(self) -> None:
        super().retranslate()
        self.form.set_label(self.labels[0], _("&Method or channel"))
        self.picker.setAccessibleName(_("Choose a method from the list"))
        self._fill_picker()

    def show_item(self, item: CommunicationItem | None) -> None:
        super().show_item(item)
        self.picker.setEnabled(item is not None)
        self._fill_picker()

    def _fill_picker(self) -> None:
        direction = self.item.direction if self.item is not None else "external"
        channels: list[str] = []
        trade = ""
        if self.session is not None:
            org = self.session.wf.organization()
            channels, trade = list(org.channels), org.trade
        lang = content_language(self.session)
        choices = ps.methods(direction, lang, channels, trade)
        self.picker.set_choices(choices, _("Fits how your customers buy from you"))
        fits = [c.label for c in choices if c.suggested]
        if direction == "external" and fits:
            self.hint.setText(_("Suggested for your business: {methods}.").format(
                methods=("、" if lang == "zh" else "; ").join(fits)))
        elif direction == "external":
            self.hint.setText(_("Tick how your customers buy from you in “Your business” to get "
                                "suggestions that fit."))
        else:
            self.hint.setText("")


class TimingPage(PlanStepPage):
    key = "plan_timing"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timing = line()
        self.timing_picker = Picker()
        self.shape = QLabel()
        self.shape.setStyleSheet("color: #555;")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(_DATE_EMPTY)
        self.date.dateChanged.connect(self._date_changed)
        self.owner = line()
        self.owner_picker = Picker()
        self.cost = line()
        self.labels = [
            self.form.row(_beside(self.timing, self.timing_picker)),
            self.form.row(self.shape),
            self.form.row(self.date),
            self.form.row(_beside(self.owner, self.owner_picker)),
            self.form.row(self.cost),
        ]
        self.b_timing = self.binder.bind(self.timing, CommunicationItem, "timing")
        self.b_owner = self.binder.bind(self.owner, CommunicationItem, "owner")
        self.binder.bind(self.cost, CommunicationItem, "cost")
        self.timing_picker.picked.connect(self._timing_picked)
        self.owner_picker.picked.connect(lambda text: say(self.b_owner, text))
        self.timing.textChanged.connect(self._show_shape)
        self.retranslate()

    def title(self) -> str:
        return _("Timing and responsibility")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def filled(self, item: CommunicationItem) -> bool:
        return bool(item.timing.strip() and item.start_date and item.owner.strip())

    def retranslate(self) -> None:
        super().retranslate()
        f = self.form
        f.set_label(self.labels[0], _("&When"))
        f.set_label(self.labels[1], _("On the timeline"))
        f.set_label(self.labels[2], _("First &date"))
        f.set_label(self.labels[3], _("Who &does it"))
        f.set_label(self.labels[4], _("What it &costs"))
        self.date.setSpecialValueText(_("no date yet"))
        show_dates_in_language(self.date)
        self.timing_picker.setAccessibleName(_("Choose a timing from the list"))
        self.owner_picker.setAccessibleName(_("Choose a person from the list"))
        self.cost.setPlaceholderText(_("e.g. about ¥20 of printing, one hour of staff time"))
        self._fill_pickers()
        self._show_shape()

    def show_item(self, item: CommunicationItem | None) -> None:
        super().show_item(item)
        self.date.blockSignals(True)
        when = ps.parse_date(item.start_date) if item is not None else None
        self.date.setDate(QDate(when.year, when.month, when.day) if when else _DATE_EMPTY)
        self.date.blockSignals(False)
        for w in (self.date, self.timing_picker, self.owner_picker):
            w.setEnabled(item is not None)
        self._fill_pickers()
        self._show_shape()

    def _fill_pickers(self) -> None:
        lang = content_language(self.session)
        self.timing_picker.set_choices([c for c in ps.timing_options(lang) if c.key != "custom"])
        people = ps.people(self.session.load()) if self.session is not None else []
        self.owner_picker.set_choices([ps.Choice(p, p) for p in people])
        self.owner_picker.setEnabled(bool(people) and self.item is not None)

    def _timing_picked(self, text: str) -> None:
        say(self.b_timing, text)
        if self.session is None or self.item is None:
            return
        # A timing relative to the code's dates moves the first date with it.
        key = ps.timing_key(text)
        wb = self.session.load()
        start = ps.plan_start(wb, dt.date.today())
        review = ps.parse_date(wb.code.review_date) or ps.add_months(start, 12)
        first = {
            "launch": start,
            "before_effective": start - dt.timedelta(days=ps.BRIEFING_DAYS_BEFORE),
            "every_new_hire": start,
            "monthly": ps.add_months(start, 1),
            "each_review": review,
        }.get(key)
        if first is not None:
            self.date.setDate(QDate(first.year, first.month, first.day))

    def _date_changed(self, value: QDate) -> None:
        if self.session is None or self.item is None or self.item.id is None:
            return
        iso = "" if value == _DATE_EMPTY else value.toString("yyyy-MM-dd")
        self.session.set_field(CommunicationItem, self.item.id, "start_date", iso)

    def _show_shape(self, *_args: object) -> None:
        text = self.timing.text()
        shape = ps.timing_shape(text)
        if not text.strip():
            self.shape.setText(_("Choose or write when it happens."))
            return
        words = {
            "once": _("once, as a dot on its date"),
            "repeat": _("repeated, as ticks ({timing})").format(
                timing=ps.timing_label(ps.timing_key(text), current_language())),
            "ongoing": _("from its date onwards, as a bar"),
        }
        self.shape.setText(words[shape])


class AccessibilityPage(PlanStepPage):
    key = "plan_access"
    clause = "6.7, Annex D"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        checks = QWidget()
        rows = QVBoxLayout(checks)
        rows.setContentsMargins(0, 0, 0, 0)
        for choice in ps.accessibility_options("en"):
            box = QCheckBox()
            box.toggled.connect(lambda on, k=choice.key: self._ticked(k, on))
            self.boxes[choice.key] = box
            rows.addWidget(box)
        self.text = text_box(3)
        self.labels = [self.form.row(checks), self.form.row(self.text)]
        self.b_text = self.binder.bind(self.text, CommunicationItem, "accessibility")
        self.text.textChanged.connect(self._sync_boxes)
        self.note = guidance_label()
        self.note.setStyleSheet("color: #555;")
        self.extra.addWidget(self.note)
        self.retranslate()

    def title(self) -> str:
        return _("Accessibility")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def filled(self, item: CommunicationItem) -> bool:
        return bool(item.accessibility.strip())

    def counts(self, item: CommunicationItem) -> bool:
        return item.direction == "external"

    def retranslate(self) -> None:
        super().retranslate()
        self.form.set_label(self.labels[0], _("What this item does"))
        self.form.set_label(self.labels[1], _("How it reaches &everyone"))
        lang = current_language()
        for choice in ps.accessibility_options(lang):
            self.boxes[choice.key].setText(choice.label)
        self._show_note()

    def show_item(self, item: CommunicationItem | None) -> None:
        super().show_item(item)
        for box in self.boxes.values():
            box.setEnabled(item is not None)
        self._sync_boxes()
        self._show_note()

    def _show_note(self) -> None:
        if self.item is not None and self.item.direction == "internal":
            self.note.setText(_("An item for staff: think of staff who read little, or read "
                                "another language best."))
        elif self.item is not None:
            self.note.setText(_("Items for customers must say how they reach everyone."))
        else:
            self.note.setText("")

    def _sync_boxes(self) -> None:
        text = self.text.toPlainText()
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(ps.accessibility_in(text, key))
            box.blockSignals(False)

    def _ticked(self, key: str, on: bool) -> None:
        if self.item is None:
            return
        lang = content_language(self.session)
        sep = "；" if lang == "zh" else "; "
        text = self.text.toPlainText().strip()
        if on and not ps.accessibility_in(text, key):
            label = ps.accessibility_label(key, lang)
            text = f"{text}{sep}{label}" if text else label
        elif not on:
            parts = [p.strip() for p in text.replace("；", ";").split(";")]
            names = {ps.accessibility_label(key, "zh"), ps.accessibility_label(key, "en")}
            text = sep.join(p for p in parts if p and p not in names)
        say(self.b_text, text)


class EvaluationPage(PlanStepPage):
    key = "plan_evaluation"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evaluation = text_box(2)
        self.picker = Picker()
        self.labels = [self.form.row(self.evaluation), self.form.row(self.picker)]
        self.b_eval = self.binder.bind(self.evaluation, CommunicationItem, "evaluation")
        self.picker.picked.connect(self._picked)
        self.retranslate()

    def _picked(self, text: str) -> None:
        """An idea is added to what is there: the owner may judge an item two ways."""
        have = self.evaluation.toPlainText().strip()
        sep = "；" if content_language(self.session) == "zh" else "; "
        say(self.b_eval, f"{have}{sep}{text}" if have and text not in have else (have or text))

    def title(self) -> str:
        return _("Did it work?")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def filled(self, item: CommunicationItem) -> bool:
        return bool(item.evaluation.strip())

    def retranslate(self) -> None:
        super().retranslate()
        self.form.set_label(self.labels[0], _("How you &judge its effect"))
        self.form.set_label(self.labels[1], _("Ideas"))
        self._fill_picker()

    def show_item(self, item: CommunicationItem | None) -> None:
        super().show_item(item)
        self.picker.setEnabled(item is not None)
        self._fill_picker()

    def _fill_picker(self) -> None:
        direction = self.item.direction if self.item is not None else "external"
        self.picker.set_choices(ps.evaluation_options(direction, content_language(self.session)),
                                _("Made for this kind of item"))
