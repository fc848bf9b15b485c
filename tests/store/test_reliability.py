"""A workbook is never left half-written, and two programs never write it at once.

These run real processes: one that holds a workbook open, and writers that
kill themselves (SIGKILL, no clean-up of any kind) in the middle of a change.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from smallbiz_codes.domain.records import Feedback, Promise
from smallbiz_codes.store.errors import WorkbookInUse
from smallbiz_codes.store.workbook import WorkbookFile

ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and POSIX modes")


def _python(code: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs,
    )


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()


def _promises(path: Path) -> list[tuple[str, str]]:
    with WorkbookFile.open(path, backup=False) as wf:
        return [(p.wording, p.remedy) for p in wf.load().promises]


def test_wal_and_foreign_keys_are_on(cjk_dir: Path) -> None:
    with WorkbookFile.create(cjk_dir / "店.sbcodes") as wf:
        assert wf.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert wf.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert wf.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        with pytest.raises(sqlite3.IntegrityError):
            wf.add(Feedback(summary="投诉", promise_id=999))
        assert wf.load().feedback == []  # the failed change left nothing


def test_a_group_of_changes_is_all_or_nothing(cjk_dir: Path) -> None:
    with WorkbookFile.create(cjk_dir / "店.sbcodes") as wf:
        wf.add(Promise(wording="当天现烤"))
        with pytest.raises(RuntimeError), wf.transaction():
            wf.add(Promise(wording="第二条"))
            wf.set_field(Promise, 1, "wording", "改过的")
            raise RuntimeError("the person pressed Cancel")
        assert [p.wording for p in wf.load().promises] == ["当天现烤"]


_HOLDER = """
import sys
from pathlib import Path
from smallbiz_codes.store.workbook import WorkbookFile
wf = WorkbookFile.open(Path(sys.argv[1]))
print("holding", flush=True)
sys.stdin.readline()
wf.close()
print("closed", flush=True)
"""

_TRY_OPEN = """
import sys
from pathlib import Path
from smallbiz_codes.store.errors import WorkbookInUse
from smallbiz_codes.store.workbook import WorkbookFile
try:
    WorkbookFile.open(Path(sys.argv[1])).close()
except WorkbookInUse as exc:
    print("in use:", exc.message("en"))
    sys.exit(7)
print("opened")
"""


def test_second_program_is_told_the_workbook_is_in_use(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    holder = _python(_HOLDER, str(path))
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        with pytest.raises(WorkbookInUse) as info:
            WorkbookFile.open(path)
        assert "already open" in info.value.message("en")
        assert "已经在另一个窗口或程序里打开" in info.value.message("zh")
        # A third program is told the same.
        third = subprocess.run([sys.executable, "-c", _TRY_OPEN, str(path)],
                               env=dict(os.environ, PYTHONPATH=str(ROOT)),
                               capture_output=True, text=True)
        assert third.returncode == 7, third.stderr
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait()
    assert holder.returncode == 0, holder.stderr.read() if holder.stderr else ""
    # Once the first program has closed it, it opens, and nothing was lost.
    assert _promises(path) == [("当天现烤", "")]


@POSIX_ONLY
def test_a_crashed_program_does_not_keep_the_workbook_locked(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    WorkbookFile.create(path).close()
    holder = _python(_HOLDER, str(path))
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    WorkbookFile.open(path).close()


_KILLED_MID_TRANSACTION = """
import os, signal, sys
from pathlib import Path
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store.workbook import WorkbookFile
wf = WorkbookFile.open(Path(sys.argv[1]))
# A tiny page cache makes SQLite spill uncommitted pages into the WAL
# mid-transaction, as a big change on a busy machine would.
wf.db.execute("PRAGMA cache_size = 10")
with wf.transaction():
    for n in range(3000):
        wf.add(Promise(wording=f"半途的承诺 {n}" * 20))
    wf.set_field(Promise, 1, "wording", "不该留下")
    os.kill(os.getpid(), signal.SIGKILL)
"""

_KILLED_BETWEEN_SAVES = """
import os, signal, sys
from pathlib import Path
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store.workbook import WorkbookFile
wf = WorkbookFile.open(Path(sys.argv[1]))
wf.set_field(Promise, 1, "wording", "第一次保存")
os.kill(os.getpid(), signal.SIGKILL)
wf.set_field(Promise, 1, "remedy", "第二次保存")
"""


def _run_until_killed(code: str, path: Path) -> None:
    child = _python(code, str(path))
    child.wait()
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""


@POSIX_ONLY
def test_killed_mid_transaction_leaves_the_previous_state(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤", remedy="换新"))
    before = _promises(path)
    _run_until_killed(_KILLED_MID_TRANSACTION, path)
    # The uncommitted rows did reach the disk (in the WAL), and still do not count.
    assert path.with_name(path.name + "-wal").stat().st_size > 100_000
    assert _quick_check(path) == "ok"
    assert _promises(path) == before
    assert _quick_check(path) == "ok"


@POSIX_ONLY
def test_killed_between_two_saves_keeps_the_first(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤", remedy="换新"))
    _run_until_killed(_KILLED_BETWEEN_SAVES, path)
    assert path.with_name(path.name + "-wal").exists()  # the save lives in the WAL
    assert _quick_check(path) == "ok"
    assert _promises(path) == [("第一次保存", "换新")]


@POSIX_ONLY
def test_workbook_and_its_journal_are_private(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    old = os.umask(0o022)
    try:
        with WorkbookFile.create(path) as wf:
            wf.add(Promise(wording="当天现烤"))
            for side in ("-wal", "-shm"):
                sidecar = path.with_name(path.name + side)
                assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600, side
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(old)
