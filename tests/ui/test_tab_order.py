"""Tab goes through a form in the order the owner reads it: top to bottom, left to right.

The business page and the promises page are the two forms every owner fills in;
a Tab that jumps back up or skips a field makes typing by keyboard a guessing game.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

STOPS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton,
         QAbstractItemView)


def _stop(w: QWidget | None) -> QWidget | None:
    """The field the focus is in (a spin box, not the line edit inside it)."""
    while w is not None and w.parentWidget() is not None:
        if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            w = w.parentWidget()
            continue
        return w
    return w


def _tab_through(window, page: QWidget, qtbot) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Focus the page's first field, then Tab until the focus leaves the page."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first = next(w for w in page.findChildren(QWidget)
                 if isinstance(w, STOPS) and w.isVisibleTo(page) and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(200):
        w = _stop(QApplication.focusWidget())
        if w is None or not page.isAncestorOf(w) or w in seen:
            break
        seen.append(w)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert len(seen) > 3, "Tab does not move through the page"
    return seen


def _out_of_order(page: QWidget, seen: list[QWidget]) -> list[str]:
    """Pairs where Tab goes up, or left on the same row."""
    wrong = []
    for a, b in zip(seen, seen[1:], strict=False):
        pa, pb = a.mapTo(page, QPoint(0, 0)), b.mapTo(page, QPoint(0, 0))
        same_row = abs(pa.y() - pb.y()) <= 4
        if pb.y() < pa.y() - 4 and not _beside(a, b, page) or (same_row and pb.x() < pa.x()):
            wrong.append(f"{_name(a)} ({pa.x()},{pa.y()}) → {_name(b)} ({pb.x()},{pb.y()})")
    return wrong


def _beside(a: QWidget, b: QWidget, page: QWidget) -> bool:
    """b is to the right of a and starts within a's height (a button beside a list)."""
    pa, pb = a.mapTo(page, QPoint(0, 0)), b.mapTo(page, QPoint(0, 0))
    return pb.x() >= pa.x() + a.width() - 1 and pa.y() - 4 <= pb.y() <= pa.y() + a.height()


def _name(w: QWidget) -> str:
    text = w.text() if isinstance(w, (QAbstractButton, QLineEdit)) else ""
    return f"{type(w).__name__}[{w.accessibleName() or text}]"


def _fields(page: QWidget) -> list[QWidget]:
    found = []
    for w in page.findChildren(QWidget):
        if isinstance(w, (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)) \
                and w.isVisibleTo(page) and w.isEnabled() and _stop(w) is w:
            found.append(w)
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tab_follows_reading_order_on_the_business_page(window, qtbot, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.create_workbook(tmp_path / "键盘.sbcodes")
    window.go_key("business")
    page = window._current_frame().page
    seen = _tab_through(window, page, qtbot)
    assert _out_of_order(page, seen) == []
    missed = [_name(w) for w in _fields(page) if w not in seen]
    assert missed == [], "Tab never reaches these fields"
    # the form's rows in their visual order: name first, then trade, … the language last
    assert seen.index(page.name) < seen.index(page.trade) < seen.index(page.products) \
        < seen.index(page.address) < seen.index(page.language)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tab_follows_reading_order_on_the_promises_page(window, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.open_example("bakery")
    window.go_key("promises")
    page = window._current_frame().page
    seen = _tab_through(window, page, qtbot)
    assert _out_of_order(page, seen) == []
    missed = [_name(w) for w in _fields(page) if w not in seen]
    assert missed == [], "Tab never reaches these fields"


def test_tab_reaches_the_advice_on_the_wording_right_after_the_wording(window, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    """Advice buttons appear while typing; Tab must find them under the wording, not at
    the very end of the form."""
    from smallbiz_codes.domain.records import Promise

    window.open_example("bakery")
    window.go_key("promises")
    page = window._current_frame().page
    first = window.session.load().promises[0]
    window.session.set_field(Promise, first.id, "wording",
                             "Fresh bread every day. All sales are final.")
    page.reload()
    page.run_live_checks()
    assert page.findings.buttons, "the vague wording got no advice to apply"
    seen = _tab_through(window, page, qtbot)
    assert _out_of_order(page, seen) == []
    assert seen.index(page.wording) < seen.index(page.findings.buttons[0]) \
        < seen.index(page.category)
