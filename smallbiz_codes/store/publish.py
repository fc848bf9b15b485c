"""Publishing and starting the next draft, each in one transaction.

Publishing writes an Approval (the frozen snapshot) and marks the code
published together, so a crash never leaves a published code without its
snapshot or a snapshot of a code still marked draft.
"""

from __future__ import annotations

import datetime as dt

from smallbiz_codes.domain import publishing
from smallbiz_codes.domain.records import Approval
from smallbiz_codes.store.workbook import WorkbookFile, to_row


def publish(wf: WorkbookFile, today: dt.date | None = None) -> Approval:
    """Freeze the code as it is now as version ``Code.version``; returns the Approval."""
    wb = wf.load()
    code = wb.code
    snapshot = publishing.make_snapshot(wb)
    approval = Approval(
        version=code.version,
        approved_by=code.approver,
        approved_on=(today or dt.date.today()).isoformat(),
        effective_date=code.effective_date,
        snapshot=snapshot,
        fingerprint=publishing.fingerprint(snapshot),
    )
    with wf.transaction() as db:
        row = to_row(approval)
        row.pop("id", None)
        table = db["approval"]
        table.insert(row)
        approval.id = table.last_pk
        db["code"].update(code.id, {"status": "published"})
    return approval


def start_next_draft(wf: WorkbookFile) -> bool:
    """After publishing, the first change opens version N+1 as a draft. True if it did."""
    code = wf.code()
    if code.status != "published":
        return False
    with wf.transaction() as db:
        db["code"].update(code.id, {"status": "draft", "version": code.version + 1})
    return True


def is_published(wf: WorkbookFile) -> bool:
    return wf.code().status == "published"
