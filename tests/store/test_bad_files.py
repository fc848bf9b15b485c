"""A file that is not a workbook is reported in plain words and left byte-for-byte untouched.

One case per kind of file a person might pick by mistake. Each checks the
sentence in both languages, that the file's bytes are unchanged, and that no
file appeared beside it (SQLite's ``-wal``/``-shm`` sidecars included).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store.errors import (
    DamagedWorkbook,
    NotAWorkbook,
    WorkbookError,
    WorkbookMissing,
    WorkbookReadOnly,
    WorkbookUnreadable,
)
from smallbiz_codes.store.workbook import WorkbookFile

ROOT = Path(__file__).resolve().parents[2]


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its content."""
    out = {}
    for p in sorted(folder.rglob("*")):
        out[str(p.relative_to(folder))] = (
            "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
        )
    return out


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(800))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "说明.txt").write_text("不是工作簿", encoding="utf-8")


def _other_program(path: Path) -> None:
    # Another program's database, in WAL mode like ours, holding data.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.executemany("INSERT INTO contacts VALUES (?, ?)", [("王芳", "138")] * 200)
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    # A real workbook with data, cut short as an interrupted copy leaves it.
    source = path.with_name("完整.sbcodes")
    with WorkbookFile.create(source) as wf:
        with wf.transaction():
            for n in range(300):
                wf.add(Promise(wording=f"第{n}条承诺：当天现烤，不卖隔夜面包。" * 5))
    data = source.read_bytes()
    source.unlink()
    path.write_bytes(data[: len(data) // 2])


def _sqlite_header_only(path: Path) -> None:
    # The first 60 bytes of a workbook: it starts like SQLite, then stops.
    source = path.with_name("完整.sbcodes")
    WorkbookFile.create(source).close()
    data = source.read_bytes()
    source.unlink()
    path.write_bytes(data[:60])


NOT_OURS = ("is not a smallbiz-codes workbook", "不是本程序的工作簿")
CASES: dict[str, tuple[Callable[[Path], None], type[WorkbookError], str, str]] = {
    # kind: (make it, error, words in English, words in Chinese)
    "random bytes": (_random, NotAWorkbook, *NOT_OURS),
    "png renamed": (_png, NotAWorkbook, *NOT_OURS),
    "empty file": (_empty, NotAWorkbook, *NOT_OURS),
    "a folder": (_folder, NotAWorkbook, *NOT_OURS),
    "other program's sqlite": (_other_program, NotAWorkbook, *NOT_OURS),
    "truncated workbook": (_truncated, DamagedWorkbook, "may be damaged", "可能已损坏"),
    "header cut short": (_sqlite_header_only, DamagedWorkbook, "may be damaged", "可能已损坏"),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_bad_file_is_reported_and_untouched(kind: str, cjk_dir: Path) -> None:
    make, error, english, chinese = CASES[kind]
    path = cjk_dir / "我的工作簿.sbcodes"
    make(path)
    before = _snapshot(cjk_dir)
    with pytest.raises(error) as info:
        WorkbookFile.open(path)
    assert _snapshot(cjk_dir) == before
    en, zh = info.value.message("en"), info.value.message("zh")
    assert english in en and str(path) in en
    assert chinese in zh and str(path) in zh
    assert "left exactly as it was" in en and "没有改动" in zh


def test_missing_file_is_named(cjk_dir: Path) -> None:
    path = cjk_dir / "不存在.sbcodes"
    with pytest.raises(WorkbookMissing) as info:
        WorkbookFile.open(path)
    assert "找不到" in info.value.message("zh") and "does not exist" in info.value.message("en")
    assert list(cjk_dir.iterdir()) == []


_UNREADABLE_CHILD = """
import os, sys
from pathlib import Path
from smallbiz_codes.store.errors import WorkbookUnreadable
from smallbiz_codes.store.workbook import WorkbookFile
try:
    WorkbookFile.open(Path(sys.argv[1]))
except WorkbookUnreadable as exc:
    print(exc.message("en")); print(exc.message("zh"))
    sys.exit(0)
sys.exit(1)
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_unreadable_file_is_reported_and_untouched(cjk_dir: Path) -> None:
    path = cjk_dir / "别人的.sbcodes"
    WorkbookFile.create(path).close()
    os.chmod(path, 0)
    before = _snapshot_as_root_or_self(cjk_dir)
    if os.geteuid() != 0:
        with pytest.raises(WorkbookUnreadable) as info:
            WorkbookFile.open(path)
        en, zh = info.value.message("en"), info.value.message("zh")
    else:
        # root reads everything: open it from a root without that power.
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv to drop CAP_DAC_OVERRIDE")
        run = subprocess.run(
            ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
             sys.executable, "-c", _UNREADABLE_CHILD, str(path)],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        en, zh = run.stdout.splitlines()[:2]
    assert "you do not have permission" in en and str(path) in en
    assert "没有权限" in zh and str(path) in zh
    assert _snapshot_as_root_or_self(cjk_dir) == before


def _snapshot_as_root_or_self(folder: Path) -> dict[str, str]:
    """Like _snapshot, reading a mode-0 file by lending it read permission briefly."""
    out = {}
    for p in sorted(folder.iterdir()):
        mode = p.stat().st_mode
        os.chmod(p, 0o600)
        out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
        os.chmod(p, mode & 0o7777)
    return out


_READ_ONLY_CHILD = """
import sys
from pathlib import Path
from smallbiz_codes.store.errors import WorkbookReadOnly
from smallbiz_codes.store.workbook import WorkbookFile
try:
    WorkbookFile.open(Path(sys.argv[1]))
except WorkbookReadOnly as exc:
    print(exc.message("en")); print(exc.message("zh"))
    sys.exit(0)
sys.exit(1)
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.parametrize("protect", ["file", "folder"])
def test_write_protected_workbook_is_reported_and_untouched(protect: str, cjk_dir: Path) -> None:
    path = cjk_dir / "光盘上的.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    os.chmod(path if protect == "file" else cjk_dir, 0o444 if protect == "file" else 0o555)
    try:
        before = _snapshot(cjk_dir)
        if os.geteuid() != 0:
            with pytest.raises(WorkbookReadOnly) as info:
                WorkbookFile.open(path)
            en, zh = info.value.message("en"), info.value.message("zh")
        else:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv to drop CAP_DAC_OVERRIDE")
            run = subprocess.run(
                ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                 sys.executable, "-c", _READ_ONLY_CHILD, str(path)],
                env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
            )
            assert run.returncode == 0, run.stdout + run.stderr
            en, zh = run.stdout.splitlines()[:2]
        assert "write-protected" in en and str(path) in en
        assert "写保护" in zh and str(path) in zh
        assert _snapshot(cjk_dir) == before
    finally:
        os.chmod(cjk_dir, 0o755)
        os.chmod(path, 0o600)
