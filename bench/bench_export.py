"""Time each document's export against LibreOffice converting the same text, in one run.

    PYTHONPATH=. python bench/bench_export.py [--repeat N]

Builds a 30-promise bilingual code (the bakery example's promises repeated),
times every document in "both" languages on A4 (median of N runs, after one
warm-up that registers the fonts), then writes an HTML file with the same
promise text and times ``libreoffice --headless --convert-to pdf`` on it, and
prints each document's time as a ratio of LibreOffice's. LibreOffice's time
includes its start-up, which is what a user would wait for too.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import DOCUMENTS
from smallbiz_codes.export.documents import build_document


def thirty_promises() -> Workbook:
    wb = load_example("bakery", "zh")
    base = list(wb.promises)
    wb.promises = []
    for i in range(30):
        p = dataclasses.replace(base[i % len(base)], id=i + 1, position=i + 1)
        wb.promises.append(p)
    return wb


def as_html(wb: Workbook) -> str:
    rows = []
    for n, p in enumerate(wb.promises, 1):
        rows.append(
            f"<h2>{n}. {html.escape(p.wording)}</h2><p>{html.escape(p.wording_alt)}</p>"
            f"<p><b>条件 Conditions:</b> {html.escape(p.conditions)}<br>{html.escape(p.conditions_alt)}</p>"  # noqa: E501
            f"<p><b>没做到时 If we fall short:</b> {html.escape(p.remedy)}<br>"
            f"{html.escape(p.remedy_alt)}</p>"
        )
    org = wb.organization
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{html.escape(org.name)}</title></head><body>"
        f"<h1>{html.escape(org.name)} / {html.escape(org.name_alt)}</h1>"
        "<h1>我们对您的承诺 / Our promises to you</h1>" + "".join(rows) + "</body></html>"
    )


def time_it(fn, repeat: int) -> float:
    fn()  # warm-up: font registration, imports
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def libreoffice_time(wb: Workbook, repeat: int) -> float | None:
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="bench-lo-") as tmp:
        folder = Path(tmp)
        src = folder / "notice.html"
        src.write_text(as_html(wb), encoding="utf-8")
        profile = (folder / "profile").as_uri()

        def convert() -> None:
            subprocess.run(
                [
                    exe,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf:writer_web_pdf_Export",
                    "--outdir",
                    str(folder / "out"),
                    str(src),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            if not (folder / "out" / "notice.pdf").is_file():
                raise RuntimeError("LibreOffice wrote no PDF")

        return time_it(convert, repeat)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    wb = thirty_promises()
    print(f"30-promise bilingual code, A4, median of {args.repeat} runs (after one warm-up)")
    ours = {
        doc: time_it(lambda d=doc: build_document(wb, d, "both"), args.repeat) for doc in DOCUMENTS
    }
    lo = libreoffice_time(wb, max(1, min(args.repeat, 3)))
    if lo is None:
        print(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui): "
            "no baseline, absolute times only."
        )
    else:
        print(f"{'LibreOffice HTML -> PDF':28s} {lo * 1000:8.0f} ms   (baseline, incl. start-up)")
    for doc, t in ours.items():
        ratio = f"{t / lo:6.3f} x LibreOffice" if lo else ""
        print(f"{'smallbiz-codes ' + doc:28s} {t * 1000:8.0f} ms   {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
