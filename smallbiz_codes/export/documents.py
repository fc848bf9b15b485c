"""One entry point that builds any document's bytes, so the program and the CLI agree."""

from __future__ import annotations

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export.voice import Voice


def build_document(
    workbook: Workbook,
    doc: str,
    lang: str,
    size: str = "A4",
    large_print: bool = False,
    *,
    side_by_side: bool = False,
) -> bytes:
    """The PDF bytes of ``doc`` (same input, same bytes)."""
    voice = Voice(
        lang,
        workbook.organization.language if workbook.organization.language in ("zh", "en") else "zh",
    )  # noqa: E501
    if doc == "notice":
        from smallbiz_codes.export import notice

        return notice.build(workbook, voice, size, large_print, side_by_side)
    if doc == "code":
        from smallbiz_codes.export import code_doc

        return code_doc.build(workbook, voice, size, large_print)
    if doc == "briefing":
        from smallbiz_codes.export import briefing

        return briefing.build(workbook, voice, size, large_print)
    if doc == "plan":
        from smallbiz_codes.export import plan

        return plan.build(workbook, voice, size, large_print)
    if doc == "report":
        from smallbiz_codes.export import report

        return report.build(workbook, voice, size, large_print)
    from smallbiz_codes.export import DocumentNotAvailable

    raise DocumentNotAvailable(doc)
