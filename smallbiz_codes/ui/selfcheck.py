"""Prove that Qt and the bundled fonts load, without a screen (used by ``--self-test``).

A frozen build can lose a Qt plugin, a shared library or the font files and
still print PDFs, so the self-test also starts Qt on the offscreen platform,
registers the bundled Noto Sans SC with Qt and draws a Chinese character. PySide6
is imported inside the function so that ``smallbiz_codes.selftest`` stays
importable where there is no Qt at all.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from smallbiz_codes.resources_path import resource

FONT_FILES: tuple[str, ...] = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
FONT_FAMILY = "Noto Sans SC"
QT_TRANSLATION = ("qt", "qtbase_zh_CN.qm")
ICON = ("icons", "smallbiz-codes.png")
SAMPLE = "诺"


def qt_smoke() -> list[str]:
    """Start Qt offscreen (or reuse the running app) and return what does not work."""
    try:
        from PySide6.QtCore import Qt, QTranslator
        from PySide6.QtGui import (
            QColor,
            QFont,
            QFontDatabase,
            QFontMetrics,
            QIcon,
            QImage,
            QPainter,
        )
        from PySide6.QtWidgets import QApplication, QLabel
    except ImportError as exc:  # a missing shared library shows up here
        return [f"Qt cannot be loaded: {exc}"]

    problems: list[str] = []
    app = QApplication.instance()
    if app is None:
        # "-platform offscreen" instead of QT_QPA_PLATFORM: leave the environment alone.
        name = sys.argv[0] if sys.argv else "smallbiz-codes"
        app = QApplication([name, "-platform", "offscreen"])
    families: set[str] = set()
    for name in FONT_FILES:
        path = resource("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            problems.append(f"Qt could not load the font {path}")
        else:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY not in families:
        problems.append(f"the font family {FONT_FAMILY!r} is not registered with Qt")
        return problems

    font = QFont(FONT_FAMILY, 24)
    if not QFontMetrics(font).inFont(SAMPLE):
        problems.append(f"Qt's {FONT_FAMILY} has no glyph for {SAMPLE}")
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, SAMPLE)
    painter.end()
    dark = sum(
        1 for y in range(64) for x in range(64) if QColor(image.pixel(x, y)).lightness() < 128
    )
    if dark < 20:
        problems.append(f"Qt drew {SAMPLE} as a blank (font rendering does not work)")

    translator = QTranslator()
    if not translator.load(str(resource(*QT_TRANSLATION))):
        problems.append("Qt's Chinese translation of its standard buttons did not load")
    if QIcon(str(resource(*ICON))).isNull():
        problems.append("the program's icon did not load")

    label = QLabel(SAMPLE)  # a widget proves QtWidgets and its style load
    label.setFont(font)
    if label.grab().isNull():
        problems.append("Qt could not draw a widget offscreen")
    label.deleteLater()
    return problems + ui_imports()


def ui_imports() -> list[str]:
    """Import every module of the window: a Qt module a frozen build left out shows up here."""
    import smallbiz_codes.ui as ui

    problems: list[str] = []
    for info in pkgutil.walk_packages(ui.__path__, "smallbiz_codes.ui."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - any failure means the window cannot start
            problems.append(f"{info.name} cannot be imported: {exc}")
    return problems
