"""The feedback and complaints log, driven through its real widgets."""

from __future__ import annotations

import datetime as dt

from smallbiz_codes.domain.records import Feedback
from smallbiz_codes.store.workbook import WorkbookFile


def _type(edit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese goes in with setText (keyClicks aborts on it), then the signal typing sends."""
    edit.setText(text)
    edit.textEdited.emit(text)
    edit.editingFinished.emit()


def test_complaint_about_promise_2_logged_and_closed(window, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    path = window.session.path
    window.go_key("feedback")
    page = window._current_frame().page
    assert page.key == "feedback"
    page.editor.add()
    assert page.editor.row_count() == 1
    assert page.date.iso() == dt.date.today().isoformat()
    page.kind.setCurrentIndex(page.kind.findData("complaint"))
    page.promise.setCurrentIndex(page.promise.findData(2))
    assert page.promise.currentText().startswith("Promise 2 \"Ordered cakes")
    page.summary.setPlainText("周六订的生日蛋糕晚了 40 分钟，顾客很着急")
    _type(page.channel, "电话")
    _type(page.customer_ref, "王女士 5678")
    page.remedy.setPlainText("按承诺蛋糕打八折，店长当面道歉")
    page.leave()
    qtbot.waitUntil(lambda: "周六订的生日蛋糕" in page.editor.cell(0, 3))
    assert page.editor.cell(0, 2) == "Promise 2"
    assert page.editor.cell(0, 4) == "Open"

    page.status.setCurrentIndex(page.status.findData("closed"))  # close it
    assert page.closed.iso() == dt.date.today().isoformat()
    assert page.editor.cell(0, 4) == "Closed"
    page.open_only.setChecked(True)
    assert page.editor.row_count() == 0
    page.open_only.setChecked(False)
    assert page.editor.row_count() == 1

    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        [f] = wf.all(Feedback)
    assert (f.kind, f.promise_id, f.status) == ("complaint", 2, "closed")
    assert f.summary == "周六订的生日蛋糕晚了 40 分钟，顾客很着急"
    assert f.channel == "电话" and f.customer_ref == "王女士 5678"
    assert f.remedy_given == "按承诺蛋糕打八折，店长当面道歉"
    assert f.date == f.closed_on == dt.date.today().isoformat()


def test_full_phone_number_as_customer_reference_is_warned_about(window, qtbot, shots_dir) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    window.go_key("feedback")
    page = window._current_frame().page
    page.editor.add()
    assert page.ref_warning.isHidden()
    _type(page.customer_ref, "13812345678")
    assert not page.ref_warning.isHidden()
    assert "full phone number" in page.ref_warning.text()
    assert "last 4 digits" in page.ref_hint.text()
    _type(page.customer_ref, "5678")
    assert page.ref_warning.isHidden()
    window.switch_language("zh")
    _type(page.customer_ref, "wang.li@example.com")
    assert not page.ref_warning.isHidden() and "邮箱" in page.ref_warning.text()
    assert window._current_frame().title.text() == "反馈和投诉"
    _type(page.customer_ref, "13812345678")
    qtbot.wait(50)
    window.grab().save(str(shots_dir / "living-feedback-warning-zh.png"))
