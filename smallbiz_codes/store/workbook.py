"""The workbook file: one SQLite database per business, written through sqlite-utils.

Opening is careful: a file is inspected read-only first, so anything that is
not one of our workbooks (random bytes, a renamed PNG, another program's
database, a truncated copy) is reported and left byte-for-byte untouched. An
older workbook is backed up, then migrated; a newer one is refused.

Every change is one transaction (``db.atomic()``) on a WAL journal with
``synchronous=FULL``, so a crash or power cut loses at most the change being
made, never the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from smallbiz_codes.domain.fields import field_kinds
from smallbiz_codes.domain.records import RECORD_TABLES, TABLE_RECORDS, Code, Organization
from smallbiz_codes.domain.workbook import LIST_ATTRIBUTES, Workbook
from smallbiz_codes.store import backup as backup_mod
from smallbiz_codes.store.errors import (
    DamagedWorkbook,
    NewerWorkbook,
    NotAWorkbook,
    WorkbookError,
    WorkbookInUse,
    WorkbookMissing,
    WorkbookReadOnly,
    WorkbookUnreadable,
)
from smallbiz_codes.store.lock import FileLock
from smallbiz_codes.store.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    known_migration_names,
    migrations,
)

R = TypeVar("R")
BACKUP_INTERVAL = dt.timedelta(hours=1)
SQLITE_HEADER = b"SQLite format 3\x00"


def to_row(record: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, kind in field_kinds(type(record)).items():
        value = getattr(record, name)
        if kind == "list":
            value = json.dumps(list(value), ensure_ascii=False)
        elif kind == "bool":
            value = int(bool(value))
        row[name] = value
    return row


def from_row(cls: type[R], row: dict[str, Any]) -> R:
    values: dict[str, Any] = {}
    for name, kind in field_kinds(cls).items():
        if name not in row or row[name] is None and kind not in ("ref", "num?"):
            continue  # column added later, or NULL: keep the dataclass default
        value = row[name]
        if kind == "list":
            try:
                items = json.loads(value or "[]")
            except (ValueError, TypeError):
                items = []
            # Only a JSON list of strings is a list field; anything else (a
            # hand-edited cell) reads as empty rather than as its characters.
            value = [str(v) for v in items] if isinstance(items, list) else []
        elif kind == "bool":
            value = bool(value)
        elif kind == "str" and isinstance(value, bytes):
            value = value.decode("utf-8", "replace")  # a blob typed into a text cell
        elif kind == "str" and not isinstance(value, str):
            value = str(value)
        values[name] = value
    return cls(**values)


def _ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection that creates no ``-wal``/``-shm`` file beside ``path``.

    A cleanly closed workbook has no ``-wal`` file and is opened ``immutable``:
    SQLite then reads the one file as it is. A read-only connection on a WAL
    database would otherwise create ``-wal`` and ``-shm`` files that it cannot
    remove again, and a file we refuse must be left as we found it. When a
    ``-wal`` exists (a crash left committed changes in it) it must be read, so
    the ordinary read-only mode is used.
    """
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    uri = path.resolve().as_uri() + "?" + mode
    return sqlite3.connect(uri, uri=True)


def _read_header(path: Path) -> bytes:
    if path.is_dir():
        raise NotAWorkbook(path)
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except PermissionError as exc:
        raise WorkbookUnreadable(path) from exc
    except OSError as exc:
        raise NotAWorkbook(path) from exc


def inspect(path: Path) -> list[str]:
    """Check, without writing a byte, that ``path`` is a workbook we can open.

    Returns the names of the migrations it still needs (empty if current).
    Raises a :class:`WorkbookError` saying why it cannot be opened. The file
    header is read directly first, so a file of another kind, or another
    program's SQLite database, is refused before SQLite touches it.
    """
    if not path.exists():
        raise WorkbookMissing(path)
    header = _read_header(path)
    if not header.startswith(SQLITE_HEADER):
        raise NotAWorkbook(path)
    if len(header) < 100:
        raise DamagedWorkbook(path)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAWorkbook(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size_valid = header[24:28] == header[92:96] and pages > 0
    if size_valid and path.stat().st_size < page_size * pages:
        raise DamagedWorkbook(path)  # cut short: a copy that did not finish
    try:
        conn = _ro_connect(path)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise DamagedWorkbook(path)
            has_log = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
            ).fetchone()
            applied = (
                [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                        (MIGRATION_SET,),
                    )
                ]
                if has_log
                else []
            )
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise WorkbookInUse(path) from exc
        raise DamagedWorkbook(path) from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedWorkbook(path) from exc
    known = known_migration_names()
    if any(name not in known for name in applied):
        raise NewerWorkbook(path)
    if not applied:
        raise DamagedWorkbook(path)
    return [name for name in known if name not in applied]


