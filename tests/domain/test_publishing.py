"""Publishing: a canonical snapshot, its fingerprint, and what changed between versions."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from smallbiz_codes.domain import publishing
from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import Approval, Code, Promise
from smallbiz_codes.store.publish import publish, start_next_draft
from smallbiz_codes.store.workbook import WorkbookFile


def test_snapshot_is_canonical_and_keeps_chinese_readable() -> None:
    wb = load_example("bakery", "zh")
    snap = publishing.make_snapshot(wb)
    assert snap == publishing.make_snapshot(copy.deepcopy(wb))
    assert "当天烤的" in snap  # ensure_ascii=False: the frozen text is readable as it is
    data = json.loads(snap)
    assert json.dumps(data, sort_keys=True, ensure_ascii=False) == snap
    assert [p["wording"] for p in data["promises"]] == [p.wording for p in wb.promises]
    assert len(data["indicators"]) == len(wb.indicators)


def test_moving_around_the_wizard_does_not_change_the_snapshot() -> None:
    wb = load_example("bakery", "en")
    before = publishing.make_snapshot(wb)
    wb.code.current_step = "promises"
    wb.code.route = "short"
    assert publishing.make_snapshot(wb) == before
    wb.promises[0].remedy += " And a coffee."
    assert publishing.make_snapshot(wb) != before


def test_fingerprint_is_eight_hex_digits_of_sha256() -> None:
    fp = publishing.fingerprint("{}")
    assert fp == "44136fa3"  # sha256("{}") starts 44136fa355b3678a...
    assert publishing.fingerprint("{} ") != fp


def test_diff_lists_added_removed_and_reworded_promises() -> None:
    wb = load_example("bakery", "en")
    old = publishing.make_snapshot(wb)
    gone = wb.promises.pop(1)
    wb.promises[0].wording = "Everything on our shelves was baked this morning."
    wb.promises[1].remedy = "A free cake."
    wb.promises.append(Promise(id=99, wording="We answer every message the same day."))
    wb.code.complaints_contact = "Ask for Li"
    diff = publishing.diff_snapshots(old, publishing.make_snapshot(wb))
    assert [p["wording"] for p in diff.added] == ["We answer every message the same day."]
    assert [p["id"] for p in diff.removed] == [gone.id]
    assert [(a["id"], b["wording"]) for a, b in diff.reworded] == [
        (wb.promises[0].id, "Everything on our shelves was baked this morning.")
    ]
    assert [b["remedy"] for _a, b in diff.provisions] == ["A free cake."]
    assert diff.code_fields == ["complaints_contact"]
    assert not diff.empty


def test_no_change_is_an_empty_diff() -> None:
    wb = load_example("bakery", "zh")
    snap = publishing.make_snapshot(wb)
    assert publishing.diff_snapshots(snap, snap).empty
    assert not publishing.diff_snapshots("", snap).empty  # everything is new after nothing


def test_publish_freezes_a_version_in_the_store_and_next_edit_starts_a_draft(cjk_dir: Path) -> None:
    wb = load_example("bakery", "zh")
    path = cjk_dir / "面包店.sbcodes"
    with WorkbookFile.create(path, wb.organization, wb.code) as wf:
        wf.replace_all(wb)
        import datetime as dt

        approval = publish(wf, dt.date(2026, 11, 25))
        assert start_next_draft(wf) is True
        assert start_next_draft(wf) is False  # once only
    with WorkbookFile.open(path) as wf:
        stored = wf.all(Approval)
        code = wf.get(Code, 1)
    assert len(stored) == 1 and stored[0].id == approval.id
    assert stored[0].version == 1 and stored[0].approved_on == "2026-11-25"
    assert stored[0].approved_by == "店主 陈建华"
    assert stored[0].effective_date == "2026-12-01"
    assert stored[0].fingerprint == publishing.fingerprint(stored[0].snapshot)
    assert json.loads(stored[0].snapshot)["code"]["version"] == 1
    assert (code.version, code.status) == (2, "draft")
