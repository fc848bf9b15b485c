"""Screenshots of every "Living with the code" page, in both languages, for a person to look at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smallbiz_codes.domain import living
from smallbiz_codes.domain.records import (
    Feedback,
    ImprovementAction,
    Measurement,
    Review,
    SatisfactionResult,
)

PAGES = ("checklist", "feedback", "measurements", "satisfaction", "review")
TEXTS = {
    "zh": {
        "feedback": [("complaint", 2, "周六订的生日蛋糕晚了 40 分钟", "王女士 5678",
                      "蛋糕打八折，当面道歉", "closed"),
                     ("praise", 1, "早上七点的法棍还是热的，很满意", "L.", "", "closed"),
                     ("complaint", 4, "取消预订后定金五天了还没退", "尾号 0421", "", "open")],
        "comment": "国庆订单太多，人手不够",
        "survey": ("收银台小问卷", "多数顾客说告示一目了然；有人问定金规则在哪里看"),
        "review": ("店主 陈建华、店长 王丽、烘焙师傅 李强", "承诺 2 保留，节假日多排一位裱花师。"),
        "actions": [("节假日多排一位裱花师", "店长 王丽", "open"),
                    ("定金规则印大一号字，贴在收银台", "收银 周芳", "done")],
    },
    "en": {
        "feedback": [("complaint", 2, "Saturday birthday cake 40 minutes late", "W.L. 5678",
                      "20% off the cake, apologised in person", "closed"),
                     ("praise", 1, "The 7 am baguette was still warm", "L.", "", "closed"),
                     ("complaint", 4, "Deposit not refunded five days after cancelling",
                      "ends 0421", "", "open")],
        "comment": "Holiday week, too many orders for the staff on duty",
        "survey": ("Short form at the till",
                   "Most say the notice is clear; some ask where to read the deposit rules"),
        "review": ("Chen Jianhua (owner), Wang Li (manager), Li Qiang (head baker)",
                   "Keep promise 2; put a second decorator on holiday shifts."),
        "actions": [("Second cake decorator on holiday shifts", "Wang Li, manager", "open"),
                    ("Print the deposit rules larger, by the till", "Zhou Fang, cashier", "done")],
    },
}


def _fill(window, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The bakery example plus a few months of living with it."""
    wf = window.session.wf
    wb = wf.load()
    today = dt.date.today()
    t = TEXTS[lang]
    for n, (kind, promise, summary, ref, remedy, status) in enumerate(t["feedback"]):
        day = (today - dt.timedelta(days=40 - n * 12)).isoformat()
        wf.add(Feedback(date=day, kind=kind, promise_id=promise, channel="", summary=summary,
                        customer_ref=ref, remedy_given=remedy, status=status,
                        closed_on=day if status == "closed" else ""))
    cakes = next(i for i in wb.indicators if i.target == 97)
    fresh = next(i for i in wb.indicators if i.direction == "down")
    for back, (v_cakes, v_fresh) in enumerate([(98, 0), (96, 1), (99, 0), (97.5, 0), (95, 2),
                                               (98.5, 0)][::-1], start=1):
        period = living.add_months(today, -back).isoformat()
        wf.add(Measurement(indicator_id=cakes.id, period=period, value=v_cakes,
                           comment=t["comment"] if v_cakes < 96 else ""))
        wf.add(Measurement(indicator_id=fresh.id, period=period, value=v_fresh))
    method, said = t["survey"]
    wf.add(SatisfactionResult(date=(today - dt.timedelta(days=20)).isoformat(), method=method,
                              sample=42, awareness=64, clarity=4.3, fairness=4.1, overall=4.4,
                              comment=said))
    wb = wf.load()
    participants, decisions = t["review"]
    review = wf.add(Review(date=(today - dt.timedelta(days=5)).isoformat(),
                           participants=participants, inputs=living.review_inputs(wb, lang=lang),
                           decisions=decisions, next_review="2027-11-20"))
    for n, (action, owner, status) in enumerate(t["actions"]):
        wf.add(ImprovementAction(review_id=review.id, action=action, owner=owner,
                                 due=(today + dt.timedelta(days=10 - 20 * n)).isoformat(),
                                 status=status))
    window.session.replaced()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_every_living_page(window, qtbot, shots_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.open_example("bakery")
    _fill(window, lang)
    window.go_key("checklist")
    window._current_frame().page.add_starter_list()
    for key in PAGES:
        window.go_key(key)
        page = window._current_frame().page
        if key == "measurements":
            cakes = next(n for n in range(page.indicator.count())
                         if page.indicator.itemText(n).strip() in ("Cakes on time", "蛋糕准时率"))
            page.indicator.setCurrentIndex(cakes)
            expected = {"en": "On target in 4 of the last 6 months.",
                        "zh": "最近 6 个月中，有 4 个月达到目标值。"}[lang]
            assert page.verdict.text() == expected
            assert len(page.chart.months) == 6
        qtbot.wait(200)  # the step list marks refresh 150 ms after a change
        image = window.grab()
        assert (image.width(), image.height()) == (1280, 800)
        image.save(str(shots_dir / f"living-{key}-{lang}.png"))
    window.go_key("review")
    frame = window._current_frame()
    page = frame.page
    assert page.actions.row_count() == 2
    scroll = page.parentWidget().parentWidget()  # the frame's scroll area
    scroll.ensureWidgetVisible(page.effectiveness)
    qtbot.wait(50)
    window.grab().save(str(shots_dir / f"living-review-actions-{lang}.png"))
