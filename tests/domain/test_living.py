"""Living with the code, headless: starter checklist, verdicts, review inputs, reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from smallbiz_codes.domain import living
from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import (
    Feedback,
    ImplementationTask,
    ImprovementAction,
    Indicator,
    Measurement,
    SatisfactionResult,
)
from smallbiz_codes.domain.workbook import Workbook

TODAY = dt.date(2027, 3, 15)


def _bakery(lang: str = "zh") -> Workbook:
    wb = load_example("bakery", lang)
    for n, item in enumerate(wb.communication_items, start=1):
        item.id = n
    return wb


def _cakes(wb: Workbook) -> Indicator:
    return next(i for i in wb.indicators if i.unit == "%" and i.target == 97)


def _measure(wb: Workbook, ind: Indicator, *pairs: tuple[str, float]) -> None:
    for period, value in pairs:
        wb.measurements.append(Measurement(id=len(wb.measurements) + 1, indicator_id=ind.id,
                                           period=period, value=value))


# -- starter checklist --------------------------------------------------------------


def test_starter_tasks_come_from_promises_indicators_and_communication_items() -> None:
    wb = _bakery("zh")
    tasks = living.starter_tasks(wb, dt.date(2026, 11, 1))
    titles = [t.title for t in tasks]
    assert [t.due for t in tasks] == sorted(t.due for t in tasks)
    assert titles[0] == "把规范从头到尾再读一遍，签字批准"
    assert tasks[0].owner == "店主 陈建华"
    # one per promise, with its owner
    walk = [t for t in tasks if t.title.startswith("和负责人过一遍承诺")]
    assert len(walk) == len(wb.promises) == 5
    assert walk[0].owner == "烘焙师傅 李强" and "承诺 1「货架上的面包都是当天烤的" in walk[0].title
    # the order slips come from the external communication item printed on them
    slips = next(t for t in tasks if "蛋糕预订单背面" in t.title)
    assert slips.title.startswith("告诉顾客（预订蛋糕的顾客）")
    assert slips.due == "2026-12-01" and slips.owner == "收银 周芳"
    staff = next(t for t in tasks if t.title.startswith("告诉全体员工"))
    assert staff.due == "2026-11-24"
    assert any(t.title == "打印顾客告示，贴在收银台和门口" and t.due == "2026-11-29" for t in tasks)
    assert all(t.id is None for t in tasks)  # offered, not saved


def test_starter_tasks_in_english_and_never_twice() -> None:
    wb = _bakery("en")
    first = living.starter_tasks(wb, dt.date(2026, 11, 1))
    assert any(t.title == "Read the code through once more and sign it off" for t in first)
    walk2 = next(t for t in first if t.title.startswith("Go through promise 2 "))
    assert walk2.title.startswith('Go through promise 2 "Ordered cakes are ready at the agreed…"')
    assert walk2.owner == "Wang Li, manager"
    wb.implementation_tasks = [ImplementationTask(id=n, title=t.title)
                               for n, t in enumerate(first[:3], start=1)]
    second = living.starter_tasks(wb, dt.date(2026, 11, 1))
    assert len(second) == len(first) - 3
    assert not {t.title for t in second} & {t.title for t in first[:3]}


def test_starter_due_dates_never_lie_in_the_past() -> None:
    wb = _bakery("en")
    tasks = living.starter_tasks(wb, TODAY)
    assert min(t.due for t in tasks) == TODAY.isoformat()


# -- verdicts -------------------------------------------------------------------------


def test_verdict_counts_months_on_target_for_higher_is_better() -> None:
    wb = _bakery("en")
    cakes = _cakes(wb)
    _measure(wb, cakes, ("2026-05-01", 90), ("2026-06-01", 97), ("2026-07-01", 98.5),
             ("2026-08-01", 96), ("2026-09-01", 99), ("2026-10-01", 97), ("2026-11-01", 100))
    v = living.verdict(wb, cakes)
    assert v.measured == 6  # May is older than the last six
    assert v.hits == 5
    assert living.verdict_text(v, "en") == "On target in 5 of the last 6 months."
    assert living.verdict_text(v, "zh") == "最近 6 个月中，有 5 个月达到目标值。"


def test_verdict_for_lower_is_better_and_edge_cases() -> None:
    wb = _bakery("en")
    fresh = next(i for i in wb.indicators if i.direction == "down")
    assert living.verdict_text(living.verdict(wb, fresh), "en") == "No values entered yet."
    _measure(wb, fresh, ("2026-10-01", 0))
    one = living.verdict_text(living.verdict(wb, fresh), "en")
    assert one == "One month entered so far: on target."
    _measure(wb, fresh, ("2026-11-01", 2))
    v = living.verdict(wb, fresh)
    assert [ok for _p, _v, ok in v.months] == [True, False]
    fresh.target = None
    assert living.verdict_text(living.verdict(wb, fresh), "en") == "No target set yet."
    assert living.target_text(_cakes(wb), "en") == "at least 97%"
    assert living.target_text(_cakes(wb), "zh") == "不低于 97%"


# -- customer references ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "kind"),
    [("13812345678", "phone"), ("138 1234 5678", "phone"), ("+86-21-5555-0188", "phone"),
     ("li.ming@example.com", "email"), ("5678", None), ("WL", None), ("王女士 尾号5678", None)],
)
def test_customer_reference_that_is_a_full_number_or_address_is_caught(ref: str, kind: str) -> None:
    assert living.contact_kind(ref) == kind


# -- review inputs -------------------------------------------------------------------------


def test_review_inputs_summarise_indicators_feedback_satisfaction_and_actions() -> None:
    wb = _bakery("zh")
    cakes = _cakes(wb)
    _measure(wb, cakes, ("2027-01-01", 95), ("2027-02-01", 98))
    wb.feedback = [
        Feedback(id=1, date="2026-12-20", kind="complaint", promise_id=2, status="closed"),
        Feedback(id=2, date="2027-02-03", kind="complaint", promise_id=2, status="open"),
        Feedback(id=3, date="2027-02-10", kind="praise", promise_id=1, status="closed"),
        Feedback(id=4, date="2026-06-01", kind="complaint", promise_id=1, status="closed"),
    ]
    wb.satisfaction_results = [SatisfactionResult(id=1, date="2027-02-20", method="店内问卷",
                                                  sample=40, awareness=65, clarity=4.2,
                                                  fairness=4, overall=4.5)]
    wb.improvement_actions = [ImprovementAction(id=1, action="节日多排一位裱花师", owner="王丽",
                                                due="2027-04-01", status="open"),
                              ImprovementAction(id=2, action="已完成的事", status="done")]
    text = living.review_inputs(wb, since="2026-12-01")
    assert ("- 蛋糕准时率：最近一次 98%（2027年2月），目标值不低于 97%。"
            "最近 2 个月中，有 1 个月达到目标值。") in text
    assert "新鲜度投诉次数：还没有数据" in text
    assert "二、2026年12月1日以来的反馈和投诉" in text
    assert "承诺 2「预订的蛋糕在约定时间准备好" in text
    line2 = next(x for x in text.splitlines() if "承诺 2" in x)
    assert "投诉 2 条" in line2 and "还有 1 条没处理完" in line2
    line1 = next(x for x in text.splitlines() if "承诺 1" in x)
    # the June complaint came before the last review
    assert "投诉 0 条" in line1 and "表扬 1 条" in line1
    assert "店内问卷，40 位顾客：知道我们承诺的占 65%" in text
    assert "节日多排一位裱花师（负责人：王丽，期限：2027年4月1日）" in text
    assert "已完成的事" not in text


def test_review_inputs_in_english_with_nothing_recorded() -> None:
    wb = _bakery("en")
    text = living.review_inputs(wb, lang="en")
    assert "2. Feedback and complaints (all records)" in text
    assert "- No feedback or complaints recorded in this period." in text
    assert "- No satisfaction survey yet." in text
    assert "- No open improvement actions." in text


def test_latest_review_and_previous_review_date() -> None:
    from smallbiz_codes.domain.records import Review

    wb = Workbook(reviews=[Review(id=1, date="2027-12-01"), Review(id=2, date="2026-12-01")])
    assert living.is_latest_review(wb, 1) and not living.is_latest_review(wb, 2)
    assert living.previous_review_date(wb, 1, "2027-12-01") == "2026-12-01"
    assert living.previous_review_date(wb, 2, "2026-12-01") == ""


# -- reminders ---------------------------------------------------------------------------------


def test_reminders_include_overdue_actions_and_missing_months() -> None:
    wb = _bakery("en")
    wb.code.effective_date = "2026-12-01"
    wb.code.review_date = "2027-04-10"
    cakes = _cakes(wb)
    _measure(wb, cakes, ("2026-12-01", 98), ("2027-02-01", 97))
    wb.improvement_actions = [
        ImprovementAction(id=7, action="Second decorator on holidays", due="2027-03-01"),
        ImprovementAction(id=8, action="Done already", due="2027-03-01", status="done"),
        ImprovementAction(id=9, action="Far away", due="2027-09-01"),
    ]
    wb.implementation_tasks = [ImplementationTask(id=3, title="Print slips", due="2027-03-20"),
                               ImplementationTask(id=4, title="Old and done", due="2027-01-01",
                                                  done_on="2027-01-02")]
    found = living.reminders(wb, TODAY)
    texts = [r.text for r in found]
    action = next(r for r in found if r.kind == "action")
    assert action.text == "Improvement action: Second decorator on holidays"
    assert action.overdue and action.record_id == 7 and action.table == "improvement_action"
    assert "Improvement action: Done already" not in texts
    assert "Improvement action: Far away" not in texts
    # cakes: January missing (December and February entered; March still running)
    cake_gaps = [r for r in found if r.kind == "measurement" and "Cakes on time" in r.text]
    assert [r.text for r in cake_gaps] == ['Enter "Cakes on time" for Jan 2027']
    assert cake_gaps[0].date == "2027-02-01" and cake_gaps[0].overdue
    # the weekly label check is not reminded month by month
    assert not any("Labels correct" in t for t in texts)
    fresh_gaps = [r for r in found if "Freshness complaints" in r.text]
    assert len(fresh_gaps) == 3  # Dec, Jan, Feb
    assert any(r.kind == "task" and r.text == "Print slips" and not r.overdue for r in found)
    assert "Old and done" not in texts
    review = next(r for r in found if r.kind == "review")
    assert review.date == "2027-04-10" and not review.overdue
    assert [r.date for r in found] == sorted(r.date for r in found)


def test_reminders_in_chinese_and_nothing_missing_before_the_code_starts() -> None:
    wb = _bakery("zh")
    wb.code.effective_date = "2027-03-01"
    found = living.reminders(wb, TODAY, lang="zh")
    assert not [r for r in found if r.kind == "measurement"]
    wb.code.effective_date = "2027-02-01"
    gaps = [r.text for r in living.reminders(wb, TODAY, lang="zh") if r.kind == "measurement"]
    assert "填写“蛋糕准时率”2027年2月的数值" in gaps
