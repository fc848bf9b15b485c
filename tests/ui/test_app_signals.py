"""A `kill` (SIGTERM) or logout closes the workbook cleanly: no -wal file left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_sigterm_closes_the_workbook(tmp_path: Path) -> None:
    from smallbiz_codes.cli import new_workbook

    workbook = tmp_path / "店.sbcodes"
    new_workbook(workbook, "bakery", "zh").close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "smallbiz_codes", str(workbook)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = workbook.with_name(workbook.name + "-wal")
    deadline = time.monotonic() + 60
    while not wal.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)  # the window has the workbook open once its WAL exists
    assert wal.exists(), proc.stderr.read().decode() if proc.poll() is not None else ""
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
    assert not wal.exists()
