"""Backups of workbooks with SQLite's backup API, kept in the per-user data folder.

Three kinds of copy, told apart by the end of their name:
``auto`` (a rolling set, made when a workbook is opened and at most once an hour
while it is open; only these are ever rotated away), ``migration`` (made before a
schema upgrade) and ``before-restore`` (the state replaced by a restore). A
restore never deletes a copy: AnkiDroid's users lost their last good copy to a
restore that rotated it away.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from smallbiz_codes import WORKBOOK_SUFFIX
from smallbiz_codes.store.errors import WorkbookInUse
from smallbiz_codes.store.lock import FileLock
from smallbiz_codes.store.paths import backups_dir

KEEP_AUTO = 10
KINDS = ("auto", "migration", "before-restore")


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    taken_at: dt.datetime
    kind: str


def folder_for(workbook: Path) -> Path:
    """The backup folder of one workbook, named after it and its location."""
    key = hashlib.sha256(
        os.path.normcase(str(workbook.resolve())).encode("utf-8", "surrogatepass")
    ).hexdigest()[:8]
    folder = backups_dir() / f"{workbook.stem}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _private(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:  # pragma: no cover - e.g. a FAT memory stick
        pass


def copy_connection(conn: sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of an open database (SQLite backup API), owner-readable only."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    os.replace(tmp, dest)
    _private(dest)
    return dest


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")


def _name(workbook: Path, kind: str, now: dt.datetime | None = None) -> str:
    return f"{_stamp(now)}-{kind}{WORKBOOK_SUFFIX}"


def copy_before_migration(workbook: Path) -> Path:
    """Copy an older workbook aside before it is upgraded (read-only on the source)."""
    dest = folder_for(workbook) / _name(workbook, "migration")
    uri = workbook.resolve().as_uri() + "?mode=ro"
    src = sqlite3.connect(uri, uri=True)
    try:
        return copy_connection(src, dest)
    finally:
        src.close()


def rolling_backup(
    conn: sqlite3.Connection, workbook: Path, now: dt.datetime | None = None
) -> Path:
    """Add an ``auto`` copy and drop the oldest ``auto`` copies beyond ``KEEP_AUTO``."""
    dest = copy_connection(conn, folder_for(workbook) / _name(workbook, "auto", now))
    autos = [c for c in list_backups(workbook) if c.kind == "auto"]
    for old in autos[KEEP_AUTO:]:
        old.path.unlink(missing_ok=True)
    return dest


def _fingerprint(conn: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for line in conn.iterdump():
        digest.update(line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def same_content(conn: sqlite3.Connection, copy: Path) -> bool:
    """True if the copy at ``copy`` holds exactly the data of ``conn``'s database."""
    try:
        other = sqlite3.connect(copy.resolve().as_uri() + "?immutable=1", uri=True)
        try:
            return _fingerprint(other) == _fingerprint(conn)
        finally:
            other.close()
    except sqlite3.DatabaseError:
        return False


def list_backups(workbook: Path) -> list[BackupCopy]:
    """Every copy of one workbook, newest first."""
    out: list[BackupCopy] = []
    for path in folder_for(workbook).glob(f"*{WORKBOOK_SUFFIX}"):
        stem = path.name[: -len(WORKBOOK_SUFFIX)]
        parts = stem.split("-", 3)
        if len(parts) != 4 or parts[3] not in KINDS:
            continue
        try:
            taken = dt.datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        out.append(BackupCopy(path, taken, parts[3]))
    return sorted(out, key=lambda c: c.taken_at, reverse=True)


def restore(copy: BackupCopy, workbook: Path) -> Path | None:
    """Put ``copy`` in place of ``workbook``; the replaced file is kept as a copy first.

    The workbook must be closed: while any copy of the program has it open,
    :class:`WorkbookInUse` is raised and nothing changes. Returns the
    ``before-restore`` copy, if there was a file to keep. Nothing is rotated
    away, so restoring twice (or restoring the wrong copy) loses nothing.
    """
    lock = FileLock(workbook)
    if not lock.acquire():
        raise WorkbookInUse(workbook)
    try:
        return _restore(copy, workbook)
    finally:
        lock.release()


def _restore(copy: BackupCopy, workbook: Path) -> Path | None:
    kept: Path | None = None
    if workbook.exists():
        kept = folder_for(workbook) / _name(workbook, "before-restore")
        shutil.copy2(workbook, kept)  # a raw copy: the file may be damaged
        _private(kept)
        for side in ("-wal", "-shm"):
            sidecar = workbook.with_name(workbook.name + side)
            if sidecar.exists():
                shutil.copy2(sidecar, kept.with_name(kept.name + side))
                _private(kept.with_name(kept.name + side))
                sidecar.unlink()
    tmp = workbook.with_name(f".{secrets.token_hex(4)}.restoring")  # short: see create()
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    shutil.copyfile(copy.path, tmp)
    os.replace(tmp, workbook)
    # A before-restore copy may carry committed changes in its own -wal file.
    wal = copy.path.with_name(copy.path.name + "-wal")
    if wal.exists():
        tmp_wal = workbook.with_name(f".{secrets.token_hex(4)}.restoring-wal")
        tmp_wal.unlink(missing_ok=True)
        os.close(os.open(tmp_wal, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        shutil.copyfile(wal, tmp_wal)
        os.replace(tmp_wal, workbook.with_name(workbook.name + "-wal"))
    return kept
