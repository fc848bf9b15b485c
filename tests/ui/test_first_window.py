"""The first window: start, open an example, edit the profile, switch language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontInfo, QImage

from smallbiz_codes.domain.records import Organization
from smallbiz_codes.store.workbook import WorkbookFile


def test_start_page_offers_new_example_open(window) -> None:  # type: ignore[no-untyped-def]
    assert window.outer.currentWidget() is window.start
    assert window.start.new_button.text().replace("&", "") == "New workbook…"
    assert window.start.example_combo.count() >= 1
    assert window.start.example_combo.itemData(0) == "bakery"


def test_new_workbook_typed_name_is_saved_without_pressing_save(window, qtbot, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = cjk_dir / "我的店.sbcodes"
    window.create_workbook(path)
    window.go_key("business")
    page = window._current_frame().page
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Corner Bakery <&>")
    # Chinese via setText: keyClicks aborts the process on non-ASCII text.
    page.name.setText(page.name.text() + " 街角面包")
    page.name.textEdited.emit(page.name.text())
    name_binding = page.binder.bindings[0]
    qtbot.waitUntil(lambda: window.save_label.text() == "saved" and not name_binding.pending())
    page.channel_boxes["delivery"].setChecked(True)
    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        org = wf.get(Organization, 1)
    assert org.name == "Corner Bakery <&> 街角面包"
    assert org.channels == ["delivery"]


def test_reopen_resumes_at_the_same_step(window, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = cjk_dir / "店.sbcodes"
    window.create_workbook(path)
    window.go_key("print")
    window.close_workbook()
    window.open_path(path)
    assert window._current_frame().page.key == "print"


def test_language_switch_retranslates_at_once(window) -> None:  # type: ignore[no-untyped-def]
    window.open_example("bakery")
    window.go_key("business")
    frame = window._current_frame()
    assert frame.title.text() == "Your business"
    window.switch_language("zh")
    assert frame.title.text() == "您的店"
    assert window.file_menu.title() == "文件(&F)"
    assert "已保存" in window.windowTitle()
    window.switch_language("en")
    assert window.file_menu.title() == "&File"


def test_not_a_workbook_is_reported_and_untouched(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    bad = tmp_path / "picture.sbcodes"
    data = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    bad.write_bytes(data)
    messages: list[str] = []
    monkeypatch.setattr(window, "_error", messages.append)
    window.open_path(bad)
    assert messages and "not a smallbiz-codes workbook" in messages[0]
    assert bad.read_bytes() == data
    assert window.session is None


def test_chinese_is_drawn_with_the_bundled_font(window, qtbot, shots_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    """On a machine with no CJK font (tests point Qt at an empty font folder)."""
    assert "Noto Sans SC" in QFontDatabase.families()
    window.switch_language("zh")
    window.open_example("bakery")
    window.go_key("business")
    page = window._current_frame().page
    assert page.name.text() == "麦香坊烘焙"
    info = QFontInfo(page.name.font())
    assert info.family() == "Noto Sans SC"
    image: QImage = page.name.grab().toImage()
    window.grab().save(str(shots_dir / "first-window-zh.png"))
    # The text area must hold dark glyph pixels: empty boxes (tofu) or nothing would not.
    dark = 0
    for x in range(8, min(image.width(), 120)):
        for y in range(4, image.height() - 4):
            if image.pixelColor(x, y).lightness() < 100:
                dark += 1
    assert dark > 80
    # And every character of the name is in the font Qt uses (no fallback boxes).
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(page.name.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "麦香坊烘焙")


def test_start_page_shows_and_switches_the_language(window) -> None:  # type: ignore[no-untyped-def]
    buttons = window.start.language_buttons
    assert buttons["en"].isChecked() and not buttons["zh"].isChecked()
    buttons["zh"].click()
    assert window.start.heading.text() == "您对顾客的承诺"
    assert buttons["zh"].isChecked() and not buttons["en"].isChecked()
