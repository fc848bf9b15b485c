"""What the owner typed is in the file, committed, before they do anything else.

Read through a second, independent connection while the window still has the
workbook open: if the program were killed now, this is what would be found.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def _committed_name(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name FROM organization").fetchone()[0]
    finally:
        conn.close()


def test_typed_field_is_committed_after_the_pause(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = tmp_path / "shop.sbcodes"
    window.create_workbook(path)
    window.go_key("business")
    page = window._current_frame().page
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Corner Shop")
    assert _committed_name(path) == ""  # still typing: not written on every keystroke
    qtbot.waitUntil(lambda: _committed_name(path) == "Corner Shop", timeout=3000)


def test_leaving_the_field_saves_at_once(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    path = tmp_path / "shop.sbcodes"
    window.create_workbook(path)
    window.go_key("business")
    page = window._current_frame().page
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Corner Shop")
    page.name.editingFinished.emit()  # Tab or a click elsewhere
    assert _committed_name(path) == "Corner Shop"
