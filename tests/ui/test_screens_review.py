"""Every screen, looked at with a shop owner's eyes, in both languages.

For the bakery example (full pages) and for a brand-new empty workbook (the
first thing an owner sees), every step is visited, a screenshot saved to
``shots/`` for a person to look at, and what can be checked by a program is
checked:

(a) no English word left in the Chinese screens (see ``ALLOWED`` for the few
    that belong there);
(b) nothing cut off: a label without word wrap, or a button, is at least as
    wide as its text needs;
(c) every visible input has a name a screen reader can say (an accessible
    name, or a label whose buddy it is).

Back/Next mnemonics are checked in test_wizard_pages.py, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from smallbiz_codes.domain.examples import load_example

# Words of three or more Latin letters that rightly appear in the Chinese screens:
# the standard's names and parts, paper sizes, file formats, the name of the other
# language (offered in its own script, as language choosers do) and the program's
# own name. Everything else Latin must be user data, collected from the workbook.
ALLOWED = {
    "iso", "gb", "pdf", "json", "annex", "letter", "english", "smallbiz", "codes",
    "sbcodes", "http", "https", "www",
}
WORD = re.compile(r"[A-Za-z]{3,}")
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QCheckBox)


def _user_words(window) -> set[str]:  # type: ignore[no-untyped-def]
    """Latin words the owner (or the example) typed: names, emails, addresses."""
    words: set[str] = set()
    if window.session is None:
        return words
    import dataclasses

    wb = window.session.load()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in WORD.findall(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(wb)
    return words


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.width() > 0 and w.height() > 0


def _texts(top: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every piece of text the owner can see on ``top``."""
    for w in top.findChildren(QWidget):
        if not _shown(w, top):
            continue
        if isinstance(w, QLabel):
            yield w, w.text()
        elif isinstance(w, (QPushButton, QCheckBox, QRadioButton)):
            yield w, w.text()
        elif isinstance(w, QGroupBox):
            yield w, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield w, w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield w, w.itemText(i)
        elif isinstance(w, QTreeWidget):
            it = w.invisibleRootItem()
            stack = [it.child(i) for i in range(it.childCount())]
            while stack:
                item = stack.pop()
                if not item.isHidden():
                    for c in range(w.columnCount()):
                        yield w, item.text(c)
                    stack.extend(item.child(i) for i in range(item.childCount()))
        elif isinstance(w, QHeaderView) and not w.isHidden():
            model = w.model()
            if model is None:
                continue
            n = model.columnCount() if w.orientation() == Qt.Orientation.Horizontal \
                else model.rowCount()
            for i in range(n):
                value = model.headerData(i, w.orientation())
                if isinstance(value, str):
                    yield w, value


def _english_left(top: QWidget, user: set[str]) -> list[str]:
    found = []
    for w, text in _texts(top):
        plain = re.sub(r"<[^>]+>|&[a-z]+;", " ", text)
        plain = re.sub(r"\S+@\S+|https?://\S+|www\.\S+", " ", plain)
        for word in WORD.findall(plain):
            if word.lower() not in ALLOWED and word.lower() not in user:
                found.append(f"{type(w).__name__}: {text[:80]!r} ({word})")
                break
    return found


def _cut_off(top: QWidget) -> list[str]:
    found = []
    for w in top.findChildren(QLabel):
        if _shown(w, top) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            if w.sizeHint().width() > w.width() + 1:
                found.append(f"label {w.text()[:60]!r} {w.width()} < {w.sizeHint().width()}")
    for w in top.findChildren(QAbstractButton):
        if _shown(w, top) and w.text():
            if w.sizeHint().width() > w.width() + 1:
                found.append(f"button {w.text()[:60]!r} {w.width()} < {w.sizeHint().width()}")
    return found


def _buddied(top: QWidget) -> set[int]:
    return {id(lbl.buddy()) for lbl in top.findChildren(QLabel) if lbl.buddy() is not None}


def _unnamed(top: QWidget) -> list[str]:
    buddies = _buddied(top)
    found = []
    for w in top.findChildren(QWidget):
        if not isinstance(w, INPUTS) or not _shown(w, top):
            continue
        if isinstance(w.parentWidget(), (QSpinBox, QDoubleSpinBox, QDateEdit, QComboBox)):
            continue  # the line edit inside a spin box or combo box is the box itself
        if w.accessibleName().strip() or id(w) in buddies:
            continue
        if isinstance(w, QCheckBox) and w.text().strip():
            continue  # a check box's own text is its name
        found.append(f"{type(w).__name__} {w.objectName()!r} near "
                     f"{_nearest_text(w)!r}")
    return found


def _nearest_text(w: QWidget) -> str:
    parent = w.parentWidget()
    while parent is not None:
        labels = [lbl.text() for lbl in parent.findChildren(QLabel) if lbl.text()]
        if labels:
            return labels[0][:50]
        parent = parent.parentWidget()
    return ""


