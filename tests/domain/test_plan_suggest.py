"""The one-click communication plan and the timeline's schedule (ISO 10001 6.7)."""

from __future__ import annotations

import datetime as dt

import pytest

from smallbiz_codes.domain import plan_suggest as ps
from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import Code, CommunicationItem, Organization, Promise
from smallbiz_codes.domain.workbook import Workbook

TODAY = dt.date(2026, 10, 1)


def webshop() -> Workbook:
    """An online shop that delivers, written in Chinese, with an English side."""
    return Workbook(
        organization=Organization(id=1, name="小林的茶叶网店", trade="webshop",
                                  channels=["online", "delivery"], language="zh"),
        code=Code(id=1, effective_date="2027-01-15", review_date="2028-01-15",
                  approver="店主 林晓", complaints_contact="微信客服 lin-tea",
                  complaints_contact_alt="WeChat support lin-tea"),
        promises=[
            Promise(id=1, position=1, wording="下单后 48 小时内发货。",
                    wording_alt="Shipped within 48 hours.", owner="客服 小周"),
            Promise(id=2, position=2, wording="收到破损的茶叶，7 天内免费补寄。",
                    wording_alt="Damaged tea is replaced free within 7 days.", owner="客服 小周"),
        ],
    )


def clinic() -> Workbook:
    """A clinic seen by appointment only, written in English, with no effective date yet."""
    return Workbook(
        organization=Organization(id=1, name="Green Street Dental", trade="clinic",
                                  channels=["appointment"], language="en"),
        code=Code(id=1, approver="Dr Guo, director"),
        promises=[Promise(id=1, position=1, owner="Reception, Ms Fan",
                          wording="If we run more than 20 minutes late we tell you.")],
    )


def _check_complete(items: list[CommunicationItem]) -> None:
    assert {i.direction for i in items} == {"internal", "external"}
    for i in items:
        assert i.owner.strip(), i
        assert ps.parse_date(i.start_date) is not None, i
        assert i.audience and i.method and i.message and i.timing and i.evaluation, i
        if i.direction == "external":
            assert i.accessibility, i


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bakery_plan_uses_the_shop_phone_and_deposit(lang: str) -> None:
    wb = load_example("bakery", lang)
    items = ps.generate_plan(wb, lang, TODAY)
    _check_complete(items)
    methods = {i.method for i in items if i.direction == "external"}
    for key in ("counter_notice", "window_notice", "phone_script", "order_slip"):
        assert ps.method_label(key, lang) in methods
    assert ps.method_label("website_page", lang) not in methods
    briefing = next(i for i in items if i.timing == ps.timing_label("before_effective", lang))
    assert briefing.start_date == "2026-11-24"  # a week before 1 Dec 2026
    assert briefing.owner == wb.code.approver
    notice = next(i for i in items if i.method == ps.method_label("counter_notice", lang))
    assert notice.start_date == wb.code.effective_date
    assert wb.promises[0].wording in notice.message  # drafted from the code's own promises
    review = next(i for i in items if ps.timing_key(i.timing) == "each_review")
    assert review.start_date == wb.code.review_date


def test_webshop_plan_goes_online_and_in_the_parcel() -> None:
    wb = webshop()
    items = ps.generate_plan(wb, "zh", TODAY)
    _check_complete(items)
    external = {i.method for i in items if i.direction == "external"}
    assert ps.method_label("website_page", "zh") in external
    assert ps.method_label("order_confirmation", "zh") in external
    assert ps.method_label("delivery_note", "zh") in external
    assert ps.method_label("counter_notice", "zh") not in external  # no shop
    new_hire = next(i for i in items if ps.timing_key(i.timing) == "every_new_hire")
    assert new_hire.owner == "客服 小周"  # looks after most promises
    assert "下单后 48 小时内发货" in new_hire.message


def test_webshop_plan_in_english_takes_the_english_side() -> None:
    items = ps.generate_plan(webshop(), "en", TODAY)
    page = next(i for i in items if i.method == ps.method_label("website_page", "en"))
    assert "Shipped within 48 hours." in page.message
    assert "WeChat support lin-tea" in page.message
    assert "15 Jan 2027" in next(i for i in items if i.direction == "internal").message


def test_clinic_plan_without_an_effective_date_starts_from_today() -> None:
    items = ps.generate_plan(clinic(), "en", TODAY)
    _check_complete(items)
    external = {i.method for i in items if i.direction == "external"}
    assert ps.method_label("booking_confirmation", "en") in external
    assert ps.method_label("counter_notice", "en") not in external
    launch = next(i for i in items if i.method == ps.method_label("booking_confirmation", "en"))
    assert launch.start_date == TODAY.isoformat()


