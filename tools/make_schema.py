"""Write the published JSON Schema of exchange files from the record dataclasses.

    python tools/make_schema.py

writes ``resources/exchange.schema.json``. ``tests/store/test_exchange.py``
fails when the file differs from what the code generates, so a new field
cannot ship with a stale schema.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smallbiz_codes.store.exchange import json_schema  # noqa: E402

SCHEMA_FILE = ROOT / "resources" / "exchange.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    text = schema_text()
    if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text(encoding="utf-8") != text:
        SCHEMA_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
