"""A workbook with at least one record in every table, in the words a shop owner writes.

Texts carry what breaks careless code: markup characters, an ampersand entity,
emoji, tabs and line breaks, quotes. Used by the round-trip and schema tests.
"""

from __future__ import annotations

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import (
    Approval,
    Feedback,
    ImplementationTask,
    ImprovementAction,
    InformationItem,
    Measurement,
    PartyInput,
    PrincipleAssessment,
    Review,
    SatisfactionResult,
)
from smallbiz_codes.domain.workbook import LIST_ATTRIBUTES, Workbook

TRICKY = '面包 <b>&amp;</b> "现烤" 🍞🥐\t第二行\n第三行 \\ 100%'


def full_workbook() -> Workbook:
    wb = load_example("bakery", "zh")
    wb.organization.channels = ["shop", "phone", "deposit"]
    wb.organization.complaint_handling = TRICKY
    wb.promises[0].conditions = TRICKY
    wb.promises[0].capability_confirmed = True
    wb.promises[1].tailored = False
    wb.indicators[0].target = 95.5
    wb.indicators[0].objective_id = wb.objectives[0].id if wb.objectives else None
    wb.information_items = [
        InformationItem(id=1, kind="complaint", source="收银台记录本", summary="蛋糕取货要等半小时",
                        date="2026-03-02")
    ]
    wb.party_inputs = [
        PartyInput(id=1, party="老顾客", method="店里聊天", date="2026-03-05",
                   said="希望能提前一天订", decision="接受预订到前一天晚上八点", feedback_sent=True)
    ]
    wb.implementation_tasks = [
        ImplementationTask(id=1, title="打印告示贴在收银台", owner="店长", due="2026-04-01",
                           done_on="2026-03-30")
    ]
    wb.feedback = [
        Feedback(id=1, date="2026-04-10", kind="complaint", promise_id=wb.promises[0].id,
                 channel="电话", summary=TRICKY, customer_ref="王女士 #12",
                 remedy_given="换了一个新的", status="closed", closed_on="2026-04-10"),
        Feedback(id=2, date="2026-04-11", kind="praise", promise_id=None, summary="面包好吃 😀"),
    ]
    wb.measurements = [
        Measurement(id=1, indicator_id=wb.indicators[0].id, period="2026-04-01", value=97.0,
                    comment="四月"),
        Measurement(id=2, indicator_id=wb.indicators[0].id, period="2026-05-01", value=None),
    ]
    wb.satisfaction_results = [
        SatisfactionResult(id=1, date="2026-06-01", method="小卡片调查", sample=40,
                           awareness=62.5, clarity=None, fairness=80.0, overall=88.0)
    ]
    wb.reviews = [
        Review(id=1, date="2026-06-15", participants="店长、两位店员", inputs="四到六月的记录",
               decisions="预订截止时间改到晚上九点", next_review="2026-12-15")
    ]
    wb.improvement_actions = [
        ImprovementAction(id=1, review_id=1, source="评审", cause="晚上订单多", action="加一名晚班",
                          owner="店长", due="2026-07-01", status="open")
    ]
    wb.approvals = [
        Approval(id=1, version=1, approved_by="张店长", approved_on="2026-03-20",
                 effective_date="2026-04-01", snapshot='{"promises": ["当天现烤"]}',
                 fingerprint="a1b2c3d4")
    ]
    wb.principle_assessments = [
        PrincipleAssessment(id=1, principle="4.2", comment="承诺都写在告示上", owner_status="ok"),
        PrincipleAssessment(id=2, principle="4.10", comment="", owner_status="todo"),
    ]
    for table, attr in LIST_ATTRIBUTES.items():
        assert getattr(wb, attr), f"sample has no {table}"
    return wb
