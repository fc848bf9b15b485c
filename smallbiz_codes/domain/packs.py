"""Code packs (ISO 10001 Annex G): what changed upstream since a member adopted a pack.

An association or franchisor writes one code and hands it to its members as a
pack file. A member adopts its promises, tailors them, and keeps a link to
where each came from: ``Promise.origin = "pack:<pack id>/<upstream key>"`` and
``Promise.origin_wording`` = the association's wording when it was adopted.

When a newer pack arrives, :func:`diff` lists what changed upstream — promises
added, removed or reworded — so the member can choose, promise by promise,
what to take. Nothing here writes; ``store/packs.py`` applies the chosen
changes. The member's own wording is never compared away: a change says
whether the member edited the promise, so the screen can warn before their
words are replaced.

Pure: standard library and domain records only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from smallbiz_codes.domain.records import Indicator, Procedure, Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, tr

ADDED = "added"
REMOVED = "removed"
REWORDED = "reworded"

# A pack id goes into every adopted promise's origin, so it must not contain "/".
PACK_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

_SUMMARY = {
    ADDED: N_("{association} added a promise: {wording}"),
    REMOVED: N_("{association} removed a promise you adopted: {wording}"),
    REWORDED: N_("{association} reworded a promise: {wording}"),
}
EDITED_WARNING = N_(
    "You changed this promise's wording. Taking the association's new wording replaces yours."
)


def origin_for(pack_id: str, key: str) -> str:
    return f"pack:{pack_id}/{key}"


def parse_origin(origin: str) -> tuple[str, str] | None:
    """``("<pack id>", "<key>")`` for a promise adopted from a pack, else None."""
    if not origin.startswith("pack:") or "/" not in origin:
        return None
    pack_id, key = origin[len("pack:") :].split("/", 1)
    return (pack_id, key) if pack_id and key else None


def upstream_key(promise: Promise) -> str:
    """The key that names an association's promise across pack versions: its id there."""
    return str(promise.id)


@dataclass
class UpstreamPromise:
    """One promise of a pack, in the member's language, with what makes it work."""

    promise: Promise
    indicators: list[Indicator] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)


@dataclass
class PackChange:
    """One change upstream that the member may take or leave."""

    kind: str  # ADDED, REMOVED or REWORDED
    pack_id: str
    association: str
    key: str  # the association's key of the promise
    upstream_old: str = ""  # the wording the member adopted ("" for added)
    upstream_new: str = ""  # the association's wording now ("" for removed)
    member_promise_id: int | None = None  # the member's promise (None for added)
    member_wording: str = ""  # the member's wording today
    member_edited: bool = False  # the member's wording is no longer what they adopted
    member_tailored: bool = False  # the member edited or confirmed the promise
    upstream: UpstreamPromise | None = None  # what to adopt (added and reworded)

    @property
    def origin(self) -> str:
        return origin_for(self.pack_id, self.key)

    def summary(self, lang: str) -> str:
        wording = (
            self.upstream_new
            if self.kind != REMOVED
            else (self.member_wording or self.upstream_old)
        )
        return tr(lang, _SUMMARY[self.kind]).format(association=self.association, wording=wording)

    def warning(self, lang: str) -> str:
        """What the member loses by taking this change ("" when nothing of theirs is lost)."""
        return tr(lang, EDITED_WARNING) if self.kind == REWORDED and self.member_edited else ""


def in_language(promise: Promise, swap: bool) -> Promise:
    """The promise with its two languages swapped when the member writes in the other one."""
    if not swap:
        return promise
    p = Promise(**promise.__dict__)
    for main, alt in (
        ("wording", "wording_alt"),
        ("conditions", "conditions_alt"),
        ("remedy", "remedy_alt"),
    ):
        if getattr(p, alt).strip():
            first, second = getattr(p, main), getattr(p, alt)
            setattr(p, main, second)
            setattr(p, alt, first)
    return p


def upstream_promises(pack: Workbook, swap: bool = False) -> list[UpstreamPromise]:
    """The pack's promises with their indicators and procedures, in pack order."""
    return [
        UpstreamPromise(in_language(p, swap), pack.indicators_for(p), pack.procedures_for(p))
        for p in pack.promises
    ]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def diff(
    member: list[Promise],
    pack_id: str,
    association: str,
    upstream: list[UpstreamPromise],
) -> list[PackChange]:
    """What changed in the pack since the member adopted it: added, removed, reworded.

    A promise of the pack the member does not have (never adopted, or deleted on
    purpose) is offered as added; declining it is always an answer.
    """
    adopted: dict[str, Promise] = {}
    for p in member:
        parsed = parse_origin(p.origin)
        if parsed and parsed[0] == pack_id:
            adopted.setdefault(parsed[1], p)
    changes: list[PackChange] = []
    upstream_keys = set()
    for up in upstream:
        key = upstream_key(up.promise)
        upstream_keys.add(key)
        mine = adopted.get(key)
        if mine is None:
            changes.append(
                PackChange(
                    ADDED, pack_id, association, key, upstream_new=up.promise.wording, upstream=up
                )
            )
        elif not _same(mine.origin_wording, up.promise.wording):
            changes.append(
                PackChange(
                    REWORDED,
                    pack_id,
                    association,
                    key,
                    upstream_old=mine.origin_wording,
                    upstream_new=up.promise.wording,
                    member_promise_id=mine.id,
                    member_wording=mine.wording,
                    member_edited=not _same(mine.wording, mine.origin_wording),
                    member_tailored=mine.tailored,
                    upstream=up,
                )
            )
    for key, mine in adopted.items():
        if key not in upstream_keys:
            changes.append(
                PackChange(
                    REMOVED,
                    pack_id,
                    association,
                    key,
                    upstream_old=mine.origin_wording,
                    member_promise_id=mine.id,
                    member_wording=mine.wording,
                    member_edited=not _same(mine.wording, mine.origin_wording),
                    member_tailored=mine.tailored,
                )
            )
    return changes