def _open(window, kind: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if kind == "bakery":
        window.open_example("bakery")
    else:
        window.create_workbook(tmp_path / "新的工作簿.sbcodes")
    assert window.session is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", ["bakery", "empty"])
def test_every_screen_reads_whole_and_in_one_language(window, tmp_path: Path, shots_dir: Path, kind: str, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    _open(window, kind, tmp_path)
    window.resize(1280, 800)
    user = _user_words(window)
    if kind == "bakery":
        user |= _user_words_of_example(lang)
    problems: list[str] = []
    for index, frame in enumerate(window.frames):
        window.go(index)
        if window._current_frame() is not frame:
            continue  # hidden for this business (questions branch on the profile)
        QApplication.processEvents()
        key = frame.page.key or str(index)
        window.grab().save(str(shots_dir / f"review-{kind}-{index:02d}-{key}-{lang}.png"))
        where = f"{key}:"
        if lang == "zh":
            problems += [f"{where} English {p}" for p in _english_left(window, user)]
        problems += [f"{where} cut off {p}" for p in _cut_off(window)]
        problems += [f"{where} unnamed {p}" for p in _unnamed(frame)]
    assert not problems, "\n".join(problems)


def _user_words_of_example(lang: str) -> set[str]:
    class _Fake:
        class session:  # noqa: N801 - a stand-in for Session in _user_words
            @staticmethod
            def load():  # type: ignore[no-untyped-def]
                return load_example("bakery", lang)

    return _user_words(_Fake)


SMALL = (853, 533)  # a 1280×800 screen at 150 % scaling, in logical pixels


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_150_percent_back_and_next_stay_in_reach_and_forms_scroll(window, tmp_path: Path, shots_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    _open(window, "bakery", tmp_path)
    window.resize(*SMALL)
    QApplication.processEvents()
    assert window.width() <= SMALL[0] + 1 and window.height() <= SMALL[1] + 1, \
        "the window's minimum size is larger than a 1280×800 screen at 150 %"
    problems: list[str] = []
    for index, frame in enumerate(window.frames):
        window.go(index)
        if window._current_frame() is not frame:
            continue
        QApplication.processEvents()
        key = frame.page.key or str(index)
        window.grab().save(str(shots_dir / f"small-{index:02d}-{key}-{lang}.png"))
        inside = window.rect()
        for button in (frame.back, frame.next):
            corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
            if not (button.isVisible() and inside.contains(corner)):
                problems.append(f"{key}: {button.text()} out of reach")
        scroll = frame.findChild(QScrollArea)
        assert scroll is not None
        page = frame.page
        if page.minimumSizeHint().height() > scroll.viewport().height() + 1:
            bar = scroll.verticalScrollBar()
            if not bar.isVisible():
                problems.append(f"{key}: form taller than the room yet no scroll bar")
        if page.minimumSizeHint().width() > scroll.viewport().width() + 1:
            bar = scroll.horizontalScrollBar()
            if not bar.isVisible():
                problems.append(f"{key}: form wider than the room yet no scroll bar")
        steps = window.steps
        if not steps.isVisible() or steps.width() < 100:
            problems.append(f"{key}: the step list is squeezed away ({steps.width()})")
    assert not problems, "\n".join(problems)



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_of_a_new_workbook_says_what_to_do_first(window, qtbot, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    _open(window, "empty", tmp_path)
    window.go_key("home")
    home = window._current_frame().page
    assert home.first_steps.isVisible() and home.start_button.isVisible()
    qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
    assert window._current_frame().page.key == "business"
    window.go_key("home")
    qtbot.mouseClick(home.example_button, Qt.MouseButton.LeftButton)
    assert window._current_frame().page.key == "example"
    window.close_workbook()
    window.open_example("bakery")  # with promises, Home shows where things stand instead
    window.go_key("home")
    assert not home.start_button.isVisible() and home.plan_button.isVisible()


def test_no_dead_buttons_on_a_new_workbook(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    """With no indicator yet there is no month to add a figure to: the button says so by
    being greyed out, next to the note that tells where to add indicators."""
    _open(window, "empty", tmp_path)
    window.go_key("measurements")
    page = window._current_frame().page
    assert not page.editor.add_button.isEnabled()
    assert page.info.text()
    window.close_workbook()
    window.open_example("bakery")
    window.go_key("measurements")
    assert page.editor.add_button.isEnabled()


def test_chinese_status_lines_have_no_space_between_sentences(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language("zh")
    _open(window, "empty", tmp_path)
    for key, label in (("home", "summary"), ("publish", "status")):
        window.go_key(key)
        text = re.sub(r"<[^>]+>", "", getattr(window._current_frame().page, label).text())
        assert "。" in text and "。 " not in text, (key, text)


@pytest.mark.parametrize("size", [(1280, 800), SMALL])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_start_page_reads_whole(window, shots_dir: Path, lang: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    """The first screen of all: no workbook open yet."""
    window.switch_language(lang)
    window.resize(*size)
    QApplication.processEvents()
    window.grab().save(str(shots_dir / f"review-start-{size[0]}-{lang}.png"))
    start = window.start
    problems = _cut_off(start) + _unnamed(start)
    if lang == "zh":
        problems += _english_left(start, set())
    for button in (start.new_button, start.open_button, start.example_button):
        corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
        if not window.rect().contains(corner):
            problems.append(f"{button.text()} out of reach")
    assert not problems, "\n".join(problems)


def test_live_view_folded_away_on_a_small_screen_comes_back_from_the_menu(window) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    window.go_key("promises")
    window.resize(*SMALL)
    QApplication.processEvents()
    assert window.splitter.sizes()[2] == 0  # the form gets the room
    window.act_live.setChecked(False)
    window.act_live.setChecked(True)
    QApplication.processEvents()
    assert window.live.isVisible() and window.live.width() > 100
    window.resize(1280, 800)
    QApplication.processEvents()
    assert window.live.width() > 200
