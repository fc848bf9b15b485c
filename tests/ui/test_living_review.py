"""Reviews, drafted inputs, improvement actions, the checklist and satisfaction results."""

from __future__ import annotations

import datetime as dt

from smallbiz_codes.domain import living
from smallbiz_codes.domain.records import (
    Code,
    ImplementationTask,
    ImprovementAction,
    Review,
    SatisfactionResult,
)
from smallbiz_codes.store.workbook import WorkbookFile


def _type(edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setText(text)
    edit.textEdited.emit(text)
    edit.editingFinished.emit()


def test_review_with_drafted_inputs_and_an_improvement_action(window, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    path = window.session.path
    window.go_key("review")
    page = window._current_frame().page
    assert not page.actions.add_button.isEnabled()  # actions belong to a review
    page.reviews.add()
    _type(page.participants, "陈建华、王丽、李强")
    text = page.draft_inputs()
    assert text.startswith("1. Indicators against targets")
    assert page.inputs.toPlainText() == text
    page.decisions.setPlainText("承诺 2 保留；节假日多排一位裱花师。")
    page.next_review.choose("2027-12-15")
    assert window.session.wf.code().review_date == "2027-12-15"

    page.actions.add()
    page.action.setPlainText("节假日多排一位裱花师")
    _type(page.owner, "店长 王丽")
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    page.due.choose(yesterday)
    page.leave()
    qtbot.waitUntil(lambda: page.actions.cell(0, 0) == "节假日多排一位裱花师")
    assert page.actions.cell(0, 3) == "Not started"

    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        [review] = wf.all(Review)
        [action] = wf.all(ImprovementAction)
        code = wf.get(Code, 1)
        wb = wf.load()
    assert review.participants == "陈建华、王丽、李强"
    assert review.inputs == text and review.next_review == "2027-12-15"
    assert review.decisions == "承诺 2 保留；节假日多排一位裱花师。"
    assert code.review_date == "2027-12-15"
    assert (action.review_id, action.owner, action.due, action.status) == (
        review.id, "店长 王丽", yesterday, "open")
    overdue = [r for r in living.reminders(wb, dt.date.today()) if r.kind == "action"]
    assert overdue and overdue[0].overdue and "节假日多排一位裱花师" in overdue[0].text


def test_an_older_review_does_not_move_the_code_review_date(window) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    window.go_key("review")
    page = window._current_frame().page
    page.reviews.add()
    page.next_review.choose("2027-12-15")
    page.reviews.add()
    page.date.choose("2025-01-10")  # typed in afterwards: a review held long ago
    page.next_review.choose("2026-01-10")
    assert window.session.wf.code().review_date == "2027-12-15"


def test_starter_checklist_added_once_and_ticked_off(window, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language("zh")
    window.open_example("bakery")
    path = window.session.path
    window.go_key("checklist")
    page = window._current_frame().page
    added = page.add_starter_list()
    assert added > 10 and page.editor.row_count() == added
    assert page.add_starter_list() == 0  # pressing again adds nothing twice
    first_title = page.task.text()
    page.done_today.click()
    today = dt.date.today().isoformat()
    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        tasks = wf.all(ImplementationTask)
    assert len(tasks) == added
    assert any(t.title.startswith("告诉顾客（预订蛋糕的顾客）") for t in tasks)
    [done] = [t for t in tasks if t.done_on]
    assert done.title == first_title and done.done_on == today


def test_satisfaction_survey_saved_with_percent_and_scores(window) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    path = window.session.path
    window.go_key("satisfaction")
    page = window._current_frame().page
    page.editor.add()
    _type(page.method, "收银台小问卷")
    page.sample.setValue(40)
    page.sample.editingFinished.emit()
    _type(page.awareness, "65%")
    _type(page.clarity, "4,2")
    _type(page.overall, "4.5")
    assert page.editor.cell(0, 3) == "65%"
    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        [s] = wf.all(SatisfactionResult)
    assert (s.method, s.sample, s.awareness, s.clarity, s.fairness, s.overall) == (
        "收银台小问卷", 40, 65.0, 4.2, None, 4.5)
