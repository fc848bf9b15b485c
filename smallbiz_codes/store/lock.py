"""Tell a second program that a workbook is already open.

SQLite alone keeps the file consistent, but two windows typing into the same
workbook would overwrite each other's fields. A lock on a sidecar file is held
while the workbook is open; the operating system drops it when the process
ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from smallbiz_codes.store.paths import data_dir

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt
else:
    import fcntl


class FileLock:
    def __init__(self, workbook: Path) -> None:
        # The lock lives in the per-user folder, not beside the workbook, so the
        # owner's Documents folder stays clean. It is never deleted: deleting a
        # lock file another process has open would let a third one lock anew.
        # normcase: on Windows "Shop.sbcodes" and "shop.sbcodes" are one file.
        name = os.path.normcase(str(workbook.resolve()))
        key = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        folder = data_dir() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{key}.lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True if we now hold the lock; False if another process holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "nt":  # pragma: no cover
                # msvcrt locks bytes from the current position: always byte 0.
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if os.name == "nt":  # pragma: no cover
                # Unlock explicitly: Windows frees a lock left on a closed file
                # only "when resources allow", which would refuse a reopen.
                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        except OSError:  # pragma: no cover - closing the file drops it anyway
            pass
        finally:
            os.close(self._fd)
            self._fd = None
