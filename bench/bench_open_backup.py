"""What the rolling backup at open costs, against opening without it.

    PYTHONPATH=. python bench/bench_open_backup.py

Builds a large workbook (a bakery with years of feedback and measurements),
then times, in the same run: opening without a backup (the baseline), opening
when a copy must be made, and opening when the newest copy already holds the
same data (the comparison that keeps repeated opens from rotating copies
away). Prints each as a ratio to the baseline.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import Feedback, Measurement
from smallbiz_codes.store.workbook import WorkbookFile


def _best(fn, repeat: int = 7) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SMALLBIZ_CODES_DATA_DIR"] = tmp
        path = Path(tmp) / "大店.sbcodes"
        with WorkbookFile.create(path) as wf:
            wf.replace_all(load_example("bakery", "zh"))
            with wf.transaction():
                for n in range(3000):
                    summary = f"第{n}条：生日蛋糕晚了二十分钟" * 3
                    wf.add(Feedback(date="2026-04-12", summary=summary))
                for n in range(1000):
                    wf.add(Measurement(indicator_id=1, period=f"{2000 + n // 12}-01-01",
                                       value=float(n % 100)))
        size = path.stat().st_size

        def plain() -> None:
            WorkbookFile.open(path, backup=False).close()

        def unchanged() -> None:
            WorkbookFile.open(path).close()  # newest copy holds the same data

        def changed() -> None:
            with WorkbookFile.open(path, backup=False) as wf:
                wf.set_field(Feedback, 1, "summary", f"改过 {time.perf_counter()}")
            WorkbookFile.open(path).close()  # must copy

        WorkbookFile.open(path).close()
        base = _best(plain)
        same = _best(unchanged)
        copy = _best(changed) - base  # the edit itself is one plain open
        print(f"workbook: {size / 1024:.0f} KiB, 4000+ records")
        print(f"open without backup:          1.00  ({base * 1000:.1f} ms)")
        print(f"open, copy already current:   {same / base:.2f}")
        print(f"open, new copy made:          {copy / base:.2f}")


if __name__ == "__main__":
    main()
