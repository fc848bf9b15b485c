"""Printable documents (ReportLab only, no Qt).

``DOCUMENTS`` names every document; ``export_pdf`` writes one. A document that
is not built yet raises :class:`DocumentNotAvailable` with a plain sentence.
"""

from __future__ import annotations

from pathlib import Path

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, current_language, tr

DOCUMENTS: tuple[str, ...] = ("notice", "code", "briefing", "plan", "report")
PAPER_SIZES: tuple[str, ...] = ("A5", "A4", "A3", "Letter")
PDF_LANGUAGES: tuple[str, ...] = ("zh", "en", "both")


class DocumentNotAvailable(Exception):
    def __init__(self, doc: str) -> None:
        self.doc = doc
        super().__init__(doc)

    def __str__(self) -> str:
        return tr(current_language(), N_("The document \"{doc}\" cannot be printed yet in this version.")).format(doc=self.doc)  # noqa: E501


def export_pdf(
    workbook: Workbook,
    doc: str,
    lang: str,
    out: Path,
    size: str = "A4",
    large_print: bool = False,
) -> Path:
    raise DocumentNotAvailable(doc)
