"""Indicator suggestions read from a promise's own words."""

from __future__ import annotations

import pytest

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.domain.suggest import suggest_indicators


def _names(promise: Promise, lang: str) -> list[str]:
    return [i.measure for i in suggest_indicators(promise, lang)]


def test_48_hours_suggests_share_of_orders_ready_within_48_hours() -> None:
    p = Promise(id=7, wording="下单后 48 小时内发货。", category="delivery", owner="周芳")
    [zh] = suggest_indicators(p, "zh")
    assert zh.measure == "48 小时内备好或送到的订单占比"
    assert (zh.unit, zh.direction, zh.frequency, zh.promise_id, zh.owner) == (
        "%",
        "up",
        "monthly",
        7,
        "周芳",
    )
    assert zh.id is None  # a suggestion, not saved
    [en] = suggest_indicators(p, "en")
    assert en.measure == "Share of orders ready within 48 hours"


def test_within_2_working_days() -> None:
    p = Promise(id=1, wording="Refunds are paid within 2 working days.", category="returns")
    assert _names(p, "en") == ["Share of refunds and returns completed within 2 working days"]
    assert _names(p, "zh") == ["2 个工作日内办好的退款、退换占比"]


@pytest.mark.parametrize(
    ("wording", "lang", "limit"),
    [
        ("投诉两个工作日内答复", "zh", "within 2 working days"),
        ("三天内给出处理结果", "zh", "within 3 days"),
        ("最迟 30 分钟回电", "zh", "within 30 minutes"),
        ("当天回复您的留言", "zh", "the same day"),
        ("We call back within one hour.", "en", "within 1 hour"),
        ("We reply the same day.", "en", "the same day"),
        ("Answered in under 10 minutes.", "en", "within 10 minutes"),
    ],
)
def test_time_limits_in_both_languages(wording: str, lang: str, limit: str) -> None:
    p = Promise(id=1, wording=wording, category="complaints")
    assert _names(p, "en") == [f"Share of complaints answered {limit}"]


def test_a_time_that_is_no_limit_suggests_nothing() -> None:
    assert suggest_indicators(Promise(wording="至少提前 24 小时预订。"), "zh") == []
    assert suggest_indicators(Promise(wording="Order at least 24 hours ahead."), "en") == []
    assert suggest_indicators(Promise(wording="货架上的面包都是当天烤的。"), "zh") == []
    assert suggest_indicators(Promise(wording=""), "zh") == []


def test_a_percentage_target_becomes_the_target() -> None:
    p = Promise(wording="95% 的订单 48 小时内送到。", category="delivery")
    [ind] = suggest_indicators(p, "en")
    assert (ind.measure, ind.target) == ("Share of orders ready within 48 hours", 95)
    [kept] = suggest_indicators(Promise(wording="99% of labels are right."), "zh")
    assert (kept.measure, kept.target) == ("做到承诺的次数占比", 99)


def test_remedies_in_money_and_discounts() -> None:
    p = Promise(
        wording="预订的蛋糕准时做好。",
        remedy="晚了 15 分钟以上，减免 20%。",
        remedy_alt="More than 15 minutes late: 20% off.",
        category="delivery",
    )
    [count] = suggest_indicators(p, "zh")
    assert count.name == "补救次数" and "减免 20%" in count.measure and count.direction == "down"
    [count_en] = suggest_indicators(p, "en")
    assert "20% off" in count_en.measure  # the English words of the promise, not the Chinese
    voucher = Promise(wording="投诉当天回复。", remedy="送您 20 元代金券。", category="complaints")
    assert [i.name for i in suggest_indicators(voucher, "zh")] == [
        "当天答复的投诉",
        "补救次数",
        "补救支出",
    ]


def test_bakery_promises() -> None:
    wb = load_example("bakery", "zh")
    deposit = wb.promises[3]
    # "提前 24 小时" is the customer's part, "3 个工作日内" the shop's limit
    assert [i.name for i in suggest_indicators(deposit, "zh")][0] == "3 个工作日内办好的退款"
    assert suggest_indicators(deposit, "en")[0].measure == (
        "Share of refunds and returns completed within 3 working days"
    )
    # the same limit in both language versions is suggested once
    complaints = wb.promises[4]
    names = [i.name for i in suggest_indicators(complaints, "en")]
    assert names[:2] == ["Complaints answered the same day", "Complaints answered within 3 days"]
