"""The main window: steps on the left, the step's form in the centre, the live view on the right.

It owns the menus, the open session and the frame around each step (title,
clause, guidance, Back/Next). The steps themselves live in their own modules
and are listed in ``navigation.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes import WORKBOOK_SUFFIX
from smallbiz_codes.domain.examples import example_keys, load_example, trade_name
from smallbiz_codes.domain.records import Code
from smallbiz_codes.i18n import N_, _, current_language, set_language
from smallbiz_codes.store import backup, exchange
from smallbiz_codes.store.errors import WorkbookError
from smallbiz_codes.store.paths import data_dir, documents_dir, log_file
from smallbiz_codes.store.workbook import WorkbookFile
from smallbiz_codes.ui import navigation
from smallbiz_codes.ui.live_view import LiveView
from smallbiz_codes.ui.restore_dialog import RestoreDialog
from smallbiz_codes.ui.session import Session
from smallbiz_codes.ui.settings import Settings
from smallbiz_codes.ui.start_page import StartPage
from smallbiz_codes.ui.steps import StepPage

log = logging.getLogger(__name__)
FILE_FILTER_MSGID = N_("Workbooks (*{suffix})")


class StepFrame(QWidget):
    """Title, clause, guidance, the page itself, and Back/Next."""

    def __init__(self, page: StepPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        layout = QVBoxLayout(self)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.clause = QLabel()
        self.clause.setStyleSheet("color: #888;")
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.clause)
        layout.addLayout(header)
        layout.addWidget(self.guidance)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back = QPushButton()
        self.next = QPushButton()
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.title.setText(self.page.title())
        self.clause.setText(f"ISO 10001 {self.page.clause}" if self.page.clause else "")
        self.guidance.setText(self.page.guidance())
        self.back.setText(_("&Back"))
        self.next.setText(_("&Next"))
        self.page.retranslate()


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.settings = Settings()
        self.session: Session | None = None
        self._save_state = ""
        self.frames: list[StepFrame] = []
        self.items: list[QTreeWidgetItem] = []
        self.group_items: list[tuple[QTreeWidgetItem, str]] = []
        self._build()
        self._build_menus()
        self.retranslate()
        self._show_start()
        self.resize(1200, 760)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self._refresh_views)

    # -- construction ---------------------------------------------------------
    def _build(self) -> None:
        self.start = StartPage()
        self.start.new_requested.connect(self.new_workbook)
        self.start.open_requested.connect(self.open_dialog)
        self.start.example_requested.connect(self.open_example)
        self.start.recent_requested.connect(self.open_path)
        self.start.language_requested.connect(self.switch_language)

        self.steps = QTreeWidget()
        self.steps.setHeaderHidden(True)
        # Narrow enough for a 1280×800 screen at 150 % (853 logical pixels) with room
        # left for the form; long step names scroll rather than push the form out.
        self.steps.setMinimumWidth(140)
        self.steps.setAccessibleName("steps")
        self.steps.currentItemChanged.connect(self._step_chosen)
        self.stack = QStackedWidget()
        self.live = LiveView()
        for key, _label, pages in navigation.groups():
            if not pages:
                continue
            parent: QTreeWidget | QTreeWidgetItem = self.steps
            if len(pages) > 1:  # a group of one step is shown as that step alone
                group = QTreeWidgetItem(self.steps)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
                self.group_items.append((group, key))
                parent = group
            for cls in pages:
                page: StepPage = cls()
                frame = StepFrame(page)
                index = len(self.frames)
                frame.back.clicked.connect(lambda _c=False, i=index: self.go(i - 1))
                frame.next.clicked.connect(lambda _c=False, i=index: self.go(i + 1))
                self.stack.addWidget(frame)
                self.frames.append(frame)
                item = QTreeWidgetItem(parent)
                item.setData(0, Qt.ItemDataRole.UserRole, index)
                self.items.append(item)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.live)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([220, 620, 360])
        self.splitter.setCollapsible(0, False)  # the steps and the form never vanish
        self.splitter.setCollapsible(1, False)
        self._narrow: bool | None = None
        self.outer = QStackedWidget()
        self.outer.addWidget(self.start)
        self.outer.addWidget(self.splitter)
        self.setCentralWidget(self.outer)
        self.save_label = QLabel()
        self.statusBar().addPermanentWidget(self.save_label)

    def _action(
        self, menu: QMenu, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        f = self.file_menu
        self.act_new = self._action(f, self.new_workbook, QKeySequence.StandardKey.New)
        self.act_open = self._action(f, self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = f.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.example_menu = f.addMenu("")
        self.example_menu.aboutToShow.connect(self._fill_examples)
        f.addSeparator()
        self.act_export = self._action(f, self.export_exchange)
        self.act_import_pack = self._action(f, self.import_pack)
        self.act_export_pack = self._action(f, self.export_pack)
        self.act_restore = self._action(f, self.restore_backup)
        self.act_print = self._action(f, self.go_print, QKeySequence.StandardKey.Print)
        self.act_save = self._action(f, self.save_now, QKeySequence.StandardKey.Save)
        f.addSeparator()
        self.act_close = self._action(f, self.close_workbook, QKeySequence.StandardKey.Close)
        self.act_quit = self._action(f, self.close, QKeySequence.StandardKey.Quit)
        e = self.edit_menu
        self.act_undo = self._action(e, lambda: self._edit("undo"), QKeySequence.StandardKey.Undo)
        self.act_redo = self._action(e, lambda: self._edit("redo"), QKeySequence.StandardKey.Redo)
        v = self.view_menu
        self.lang_menu = v.addMenu("")
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for lang, label in (("zh", "中文"), ("en", "English")):
            act = QAction(label, self, checkable=True)
            act.triggered.connect(lambda _c=False, code=lang: self.switch_language(code))
            group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[lang] = act
        self.act_live = QAction(self, checkable=True, checked=True)
        self.act_live.toggled.connect(self._live_toggled)
        v.addAction(self.act_live)
        h = self.help_menu
        self.act_log = self._action(h, self.show_log)
        self.act_about = self._action(h, self.about)

    def _edit(self, what: str) -> None:
        """Undo/redo in the field being edited: each text field keeps its own history."""
        w = QApplication.focusWidget()
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            getattr(w, what)()

    # -- language ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.act_new.setText(_("&New workbook…"))
        self.act_open.setText(_("&Open…"))
        self.recent_menu.setTitle(_("Open &Recent"))
        self.example_menu.setTitle(_("Open E&xample"))
        self.act_export.setText(_("&Export exchange file…"))
        self.act_import_pack.setText(_("&Import code pack…"))
        self.act_export_pack.setText(_("Export code pac&k…"))
        self.act_restore.setText(_("Restore from &backup…"))
        self.act_print.setText(_("&Print…"))
        self.act_save.setText(_("&Save (everything is saved as you type)"))
        self.act_close.setText(_("&Close workbook"))
        self.act_quit.setText(_("&Quit"))
        self.act_undo.setText(_("&Undo"))
        self.act_redo.setText(_("&Redo"))
        self.lang_menu.setTitle(_("&Language"))
        self.act_live.setText(_("Show the &live view"))
        self.act_log.setText(_("Show the &log file"))
        self.act_about.setText(_("&About"))
        self.lang_actions[current_language()].setChecked(True)
        self.start.retranslate()
        labels = {key: label for key, label, _pages in navigation.groups()}
        for group, key in self.group_items:
            group.setText(0, _(labels[key]))
        for frame in self.frames:
            frame.retranslate()
        self._refresh_views()
        self._update_title()

    def switch_language(self, lang: str) -> None:
        """Switch at once, no restart: Qt's buttons and every open page."""
        from smallbiz_codes.ui.app import install_qt_translator

        set_language(lang)
        self.settings.set_language(lang)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_qt_translator(app, lang)
        self.retranslate()

    # -- opening and closing ---------------------------------------------------
    def _show_start(self) -> None:
        self.start.set_recent([p for p in self.settings.recent_files() if p.exists()])
        self.outer.setCurrentWidget(self.start)
        self._update_title()

    def open_last_or_start(self) -> None:
        self._show_start()

    def _file_filter(self) -> str:
        return _(FILE_FILTER_MSGID).format(suffix=WORKBOOK_SUFFIX)

    def open_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("Open a workbook"), str(documents_dir()), self._file_filter()
        )
        if path:
            self.open_path(Path(path))

    def new_workbook(self) -> None:
        suggested = documents_dir() / (_("my-code") + WORKBOOK_SUFFIX)
        path, _f = QFileDialog.getSaveFileName(
            self, _("New workbook"), str(suggested), self._file_filter()
        )
        if not path:
            return
        target = Path(path)
        if target.suffix != WORKBOOK_SUFFIX:
            target = target.with_name(target.name + WORKBOOK_SUFFIX)
        self.create_workbook(target)

    def create_workbook(self, target: Path) -> None:
        from smallbiz_codes.domain.records import Organization

        if target.exists():
            QMessageBox.warning(self, _("Workbook exists"),
                                _("{path} already exists. Choose another name.")
                                .format(path=target))
            return
        try:
            wf = WorkbookFile.create(target, Organization(id=1, language=current_language()),
                                     Code(id=1))
        except OSError as exc:
            self._error(_("The workbook could not be created at {path} ({reason}). "
                          "Choose another folder.")
                        .format(path=target, reason=exc.strerror or exc))
            return
        self._attach(wf)

    def open_example(self, key: str) -> None:
        """A fresh copy of an example in the per-user folder: play with it, nothing at stake."""
        folder = data_dir() / "examples"
        folder.mkdir(parents=True, exist_ok=True)
        lang = current_language()
        target = folder / f"{key}-{lang}{WORKBOOK_SUFFIX}"
        if self.session is not None and self.session.path == target:
            return
        if not target.exists():
            wb = load_example(key, lang)
            wf = WorkbookFile.create(target, wb.organization, wb.code)
            wf.replace_all(wb)
            self._attach(wf)
        else:
            self.open_path(target)

    def open_path(self, path: Path) -> None:
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return
        try:
            wf = WorkbookFile.open(path)
        except WorkbookError as exc:
            self._error(str(exc))
            if not path.exists():
                self.settings.remove_recent(path)
            return
        if wf.backed_up_to is not None:
            self.statusBar().showMessage(
                _("This workbook was upgraded; a copy of the old one was kept first."), 8000
            )
        self._attach(wf)

    def _attach(self, wf: WorkbookFile) -> None:
        self.close_workbook()
        self.session = Session(wf, self)
        self.session.backup_now()
        self.session.saving.connect(lambda: self._set_save_state("saving"))
        self.session.saved.connect(lambda: self._set_save_state("saved"))
        self.session.save_failed.connect(self._save_failed)
        self.session.changed.connect(lambda _t: self._refresh_timer.start())
        self.settings.add_recent(wf.path)
        for frame in self.frames:
            frame.page.attach(self.session)
        self.outer.setCurrentWidget(self.splitter)
        self._set_save_state("saved")
        start = self._index_of(wf.code().current_step) if wf.code().current_step else 0
        self.go(start if start >= 0 else 0)
        self._refresh_views()

    def close_workbook(self) -> None:
        if self.session is None:
            return
        if self.frames:
            self._current_frame().page.leave()
        for frame in self.frames:
            frame.page.attach(None)
        self.session.close()
        self.session = None
        self._show_start()

    NARROW = 1000  # below this width the live view gives its room to the form

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """On a small screen (or at 150 %) the live view folds away first, then the list
        narrows; dragging the splitter's edge brings the live view back."""
        super().resizeEvent(event)
        narrow = self.width() < self.NARROW
        if narrow == self._narrow:
            return
        was_narrow, self._narrow = self._narrow, narrow
        total = max(sum(self.splitter.sizes()), self.width())
        if narrow:
            steps = min(210, self.steps.sizeHintForColumn(0) + 24)
            self.splitter.setSizes([max(steps, 140), total - steps, 0])
        elif was_narrow:  # wide again: the live view comes back
            self.splitter.setSizes([220, total * 3 // 5, total * 2 // 5 - 220])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.close_workbook()
        event.accept()

    # -- navigation ------------------------------------------------------------
    def _current_frame(self) -> StepFrame:
        return self.frames[max(self.stack.currentIndex(), 0)]

    def _index_of(self, key: str) -> int:
        for n, frame in enumerate(self.frames):
            if frame.page.key == key:
                return n
        return -1

    def go(self, index: int) -> None:
        """Show step ``index``; Back and Next never lose anything (the page flushes first)."""
        if not self.frames or self.session is None:
            return
        wb = self.session.load()
        step = 1 if index >= self.stack.currentIndex() else -1
        while 0 <= index < len(self.frames) and not self.frames[index].page.visible(wb):
            index += step
        if not 0 <= index < len(self.frames):
            return
        if self.stack.currentIndex() != index:
            self._current_frame().page.leave()
        self.stack.setCurrentIndex(index)
        frame = self.frames[index]
        frame.page.reload()
        self._show_live_view()
        frame.back.setEnabled(index > 0)
        frame.next.setEnabled(index < len(self.frames) - 1)
        self.steps.blockSignals(True)
        self.steps.setCurrentItem(self.items[index])
        self.steps.blockSignals(False)
        code = self.session.wf.code()
        if frame.page.key and code.current_step != frame.page.key:
            self.session.wf.set_field(Code, code.id, "current_step", frame.page.key)

    def _show_live_view(self) -> None:
        page = self._current_frame().page if self.frames else None
        self.live.setVisible(self.act_live.isChecked() and (page is None or page.live_view))

    def _live_toggled(self, on: bool) -> None:
        """Asked for on a narrow window, where it was folded away: give it a third."""
        self._show_live_view()
        sizes = self.splitter.sizes()
        if on and sizes[2] == 0:
            third = sum(sizes) // 3
            self.splitter.setSizes([sizes[0], sizes[1] - third, third])

    def go_key(self, key: str) -> None:
        index = self._index_of(key)
        if index >= 0:
            self.go(index)

    def go_print(self) -> None:
        self.go_key("print")

    def _step_chosen(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        if item is None:
            return
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None:
            self.go(int(index))

    # -- state shown to the person ---------------------------------------------
    def _set_save_state(self, state: str) -> None:
        self._save_state = state
        self._update_title()

    def _save_failed(self, reason: str) -> None:
        self._save_state = "failed"
        self._update_title()
        self._error(_("Your last change could not be saved ({reason}). "
                      "Everything before it is safe. "
                      "Check that the disk is not full and the file is not on a removed drive.")
                    .format(reason=reason))

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("smallbiz-codes")
            self.save_label.clear()
            return
        org = self.session.wf.organization()
        code = self.session.wf.code()
        status = _("published") if code.status == "published" else _("draft")
        saved = {"saving": _("saving…"), "saved": _("saved"), "failed": _("NOT saved")}.get(
            self._save_state, "")
        name = org.name or self.session.path.stem
        self.setWindowTitle(
            _("{name} · v{version} {status} · {saved}").format(
                name=name, version=code.version, status=status, saved=saved
            )
        )
        self.save_label.setText(saved)

    def _refresh_views(self) -> None:
        if self.session is None:
            self.live.show_workbook(None, current_language())
            return
        wb = self.session.load()
        self.live.show_workbook(wb, wb.organization.language or current_language())
        for item, frame in zip(self.items, self.frames, strict=True):
            done, total = frame.page.completion(wb)
            mark = ""
            if total:
                mark = "  ✓" if done >= total else f"  {done}/{total}"
            item.setText(0, frame.page.title() + mark)
            item.setToolTip(0, frame.page.title())  # the list may be too narrow for it
            item.setHidden(not frame.page.visible(wb))
        self._update_title()

    def save_now(self) -> None:
        """Ctrl+S does no harm: it only saves what is still waiting."""
        if self.session is not None and self.frames:
            self._current_frame().page.leave()
            self.statusBar().showMessage(_("Everything is saved."), 3000)

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, _("smallbiz-codes"), message)

    # -- menus -----------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = [p for p in self.settings.recent_files() if p.exists()]
        if not paths:
            act = self.recent_menu.addAction(_("No recent workbooks"))
            act.setEnabled(False)
        for path in paths:
            act = self.recent_menu.addAction(f"{path.name} — {path.parent}")
            act.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    def _fill_examples(self) -> None:
        self.example_menu.clear()
        for key in example_keys():
            act = self.example_menu.addAction(trade_name(key, current_language()))
            act.triggered.connect(lambda _c=False, k=key: self.open_example(k))

    def export_exchange(self) -> None:
        if self.session is None:
            return
        self.save_now()
        suggested = self.session.path.with_suffix(".json")
        path, _f = QFileDialog.getSaveFileName(self, _("Export exchange file"), str(suggested),
                                               _("Exchange files (*.json)"))
        if not path:
            return
        try:
            exchange.write(Path(path), exchange.to_document(self.session.load()))
        except OSError as exc:
            self._error(_("The file could not be written ({reason}). Your workbook is safe.")
                        .format(reason=exc.strerror or exc))
            return
        self.statusBar().showMessage(_("Saved {path}.").format(path=path), 5000)

    def import_pack(self) -> None:
        from smallbiz_codes.ui.pack_dialogs import import_or_update

        if self.session is None:
            QMessageBox.information(self, _("Import code pack"),
                                    _("Open or create your workbook first, "
                                      "then import the pack into it."))
            return
        self.save_now()
        path, _f = QFileDialog.getOpenFileName(self, _("Import code pack"), str(documents_dir()),
                                               _("Exchange files (*.json)"))
        if not path:
            return
        try:
            message = import_or_update(self.session.wf, Path(path), self)
        except WorkbookError as exc:
            self._error(str(exc))
            return
        self.session.replaced()
        for frame in self.frames:
            frame.page.reload()
        self.statusBar().showMessage(message, 10000)

    def export_pack(self) -> None:
        from smallbiz_codes.store.packs import export_pack
        from smallbiz_codes.ui.pack_dialogs import ExportPackDialog

        if self.session is None:
            return
        self.save_now()
        dialog = ExportPackDialog(self)
        if dialog.exec() != ExportPackDialog.DialogCode.Accepted:
            return
        suggested = documents_dir() / f"{dialog.pack_id.text() or 'code-pack'}.json"
        path, _f = QFileDialog.getSaveFileName(self, _("Export code pack"), str(suggested),
                                               _("Exchange files (*.json)"))
        if not path:
            return
        try:
            export_pack(self.session.wf, Path(path), dialog.pack_id.text().strip(),
                        dialog.association.text(), dialog.version.text())
        except WorkbookError as exc:
            self._error(str(exc))
            return
        except OSError as exc:
            self._error(_("The file could not be written ({reason}). Your workbook is safe.")
                        .format(reason=exc.strerror or exc))
            return
        self.statusBar().showMessage(_("Saved {path}.").format(path=path), 5000)

    def restore_backup(self) -> None:
        if self.session is None:
            QMessageBox.information(self, _("Restore from backup"),
                                    _("Open the workbook you want to restore first."))
            return
        path = self.session.path
        dialog = RestoreDialog(backup.list_backups(path), self)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        self.close_workbook()
        backup.restore(chosen, path)
        self.open_path(path)
        self.statusBar().showMessage(
            _("Restored the copy of {time}.").format(
                time=chosen.taken_at.strftime("%Y-%m-%d %H:%M")),
            8000)

    def show_log(self) -> None:
        QMessageBox.information(self, _("Log file"), _(
            "Technical details of any problem are written to:\n{path}").format(path=log_file()))

    def about(self) -> None:
        from smallbiz_codes import __version__

        QMessageBox.about(self, _("About smallbiz-codes"), _(
            "smallbiz-codes {version}\n\nHelps a small business write, publish, keep and review "
            "its promises to customers, prepared following ISO 10001 / GB/T 19010-2021. "
            "Works offline; your workbooks stay on this computer.\n\nFont: Noto Sans SC (SIL Open "
            "Font License 1.1).").format(version=__version__))
