"""Print step: preview opens the real PDF; Save As writes it where the owner chose."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog


def test_preview_and_save_notice(window, monkeypatch, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    window.go_print()
    page = window._current_frame().page
    assert page.doc.currentData() == "notice"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.preview()
    assert opened and Path(opened[0]).read_bytes().startswith(b"%PDF")
    target = cjk_dir / "告示.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.lang.setCurrentIndex(page.lang.findData("en"))
    page.save_as()
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Golden Wheat Bakery" in text
    assert "Our promises to you" in text
    assert window.settings.value("print/lang") == "en"  # remembered for next time


def test_characters_the_font_lacks_are_named_before_printing(window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    from smallbiz_codes.domain.records import Promise

    window.create_workbook(tmp_path / "shop.sbcodes")
    window.session.add(Promise(wording="Fresh bread 🍞 every day by 8 am", remedy="x", owner="me"))
    window.go_print()
    page = window._current_frame().page
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    page.preview()
    assert "🍞" in page.status.text() and "□" in page.status.text()
    assert "Opened" in page.status.text()  # the PDF was still made
