from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smallbiz_codes.i18n import set_language


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    """The QApplication set up as the program does it (fonts, translator)."""
    from smallbiz_codes.ui.app import create_application

    return create_application()


@pytest.fixture
def window(app, qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from smallbiz_codes.ui.main_window import MainWindow

    set_language("en")
    w = MainWindow()
    qtbot.addWidget(w)
    w.switch_language("en")
    w.resize(1280, 800)
    w.show()
    yield w
    w.close_workbook()
    set_language("en")


@pytest.fixture
def shots_dir() -> Path:
    """Screenshots land here for a person to look at (not compared to anything)."""
    folder = Path(__file__).resolve().parents[2] / "shots"
    folder.mkdir(exist_ok=True)
    return folder
