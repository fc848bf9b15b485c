"""Principle statuses (ISO 10001 4.2–4.13) derived from what a workbook holds."""

from __future__ import annotations

import re

import pytest

from smallbiz_codes.domain import checks, principles
from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import (
    Code,
    CommunicationItem,
    Feedback,
    Organization,
    PartyInput,
    PrincipleAssessment,
    Promise,
)
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import tr

CJK = re.compile(r"[\u4e00-\u9fff]")
TWELVE = ["4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13"]


def _by_clause(wb: Workbook) -> dict[str, principles.PrincipleStatus]:
    return {s.clause: s for s in principles.assess(wb)}


def test_twelve_principles_in_the_standards_order() -> None:
    statuses = principles.assess(Workbook())
    assert [s.clause for s in statuses] == TWELVE == principles.clauses()
    assert statuses[0].title("zh") == "管理承诺" and statuses[0].title("en") == "Commitment"
    assert statuses[-1].title("zh") == "及时" and statuses[-1].title("en") == "Timeliness"
    for s in statuses:
        assert CJK.search(s.question("zh")) and not CJK.search(s.question("en"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bakery_meets_every_principle_but_asking_customers(lang: str) -> None:
    wb = load_example("bakery", lang)
    status = _by_clause(wb)
    assert {c: s.status for c, s in status.items() if s.status != principles.OK} == {
        "4.11": principles.MISSING
    }
    [problem] = status["4.11"].blocking
    assert problem.step == "asked" and status["4.11"].step == "asked"
    # once customers were asked, nothing is left
    wb.party_inputs.append(PartyInput(id=1, party="顾客" if lang == "zh" else "customers"))
    assert all(s.status == principles.OK for s in principles.assess(wb))
    assert principles.principle_findings(wb) == []


def test_empty_workbook() -> None:
    status = _by_clause(Workbook(organization=Organization(id=1), code=Code(id=1)))
    assert {c: s.status for c, s in status.items()} == {
        "4.2": principles.MISSING,  # no approver
        "4.3": principles.MISSING,  # no resources
        "4.4": principles.PARTLY,  # no monitoring, no dispute route
        "4.5": principles.MISSING,  # no external communication, no contact
        "4.6": principles.MISSING,  # no contact
        "4.7": principles.OK,  # nothing written, nothing misleading
        "4.8": principles.MISSING,  # no approver
        "4.9": principles.MISSING,  # no review date
        "4.10": principles.OK,  # no feedback kept
        "4.11": principles.MISSING,  # nobody asked
        "4.12": principles.MISSING,  # no briefing, no training
        "4.13": principles.MISSING,  # no review date
    }
    for s in status.values():
        for f in s.problems:
            assert f.step in principles.STEPS, f.rule
        assert s.step in principles.STEPS


def test_problems_point_at_the_page_that_fixes_them() -> None:
    status = _by_clause(Workbook(organization=Organization(id=1), code=Code(id=1)))
    steps = {f.rule: f.step for s in status.values() for f in s.problems}
    assert steps["principle.commitment.no_approver"] == "publish"
    assert steps["principle.capability.no_resources"] == "resources"
    assert steps["principle.accessibility.no_external"] == "plan"
    assert steps["principle.customer_focus.nobody_asked"] == "asked"
    assert steps["principle.improvement.no_review_date"] == "publish"
    assert steps["code.no_contact"] == "publish"


def _small() -> Workbook:
    wb = load_example("bakery", "zh")
    wb.party_inputs.append(PartyInput(id=1, party="老顾客"))
    return wb


def test_responsiveness_and_accountability_follow_remedies_and_owners() -> None:
    wb = _small()
    wb.promises[1].remedy = ""
    wb.promises[2].owner = ""
    status = _by_clause(wb)
    assert status["4.6"].status == principles.MISSING
    assert {f.rule for f in status["4.6"].blocking} == {"promise.no_remedy", "promise.no_owner"}
    assert [f.record for f in status["4.8"].blocking] == ["promise:3"]
    # principle_findings does not repeat what the promise checks already say
    assert principles.principle_findings(wb) == [
        f for f in principles.principle_findings(wb) if f.rule.startswith(("principle.", "route."))
    ]
    rules = [f.rule for f in checks.run_all(wb)]
    assert rules.count("promise.no_remedy") == 1


def test_information_integrity_follows_wording() -> None:
    wb = _small()
    wb.promises[0].wording = "全市最新鲜的面包。"
    wb.promises[1].conditions = ""
    status = _by_clause(wb)["4.7"]
    assert status.status == principles.MISSING
    assert [f.rule for f in status.blocking] == ["ad.absolute"]
    assert [f.rule for f in status.advice] == ["principle.integrity.no_conditions"]


def test_capability_commitment_competence() -> None:
    wb = _small()
    wb.promises[4].capability_confirmed = False
    wb.resources[0].approved = False
    wb.code.approver = ""
    wb.communication_items = [i for i in wb.communication_items if i.direction == "external"]
    wb.resources = [r for r in wb.resources if r.kind != "training"]
    status = _by_clause(wb)
    assert [f.record for f in status["4.3"].blocking] == ["promise:5"]
    assert status["4.2"].status == principles.MISSING
    assert [f.rule for f in status["4.2"].advice] == ["principle.commitment.resources_not_approved"]
    assert status["4.12"].status == principles.MISSING


def test_accessibility_wants_a_way_for_customers_to_see_the_code() -> None:
    wb = _small()
    wb.communication_items = [i for i in wb.communication_items if i.direction == "internal"]
    assert _by_clause(wb)["4.5"].status == principles.MISSING
    wb.communication_items.append(
        CommunicationItem(id=9, direction="external", audience="网店顾客", method="网店首页")
    )
    status = _by_clause(wb)["4.5"]
    assert status.status == principles.PARTLY
    assert [f.record for f in status.advice] == ["communication_item:9"]


@pytest.mark.parametrize(
    ("ref", "flagged"),
    [
        ("王**8817", False),
        ("陈女士", False),
        ("13812345678", True),  # a full mobile number
        ("chen.li@example.com", True),
        ("110101199003077777", True),  # an ID card number
        ("Mrs Chen, 12 Xingfu Road, flat 3", True),  # too much to be a reference
    ],
)
def test_confidentiality_of_customer_references(ref: str, flagged: bool) -> None:
    wb = _small()
    wb.feedback.append(Feedback(id=4, date="2027-01-05", customer_ref=ref, summary="蛋糕晚了"))
    status = _by_clause(wb)["4.10"]
    assert (status.status == principles.PARTLY) is flagged
    if flagged:
        [f] = status.advice
        assert f.record == "feedback:4" and f.step == "feedback" and ref in f.text("zh")


def test_timeliness_wants_time_frames() -> None:
    wb = _small()
    wb.promises = [p for p in wb.promises if p.category != "complaints"]
    wb.promises[0].remedy = "我们会给您换一个。"
    wb.code.review_date = ""
    status = _by_clause(wb)["4.13"]
    assert status.status == principles.MISSING
    assert [f.rule for f in status.blocking] == ["principle.improvement.no_review_date"]
    assert {f.rule for f in status.advice} == {
        "principle.timeliness.no_complaint_time",
        "principle.timeliness.remedy_time",
    }


def test_owner_comment_is_kept_beside_the_derived_status() -> None:
    wb = _small()
    wb.principle_assessments.append(
        PrincipleAssessment(id=1, principle="4.10", comment="投诉本锁在抽屉里", owner_status="ok")
    )
    status = _by_clause(wb)["4.10"]
    assert (status.status, status.owner_status, status.comment) == (
        principles.OK,
        "ok",
        "投诉本锁在抽屉里",
    )


def test_short_route_says_which_clauses_are_thin() -> None:
    wb = Workbook(
        organization=Organization(id=1, name="麦香坊"),
        code=Code(id=1, route="short", complaints_contact="店长"),
        promises=[Promise(id=1, wording="当天烤", remedy="退款", owner="李强")],
    )
    gaps = principles.short_route_gaps(wb)
    assert [(f.step, f.fields["clause"]) for f in gaps] == [
        ("objectives", "6.1"),
        ("asked", "6.3"),
        ("indicators", "6.5"),
        ("procedures", "6.6"),
        ("resources", "6.8"),
    ]
    assert all(f.severity == checks.WARNING for f in gaps)
    assert gaps[0].text("zh").startswith("简易流程：还没有规范目标（6.1）")
    assert {f.rule for f in gaps} <= {f.rule for f in checks.run_all(wb)}
    wb.code.route = "full"
    assert principles.short_route_gaps(wb) == []
    # a short-route code that filled some clauses anyway is thin only in the rest
    bakery = load_example("bakery", "zh")
    bakery.code.route = "short"
    assert [f.step for f in principles.short_route_gaps(bakery)] == ["asked"]


def test_principle_findings_read_in_both_languages() -> None:
    wb = Workbook(organization=Organization(id=1), code=Code(id=1, route="short"))
    wb.feedback.append(Feedback(id=1, customer_ref="13812345678"))
    wb.communication_items.append(CommunicationItem(id=1, direction="external"))
    found = principles.principle_findings(wb)
    assert len(found) >= 10
    for f in found:
        assert tr("zh", f.message) != f.message, f.message  # translated in checks.po
        assert CJK.search(f.text("zh")) and not CJK.search(f.text("en").replace("13812345678", ""))
        assert f.severity == checks.WARNING  # principles advise; errors come from other checks
