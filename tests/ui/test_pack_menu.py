"""File > Import code pack: adopt a pack, then take only the ticked upstream changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from smallbiz_codes.cli import new_workbook
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store.packs import export_pack
from smallbiz_codes.store.workbook import WorkbookFile
from smallbiz_codes.ui import pack_dialogs


def test_import_pack_then_update_keeps_unticked(window, monkeypatch, cjk_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    assoc = cjk_dir / "协会.sbcodes"
    pack = cjk_dir / "协会规范.json"
    with new_workbook(assoc, "bakery", "zh") as wf:
        export_pack(wf, pack, "bakery-assoc", "烘焙协会", "1")
    member = cjk_dir / "会员.sbcodes"
    new_workbook(member, None, "zh").close()  # the member writes in Chinese, like the pack
    window.open_path(member)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack), ""))
    window.import_pack()
    promises = window.session.wf.all(Promise)
    assert len(promises) == 5 and not any(p.tailored for p in promises)
    assert "Adopted 5 promises" in window.statusBar().currentMessage()

    # The association rewords two promises; the member ticks only the first change.
    with WorkbookFile.open(assoc) as wf:
        ps = wf.all(Promise)
        wf.set_field(Promise, ps[0].id, "wording", "面包当天烤，闭店全部下架。")
        wf.set_field(Promise, ps[1].id, "wording", "蛋糕按约定时间备好，晚 10 分钟减免 20%。")
        export_pack(wf, pack, "bakery-assoc", "烘焙协会", "2")

    def tick_first(dialog: QDialog) -> int:
        dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pack_dialogs.ChangesDialog, "exec", tick_first)
    window.import_pack()
    wordings = [p.wording for p in window.session.wf.all(Promise)]
    assert "面包当天烤，闭店全部下架。" in wordings
    assert "蛋糕按约定时间备好，晚 10 分钟减免 20%。" not in wordings
    assert "Took 1 changes" in window.statusBar().currentMessage()