def test_a_profile_with_no_channel_still_gets_a_notice() -> None:
    wb = Workbook(organization=Organization(id=1, channels=[]), code=Code(id=1))
    items = ps.generate_plan(wb, "zh", TODAY)
    _check_complete(items)
    assert ps.method_label("counter_notice", "zh") in {i.method for i in items}
    assert all(i.owner == "店主" for i in items)


def test_new_suggestions_skip_what_the_plan_has() -> None:
    wb = load_example("bakery", "en")
    generated = ps.generate_plan(wb, "en", TODAY)
    assert ps.new_suggestions([], generated) == generated
    again = ps.new_suggestions(generated[:3], generated)
    assert again == generated[3:]


def _item(timing: str, start: str, done: str = "") -> CommunicationItem:
    return CommunicationItem(timing=timing, start_date=start, done_on=done)


def test_occurrences_launch_is_one_day() -> None:
    start = dt.date(2026, 12, 1)
    assert ps.occurrences(_item("launch", "2026-12-01"), start, 12) == [start]
    assert ps.occurrences(_item("生效当天", "2027-12-01"), start, 12) == []  # after the window
    assert ps.occurrences(_item("launch", ""), start, 12) == []


def test_occurrences_monthly_repeats_to_the_end_of_the_window() -> None:
    dates = ps.occurrences(_item("Monthly", "2027-01-31"), dt.date(2026, 12, 1), 12)
    assert dates[:3] == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31)]
    assert dates[-1] == dt.date(2027, 11, 30)
    assert len(dates) == 11
    # a monthly item begun before the window shows from its first day inside it
    earlier = ps.occurrences(_item("每月一次", "2026-10-05"), dt.date(2026, 12, 1), 2)
    assert earlier == [dt.date(2026, 12, 5), dt.date(2027, 1, 5)]


def test_occurrences_every_new_hire_is_in_force_from_its_date() -> None:
    start = dt.date(2026, 12, 1)
    assert ps.timing_shape("For every new hire") == "ongoing"
    assert ps.occurrences(_item("every_new_hire", "2027-02-01"), start, 12) == [dt.date(2027, 2, 1)]
    assert ps.occurrences(_item("每位新员工入职时", "2026-06-01"), start, 12) == [start]


def test_occurrences_each_review_is_yearly() -> None:
    dates = ps.occurrences(_item("At each review", "2027-12-01"), dt.date(2026, 12, 1), 36)
    assert dates == [dt.date(2027, 12, 1), dt.date(2028, 12, 1)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("生效日前一周", "before_effective"),
        ("One week before the effective date", "before_effective"),
        ("生效当天起长期张贴", "launch"),
        ("每位新人入职当天", "every_new_hire"),
        ("Each new hire's first day", "every_new_hire"),
        ("每次预订时", "custom"),
        ("monthly", "monthly"),
        ("", "custom"),
    ],
)
def test_timing_in_the_owners_own_words(text: str, key: str) -> None:
    assert ps.timing_key(text) == key


def test_with_every_order_is_drawn_as_ongoing() -> None:
    assert ps.timing_shape("With every order") == "ongoing"
    assert ps.timing_shape("3 March, once") == "once"


def test_vocabulary_has_both_languages_everywhere() -> None:
    voc = ps.vocabulary()
    entries = [e for group in voc["audiences"].values() for e in group]
    entries += voc["methods"] + voc["timing"] + voc["accessibility"] + voc["evaluation"]
    for e in entries:
        assert e["zh"].strip() and e["en"].strip(), e
    assert [e["key"] for e in voc["timing"]] == list(ps.TIMING_KEYS)


def test_methods_fitting_the_profile_come_first() -> None:
    choices = ps.methods("external", "en", ["appointment"], "clinic")
    assert choices[0].suggested
    keys = [c.key for c in choices if c.suggested]
    assert "booking_confirmation" in keys and "website_page" not in keys


def test_accessibility_is_recognised_in_either_language() -> None:
    assert ps.accessibility_in("大字打印；中英双语", "large_print")
    assert ps.accessibility_in("Large print, at eye height", "large_print")
    assert not ps.accessibility_in("Large print", "eye_height")


def test_timeline_window_takes_in_the_briefing_and_the_review() -> None:
    wb = load_example("bakery", "zh")  # effective 1 Dec 2026, briefing 24 Nov, review 1 Dec 2027
    assert ps.timeline_window(wb, TODAY) == (dt.date(2026, 11, 1), 14)
    plain = Workbook(code=Code(effective_date="2027-03-15"))
    assert ps.timeline_window(plain, TODAY) == (dt.date(2027, 3, 1), 12)
    undated = Workbook()
    assert ps.timeline_window(undated, dt.date(2026, 10, 9)) == (dt.date(2026, 10, 1), 12)
