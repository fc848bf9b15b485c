"""Code pack files (ISO 10001 Annex G): export, adopt, and follow upstream changes.

An association or franchisor exports its code as a pack: an exchange file of
kind ``code-pack`` holding the code, promises, indicators, procedures,
objectives, communication items and resources, and none of its business data
(no organization record, no feedback, no measurements, no contact, no
approvals). The ``pack`` header names it: ``id`` (stable across versions; it
becomes part of every adopted promise's origin), ``association``,
``version``, ``issued`` and ``language``.

A member imports the pack into their own workbook (:func:`import_pack`): each
promise arrives untailored with ``origin = "pack:<id>/<key>"``. When a newer
pack comes, :func:`update_from_pack` lists what changed upstream and
:func:`apply_changes` applies only the changes the member chose, in one
transaction. A promise the member reworded is replaced only when that change
is chosen; nothing is overwritten silently.

Pack files are validated exactly like every exchange file
(``store/exchange.py``), plus their header; a bad file is rejected before
anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from smallbiz_codes.domain import packs as domain
from smallbiz_codes.domain.packs import ADDED, REMOVED, REWORDED, PackChange
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, current_language, tr
from smallbiz_codes.store import exchange
from smallbiz_codes.store.adopt import add_adopted
from smallbiz_codes.store.errors import ExchangeError, WorkbookError
from smallbiz_codes.store.workbook import WorkbookFile

KIND = "code-pack"
# Code fields a member's own code takes from the pack when they are still empty.
_CODE_FIELDS_TO_FILL = ("title", "purpose", "scope", "exclusions", "dispute_route", "monitoring")


class PackFileError(ExchangeError):
    """A pack file that cannot be used; the reason is shown in the reader's language too."""

    def message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        fields = dict(self.fields, reason=tr(lang, str(self.fields.get("reason", ""))))
        return tr(lang, self.template).format(**fields)


class PackExportError(WorkbookError):
    """A pack cannot be written as asked; ``template`` says why and what to do."""


class BadPackId(PackExportError):
    template = N_(
        '"{pack_id}" cannot be used as a pack id. Use up to 64 letters, digits, dots, '
        "dashes or underscores, for example bakery-association-code."
    )


class MissingPackDetail(PackExportError):
    template = N_("Give the association's name and the pack's version before exporting the pack.")


class NothingToPack(PackExportError):
    template = N_("The code has no promises yet, so there is nothing to put in a pack.")


@dataclass(frozen=True)
class PackInfo:
    """The pack header: who issued which code, which version, when, in which language."""

    id: str
    association: str
    version: str
    issued: str = ""
    language: str = "zh"

    def as_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "association": self.association,
            "version": self.version,
            "issued": self.issued,
            "language": self.language,
        }

    @classmethod
    def parse(cls, path: Path, info: dict[str, Any]) -> PackInfo:
        def text(name: str, required: bool = True) -> str:
            value = info.get(name, "")
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            if not isinstance(value, str) or len(value) > 500:
                raise PackFileError(path, where=f"pack.{name}", reason=N_("wrong type of value"))
            if required and not value.strip():
                raise PackFileError(path, where=f"pack.{name}", reason=N_("missing"))
            return value.strip()

        pack_id = text("id")
        if not domain.PACK_ID_PATTERN.match(pack_id):
            raise PackFileError(path, where="pack.id", reason=N_("not a valid pack id"))
        language = text("language", required=False) or "zh"
        if language not in ("zh", "en"):
            raise PackFileError(path, where="pack.language", reason=N_('must be "zh" or "en"'))
        return cls(
            pack_id, text("association"), text("version"), text("issued", required=False), language
        )


@dataclass
class PackUpdate:
    """What a newer pack would change, for the member to choose from."""

    info: PackInfo
    changes: list[PackChange]


# -- exporting (the association's side) ------------------------------------------


def pack_workbook(wb: Workbook) -> Workbook:
    """The association's code without its business data and without its own progress."""
    code = replace(
        wb.code,
        status="draft",
        version=1,
        complaints_contact="",
        complaints_contact_alt="",
        approver="",
        current_step="",
        effective_date="",
        review_date="",
    )
    return Workbook(
        code=code,
        objectives=list(wb.objectives),
        promises=[
            replace(p, tailored=True, capability_confirmed=False, origin="", origin_wording="")
            for p in wb.promises
        ],
        indicators=list(wb.indicators),
        procedures=list(wb.procedures),
        communication_items=[replace(c, done_on="", start_date="") for c in wb.communication_items],
        resources=[replace(r, approved=False) for r in wb.resources],
    )


