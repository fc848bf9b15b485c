"""The open workbook as the window sees it: writes, and tells the window what changed.

Every write is one transaction in the store; ``saved`` fires after it, so the
title bar can say "已保存 / Saved" truthfully. Pages never talk to SQLite.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.store import backup
from smallbiz_codes.store.workbook import WorkbookFile

R = TypeVar("R")
log = logging.getLogger(__name__)
BACKUP_EVERY_MS = 60 * 60 * 1000
# What a published version froze (domain/publishing.py): changing it starts the next draft.
PUBLISHED_TABLES = ("code", "promise", "indicator")
NOT_AN_EDIT = ("current_step", "route", "status", "version")  # program state, not the code


class Session(QObject):
    changed = Signal(str)  # table name of what changed ("" = everything)
    saving = Signal()
    saved = Signal()
    save_failed = Signal(str)
    draft_started = Signal()  # a published code was changed: version N+1 is now a draft

    def __init__(self, wf: WorkbookFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_EVERY_MS)
        self._backup_timer.timeout.connect(self.backup_now)
        self._backup_timer.start()

    @property
    def path(self) -> Path:
        return self.wf.path

    def backup_now(self) -> None:
        try:
            backup.rolling_backup(self.wf.db.conn, self.wf.path)
        except Exception:  # a backup must never interrupt the owner's work
            log.exception("rolling backup failed")

    def load(self) -> Workbook:
        return self.wf.load()

    def begin_edit(self, table: str, name: str = "") -> None:
        """The first change after publishing opens version N+1 as a draft (once)."""
        if table not in PUBLISHED_TABLES or name in NOT_AN_EDIT:
            return
        from smallbiz_codes.store.publish import start_next_draft

        if start_next_draft(self.wf):
            self.draft_started.emit()

    def _write(self, table: str, action: Any, name: str = "") -> Any:
        self.saving.emit()
        try:
            self.begin_edit(table, name)
            result = action()
        except Exception as exc:
            log.exception("save failed")
            self.save_failed.emit(str(exc))
            raise
        self.saved.emit()
        self.changed.emit(table)
        return result

    def set_field(self, cls: type, record_id: int, name: str, value: Any) -> None:
        from smallbiz_codes.domain.records import RECORD_TABLES

        table = RECORD_TABLES[cls]
        self._write(table, lambda: self.wf.set_field(cls, record_id, name, value), name)

    def add(self, record: R) -> R:
        from smallbiz_codes.domain.records import RECORD_TABLES

        return self._write(RECORD_TABLES[type(record)], lambda: self.wf.add(record))

    def save(self, record: Any) -> None:
        from smallbiz_codes.domain.records import RECORD_TABLES

        self._write(RECORD_TABLES[type(record)], lambda: self.wf.save(record))

    def delete(self, cls: type, record_id: int) -> None:
        from smallbiz_codes.domain.records import RECORD_TABLES

        self._write(RECORD_TABLES[cls], lambda: self.wf.delete(cls, record_id))

    def move(self, cls: type, ordered_ids: list[int]) -> None:
        from smallbiz_codes.domain.records import RECORD_TABLES

        self._write(RECORD_TABLES[cls], lambda: self.wf.move(cls, ordered_ids))

    def replaced(self) -> None:
        """Tell pages that many records changed at once (import, adoption)."""
        self.saved.emit()
        self.changed.emit("")

    def close(self) -> None:
        self._backup_timer.stop()
        self.wf.close()
