"""Program start against a bare Qt window, measured in the same run.

Each sample is a fresh process (offscreen platform) timed from launch until
its first window has been shown and painted, then it exits. The baseline
opens a bare QApplication with an empty QMainWindow; ours runs the real
bootstrap (fonts, translators, settings) and opens the bakery example.
Prints medians and the ratio. Run: ``python bench/bench_start.py [N]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents(); w.grab()
"""

OURS = """
from smallbiz_codes.ui.app import create_application
app = create_application()
from smallbiz_codes.ui.main_window import MainWindow
w = MainWindow(); w.show(); w.open_example("bakery"); app.processEvents(); w.grab()
w.close_workbook()
"""


def sample(code: str, data_dir: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SMALLBIZ_CODES_DATA_DIR=data_dir,
               PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as data_dir:
        sample(OURS, data_dir)  # warm the disk cache and create the example once
        bare, ours = [], []
        for _ in range(n):  # interleaved, so drift in machine load hits both alike
            bare.append(sample(BARE, data_dir))
            ours.append(sample(OURS, data_dir))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare QApplication + QMainWindow: median {b * 1000:.0f} ms over {n} runs")
    print(f"smallbiz-codes with the bakery example: median {o * 1000:.0f} ms over {n} runs")
    print(f"ratio (ours / bare): {o / b:.2f}")


if __name__ == "__main__":
    main()