def export_pack(
    source: WorkbookFile | Workbook,
    path: Path | str,
    pack_id: str,
    association: str,
    version: str,
    issued: str | None = None,
) -> PackInfo:
    """Write the code of ``source`` as a pack file at ``path``; returns its header."""
    path = Path(path)
    wb = source.load() if isinstance(source, WorkbookFile) else source
    if not domain.PACK_ID_PATTERN.match(pack_id or ""):
        raise BadPackId(path, pack_id=pack_id)
    if not association.strip() or not str(version).strip():
        raise MissingPackDetail(path)
    if not wb.promises:
        raise NothingToPack(path)
    info = PackInfo(
        pack_id,
        association.strip(),
        str(version).strip(),
        issued or dt.date.today().isoformat(),
        wb.organization.language if wb.organization.language in ("zh", "en") else "zh",
    )
    document = exchange.to_document(pack_workbook(wb), kind=KIND, pack=info.as_dict())
    exchange.validate(path, document)  # never hand out a pack that would be refused
    exchange.write(path, document)
    return info


# -- importing and updating (the member's side) ----------------------------------


def read_pack(path: Path | str) -> tuple[PackInfo, Workbook]:
    """Read and validate a pack file. Writes nothing; raises ExchangeError when unusable."""
    path = Path(path)
    kind, wb, header = exchange.read(path)
    if kind != KIND:
        raise PackFileError(
            path, where="kind", reason=N_("this is a whole workbook, not a code pack")
        )
    info = PackInfo.parse(path, header)
    if not wb.promises:
        raise PackFileError(path, where="records.promise", reason=N_("the pack holds no promises"))
    return info, wb


def _upstream(wf: WorkbookFile, info: PackInfo, pack: Workbook) -> list[domain.UpstreamPromise]:
    member_language = wf.organization().language or "zh"
    return domain.upstream_promises(pack, swap=member_language != info.language)


def _note_adoption(wf: WorkbookFile, info: PackInfo, pack: Workbook, fill: bool) -> None:
    code = wf.code()
    if not code.adopted_from.strip():
        code.adopted_from = info.association
    if fill:
        for name in _CODE_FIELDS_TO_FILL:
            if not getattr(code, name).strip():
                setattr(code, name, getattr(pack.code, name))
    wf.save(code)


def import_pack(wf: WorkbookFile, path: Path | str) -> list[Promise]:
    """Adopt a pack's promises into the member's workbook; returns those added.

    Promises already adopted from this pack, and the member's own promises, are
    left as they are. The pack's objectives, communication items and resources
    are added once, when the pack is first adopted. One transaction.
    """
    info, pack = read_pack(path)
    same_language = (wf.organization().language or "zh") == info.language
    have = {p.origin for p in wf.all(Promise)}
    first_time = not any((parsed := domain.parse_origin(o)) and parsed[0] == info.id for o in have)
    added: list[Promise] = []
    with wf.transaction():
        for up in _upstream(wf, info, pack):
            origin = domain.origin_for(info.id, domain.upstream_key(up.promise))
            if origin not in have:
                added.append(add_adopted(wf, up, origin))
        if first_time and same_language:
            for obj in pack.objectives:
                wf.add(replace(obj, id=None, position=0))
            for item in pack.communication_items:
                wf.add(replace(item, id=None, position=0))
            for res in pack.resources:
                wf.add(replace(res, id=None, approved=False))
        _note_adoption(wf, info, pack, fill=same_language)
    return added


def update_from_pack(wf: WorkbookFile, path: Path | str) -> PackUpdate:
    """What a newer version of a pack changes for this member. Writes nothing."""
    info, pack = read_pack(path)
    changes = domain.diff(wf.all(Promise), info.id, info.association, _upstream(wf, info, pack))
    return PackUpdate(info, changes)


def apply_changes(wf: WorkbookFile, chosen: list[PackChange]) -> int:
    """Apply exactly the changes the member chose, in one transaction; returns how many applied.

    Added: the promise is adopted (untailored). Removed: the member's promise is
    deleted (its indicators and their measurements are kept, unlinked).
    Reworded: the wording in both languages becomes the association's new
    wording, and the promise is marked untailored so the member confirms it.
    A change whose promise is gone or was already applied is skipped.
    """
    applied = 0
    with wf.transaction():
        promises = {p.id: p for p in wf.all(Promise)}
        origins = {p.origin for p in promises.values()}
        for change in chosen:
            if change.kind == ADDED and change.upstream is not None:
                if change.origin in origins:
                    continue
                add_adopted(wf, change.upstream, change.origin)
                origins.add(change.origin)
            elif change.kind in (REMOVED, REWORDED):
                mine = promises.get(change.member_promise_id or -1)
                if mine is None or mine.origin != change.origin:
                    continue
                if change.kind == REMOVED:
                    wf.delete(Promise, mine.id)  # type: ignore[arg-type]
                    del promises[mine.id]  # type: ignore[arg-type]
                else:
                    if change.upstream is None:
                        continue
                    new = change.upstream.promise
                    mine.wording = new.wording
                    mine.wording_alt = new.wording_alt
                    mine.origin_wording = new.wording
                    mine.tailored = False
                    wf.save(mine)
            else:
                continue
            applied += 1
    return applied


__all__ = [
    "ADDED",
    "REMOVED",
    "REWORDED",
    "BadPackId",
    "MissingPackDetail",
    "NothingToPack",
    "PackChange",
    "PackFileError",
    "PackInfo",
    "PackUpdate",
    "apply_changes",
    "export_pack",
    "import_pack",
    "read_pack",
    "update_from_pack",
]
