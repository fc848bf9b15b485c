"""Guard against a Qt binding that crashes a long session.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
Qt method that returns nothing; after a few hundred thousand calls (an
evening of typing) the interpreter aborts with "none_dealloc". pyproject.toml
pins below it; this test fails if such a version is installed again.
"""

from __future__ import annotations

import os
import subprocess
import sys


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    code = (
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for _ in range(400_000):\n"
        "    o.setObjectName('x')\n"
        "print('alive')\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert run.returncode == 0 and "alive" in run.stdout, run.stderr[-500:]
