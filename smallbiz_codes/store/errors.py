"""Errors a person can act on: each says what happened and what to do, in their language."""

from __future__ import annotations

from smallbiz_codes.i18n import N_, current_language, tr


class WorkbookError(Exception):
    """Base of every error the store reports to a person.

    ``template`` is an English msgid with ``{path}``-style fields; ``message(lang)``
    gives the sentence in either language, ``str()`` in the current one.
    """

    template = N_("The workbook {path} could not be opened.")

    def __init__(self, path: object = "", **fields: object) -> None:
        self.fields = {"path": str(path), **fields}
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return tr(lang or current_language(), self.template).format(**self.fields)

    def __str__(self) -> str:
        return self.message()


class NotAWorkbook(WorkbookError):
    template = N_(
        "{path} is not a smallbiz-codes workbook. It was left exactly as it was. "
        "Choose a workbook file (.sbcodes) or create a new one."
    )


class DamagedWorkbook(WorkbookError):
    template = N_(
        "{path} looks like a workbook but cannot be read: it may be damaged or incomplete. "
        "It was left exactly as it was. Use File > Restore from backup to open an earlier copy."
    )


class NewerWorkbook(WorkbookError):
    template = N_(
        "{path} was saved by a newer version of smallbiz-codes. It was left unchanged. "
        "Install the newer version to open it."
    )


class WorkbookInUse(WorkbookError):
    template = N_(
        "{path} is already open in another smallbiz-codes window or program. "
        "Close it there first, then open it here."
    )


class WorkbookUnreadable(WorkbookError):
    template = N_(
        "{path} cannot be read: you do not have permission to open it. It was left exactly "
        "as it was. Copy it to a folder of your own, or ask whoever set up this computer."
    )


class WorkbookReadOnly(WorkbookError):
    template = N_(
        "{path} cannot be changed where it is: the file, its folder or the disk is "
        "write-protected. It was left exactly as it was. Copy it into your Documents folder "
        "and open the copy."
    )


class WorkbookMissing(WorkbookError):
    template = N_("{path} does not exist. It may have been moved or deleted.")


class ExchangeError(WorkbookError):
    """A JSON exchange file that fails validation: ``where`` names the field."""

    template = N_("{path} cannot be imported: {where}: {reason}. Nothing was changed.")

    def message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        fields = dict(self.fields, reason=tr(lang, str(self.fields.get("reason", ""))))
        return tr(lang, self.template).format(**fields)
