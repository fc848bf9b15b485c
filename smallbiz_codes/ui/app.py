"""Application bootstrap: fonts, translators, logging, then the main window.

Order matters: Qt's own translator is installed and the bundled font
registered before the first widget exists, so standard buttons speak Chinese
and Chinese text is drawn on a machine with no CJK font.
"""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from smallbiz_codes import APP_NAME, __version__
from smallbiz_codes.i18n import _, language_from_locale, set_language
from smallbiz_codes.resources_path import resource
from smallbiz_codes.store.paths import log_file
from smallbiz_codes.ui.settings import Settings

log = logging.getLogger(__name__)
FONT_FAMILY = "Noto Sans SC"
_qt_translator: QTranslator | None = None


def register_fonts() -> str:
    """Register the bundled Noto Sans SC with Qt; returns the family name Qt reports."""
    family = FONT_FAMILY
    for name in ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id < 0:
            log.error("could not load bundled font %s", name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    return family


def install_qt_translator(app: QApplication, lang: str) -> None:
    """Qt's own strings (standard buttons, file dialogs) in the chosen language."""
    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if lang == "zh":
        translator = QTranslator(app)
        if translator.load(str(resource("qt", "qtbase_zh_CN.qm"))):
            app.installTranslator(translator)
            _qt_translator = translator


def setup_logging() -> None:
    logging.basicConfig(
        filename=str(log_file()),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        encoding="utf-8",
    )


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: log the details, tell the person in one or two sentences."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None,
            _("Something went wrong"),
            _(
                "Something unexpected went wrong. Everything you typed before this was saved. "
                "Details are in the log file: {path}"
            ).format(path=log_file()),
        )


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "smallbiz-codes.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings = Settings()
    lang = settings.language() or language_from_locale(QLocale.system().name())
    set_language(lang)
    install_qt_translator(app, lang)
    family = register_fonts()
    font = QFont(app.font())
    font.setFamilies([family, *font.families()])
    app.setFont(font)
    return app


def run(file: str | None = None, example: str | None = None) -> int:
    setup_logging()
    sys.excepthook = _excepthook
    app = create_application()
    from smallbiz_codes.ui.main_window import MainWindow

    window = MainWindow()
    # A logout or `kill` (SIGTERM) closes the workbook properly: pending fields
    # are flushed and the WAL is checkpointed. Python only sees the signal
    # while it runs, hence the idle timer.
    app.aboutToQuit.connect(window.close_workbook)
    signal.signal(signal.SIGTERM, lambda *_args: QTimer.singleShot(0, app.quit))
    ticker = QTimer(app)
    ticker.start(500)
    ticker.timeout.connect(lambda: None)
    window.show()
    if file:
        window.open_path(Path(file))
    elif example:
        window.open_example(example)
    else:
        window.open_last_or_start()
    return app.exec()


def main() -> None:
    sys.exit(run())
