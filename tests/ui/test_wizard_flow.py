"""The whole code wizard for a new business, driven through its widgets, then read back."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from smallbiz_codes.domain.records import (
    Approval,
    Code,
    Indicator,
    InformationItem,
    Objective,
    Organization,
    PartyInput,
    Promise,
)
from smallbiz_codes.store.workbook import WorkbookFile


def page(window):  # type: ignore[no-untyped-def]
    return window._current_frame().page


def click_next(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window._current_frame().next, Qt.MouseButton.LeftButton)


def type_chinese(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """keyClicks aborts on non-ASCII: set the text and say it was typed."""
    widget.setText(text)
    widget.textEdited.emit(text)


def test_new_business_through_every_step_to_publishing(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = cjk_dir / "街角面包.sbcodes"
    window.create_workbook(path)
    window.go_key("business")
    p = page(window)
    p.name.setFocus()
    qtbot.keyClicks(p.name, "Corner Bakery")
    type_chinese(p.name, p.name.text() + " 街角面包")
    p.channel_boxes["delivery"].setChecked(True)

    click_next(window, qtbot)
    p = page(window)
    assert p.key == "objectives"
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(p.problem, "Cakes are often late")
    qtbot.keyClicks(p.text, "Every ordered cake ready on time")
    qtbot.keyClicks(p.measure, "share of cakes ready on time")
    p.target_date.setDate(QDate(2027, 6, 30))

    click_next(window, qtbot)
    p = page(window)
    assert p.key == "known"
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(p.summary, "Six customers waited for their cake last year")

    click_next(window, qtbot)
    p = page(window)
    assert p.key == "asked"
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    p.party.setCurrentIndex(p.party.findData("staff"))
    qtbot.keyClicks(p.said, "Weekend orders are too many")

    click_next(window, qtbot)
    p = page(window)
    assert p.key == "example"
    assert p.trade.currentData() == "bakery"
    assert p.promise_list.count() == 5  # seen before adopting
    qtbot.mouseClick(p.adopt_button, Qt.MouseButton.LeftButton)

    click_next(window, qtbot)
    p = page(window)
    assert p.key == "promises"
    assert len(p.records) == 5 and not any(r.tailored for r in p.records)
    p.list.setCurrentRow(0)
    p.wording.setFocus()
    p.wording.moveCursor(p.wording.textCursor().MoveOperation.End)
    qtbot.keyClicks(p.wording, " Baked by Li.")
    assert not p.untailored.isVisible()  # editing the wording tailors it
    p.list.setCurrentRow(1)
    for _n in range(4):  # confirming one moves on to the next still untailored
        assert p.untailored.isVisible()
        qtbot.mouseClick(p.confirm_button, Qt.MouseButton.LeftButton)
    assert all(r.tailored for r in p.session.wf.all(Promise))

    for key in ("indicators", "procedures", "resources", "principles", "publish"):
        click_next(window, qtbot)
        assert page(window).key == key
    p = page(window)
    assert not p.publish_button.isEnabled()
    rules = {f.rule for f in p.blockers.findings}
    assert {"code.no_contact", "publish.no_approver", "publish.no_effective_date"} <= rules
    qtbot.keyClicks(p.complaints_contact, "Li Ming, phone 021-5555 0101")
    type_chinese(p.approver, "店主 李明")
    p.effective_date.setDate(QDate(2026, 12, 1))
    qtbot.waitUntil(lambda: p.publish_button.isEnabled())
    qtbot.mouseClick(p.publish_button, Qt.MouseButton.LeftButton)
    assert "Version 1 was published" in p.status.text()
    assert "v1 published" in window.windowTitle()
    window.close_workbook()

    with WorkbookFile.open(path) as wf:
        org = wf.get(Organization, 1)
        code = wf.get(Code, 1)
        objectives = wf.all(Objective)
        known = wf.all(InformationItem)
        asked = wf.all(PartyInput)
        promises = wf.all(Promise)
        indicators = wf.all(Indicator)
        approvals = wf.all(Approval)
    assert org.name == "Corner Bakery 街角面包"
    assert org.channels == ["delivery"]
    assert [(o.problem, o.text, o.target_date) for o in objectives] == [
        ("Cakes are often late", "Every ordered cake ready on time", "2027-06-30")
    ]
    assert [k.summary for k in known] == ["Six customers waited for their cake last year"]
    assert [(a.party, a.said) for a in asked] == [("staff", "Weekend orders are too many")]
    assert len(promises) == 5 and all(p.tailored for p in promises)
    assert promises[0].wording.endswith("never sell it the next day. Baked by Li.")
    assert promises[0].origin == "example:bakery/fresh"
    assert all(i.promise_id in {p.id for p in promises} for i in indicators) and indicators
    assert (code.status, code.version, code.effective_date) == ("published", 1, "2026-12-01")
    assert code.complaints_contact == "Li Ming, phone 021-5555 0101"
    assert len(approvals) == 1
    a = approvals[0]
    assert (a.version, a.approved_by, a.effective_date) == (1, "店主 李明", "2026-12-01")
    assert a.fingerprint == hashlib.sha256(a.snapshot.encode()).hexdigest()[:8]
    frozen = json.loads(a.snapshot)
    assert frozen["promises"][0]["wording"] == promises[0].wording
    assert a.snapshot == json.dumps(frozen, sort_keys=True, ensure_ascii=False)


def test_editing_after_publishing_starts_version_two_and_lists_the_change(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = cjk_dir / "店.sbcodes"
    window.create_workbook(path)
    session = window.session
    window.go_key("example")
    page(window).adopt_ticked()
    for p in session.wf.all(Promise):
        session.set_field(Promise, p.id, "tailored", True)
    session.set_field(Organization, 1, "name", "Corner Bakery")
    for name, value in (("complaints_contact", "Li, 021-5555 0101"), ("approver", "Li"),
                        ("effective_date", "2026-12-01")):
        session.set_field(Code, 1, name, value)
    window.go_key("publish")
    p = page(window)
    assert p.publish_button.isEnabled()
    p.publish_now()
    assert session.wf.code().status == "published"
    assert p.changes.text().endswith("Nothing has changed.")

    window.go_key("promises")
    pp = page(window)
    pp.list.setCurrentRow(1)
    pp.wording.setPlainText("Ordered cakes are ready at the agreed time, or they are free.")
    qtbot.waitUntil(lambda: not pp.binder.bindings[0].pending())
    code = session.wf.code()
    assert (code.version, code.status) == (2, "draft")
    assert "v2 draft" in window.windowTitle()

    window.go_key("publish")
    p = page(window)
    assert p.changes_box.title() == "Changes since version 1"
    assert "Reworded:" in p.changes.text() and "or they are free." in p.changes.text()
    assert p.publish_button.text().replace("&", "") == "Publish version 2"
    diff = p.diff(session.load())
    assert [new["wording"] for _old, new in diff.reworded] == [
        "Ordered cakes are ready at the agreed time, or they are free."
    ]
    p.publish_now()
    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        assert [a.version for a in wf.all(Approval)] == [1, 2]
        assert wf.code().version == 2 and wf.code().status == "published"


def test_short_route_hides_the_full_route_pages(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.create_workbook(cjk_dir / "短.sbcodes")
    window.go_key("business")
    p = page(window)
    qtbot.mouseClick(p.route_short, Qt.MouseButton.LeftButton)
    assert window.session.wf.code().route == "short"
    window._refresh_views()
    hidden = {f.page.key for f, item in zip(window.frames, window.items, strict=True)
              if item.isHidden()}
    assert {"objectives", "known", "asked", "indicators", "procedures", "resources",
            "principles"} <= hidden
    assert not hidden & {"business", "example", "promises", "publish"}
    walked = []
    for _n in range(3):
        click_next(window, qtbot)
        walked.append(page(window).key)
    assert walked == ["example", "promises", "publish"]
    qtbot.mouseClick(window._current_frame().back, Qt.MouseButton.LeftButton)
    assert page(window).key == "promises"
    window.go_key("publish")
    assert any("Short route" in line for line in page(window).gaps.text().splitlines())
    window.go_key("business")
    qtbot.mouseClick(page(window).route_full, Qt.MouseButton.LeftButton)
    click_next(window, qtbot)
    assert page(window).key == "objectives"
