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
        return tr(
            current_language(), N_('The document "{doc}" cannot be printed yet in this version.')
        ).format(doc=self.doc)  # noqa: E501


def export_pdf(
    workbook: Workbook,
    doc: str,
    lang: str,
    out: Path,
    size: str = "A4",
    large_print: bool = False,
    *,
    side_by_side: bool = False,
) -> Path:
    """Write document ``doc`` of ``workbook`` to ``out`` and return the path.

    ``lang`` is "zh", "en" or "both"; ``side_by_side`` puts the two languages
    of a bilingual customer notice in two columns instead of one under the other.
    """
    from smallbiz_codes.export.documents import build_document

    if doc not in DOCUMENTS:
        raise DocumentNotAvailable(doc)
    if lang not in PDF_LANGUAGES:
        raise ValueError(f"unknown PDF language {lang!r}")
    if size not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {size!r}")
    data = build_document(workbook, doc, lang, size, large_print, side_by_side=side_by_side)
    from smallbiz_codes.export.common import write_atomically

    return write_atomically(Path(out), data)
