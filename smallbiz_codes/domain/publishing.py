"""Publishing a code freezes a numbered version (ISO 10001 Annex H: effective date and version).

A published version is kept as a snapshot: canonical JSON of the code, its
promises and their indicators, so a printed notice that names "version 2,
fingerprint 3fa1c0de" can be shown later to be exactly what was approved. The
snapshot leaves out what only the program uses (the page last open, the
route, the status), so moving around the wizard never changes it.

Pure functions: the store writes the Approval, the wizard shows the diff.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from smallbiz_codes.domain.fields import as_dict
from smallbiz_codes.domain.workbook import Workbook

# Code fields that are the program's bookkeeping, not part of what was approved.
_NOT_SNAPSHOT = ("current_step", "status", "route")
# Promise fields a customer reads: a change in any of them is a change of the promise.
_PROMISE_TEXTS = (
    "wording",
    "wording_alt",
    "conditions",
    "conditions_alt",
    "remedy",
    "remedy_alt",
    "covers",
)
Pair = tuple[dict[str, Any], dict[str, Any]]  # (promise before, promise after)


def snapshot_data(wb: Workbook) -> dict[str, Any]:
    """The code, its promises (in order) and their indicators as plain values."""
    code = {k: v for k, v in as_dict(wb.code).items() if k not in _NOT_SNAPSHOT}
    return {
        "code": code,
        "promises": [as_dict(p) for p in wb.promises],
        "indicators": [as_dict(i) for i in wb.indicators],
    }


def make_snapshot(wb: Workbook) -> str:
    """Canonical JSON: the same workbook always gives the same text, byte for byte."""
    return json.dumps(snapshot_data(wb), sort_keys=True, ensure_ascii=False)


def fingerprint(snapshot: str) -> str:
    """First 8 hex digits of the snapshot's SHA-256: short enough to print on a notice."""
    return hashlib.sha256(snapshot.encode("utf-8")).hexdigest()[:8]


@dataclass
class SnapshotDiff:
    """What changed between two versions, in terms an owner recognises."""

    added: list[dict[str, Any]] = field(default_factory=list)  # promises new in the later version
    removed: list[dict[str, Any]] = field(default_factory=list)
    reworded: list[Pair] = field(default_factory=list)  # the wording itself changed
    provisions: list[Pair] = field(default_factory=list)  # conditions, remedy, owner... changed
    moved: bool = False  # same promises, another order
    code_fields: list[str] = field(default_factory=list)  # code fields whose text changed
    indicators_changed: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.reworded
            or self.provisions
            or self.moved
            or self.code_fields
            or self.indicators_changed
        )


def _load(snapshot: str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(snapshot, dict):
        return snapshot
    try:
        data = json.loads(snapshot or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def diff_snapshots(old: str | dict[str, Any], new: str | dict[str, Any]) -> SnapshotDiff:
    """Compare two snapshots; promises are matched by their record id."""
    a, b = _load(old), _load(new)
    out = SnapshotDiff()
    old_p = {p.get("id"): p for p in a.get("promises", [])}
    new_p = {p.get("id"): p for p in b.get("promises", [])}
    out.added = [p for pid, p in new_p.items() if pid not in old_p]
    out.removed = [p for pid, p in old_p.items() if pid not in new_p]
    for pid, p in new_p.items():
        before = old_p.get(pid)
        if before is None:
            continue
        if any(before.get(k) != p.get(k) for k in ("wording", "wording_alt")):
            out.reworded.append((before, p))
        elif any(before.get(k) != p.get(k) for k in _PROMISE_TEXTS + ("owner", "category")):
            out.provisions.append((before, p))
    kept_old = [pid for pid in old_p if pid in new_p]
    kept_new = [pid for pid in new_p if pid in old_p]
    out.moved = kept_old != kept_new
    old_code, new_code = a.get("code", {}), b.get("code", {})
    out.code_fields = sorted(
        k
        for k in set(old_code) | set(new_code)
        if k not in ("version", "id") and old_code.get(k) != new_code.get(k)
    )
    out.indicators_changed = a.get("indicators", []) != b.get("indicators", [])
    return out
