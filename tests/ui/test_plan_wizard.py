"""The communication-plan wizard driven through its real widgets, as an owner would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from smallbiz_codes.domain import plan_suggest as ps
from smallbiz_codes.domain.records import Code, CommunicationItem, Organization, Promise
from smallbiz_codes.store.workbook import WorkbookFile
from smallbiz_codes.ui.plan.overview import DoneDialog


def _workbook(window, folder: Path, channels: list[str]) -> Path:  # type: ignore[no-untyped-def]
    """A new workbook with a profile, an effective date and one promise, opened in the window."""
    path = folder / "茶叶店.sbcodes"
    window.create_workbook(path)
    wf = window.session.wf
    wf.set_field(Organization, 1, "name", "Lin's Tea 小林茶叶")
    wf.set_field(Organization, 1, "language", "en")
    wf.set_field(Organization, 1, "channels", channels)
    wf.set_field(Code, 1, "effective_date", "2027-01-15")
    wf.set_field(Code, 1, "review_date", "2028-01-15")
    wf.set_field(Code, 1, "approver", "Lin Xiao, owner")
    wf.add(Promise(wording="Orders are shipped within 48 hours.", owner="Zhou, customer service"))
    window.session.replaced()
    return path


def _page(window):  # type: ignore[no-untyped-def]
    return window._current_frame().page


def _next(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window._current_frame().next, Qt.MouseButton.LeftButton)


def _pick(picker, text: str) -> None:  # type: ignore[no-untyped-def]
    """Choose the entry of a 'Choose from the list…' box whose text starts with ``text``."""
    index = next(n for n in range(picker.count()) if picker.itemText(n).startswith(text))
    picker.setCurrentIndex(index)
    picker.activated.emit(index)


def _items(path: Path) -> list[CommunicationItem]:
    with WorkbookFile.open(path) as wf:
        return wf.all(CommunicationItem)


def test_six_steps_fill_one_item_saved_as_typed(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = _workbook(window, cjk_dir, ["online", "delivery"])
    window.go_key("plan_purpose")
    page = _page(window)
    assert page.items.list.count() == 0
    qtbot.mouseClick(page.items.add_external, Qt.MouseButton.LeftButton)
    assert page.items.list.count() == 1
    # 1. purpose and message
    page.purpose.setFocus()
    qtbot.keyClicks(page.purpose, "Customers know our promises")
    page.message.setPlainText("我们对您的承诺")  # Chinese by setText: keyClicks aborts on it
    _next(window, qtbot)
    # 2. audience: a customer item offers customer audiences
    page = _page(window)
    assert page.key == "plan_audiences"
    assert page.direction.currentData() == "external"
    labels = [page.picker.itemText(n) for n in range(page.picker.count())]
    assert "Customers who order online" in labels and "All staff" not in labels
    _pick(page.picker, "Customers who order online")
    assert page.audience.text() == "Customers who order online"
    _next(window, qtbot)
    # 3. method: what fits online and delivery comes first, marked
    page = _page(window)
    assert page.key == "plan_methods"
    assert page.picker.itemText(1).endswith("★")
    assert "Promises page on the website" in page.hint.text()
    _pick(page.picker, "Promises page on the website")
    _next(window, qtbot)
    # 4. timing, first date, owner, cost
    page = _page(window)
    assert page.key == "plan_timing"
    _pick(page.timing_picker, "Monthly")
    assert page.date.date() == QDate(2027, 2, 15)  # a month after the effective date
    assert "ticks" in page.shape.text()
    owners = [page.owner_picker.itemText(n) for n in range(page.owner_picker.count())]
    assert owners[1:] == ["Lin Xiao, owner", "Zhou, customer service"]
    _pick(page.owner_picker, "Zhou")
    page.cost.setFocus()
    qtbot.keyClicks(page.cost, "1 hour")
    _next(window, qtbot)
    # 5. accessibility: ticking writes the words into the field
    page = _page(window)
    assert page.key == "plan_access"
    page.boxes["large_print"].setChecked(True)
    page.boxes["both_languages"].setChecked(True)
    page.boxes["large_print"].setChecked(False)
    assert page.text.toPlainText() == "Chinese and English"
    _next(window, qtbot)
    # 6. evaluation
    page = _page(window)
    assert page.key == "plan_evaluation"
    _pick(page.picker, "Visits to the promises page")
    page.evaluation.setFocus()
    qtbot.keyClicks(page.evaluation, ", counted monthly")
    _pick(page.picker, "Complaints that mention")  # a second idea is added, not swapped in
    _next(window, qtbot)
    assert _page(window).key == "plan_overview"
    qtbot.waitUntil(lambda: window.save_label.text() == "saved")
    window.close_workbook()
    [item] = _items(path)
    assert item.direction == "external"
    assert item.purpose == "Customers know our promises"
    assert item.message == "我们对您的承诺"
    assert item.audience == "Customers who order online"
    assert item.method == "Promises page on the website or web shop"
    assert item.timing == "Monthly" and item.start_date == "2027-02-15"
    assert item.owner == "Zhou, customer service" and item.cost == "1 hour"
    assert item.accessibility == "Chinese and English"
    assert item.evaluation == ("Visits to the promises page, counted monthly; "
                               "Complaints that mention the promises")


def test_step_marks_count_items_with_that_step_filled(window, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _workbook(window, cjk_dir, ["shop"])
    wf = window.session.wf
    wf.add(CommunicationItem(direction="internal", audience="All staff", start_date="2027-01-08"))
    wf.add(CommunicationItem(direction="external", audience="Customers",
                             accessibility="Large print"))
    window.go_key("plan_audiences")
    window._refresh_views()
    texts = {window.frames[n].page.key: window.items[n].text(0) for n in range(len(window.frames))}
    assert texts["plan_audiences"].endswith("✓")
    assert texts["plan_methods"].endswith("0/2")
    assert texts["plan_access"].endswith("✓")  # only items for customers must say it


def test_one_click_plan_then_asks_before_adding_and_keeps_own_items(window, qtbot, cjk_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _workbook(window, cjk_dir, ["shop", "appointment"])
    window.go_key("plan_overview")
    page = _page(window)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    made = _items_open(window)
    assert {i.direction for i in made} == {"internal", "external"}
    assert all(i.owner and i.start_date for i in made)
    methods = {i.method for i in made}
    assert ps.method_label("counter_notice", "en") in methods
    assert ps.method_label("booking_confirmation", "en") in methods
    assert ps.method_label("website_page", "en") not in methods
    assert page.model.rowCount() == len(made)
    # the owner edits one and removes another; a second click must not undo either
    window.session.set_field(CommunicationItem, made[0].id, "message", "My own words")
    window.session.delete(CommunicationItem, made[1].id)
    asked: list[str] = []

    def no(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    assert asked and "Your own items stay as they are" in asked[0]
    assert len(_items_open(window)) == len(made) - 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    after = _items_open(window)
    assert len(after) == len(made)  # only the removed one came back
    assert after[0].message == "My own words"


def _green_in_row(timeline, item_id: int) -> int:  # type: ignore[no-untyped-def]
    image = timeline.grab().toImage()
    top, height = next((t, h) for i, t, h in timeline._rows if i == item_id)
    count = 0
    for y in range(top, top + height, 2):
        for x in range(timeline._name_width(), image.width(), 2):
            c = QColor(image.pixel(x, y))
            if c.green() > 100 and c.red() < 70 and c.blue() < 90:
                count += 1
    return count


def test_mark_done_stores_the_date_and_shows_it(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    window.go_key("plan_overview")
    page = _page(window)
    page.tabs.setCurrentIndex(1)
    item = page.model.items[2]
    assert not item.done_on
    page.choose(item.id)
    assert _green_in_row(page.timeline, item.id) == 0
    day = dt.date(2026, 12, 3)
    monkeypatch.setattr(DoneDialog, "ask", classmethod(lambda cls, n, i, p=None: day))
    qtbot.mouseClick(page.done, Qt.MouseButton.LeftButton)
    stored = next(i for i in window.session.wf.all(CommunicationItem) if i.id == item.id)
    assert stored.done_on == "2026-12-03"
    assert page.model.data(page.model.index(2, 0)) == "✓ 3 Dec 2026"
    assert page.summary.text().endswith("1 done.")
    assert _green_in_row(page.timeline, item.id) > 5
    qtbot.mouseClick(page.undone, Qt.MouseButton.LeftButton)
    stored = next(i for i in window.session.wf.all(CommunicationItem) if i.id == item.id)
    assert stored.done_on == ""


def test_done_dialog_returns_the_chosen_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DoneDialog("Notice at the counter", dt.date(2026, 12, 1))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == dt.date(2026, 12, 1)
    dialog.date.setDate(QDate(2027, 1, 2))
    assert dialog.chosen() == dt.date(2027, 1, 2)


def test_reopening_resumes_at_the_same_plan_step_with_the_items(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = _workbook(window, cjk_dir, ["phone"])
    window.go_key("plan_methods")
    page = _page(window)
    qtbot.mouseClick(page.items.add_internal, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.items.add_external, Qt.MouseButton.LeftButton)
    page.method.setFocus()
    qtbot.keyClicks(page.method, "Phone script")  # closed while the 400 ms wait is running
    window.close_workbook()
    window.open_path(path)
    page = _page(window)
    assert page.key == "plan_methods"
    assert page.items.list.count() == 2
    assert page.method.text() == "Phone script"
    assert [i.direction for i in _items_open(window)] == ["internal", "external"]


def _items_open(window) -> list[CommunicationItem]:  # type: ignore[no-untyped-def]
    return window.session.wf.all(CommunicationItem)


def test_reorder_and_remove_with_the_list_buttons(window, qtbot, cjk_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _workbook(window, cjk_dir, ["shop"])
    wf = window.session.wf
    for name in ("A", "B", "C"):
        wf.add(CommunicationItem(audience=name))
    window.go_key("plan_audiences")
    page = _page(window)
    page.items.list.setCurrentRow(2)
    qtbot.mouseClick(page.items.up, Qt.MouseButton.LeftButton)
    assert [i.audience for i in _items_open(window)] == ["A", "C", "B"]
    assert page.audience.text() == "C"  # still the same item chosen
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.items.remove, Qt.MouseButton.LeftButton)
    assert [i.audience for i in _items_open(window)] == ["A", "B"]
    assert page.items.list.count() == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plan_steps_speak_the_chosen_language(window, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    window.go_key("plan_timing")
    window.switch_language(lang)
    frame = window._current_frame()
    expected = {"zh": "时间和负责人", "en": "Timing and responsibility"}[lang]
    assert frame.title.text() == expected
    page = frame.page
    picker_texts = [page.timing_picker.itemText(n) for n in range(page.timing_picker.count())]
    # suggestions follow the language the workbook is written in
    wb_lang = window.session.wf.organization().language
    assert ps.timing_label("monthly", wb_lang) in picker_texts


def test_home_leads_to_the_plan(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _workbook(window, cjk_dir, ["shop"])
    window.go_key("home")
    home = _page(window)
    qtbot.mouseClick(home.plan_button, Qt.MouseButton.LeftButton)
    assert _page(window).key == "plan_purpose"  # no plan yet: start at the first step
    window.session.wf.add(CommunicationItem(audience="All staff"))
    window.go_key("home")
    qtbot.mouseClick(home.plan_button, Qt.MouseButton.LeftButton)
    assert _page(window).key == "plan_overview"


def test_the_plan_follows_the_code_wizard(window, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    """Next on the code wizard's last page leads into the plan's first step."""
    from smallbiz_codes.ui import wizard

    _workbook(window, cjk_dir, ["shop"])
    window.go_key(wizard.PAGES[-1].key)
    window._current_frame().next.click()
    assert _page(window).key == "plan_purpose"
