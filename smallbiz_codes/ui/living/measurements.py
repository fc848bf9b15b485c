"""Indicator measurements (ISO 10001 8.2): a value per month, against the target."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from smallbiz_codes.domain import living
from smallbiz_codes.domain.records import Indicator, Measurement
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language
from smallbiz_codes.ui.living.chart import TrendChart
from smallbiz_codes.ui.living.common import (
    DateEdit,
    RecordEditor,
    bind_date,
    bind_number,
    guidance,
    number_line,
)
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form, line

CHART_MONTHS = 12
FREQUENCY_LABELS = {"monthly": N_("every month"), "weekly": N_("every week"),
                    "quarterly": N_("every quarter"), "yearly": N_("every year")}


class MeasurementsPage(StepPage):
    key = "measurements"
    clause = "8.2"
    live_view = False  # logs and tables need the width more than the customer's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attached = None
        outer = QVBoxLayout(self)
        top = Form()
        self.indicator = QComboBox()
        self.indicator.currentIndexChanged.connect(self._indicator_changed)
        self.indicator_label = top.row(self.indicator)
        outer.addLayout(top)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555;")
        outer.addWidget(self.info)
        self.chart = TrendChart()
        outer.addWidget(self.chart)
        self.verdict = QLabel()
        font = QFont(self.verdict.font())
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setWordWrap(True)
        outer.addWidget(self.verdict)
        self.editor = RecordEditor(
            Measurement, lambda: self.session,
            row=self._row,
            new_record=self._new_measurement,
            keep=lambda m, wb: m.indicator_id == self.current_indicator_id(),
            sort_key=lambda m: (m.period, m.id or 0), reverse=True,
        )
        self.editor.can_add = lambda: self.current_indicator_id() is not None
        outer.addWidget(self.editor)
        outer.addStretch(1)
        e = self.editor
        self.month = DateEdit(month_only=True)
        self.value = number_line()
        self.comment = line()
        self.labels = {
            "month": e.form.row(self.month),
            "value": e.form.row(self.value),
            "comment": e.form.row(self.comment),
        }
        bind_date(e.binder, self.month, Measurement, "period", lambda: self.session)
        bind_number(e.binder, self.value, Measurement, "value", lambda: self.session)
        e.binder.bind(self.comment, Measurement, "comment")
        self.retranslate()

    # -- frame ---------------------------------------------------------------------------
    def title(self) -> str:
        return _("Indicators against targets")

    def guidance(self) -> str:
        return guidance("measurements")

    def completion(self, wb: Workbook) -> tuple[int, int]:
        with_values = sum(1 for i in wb.indicators if living.values(wb, i))
        return (with_values, len(wb.indicators))

    def retranslate(self) -> None:
        e, f = self.editor, self.editor.form
        e.set_headers([_("Month"), _("Value"), _("On target"), _("Comment")])
        e.set_button_texts(_("&Add a month"), _("&Remove month"))
        self.indicator_label.setText(_("&Indicator"))
        self.indicator.setAccessibleName(_("Indicator"))
        f.set_label(self.labels["month"], _("Month"))
        f.set_label(self.labels["value"], _("Value"))
        f.set_label(self.labels["comment"], _("Comment"))
        self.month.setAccessibleName(_("Month"))
        self.comment.setPlaceholderText(_("e.g. two bakers off sick in the holiday week"))
        self.month.retranslate()
        self._fill_indicators()
        self._show_indicator()
        e.reload()

    # -- life cycle ----------------------------------------------------------------------
    def attach(self, session) -> None:  # type: ignore[no-untyped-def]
        if self._attached is not None:
            try:
                self._attached.changed.disconnect(self._changed)
            except (RuntimeError, TypeError):
                pass
        self._attached = session
        if session is not None:
            session.changed.connect(self._changed)
        self.editor.attach(session)
        super().attach(session)

    def reload(self) -> None:
        self._fill_indicators()
        self._show_indicator()
        self.editor.reload()

    def leave(self) -> None:
        self.editor.binder.flush()

    def _changed(self, table: str) -> None:
        if table in ("measurement", "indicator", ""):
            self._show_indicator()

    # -- the indicator chooser -------------------------------------------------------------
    def current_indicator_id(self) -> int | None:
        data = self.indicator.currentData()
        return data if isinstance(data, int) else None

    def select_indicator(self, indicator_id: int) -> None:
        idx = self.indicator.findData(indicator_id)
        if idx >= 0:
            self.indicator.setCurrentIndex(idx)

    def _fill_indicators(self) -> None:
        """Indicators grouped under their promise; the promise lines cannot be chosen."""
        current = self.current_indicator_id()
        combo = self.indicator
        combo.blockSignals(True)
        combo.clear()
        if self.session is not None:
            wb = self.session.load()
            lang = current_language()
            model = combo.model()
            groups = [(living.promise_label(wb, p, lang), wb.indicators_for(p))
                      for p in sorted(wb.promises, key=lambda p: (p.position, p.id or 0))]
            linked = {p.id for p in wb.promises}
            loose = [i for i in wb.indicators if i.promise_id not in linked]
            if loose:
                groups.append((_("Other indicators"), loose))
            for heading, indicators in groups:
                if not indicators:
                    continue
                combo.addItem(heading, "group")
                if isinstance(model, QStandardItemModel):
                    item = model.item(combo.count() - 1)
                    item.setEnabled(False)
                    bold = QFont(combo.font())
                    bold.setBold(True)
                    item.setFont(bold)
                for ind in indicators:
                    combo.addItem("    " + (ind.name or ind.measure or _("(no name)")), ind.id)
        idx = combo.findData(current) if current is not None else -1
        if idx < 0:
            idx = next((n for n in range(combo.count()) if isinstance(combo.itemData(n), int)), -1)
        combo.setCurrentIndex(idx)
        combo.blockSignals(False)

    def _indicator_changed(self, _index: int) -> None:
        self.editor.binder.flush()
        self._show_indicator()
        self.editor.reload()

    def _indicator(self, wb: Workbook) -> Indicator | None:
        ind_id = self.current_indicator_id()
        return next((i for i in wb.indicators if i.id == ind_id), None)

    def _show_indicator(self) -> None:
        if self.session is None:
            self.info.clear()
            self.verdict.clear()
            self.chart.set_data([], None, "", "")
            return
        wb = self.session.load()
        ind = self._indicator(wb)
        self.editor.add_button.setEnabled(ind is not None)
        if ind is None:
            self.info.setText(_("No indicators yet. Add them to your promises in the code."))
            self.verdict.clear()
            self.chart.set_data([], None, "", "")
            return
        lang = current_language()
        parts = []
        if ind.measure:
            parts.append(ind.measure)
        target = living.target_text(ind, lang)
        better = _("lower is better") if ind.direction == "down" else _("higher is better")
        parts.append(_("Target: {target} ({better})").format(target=target, better=better)
                     if target else _("No target set yet."))
        if ind.frequency:
            parts.append(_("Measured {frequency}").format(
                frequency=_(FREQUENCY_LABELS.get(ind.frequency, ind.frequency))))
        if ind.source:
            parts.append(_("From: {source}").format(source=ind.source))
        self.info.setText(" · ".join(parts))
        text = living.verdict_text(living.verdict(wb, ind), lang)
        self.verdict.setText(text)
        months = list(living.verdict(wb, ind, last=CHART_MONTHS).months)
        self.chart.set_data(months, ind.target, ind.unit, text, ind.direction)

    # -- rows ----------------------------------------------------------------------------
    def _row(self, m: Measurement, wb: Workbook) -> list[str]:
        ind = self._indicator(wb)
        ok = ""
        if m.value is not None and ind is not None and ind.target is not None:
            ok = _("yes") if living.on_target(m.value, ind.target, ind.direction) else _("no")
        unit = ind.unit if ind is not None else ""
        value = living.with_unit(m.value, unit, current_language()) if m.value is not None else ""
        return [living.month_label(m.period, current_language()), value, ok, m.comment]

    def _new_measurement(self, wb: Workbook) -> Measurement | None:
        """The month after the latest one entered, or last month for a first value."""
        ind = self._indicator(wb)
        if ind is None:
            return None
        periods = [p for m in wb.measurements_for(ind) if (p := living.parse_date(m.period))]
        if periods:
            period = living.add_months(max(periods), 1)
        else:
            period = living.add_months(dt.date.today(), -1)
        return Measurement(indicator_id=ind.id, period=period.isoformat())
