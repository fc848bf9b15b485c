"""Every wizard page: resuming where the owner left off, the principle check, keyboard, looks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from smallbiz_codes.domain.records import (
    Code,
    Objective,
    Organization,
    PrincipleAssessment,
    Promise,
)
from smallbiz_codes.store.workbook import WorkbookFile
from smallbiz_codes.ui import wizard

WIZARD_KEYS = [cls.key for cls in wizard.PAGES]


def _page(window, key: str):  # type: ignore[no-untyped-def]
    window.go_key(key)
    return window._current_frame().page


def test_close_in_the_middle_resumes_at_the_same_page_with_nothing_lost(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = cjk_dir / "半路.sbcodes"
    window.create_workbook(path)
    p = _page(window, "objectives")
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    p.problem.setFocus()
    qtbot.keyClicks(p.problem, "Late cakes")
    assert p.binder.bindings[0].pending()  # typed less than 400 ms ago: not saved yet
    window.close_workbook()  # closing flushes it
    window.open_path(path)
    p = window._current_frame().page
    assert p.key == "objectives"
    assert p.problem.toPlainText() == "Late cakes"

    window.go_key("promises")
    p = window._current_frame().page
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    p.owner.setFocus()
    p.owner.setText("王丽")
    p.owner.textEdited.emit("王丽")
    window.close()  # quitting the window flushes too
    with WorkbookFile.open(path) as wf:
        assert wf.code().current_step == "promises"
        assert [pr.owner for pr in wf.all(Promise)] == ["王丽"]
        assert [o.problem for o in wf.all(Objective)] == ["Late cakes"]


def test_back_never_loses_what_was_typed(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.create_workbook(cjk_dir / "回.sbcodes")
    p = _page(window, "publish")
    p.title_edit.setFocus()
    qtbot.keyClicks(p.title_edit, "Our promises")
    qtbot.mouseClick(window._current_frame().back, Qt.MouseButton.LeftButton)
    assert window.session.wf.code().title == "Our promises"


def test_principles_show_status_take_a_comment_and_jump_to_the_fix(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = cjk_dir / "原则.sbcodes"
    window.create_workbook(path)
    window.session.set_field(Organization, 1, "name", "麦香坊")
    p = _page(window, "principles")
    assert len(p.rows) == 12
    row = p.rows["4.2"]
    assert "Commitment" in row.head.text() and "Not met yet" in row.head.text()
    assert not window.session.wf.all(PrincipleAssessment)  # created on first edit only
    row.comment.setFocus()
    qtbot.keyClicks(row.comment, "I sign it myself")
    row.owner_status.setCurrentIndex(row.owner_status.findData("todo"))
    assert row.fix_buttons
    qtbot.mouseClick(row.fix_buttons[0], Qt.MouseButton.LeftButton)
    assert window._current_frame().page.key == "publish"
    with_session = window.session.wf.all(PrincipleAssessment)
    assert [(a.principle, a.comment, a.owner_status) for a in with_session] == [
        ("4.2", "I sign it myself", "todo")
    ]
    window.session.set_field(Code, 1, "approver", "陈建华")
    p = _page(window, "principles")
    assert "Not met yet" not in p.rows["4.2"].head.text()
    assert p.rows["4.2"].comment.text() == "I sign it myself"


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_page_takes_alt_n_or_alt_b_or_uses_a_letter_twice(window, cjk_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.create_workbook(cjk_dir / f"键{lang}.sbcodes")
    window.session.set_field(Organization, 1, "channels", ["delivery"])
    for key in WIZARD_KEYS:
        page = _page(window, key)
        if hasattr(page, "add_button"):
            page.add_record()
        seen: dict[str, str] = {}
        widgets = [w for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
                   if w.isVisibleTo(page)]
        for w in widgets:
            letter = _mnemonic(w.text())
            if letter is None:
                continue
            assert letter not in ("n", "b"), (key, w.text())  # Next and Back
            assert letter not in seen, (key, w.text(), seen[letter])
            seen[letter] = w.text()


def _fill(window) -> None:  # type: ignore[no-untyped-def]
    """An example in the owner's workbook, one record on every list, for full pages."""
    window.go_key("example")
    window._current_frame().page.adopt_ticked()
    for key in ("objectives", "known", "asked", "resources"):
        page = _page(window, key)
        page.add_record()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_every_page_and_nothing_cut_off(window, qtbot, cjk_dir: Path, shots_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.create_workbook(cjk_dir / f"截图{lang}.sbcodes")
    s = window.session
    s.set_field(Organization, 1, "language", lang)
    s.set_field(Organization, 1, "name", "麦香坊烘焙" if lang == "zh" else "Golden Wheat Bakery")
    s.set_field(Organization, 1, "channels", ["shop", "delivery", "online"])
    window.resize(1280, 800)
    _fill(window)
    english = re.compile(r"\b(?:the|and|your|promise|add|remove)\b", re.IGNORECASE)
    for key in WIZARD_KEYS:
        page = _page(window, key)
        QApplication.processEvents()
        window.grab().save(str(shots_dir / f"wizard-{key}-{lang}.png"))
        frame = window._current_frame()
        for w in [frame.title, frame.next, frame.back]:
            assert w.width() >= w.sizeHint().width(), (key, w.text())
        for w in page.findChildren(QAbstractButton):
            if w.isVisibleTo(page) and w.text():
                assert w.width() >= w.sizeHint().width() - 1, (key, w.text())
        for w in page.findChildren(QLabel):
            if w.isVisibleTo(page) and w.text() and not w.wordWrap():
                assert w.width() >= w.sizeHint().width() - 1, (key, w.text())
        if lang == "zh":  # no English left in the Chinese screens (user data aside)
            for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
                if w.isVisibleTo(page) and w.text():
                    text = re.sub(r"<[^>]+>", "", w.text())
                    assert not english.search(text), (key, text)
            assert not english.search(frame.guidance.text()), key
