"""Your business (ISO 10001 5.1, Annex C): the profile every later question branches on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.examples import example_keys, trade_name
from smallbiz_codes.domain.records import CHANNELS, Code, Organization
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, _, current_language
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form, line, text_box
from smallbiz_codes.ui.wizard.common import guidance_for

CHANNEL_LABELS = {
    "shop": N_("In the shop"),
    "phone": N_("By phone"),
    "online": N_("Online"),
    "delivery": N_("We deliver"),
    "deposit": N_("We take deposits or prepayment"),
    "appointment": N_("By appointment"),
}


class BusinessPage(StepPage):
    key = "business"
    clause = "5.1, Annex C"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._org_id: int | None = None
        outer = QVBoxLayout(self)
        # Annex C: the short route for a first code, the full route through clause 6.
        self.route_box = QGroupBox()
        route_layout = QVBoxLayout(self.route_box)
        self.route_short = QRadioButton()
        self.route_full = QRadioButton()
        self.route_group = QButtonGroup(self)
        for button in (self.route_short, self.route_full):
            self.route_group.addButton(button)
            route_layout.addWidget(button)
        self.route_short.toggled.connect(self._route_changed)
        outer.addWidget(self.route_box)
        self.form = Form()
        outer.addLayout(self.form)
        outer.addStretch(1)

        self.name = line()
        self.name_alt = line()
        self.trade = QComboBox()
        self.staff = QSpinBox()
        self.staff.setRange(0, 10000)
        self.products = text_box(2)
        self.customers = text_box(2)
        self.channel_boxes: dict[str, QCheckBox] = {key: QCheckBox() for key in CHANNELS}
        channels = QWidget()
        grid = QGridLayout(channels)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, box in enumerate(self.channel_boxes.values()):
            grid.addWidget(box, n // 2, n % 2)
            box.toggled.connect(self._channels_changed)
        self.address = line()
        self.address_alt = line()
        self.phone = line()
        self.email = line()
        self.website = line()
        self.complaints = text_box(2)
        self.laws = text_box(2)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")

        self.labels = {
            "name": self.form.row(self.name),
            "name_alt": self.form.row(self.name_alt),
            "trade": self.form.row(self.trade),
            "staff": self.form.row(self.staff),
            "products": self.form.row(self.products),
            "customers": self.form.row(self.customers),
            "channels": self.form.row(channels),
            "address": self.form.row(self.address),
            "address_alt": self.form.row(self.address_alt),
            "phone": self.form.row(self.phone),
            "email": self.form.row(self.email),
            "website": self.form.row(self.website),
            "complaints": self.form.row(self.complaints),
            "laws": self.form.row(self.laws),
            "language": self.form.row(self.language),
        }
        b = self.binder
        b.bind(self.name, Organization, "name")
        b.bind(self.name_alt, Organization, "name_alt")
        b.bind(self.trade, Organization, "trade")
        b.bind(self.staff, Organization, "staff_count")
        b.bind(self.products, Organization, "products_services")
        b.bind(self.customers, Organization, "customers")
        b.bind(self.address, Organization, "address")
        b.bind(self.address_alt, Organization, "address_alt")
        b.bind(self.phone, Organization, "phone")
        b.bind(self.email, Organization, "email")
        b.bind(self.website, Organization, "website")
        b.bind(self.complaints, Organization, "complaint_handling")
        b.bind(self.laws, Organization, "laws_and_rules")
        b.bind(self.language, Organization, "language")
        self._fill_trades()
        self.retranslate()

    def title(self) -> str:
        return _("Your business")

    def guidance(self) -> str:
        return guidance_for(self.key)

    def completion(self, wb: Workbook) -> tuple[int, int]:
        org = wb.organization
        contact = org.phone or org.email
        filled = [org.name, org.products_services, org.customers, org.channels, contact]
        return (sum(bool(v) for v in filled), len(filled))

    def _fill_trades(self) -> None:
        current = self.trade.currentData()
        self.trade.blockSignals(True)
        self.trade.clear()
        lang = current_language()
        for key in example_keys():
            self.trade.addItem(trade_name(key, lang), key)
        self.trade.addItem(_("Other"), "other")
        idx = self.trade.findData(current)
        self.trade.setCurrentIndex(max(idx, 0))
        self.trade.blockSignals(False)

    def retranslate(self) -> None:
        f, labels = self.form, self.labels
        self.route_box.setTitle(_("How do you want to go?"))
        self.route_short.setText(_("Short route: example → your promises → contact → publish"))
        self.route_full.setText(_("Full route: every step, from objectives to the principle check"))
        f.set_label(labels["name"], _("Business na&me"))
        f.set_label(labels["name_alt"], _("Name in the other language (for bilingual notices)"))
        f.set_label(labels["trade"], _("&Trade"))
        f.set_label(labels["staff"], _("People working here"))
        f.set_label(labels["products"], _("What you sell or do"))
        f.set_label(labels["customers"], _("Your customers"))
        f.set_label(labels["channels"], _("How customers buy from you"))
        f.set_label(labels["address"], _("Address"))
        f.set_label(
            labels["address_alt"], _("Address in the other language (for bilingual notices)")
        )
        f.set_label(labels["phone"], _("Phone"))
        f.set_label(labels["email"], _("Email"))
        f.set_label(labels["website"], _("Web page (printed as a QR code on the notice)"))
        f.set_label(labels["complaints"], _("How you handle complaints today"))
        f.set_label(labels["laws"], _("Laws and association rules that apply"))
        f.set_label(labels["language"], _("You write your code in"))
        for key, box in self.channel_boxes.items():
            box.setText(_(CHANNEL_LABELS[key]))
        self.name.setPlaceholderText(_("e.g. Golden Wheat Bakery"))
        self._fill_trades()

    def reload(self) -> None:
        if self.session is None:
            self.binder.load(None)
            return
        org = self.session.wf.organization()
        self._org_id = org.id
        if org.trade and self.trade.findData(org.trade) < 0:
            org.trade = "other"
        self.binder.load(org)
        for key, box in self.channel_boxes.items():
            box.blockSignals(True)
            box.setChecked(key in org.channels)
            box.blockSignals(False)
        short = self.session.wf.code().route == "short"
        for button, on in ((self.route_short, short), (self.route_full, not short)):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)

    def _route_changed(self) -> None:
        if self.session is None:
            return
        route = "short" if self.route_short.isChecked() else "full"
        code = self.session.wf.code()
        if code.route != route:
            self.session.set_field(Code, code.id, "route", route)

    def _channels_changed(self) -> None:
        if self.session is None or self._org_id is None:
            return
        chosen = [k for k, box in self.channel_boxes.items() if box.isChecked()]
        self.session.set_field(Organization, self._org_id, "channels", chosen)
