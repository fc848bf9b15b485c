"""``smallbiz-codes --self-test``: prove a build works without clicking.

Opens a fresh example workbook, prints every document to a temporary folder,
and checks each PDF embeds its fonts. Exit status 0 means the build is sound.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from smallbiz_codes import WORKBOOK_SUFFIX
from smallbiz_codes.export import DOCUMENTS, DocumentNotAvailable, export_pdf
from smallbiz_codes.store.workbook import WorkbookFile


def _fonts_embedded(pdf: Path) -> bool:
    data = pdf.read_bytes()
    return b"/FontFile2" in data and b"NotoSansSC" in data


def run_self_test() -> int:
    from smallbiz_codes.cli import new_workbook
    from smallbiz_codes.ui.selfcheck import qt_smoke  # lazy: Qt only when self-testing

    failures: list[str] = [f"Qt: {p}" for p in qt_smoke()]
    with tempfile.TemporaryDirectory(prefix="smallbiz-selftest-") as tmp:
        folder = Path(tmp)
        with new_workbook(folder / f"selftest{WORKBOOK_SUFFIX}", "bakery", "zh") as wf:
            wb = wf.load()
        reopened = WorkbookFile.open(folder / f"selftest{WORKBOOK_SUFFIX}")
        reopened.close()
        for doc in DOCUMENTS:
            out = folder / f"{doc}.pdf"
            try:
                export_pdf(wb, doc, "both", out)
            except DocumentNotAvailable:
                print(f"self-test: {doc}: not available in this version")
                continue
            if not out.is_file() or not _fonts_embedded(out):
                failures.append(doc)
            print(f"self-test: {doc}: {'ok' if doc not in failures else 'FAILED'}")
    if failures:
        print("self-test failed: " + ", ".join(failures), file=sys.stderr)
        return 1
    print("self-test passed")
    return 0