class WorkbookFile:
    """An open workbook: reads records, writes each change in one transaction."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        lock: FileLock | None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.path = path
        self.db = Database(conn, execute_plugins=False)
        self._lock = lock
        self.backed_up_to: Path | None = None  # the copy made before a migration
        self.backup_problem: Exception | None = None  # why the copy at open failed, if it did
        # The clock of rolling backups; tests put a fake one here.
        self.clock = clock
        # When the last rolling copy was made, and the change count it holds.
        self._backup_mark = (self.clock(), conn.total_changes)

    # -- opening and creating -------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        organization: Organization | None = None,
        code: Code | None = None,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> WorkbookFile:
        """A new, empty workbook readable by its owner only (mode 0600)."""
        path = Path(path)
        if path.exists():
            raise FileExistsError(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # A short temporary name: the final name may already be near the 255-byte
        # limit, which its own -wal file still fits but a longer suffix would not.
        tmp = path.with_name(f".{secrets.token_hex(4)}.creating")
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        try:
            conn = sqlite3.connect(tmp)
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db = Database(conn, execute_plugins=False)
                migrations.apply(db)
                with db.atomic():
                    db["organization"].insert(to_row(organization or Organization(id=1)))
                    db["code"].insert(to_row(code or Code(id=1)))
                conn.execute("PRAGMA journal_mode = WAL")
            finally:
                conn.close()
        except BaseException:
            for suffix in ("", "-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
            raise
        # Renamed only once complete: a crash during creation leaves no half workbook.
        os.replace(tmp, path)
        return cls.open(path, clock=clock)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        migrate: bool = True,
        backup: bool = True,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> WorkbookFile:
        """Open a workbook for reading and writing, after checking it read-only.

        The lock is taken first, so no other copy of the program can be
        migrating or restoring the file while it is inspected. An older
        workbook is copied aside, then migrated. With ``backup``, a rolling
        copy is made now unless the newest one already holds the same data.
        ``clock`` dates the rolling copies (tests pass a fake one).
        """
        path = Path(path)
        lock = FileLock(path)
        if not lock.acquire():
            raise WorkbookInUse(path)
        conn: sqlite3.Connection | None = None
        try:
            pending = inspect(path)
            # SQLite would open a write-protected file read-only without a word
            # and fail at the first save; say so now, in words.
            if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                raise WorkbookReadOnly(path)
            backed_up_to = None
            if pending:
                if not migrate:
                    raise WorkbookError(path)
                backed_up_to = backup_mod.copy_before_migration(path)
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 5000")
            wb = cls(path, conn, lock, clock)
            wb.backed_up_to = backed_up_to
            if pending:
                migrations.apply(wb.db)
            if backup:
                try:
                    wb.maybe_backup(at_open=True)
                except (OSError, sqlite3.Error) as exc:
                    # A full or missing backup disk must not lock the owner out of
                    # their work; the window shows backup_problem as a warning.
                    wb.backup_problem = exc
            return wb
        except BaseException as exc:
            if conn is not None:
                conn.close()
            lock.release()
            if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                raise WorkbookReadOnly(path) from exc
            if isinstance(exc, sqlite3.DatabaseError):
                raise DamagedWorkbook(path) from exc
            raise

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> WorkbookFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------

    def get(self, cls: type[R], record_id: int) -> R:
        return from_row(cls, self.db[RECORD_TABLES[cls]].get(record_id))

    def all(self, cls: type[R]) -> list[R]:
        table = RECORD_TABLES[cls]
        order = "position, id" if "position" in field_kinds(cls) else "id"
        return [from_row(cls, row) for row in self.db[table].rows_where(order_by=order)]

    def organization(self) -> Organization:
        return self.all(Organization)[0]

    def code(self) -> Code:
        return self.all(Code)[0]

    def load(self) -> Workbook:
        wb = Workbook(organization=self.organization(), code=self.code())
        for table, attr in LIST_ATTRIBUTES.items():
            setattr(wb, attr, self.all(TABLE_RECORDS[table]))
        return wb

    # -- writing: each call is one transaction --------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Group several changes into one transaction (all or nothing)."""
        with self.db.atomic():
            yield self.db

    def set_field(self, cls: type, record_id: int, name: str, value: Any) -> None:
        """Save one field as the user types it."""
        kind = field_kinds(cls)[name]
        if kind == "list":
            value = json.dumps(list(value), ensure_ascii=False)
        elif kind == "bool":
            value = int(bool(value))
        with self.db.atomic():
            self.db[RECORD_TABLES[cls]].update(record_id, {name: value})

    def add(self, record: R) -> R:
        """Insert a record; returns it with its new id."""
        row = to_row(record)
        if row.get("id") is None:
            row.pop("id", None)
        with self.db.atomic():
            table = self.db[RECORD_TABLES[type(record)]]
            if "position" in row and not row["position"]:
                last = self.db.execute(
                    f"SELECT COALESCE(MAX(position), 0) FROM [{table.name}]"
                ).fetchone()[0]
                row["position"] = last + 1
                record.position = row["position"]  # type: ignore[attr-defined]
            table.insert(row)
            record.id = table.last_pk  # type: ignore[attr-defined]
        return record

    def save(self, record: Any) -> None:
        """Write every field of an existing record."""
        with self.db.atomic():
            self.db[RECORD_TABLES[type(record)]].update(record.id, to_row(record))

    def delete(self, cls: type, record_id: int) -> None:
        """Delete a record; links to it from other records are cleared in the same step."""
        table = RECORD_TABLES[cls]
        with self.db.atomic():
            for other, fks in _REFERENCES.get(table, {}).items():
                for column in fks:
                    self.db.execute(
                        f"UPDATE [{other}] SET [{column}] = NULL WHERE [{column}] = ?",
                        [record_id],
                    )
            self.db[table].delete(record_id)

    def move(self, cls: type, ordered_ids: list[int]) -> None:
        """Store a new order (positions 1..n) for records with a position."""
        table = self.db[RECORD_TABLES[cls]]
        with self.db.atomic():
            for pos, record_id in enumerate(ordered_ids, start=1):
                table.update(record_id, {"position": pos})

    def replace_all(self, workbook: Workbook) -> None:
        """Replace every record with ``workbook``'s, in one transaction (import)."""
        with self.db.atomic():
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            for table in reversed(list(RECORD_TABLES.values())):
                self.db.execute(f"DELETE FROM [{table}]")
            self.db["organization"].insert(to_row(workbook.organization))
            self.db["code"].insert(to_row(workbook.code))
            for table, attr in LIST_ATTRIBUTES.items():
                rows = [to_row(r) for r in getattr(workbook, attr)]
                if rows:
                    self.db[table].insert_all(rows)

    # -- rolling backups -------------------------------------------------------

    def maybe_backup(self, *, at_open: bool = False) -> Path | None:
        """Add a rolling ``auto`` copy when one is due; returns it, or None.

        At open, a copy is made unless the newest ``auto`` copy already holds
        the same data, so opening a workbook ten times never rotates the good
        copies away. While open (the window calls this every few minutes), a
        copy is made at most once an hour, and only if something was written
        since the last one.
        """
        now = self.clock()
        changes = self.db.conn.total_changes
        if at_open:
            newest = next(
                (c for c in backup_mod.list_backups(self.path) if c.kind == "auto"), None
            )
            if newest is not None and backup_mod.same_content(self.db.conn, newest.path):
                self._backup_mark = (now, changes)
                return None
        else:
            last_time, last_changes = self._backup_mark
            if now - last_time < BACKUP_INTERVAL or changes == last_changes:
                return None
        dest = backup_mod.rolling_backup(self.db.conn, self.path, now)
        self._backup_mark = (now, changes)
        return dest

    def backup(self, dest: Path) -> Path:
        return backup_mod.copy_connection(self.db.conn, dest)


# table -> {referencing table -> [columns]}, for clearing links on delete.
_REFERENCES: dict[str, dict[str, list[str]]] = {
    "promise": {
        "indicator": ["promise_id"],
        "procedure": ["promise_id"],
        "feedback": ["promise_id"],
    },
    "objective": {"indicator": ["objective_id"]},
    "indicator": {"measurement": ["indicator_id"]},
    "review": {"improvement_action": ["review_id"]},
}
