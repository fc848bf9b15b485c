"""Compile resources/locale/**/*.po into the .mo files the program reads.

Run after editing a catalog: ``python tools/compile_catalogs.py``.
``tests/test_catalogs.py`` fails when a .mo is older than its .po's content,
so a forgotten compile is caught, not shipped.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent / "resources" / "locale"


def compile_po(po_path: Path) -> bytes:
    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main() -> int:
    for po in sorted(ROOT.rglob("*.po")):
        mo = po.with_suffix(".mo")
        data = compile_po(po)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
            print(f"compiled {mo.relative_to(ROOT.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
