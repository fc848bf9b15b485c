"""``python -m smallbiz_codes`` and the ``smallbiz-codes`` command."""

from __future__ import annotations

import sys

from smallbiz_codes.cli import main as _main


def main() -> None:
    sys.exit(_main())


if __name__ == "__main__":
    main()
