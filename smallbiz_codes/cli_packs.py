"""Command-line commands for code packs (ISO 10001 Annex G).

Kept apart from ``cli.py`` so the pack commands can be reviewed and hooked
in with two lines there::

    from smallbiz_codes.cli_packs import PACK_COMMANDS, add_pack_commands
    ...
    add_pack_commands(sub)                 # in build_parser(), before "return parser"
    commands = {...} | PACK_COMMANDS       # in main()

Errors are raised as ``WorkbookError`` (already printed as one sentence by
``cli.main``); nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smallbiz_codes.domain.packs import ADDED, REMOVED, REWORDED
from smallbiz_codes.i18n import _, current_language
from smallbiz_codes.store.packs import apply_changes, export_pack, import_pack, update_from_pack
from smallbiz_codes.store.workbook import WorkbookFile

PACK_COMMANDS = {"pack-export", "pack-import", "pack-update"}
EXIT_OK = 0


def cmd_pack_export(args: argparse.Namespace) -> int:
    with WorkbookFile.open(Path(args.workbook)) as wf:
        info = export_pack(wf, Path(args.out), args.id, args.association, args.version, args.issued)
    print(
        _("Wrote the code pack {path} ({association}, version {version}).").format(
            path=args.out, association=info.association, version=info.version
        )
    )
    return EXIT_OK


def cmd_pack_import(args: argparse.Namespace) -> int:
    with WorkbookFile.open(Path(args.into)) as wf:
        added = import_pack(wf, Path(args.file))
    print(
        _("Adopted {n} promises into {path}. Edit or confirm each one before publishing.").format(
            n=len(added), path=args.into
        )
    )
    return EXIT_OK


def _label(kind: str) -> str:
    return {ADDED: _("added"), REMOVED: _("removed"), REWORDED: _("reworded")}[kind]


def cmd_pack_update(args: argparse.Namespace) -> int:
    lang = current_language()
    with WorkbookFile.open(Path(args.into)) as wf:
        update = update_from_pack(wf, Path(args.file))
        if not update.changes:
            print(_("Nothing changed upstream since you adopted this pack."))
            return EXIT_OK
        for change in update.changes:
            print(f"[{change.key}] {_label(change.kind)}: {change.summary(lang)}")
            if change.kind == REWORDED:
                print("    " + _("yours now: {wording}").format(wording=change.member_wording))
            warning = change.warning(lang)
            if warning:
                print("    " + warning)
        take = set(args.take or [])
        chosen = [c for c in update.changes if args.take_all or c.key in take]
        if not chosen:
            print(
                _("Nothing was changed. Run again with --take KEY (or --take-all) to take changes.")
            )
            return EXIT_OK
        n = apply_changes(wf, chosen)
    print(_("Took {n} changes.").format(n=n))
    return EXIT_OK


def add_pack_commands(sub: Any) -> None:
    """Register pack-export, pack-import and pack-update on the main parser's subparsers."""
    p = sub.add_parser(
        "pack-export",
        help=_("write the code as a pack for members"),
        description=_("Write the code of a workbook as a code pack that members can adopt."),
    )
    p.add_argument("workbook", help=_("the workbook file"))
    p.add_argument("--out", required=True, help=_("the pack file to write"))
    p.add_argument("--id", required=True, help=_("the pack's id, the same for every version"))
    p.add_argument("--association", required=True, help=_("the association's name"))
    p.add_argument("--version", required=True, help=_("the pack's version, e.g. 2027.1"))
    p.add_argument("--issued", help=_("the date it is issued (YYYY-MM-DD); today if left out"))
    p.set_defaults(func=cmd_pack_export)

    p = sub.add_parser(
        "pack-import",
        help=_("adopt a code pack"),
        description=_("Adopt the promises of a code pack into your workbook."),
    )
    p.add_argument("file", help=_("the pack file (.json)"))
    p.add_argument("--into", required=True, metavar="WORKBOOK", help=_("your workbook"))
    p.set_defaults(func=cmd_pack_import)

    p = sub.add_parser(
        "pack-update",
        help=_("see and take changes from a newer pack"),
        description=_(
            "List what changed in a newer version of a pack you adopted; "
            "take only the changes you name."
        ),
    )
    p.add_argument("file", help=_("the newer pack file (.json)"))
    p.add_argument("--into", required=True, metavar="WORKBOOK", help=_("your workbook"))
    p.add_argument(
        "--take", action="append", metavar="KEY", help=_("take the change with this key")
    )
    p.add_argument("--take-all", action="store_true", help=_("take every change"))
    p.set_defaults(func=cmd_pack_update)
