"""The promise editor: live wording notes, tailoring, removing with undo, ideas by channel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from smallbiz_codes.domain.records import Code, Indicator, Organization, Procedure, Promise
from smallbiz_codes.store import exchange
from smallbiz_codes.store.workbook import WorkbookFile


def _page(window, key: str):  # type: ignore[no-untyped-def]
    window.go_key(key)
    return window._current_frame().page


def _texts(panel) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(w.text() for w in panel.findChildren(QLabel) if w.isVisible())


def _new(window, cjk_dir: Path, lang: str, name: str = "店.sbcodes"):  # type: ignore[no-untyped-def]
    path = cjk_dir / name
    window.create_workbook(path)
    window.session.set_field(Organization, 1, "language", lang)
    window.session.set_field(Organization, 1, "name", "麦香坊")
    return path


def test_void_clause_in_chinese_is_flagged_as_typed_and_goes_when_fixed(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "zh")
    window.switch_language("zh")
    p = _page(window, "promises")
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    p.wording.setPlainText("蛋糕当天做好。售出商品概不退换。")
    # shown after the debounce, before anything else happens: not only after saving
    qtbot.waitUntil(lambda: "legal.no_returns" in {f.rule for f in p.findings.findings})
    shown = _texts(p.findings)
    assert "无效的格式条款" in shown  # message in the owner's language
    assert "消费者权益保护法" in shown  # with why it matters
    assert "Must fix" not in shown and "必须改" in shown
    fix = [b for b in p.findings.buttons if b.text() == "删掉这句"]
    assert fix, [b.text() for b in p.findings.buttons]
    qtbot.mouseClick(fix[0], Qt.MouseButton.LeftButton)
    assert p.wording.toPlainText() == "蛋糕当天做好。"
    qtbot.waitUntil(lambda: "legal.no_returns" not in {f.rule for f in p.findings.findings})
    p.wording.undo()  # the fix is one undo step in the field
    assert p.wording.toPlainText() == "蛋糕当天做好。售出商品概不退换。"


def test_void_clause_in_english_is_flagged_and_disappears(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "en")
    p = _page(window, "promises")
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    p.wording.setFocus()
    qtbot.keyClicks(p.wording, "Cakes ready on the day. No refunds, no exchanges.")
    qtbot.waitUntil(lambda: "legal.no_returns" in {f.rule for f in p.findings.findings})
    assert "void notice" in _texts(p.findings)
    p.wording.setPlainText("Cakes ready on the day. Faulty cakes are replaced or refunded.")
    qtbot.waitUntil(lambda: "legal.no_returns" not in {f.rule for f in p.findings.findings})
    assert "void notice" not in _texts(p.findings)


def test_findings_follow_the_screen_language_not_the_code_language(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "zh")
    p = _page(window, "promises")
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    p.wording.setPlainText("本店保留最终解释权。")
    qtbot.waitUntil(lambda: "legal.final_interpretation" in {f.rule for f in p.findings.findings})
    assert "final" in _texts(p.findings).lower()


def test_publish_is_blocked_while_an_adopted_promise_is_untailored(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "zh")
    s = window.session
    for name, value in (("complaints_contact", "店长 王丽 021-5555 0188"), ("approver", "王丽"),
                        ("effective_date", "2026-12-01")):
        s.set_field(Code, 1, name, value)
    _page(window, "example").adopt_ticked()
    pub = _page(window, "publish")
    assert not pub.publish_button.isEnabled()
    untailored = [f for f in pub.blockers.findings if f.rule == "promise.untailored"]
    assert len(untailored) == 5
    assert pub.blockers.buttons and pub.blockers.buttons[0].text() == "Go and fix it"
    qtbot.mouseClick(pub.blockers.buttons[0], Qt.MouseButton.LeftButton)
    p = window._current_frame().page
    assert p.key == "promises"
    p.list.setCurrentRow(0)
    for _n in range(5):
        qtbot.mouseClick(p.confirm_button, Qt.MouseButton.LeftButton)
    pub = _page(window, "publish")
    assert pub.publish_button.isEnabled(), [f.rule for f in pub.blockers.findings]


def test_adopting_never_overwrites_the_owners_wording(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "zh")
    ex = _page(window, "example")
    ex.adopt_ticked()
    first = window.session.wf.all(Promise)[0]
    window.session.set_field(Promise, first.id, "wording", "我们自己的话。")
    ex = _page(window, "example")
    assert ex.ticked_keys() == []  # everything adopted already: nothing offered twice
    assert ex.adopt_ticked() == []
    promises = window.session.wf.all(Promise)
    assert len(promises) == 5 and promises[0].wording == "我们自己的话。"


def test_remove_a_promise_and_undo_restores_it_with_its_links(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "zh")
    _page(window, "example").adopt_ticked()
    p = _page(window, "promises")
    p.list.setCurrentRow(1)
    second = p.current()
    linked = [i.id for i in window.session.wf.all(Indicator) if i.promise_id == second.id]
    assert linked
    qtbot.mouseClick(p.remove_button, Qt.MouseButton.LeftButton)
    assert second.id not in {r.id for r in window.session.wf.all(Promise)}
    assert p.undo_bar.isVisible()
    qtbot.mouseClick(p.undo_button, Qt.MouseButton.LeftButton)
    promises = window.session.wf.all(Promise)
    assert [r.id for r in promises][1] == second.id
    assert promises[1].wording == second.wording
    assert [i.id for i in window.session.wf.all(Indicator) if i.promise_id == second.id] == linked
    assert all(pr.promise_id for pr in window.session.wf.all(Procedure))


def test_move_up_and_down_with_buttons_and_shortcuts(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "en")
    _page(window, "example").adopt_ticked()
    p = _page(window, "promises")
    before = [r.id for r in p.records]
    p.list.setCurrentRow(0)
    qtbot.mouseClick(p.down_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in window.session.wf.all(Promise)] == [before[1], before[0], *before[2:]]
    p.list.setFocus()
    qtbot.keyClick(p.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [r.id for r in window.session.wf.all(Promise)] == before
    assert p.current().id == before[0]


def test_delivery_ideas_only_for_businesses_that_deliver(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    _new(window, cjk_dir, "zh")
    p = _page(window, "promises")
    assert not p.ideas_box.isVisible()
    assert p.category.findData("delivery") < 0
    window.session.set_field(Organization, 1, "channels", ["shop", "delivery"])
    p = _page(window, "promises")
    assert p.ideas_box.isVisible()
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    assert p.category.findData("delivery") >= 0
    buttons = [b for b in p.ideas_box.findChildren(type(p.add_button)) if b.isVisible()]
    assert len(buttons) == 1 and "2 小时内送到" in buttons[0].text()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    added = window.session.wf.all(Promise)[-1]
    assert (added.category, added.tailored) == ("delivery", False)
    assert added.origin == "idea:delivery-time"
    assert added.wording_alt.startswith("Orders within the city")


def test_import_a_code_pack_from_an_association(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    from smallbiz_codes.domain.examples import load_example

    pack = cjk_dir / "面包协会.json"
    info = {"id": "bakers", "association": "市面包行业协会", "version": "1"}
    doc = exchange.to_document(load_example("bakery", "zh"), kind="code-pack", pack=info)
    exchange.write(pack, doc)
    path = _new(window, cjk_dir, "zh")
    ex = _page(window, "example")
    added = ex.import_pack(pack)
    assert len(added) == 5
    assert "市面包行业协会" in ex.result.text()
    bad = cjk_dir / "坏.json"
    bad.write_text("{not json", encoding="utf-8")
    assert ex.import_pack(bad) == []
    assert "could not be imported" in ex.result.text()
    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        promises = wf.all(Promise)
        assert wf.code().adopted_from == "市面包行业协会"
    assert {p.origin.split("/")[0] for p in promises} == {"pack:bakers"}
    assert not any(p.tailored for p in promises)


def test_delete_fix_removes_only_the_void_clause() -> None:
    from smallbiz_codes.domain import wording
    from smallbiz_codes.ui.wizard.common import concrete_fix

    cases = [
        ("蛋糕尽快做好，售出商品概不退换。", "zh", "蛋糕尽快做好。"),
        ("售出商品概不退换，蛋糕当天做好。", "zh", "蛋糕当天做好。"),
        ("Cakes ready on the day. No refunds, no exchanges. Thanks.", "en",
         "Cakes ready on the day. Thanks."),
    ]
    for text, lang, expected in cases:
        found = wording.check_promise(Promise(id=1, wording=text), 1, lang)
        f = next(f for f in found if f.rule == "legal.no_returns")
        fix = concrete_fix(f, text, lang)
        assert fix is not None
        repl, start, end = fix
        assert text[:start] + repl + text[end:] == expected
