"""A year of life with the bakery's code: measurements, feedback, a review and actions."""

from __future__ import annotations

import dataclasses

from smallbiz_codes.domain.records import (
    Approval,
    Feedback,
    ImprovementAction,
    Measurement,
    Review,
    SatisfactionResult,
)
from smallbiz_codes.domain.workbook import Workbook

PUBLISHED = Approval(
    id=1,
    version=2,
    approved_by="陈建华",
    approved_on="2026-11-20",
    effective_date="2026-12-01",
    snapshot="{}",
    fingerprint="1a2b3c4d",
)


def publish(wb: Workbook) -> Workbook:
    wb.approvals.append(dataclasses.replace(PUBLISHED))
    wb.code.status = "published"
    wb.code.version = 2
    return wb


def add_history(wb: Workbook) -> Workbook:
    """Twelve months of measurements for the first two indicators, and the rest of clause 8."""
    mid = 1
    for ind in wb.indicators[:2]:
        for month in range(12):
            year, m = divmod(11 + month, 12)
            value = (month % 4) if ind.direction == "down" else 90 + (month * 3) % 11
            wb.measurements.append(
                Measurement(
                    id=mid, indicator_id=ind.id, period=f"{2026 + year}-{m + 1:02d}-01", value=value
                )
            )
            mid += 1
    wb.feedback.extend(
        [
            Feedback(
                id=1,
                date="2027-01-05",
                kind="complaint",
                promise_id=1,
                summary="买到的吐司是前一天的",
                remedy_given="当场换新",
                status="closed",
            ),
            Feedback(
                id=2,
                date="2027-02-14",
                kind="complaint",
                promise_id=2,
                summary="生日蛋糕晚了 20 分钟",
                remedy_given="蛋糕款减 20%",
                status="closed",
            ),
            Feedback(
                id=3, date="2027-03-02", kind="praise", promise_id=3, summary="店员把配料讲得很清楚"
            ),
            Feedback(
                id=4, date="2027-03-20", kind="feedback", summary="希望周末早点开门", status="open"
            ),
        ]
    )
    wb.satisfaction_results.append(
        SatisfactionResult(
            id=1,
            date="2027-06-01",
            method="店内问卷",
            sample=40,
            awareness=65,
            clarity=80,
            fairness=85,
            overall=82,
        )
    )
    wb.reviews.append(
        Review(
            id=1,
            date="2027-11-20",
            participants="陈建华、王丽、李强",
            inputs="一年的指标、投诉登记本、顾客问卷",
            decisions="承诺 2 的补救提高到减 30%；周末提前半小时开门。",
            next_review="2028-11-20",
        )
    )
    wb.improvement_actions.append(
        ImprovementAction(
            id=1,
            review_id=1,
            source="投诉登记本",
            cause="周末订单集中，裱花师傅不够",
            action="周六加一名裱花师傅",
            owner="王丽",
            due="2028-01-31",
            status="open",
        )
    )
    return wb
