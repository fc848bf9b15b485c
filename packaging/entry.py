"""Entry script of the frozen program: the same ``main`` as the ``smallbiz-codes`` command.

With no command the command line starts the window, so one executable serves
the double-click, "Open with" a workbook, ``--self-test`` and every command.
"""

from __future__ import annotations

import sys

from smallbiz_codes.cli import main

if __name__ == "__main__":
    sys.exit(main())
