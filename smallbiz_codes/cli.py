"""The command line: everything the program does that needs no window.

Errors are one plain sentence on stderr and a non-zero exit status, never a
traceback for a user's mistake. Qt is never imported here.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from smallbiz_codes import WORKBOOK_SUFFIX, __version__
from smallbiz_codes.domain import checks
from smallbiz_codes.domain.examples import UnknownExample, example_keys, load_example
from smallbiz_codes.domain.records import Code, Organization
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import (
    DOCUMENTS,
    PAPER_SIZES,
    PDF_LANGUAGES,
    DocumentNotAvailable,
    export_pdf,
)
from smallbiz_codes.i18n import LANGUAGES, N_, _, set_language, system_language, tr
from smallbiz_codes.store import exchange
from smallbiz_codes.store.errors import WorkbookError
from smallbiz_codes.store.workbook import WorkbookFile

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_FAILED = 3


class UserError(Exception):
    """A mistake the user can fix; printed as it is."""


def new_workbook(path: Path, example: str | None, lang: str) -> WorkbookFile:
    """Create a workbook, empty or filled from an example trade."""
    if path.exists():
        raise UserError(_("{path} already exists. Choose another name.").format(path=path))
    if example:
        try:
            wb = load_example(example, lang)
        except UnknownExample:
            raise UserError(
                _("There is no example for \"{key}\". Choose one of: {keys}.").format(
                    key=example, keys=", ".join(example_keys())
                )
            ) from None
        wf = WorkbookFile.create(path, wb.organization, wb.code)
        wf.replace_all(wb)
        return wf
    return WorkbookFile.create(path, Organization(id=1, language=lang), Code(id=1))


def _load(path: Path) -> Workbook:
    with WorkbookFile.open(path) as wf:
        return wf.load()


def cmd_new(args: argparse.Namespace) -> int:
    new_workbook(Path(args.workbook), args.example, args.lang).close()
    print(_("Created {path}.").format(path=args.workbook))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    source, target = Path(args.file), Path(args.into)
    kind, wb, _pack = exchange.read(source)
    if kind != "workbook":
        raise UserError(
            _("{path} is a code pack. Open your workbook in the program to adopt it.").format(
                path=source
            )
        )
    if target.exists():
        with WorkbookFile.open(target) as wf:
            wf.replace_all(wb)  # one transaction: all of the file or none of it
    else:
        try:
            with WorkbookFile.create(target, wb.organization, wb.code) as wf:
                wf.replace_all(wb)
        except BaseException:
            # A new workbook that could not be filled is not left half made.
            target.unlink(missing_ok=True)
            raise
    print(_("Imported {src} into {dst}.").format(src=source, dst=target))
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    exchange.write(Path(args.out), exchange.to_document(_load(Path(args.workbook))))
    print(_("Wrote {path}.").format(path=args.out))
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    wb = _load(Path(args.workbook))
    export_pdf(
        wb, args.doc, args.lang, Path(args.out), size=args.size, large_print=args.large_print,
        side_by_side=args.side_by_side,
    )
    print(_("Wrote {path}.").format(path=args.out))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    wb = _load(Path(args.workbook))
    findings = checks.run_all(wb)
    lang = args.lang or wb.organization.language or "en"
    if lang not in LANGUAGES:
        lang = "en"
    # Labels in the findings' language, not the screen's: one language per line.
    labels = {checks.ERROR: tr(lang, N_("error")), checks.WARNING: tr(lang, N_("advice"))}
    line = tr(lang, N_("{label}: {text}"))  # Chinese puts a full-width colon here
    for f in findings:
        print(line.format(label=labels[f.severity], text=f.text(lang)))
    errors = sum(f.severity == checks.ERROR for f in findings)
    print(tr(lang, N_("{errors} errors, {warnings} pieces of advice.")).format(
        errors=errors, warnings=len(findings) - errors))
    return EXIT_FINDINGS if errors else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    workbook = outdir / f"{args.example}{WORKBOOK_SUFFIX}"
    if workbook.exists():
        raise UserError(_("{path} already exists. Choose an empty folder.").format(path=workbook))
    with new_workbook(workbook, args.example, args.lang) as wf:
        wb = wf.load()
    print(_("Created {path}.").format(path=workbook))
    skipped = []
    for doc in DOCUMENTS:
        for lang in PDF_LANGUAGES:
            out = outdir / f"{doc}-{lang}.pdf"
            try:
                export_pdf(wb, doc, lang, out)
            except DocumentNotAvailable:
                skipped.append(doc)
                break
            print(_("Wrote {path}.").format(path=out))
    if skipped:
        print(_("Not available yet: {docs}.").format(docs=", ".join(skipped)))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smallbiz-codes",
        usage="%(prog)s [WORKBOOK | COMMAND ...]",
        description=_(
            "Draft, publish, live by and review your customer satisfaction code of conduct. "
            "With no command, the program's window opens (on WORKBOOK, if given)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"smallbiz-codes {__version__}")
    parser.add_argument("--example", nargs="?", const="bakery", metavar="TRADE",
                        help=_("open the program on a fresh copy of an example workbook"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("without a window: open an example, print every document, "
                               "check them"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    langs = ("zh", "en")

    p = sub.add_parser("new", help=_("create a workbook"), description=_("Create a workbook, empty or from an example trade."))  # noqa: E501
    p.add_argument("workbook", help=_("the new workbook file"))
    p.add_argument("--example", metavar="TRADE", help=_("start from the example of this trade, e.g. bakery"))  # noqa: E501
    p.add_argument("--lang", choices=langs, default="zh", help=_("the language you write in"))
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("import", help=_("import an exchange file"), description=_("Import a whole-workbook exchange file (JSON) into a workbook."))  # noqa: E501
    p.add_argument("file", help=_("the exchange file (.json)"))
    p.add_argument("--into", required=True, metavar="WORKBOOK", help=_("the workbook to fill (created if missing, replaced if present)"))  # noqa: E501
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export-json", help=_("write an exchange file"), description=_("Write the whole workbook as an exchange file (JSON)."))  # noqa: E501
    p.add_argument("workbook", help=_("the workbook file"))
    p.add_argument("--out", required=True, help=_("the exchange file to write"))
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("pdf", help=_("print a document to PDF"), description=_("Print one document of the workbook to a PDF file."))  # noqa: E501
    p.add_argument("workbook", help=_("the workbook file"))
    p.add_argument("--doc", required=True, choices=DOCUMENTS, help=_("which document"))
    p.add_argument("--lang", choices=PDF_LANGUAGES, default="zh",
                   help=_("language of the document"))
    p.add_argument("--size", choices=PAPER_SIZES, default="A4", help=_("paper size"))
    p.add_argument("--large-print", action="store_true", help=_("larger type (customer notice)"))
    p.add_argument("--side-by-side", action="store_true",
                   help=_("with --lang both: the two languages in columns, "
                          "not one under the other"))
    p.add_argument("--out", required=True, help=_("the PDF file to write"))
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("check", help=_("check the code"), description=_("Print the findings of the promise and principle checks; exit status 1 when there are errors."))  # noqa: E501
    p.add_argument("workbook", help=_("the workbook file"))
    p.add_argument("--lang", choices=langs, help=_("language of the findings"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("demo", help=_("make an example workbook and its documents"), description=_("Create an example workbook and every document it can print in a folder."))  # noqa: E501
    p.add_argument("outdir", help=_("the folder to fill"))
    p.add_argument("--example", default="bakery", metavar="TRADE", help=_("which example trade"))
    p.add_argument("--lang", choices=langs, default="zh", help=_("the language of the example"))
    p.set_defaults(func=cmd_demo)

    from smallbiz_codes.cli_packs import add_pack_commands

    add_pack_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    set_language(system_language())
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    file = None
    if argv and not argv[0].startswith("-") and argv[0] not in commands(parser):
        # "smallbiz-codes WORKBOOK": open it (double-click, Open With). A word
        # that is neither a command nor a file is a mistyped command: argparse
        # says so and lists the commands (exit status 2).
        if argv[0].lower().endswith(WORKBOOK_SUFFIX) or Path(argv[0]).exists():
            file = argv.pop(0)
    args = parser.parse_args(argv)
    args.open_file = file
    if args.command is None:
        if args.self_test:
            from smallbiz_codes.selftest import run_self_test

            return run_self_test()
        return start_gui(args.open_file, args.example)
    try:
        return int(args.func(args))
    except (UserError, WorkbookError, DocumentNotAvailable) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(_("The file {path} could not be written or read: {reason}.").format(
            path=exc.filename or "", reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.DatabaseError as exc:  # e.g. the disk filled up during a save
        print(_("The workbook could not be read or saved: {reason}. "
                "Nothing was half-saved.").format(reason=exc), file=sys.stderr)
        return EXIT_FAILED


def commands(parser: argparse.ArgumentParser) -> list[str]:
    """The names of every subcommand, read from the parser itself."""
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def start_gui(file: str | None, example: str | None) -> int:
    """Start the window; say plainly what to do when there is no screen or no Qt."""
    try:
        from smallbiz_codes.ui.app import run
    except ImportError as exc:  # Qt missing or its system libraries missing
        print(_("The program's window cannot start on this machine ({reason}). "
                "Try \"smallbiz-codes demo OUTDIR\" to make an example and its documents without a window.").format(reason=exc),  # noqa: E501
              file=sys.stderr)
        return EXIT_FAILED
    return run(file=file, example=example)
