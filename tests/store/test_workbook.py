from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from smallbiz_codes.domain.records import Organization, Promise
from smallbiz_codes.store.errors import NotAWorkbook, WorkbookInUse
from smallbiz_codes.store.workbook import WorkbookFile


def test_create_write_reopen(cjk_dir: Path) -> None:
    path = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(path, Organization(id=1, name="麦香坊 <&> 😀")) as wf:
        p = wf.add(Promise(wording="当天现烤 & fresh <b>"))
        wf.set_field(Promise, p.id, "remedy", "换新")
    with WorkbookFile.open(path) as wf:
        wb = wf.load()
    assert wb.organization.name == "麦香坊 <&> 😀"
    assert [(p.wording, p.remedy, p.position) for p in wb.promises] == [
        ("当天现烤 & fresh <b>", "换新", 1)
    ]


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_workbook_is_private(tmp_path: Path) -> None:
    path = tmp_path / "a.sbcodes"
    WorkbookFile.create(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_second_opener_is_told(tmp_path: Path) -> None:
    path = tmp_path / "a.sbcodes"
    first = WorkbookFile.create(path)
    with pytest.raises(WorkbookInUse):
        WorkbookFile.open(path)
    first.close()
    WorkbookFile.open(path).close()


def test_png_renamed_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photo.sbcodes"
    data = b"\x89PNG\r\n\x1a\n" + os.urandom(500)
    path.write_bytes(data)
    with pytest.raises(NotAWorkbook) as info:
        WorkbookFile.open(path)
    assert "photo.sbcodes" in str(info.value)
    assert path.read_bytes() == data
