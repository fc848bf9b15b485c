"""Rolling backups, copies before migration and before restore, and restoring.

A restore must never cost the person a good copy: only ``auto`` copies rotate,
and restoring (once, twice, the wrong one) deletes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from smallbiz_codes.domain.records import Feedback, Promise
from smallbiz_codes.store import backup
from smallbiz_codes.store.errors import DamagedWorkbook, WorkbookInUse
from smallbiz_codes.store.workbook import WorkbookFile

ROOT = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2031, 3, 1, 9, 0, 0)  # later than any real copy made in a test


class FakeClock:
    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _kinds(path: Path) -> list[str]:
    return [c.kind for c in backup.list_backups(path)]


def test_open_makes_one_copy_and_reopening_unchanged_makes_none(cjk_dir: Path) -> None:
    path = cjk_dir / "麦香坊.sbcodes"
    WorkbookFile.create(path).close()
    assert _kinds(path) == ["auto"]
    for _ in range(KEEP_TWICE):
        WorkbookFile.open(path).close()
    # Opening without changing anything never rotates the good copies away.
    assert _kinds(path) == ["auto"]
    with WorkbookFile.open(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    WorkbookFile.open(path).close()
    assert _kinds(path) == ["auto", "auto"]


KEEP_TWICE = 2 * backup.KEEP_AUTO


def test_hourly_copy_only_after_an_hour_and_a_change(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    clock = FakeClock()
    wf = WorkbookFile.create(path, clock=clock)
    assert [c.taken_at for c in backup.list_backups(path)] == [T0]
    wf.add(Promise(wording="当天现烤"))
    clock.advance(minutes=59)
    assert wf.maybe_backup() is None  # changed, but not an hour yet
    clock.advance(minutes=2)
    made = wf.maybe_backup()
    assert made is not None and made.exists()
    clock.advance(hours=3)
    assert wf.maybe_backup() is None  # hours later, but nothing written since
    wf.set_field(Promise, 1, "remedy", "换一个新的")
    assert wf.maybe_backup() is not None  # the first change after a quiet spell
    wf.set_field(Promise, 1, "remedy", "退款")
    clock.advance(minutes=59)
    assert wf.maybe_backup() is None
    clock.advance(minutes=1)
    assert wf.maybe_backup() is not None
    wf.close()
    # The restore dialog shows each copy's time: the time it was taken.
    assert [c.taken_at for c in backup.list_backups(path)] == [
        T0 + dt.timedelta(minutes=61 + 180 + 60),
        T0 + dt.timedelta(minutes=61 + 180),
        T0 + dt.timedelta(minutes=61),
        T0,
    ]


def test_rotation_keeps_auto_copies_and_never_deletes_the_others(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    WorkbookFile.create(path).close()
    migration_copy = backup.copy_before_migration(path)
    kept_by_restore = backup.restore(backup.list_backups(path)[-1], path)
    assert kept_by_restore is not None
    clock = FakeClock()
    wf = WorkbookFile.open(path, clock=clock)
    for n in range(backup.KEEP_AUTO + 5):
        wf.add(Feedback(summary=f"顾客反映第{n}次：面包凉了"))
        clock.advance(hours=1, minutes=1)
        assert wf.maybe_backup() is not None
    wf.close()
    copies = backup.list_backups(path)
    autos = [c for c in copies if c.kind == "auto"]
    assert len(autos) == backup.KEEP_AUTO
    # The newest ones are kept, and the one-of-a-kind copies survive rotation.
    assert autos[0].taken_at == clock.now
    assert migration_copy.exists() and kept_by_restore.exists()
    assert sorted(c.kind for c in copies if c.kind != "auto") == ["before-restore", "migration"]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[1024:8192] = os.urandom(8192 - 1024)
    path.write_bytes(bytes(data))


def test_restore_a_damaged_workbook(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        with wf.transaction():
            for n in range(50):
                wf.add(Promise(wording=f"承诺{n}：坏了包换", remedy="当场换新"))
        wf.clock = FakeClock(T0)
        good = wf.maybe_backup()
    assert good is not None
    _damage(path)
    damaged = path.read_bytes()
    with pytest.raises(DamagedWorkbook):
        WorkbookFile.open(path)
    copy = backup.list_backups(path)[0]
    assert copy.path == good
    before = _files(backup.folder_for(path))
    kept = backup.restore(copy, path)
    # The damaged file is kept as it was, and no copy went away.
    assert kept is not None and kept.read_bytes() == damaged
    assert before <= _files(backup.folder_for(path))
    assert [c.path for c in backup.list_backups(path) if c.kind == "before-restore"] == [kept]
    with WorkbookFile.open(path) as wf:
        assert [p.wording for p in wf.load().promises][:2] == ["承诺0：坏了包换", "承诺1：坏了包换"]
        assert len(wf.load().promises) == 50


def test_restoring_twice_deletes_nothing(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="第一版"))
    with WorkbookFile.open(path) as wf:
        wf.set_field(Promise, 1, "wording", "第二版")
    # Copies made at each open: the empty workbook, then the first version.
    with_first, empty = backup.list_backups(path)
    folder = backup.folder_for(path)
    seen = _files(folder)
    kept_second = backup.restore(empty, path)
    kept_empty = backup.restore(with_first, path)
    assert kept_second is not None and kept_empty is not None
    assert seen <= _files(folder)
    assert _kinds(path).count("before-restore") == 2
    with WorkbookFile.open(path, backup=False) as wf:
        assert [p.wording for p in wf.load().promises] == ["第一版"]
    # The state the first restore replaced is still there to go back to.
    backup.restore(next(c for c in backup.list_backups(path) if c.path == kept_second), path)
    with WorkbookFile.open(path) as wf:
        assert [p.wording for p in wf.load().promises] == ["第二版"]
    assert seen <= _files(folder)


def test_restore_refused_while_open(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    wf = WorkbookFile.create(path)
    wf.add(Promise(wording="当天现烤"))
    folder = backup.folder_for(path)
    seen = _files(folder)
    with pytest.raises(WorkbookInUse):
        backup.restore(backup.list_backups(path)[0], path)
    assert _files(folder) == seen
    assert [p.wording for p in wf.load().promises] == ["当天现烤"]
    wf.close()


_CRASH_AFTER_COMMIT = """
import os, signal, sys
from pathlib import Path
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store.workbook import WorkbookFile
wf = WorkbookFile.open(Path(sys.argv[1]))
wf.add(Promise(wording="崩溃前已保存"))
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_restore_keeps_changes_still_in_the_wal(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    WorkbookFile.create(path).close()
    subprocess.run([sys.executable, "-c", _CRASH_AFTER_COMMIT, str(path)],
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), check=False)
    assert path.with_name(path.name + "-wal").exists()  # the saved change lives there
    empty = [c for c in backup.list_backups(path) if c.kind == "auto"][-1]
    kept = backup.restore(empty, path)
    assert kept is not None
    assert not path.with_name(path.name + "-wal").exists()
    with WorkbookFile.open(path) as wf:
        assert wf.load().promises == []
    # Restoring the kept copy brings back the change that was only in its WAL.
    backup.restore(next(c for c in backup.list_backups(path) if c.path == kept), path)
    with WorkbookFile.open(path) as wf:
        assert [p.wording for p in wf.load().promises] == ["崩溃前已保存"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_every_copy_is_private(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    backup.copy_before_migration(path)
    backup.restore(backup.list_backups(path)[-1], path)
    copies = backup.list_backups(path)
    assert {c.kind for c in copies} == {"auto", "migration", "before-restore"}
    for c in copies:
        assert stat.S_IMODE(c.path.stat().st_mode) == 0o600, c
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failing_backup_does_not_stop_the_workbook_opening(
    cjk_dir: Path, _private_data_dir: Path
) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    # The backups folder cannot be made (a file is in its way, as on a full or odd disk).
    shutil.rmtree(_private_data_dir / "backups")
    (_private_data_dir / "backups").write_text("not a folder", encoding="utf-8")
    with WorkbookFile.open(path) as wf:
        assert isinstance(wf.backup_problem, OSError)
        assert [p.wording for p in wf.load().promises] == ["当天现烤"]


def test_a_workbook_with_a_very_long_name_is_created_and_backed_up(tmp_path: Path) -> None:
    # A 245-byte name: with "-wal" near the longest a workbook can have (255 bytes).
    path = tmp_path / ("麦香坊烘焙店顾客承诺工作簿" * 6 + "123.sbcodes")
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    assert wf.backup_problem is None
    assert _kinds(path) == ["auto"]
    backup.restore(backup.list_backups(path)[0], path)
    assert _kinds(path) == ["before-restore", "auto"]
