"""Bring one catalog up to date with the strings in the source.

    python tools/update_catalog.py DOMAIN PATH [PATH ...]

extracts every ``_()``, ``N_()``, ``tr(lang, ...)`` string under PATHs into
``resources/locale/zh_CN/LC_MESSAGES/DOMAIN.po``, keeping the translations it
already has and adding new strings untranslated (fill in their msgstr, then run
``tools/compile_catalogs.py``). One domain per area of the program keeps
merges between areas free of conflicts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

KEYWORDS = {"_": None, "N_": None, "tr": (2,), "ntr": (2, 3)}
ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES"


def extract(paths: list[str]) -> list[str]:
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_file():
            found_in = extract_from_file("python", str(path), keywords=KEYWORDS)
            items = [(str(path), *m) for m in found_in]
        else:
            items = list(
                extract_from_dir(str(path), method_map=[("**.py", "python")], keywords=KEYWORDS)
            )
        for item in items:
            msg = item[2]
            msg = msg[0] if isinstance(msg, tuple) else msg
            if msg and msg not in found:
                found.append(msg)
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    domain, paths = argv[0], argv[1:]
    po_path = LOCALE_DIR / f"{domain}.po"
    old = read_po(open(po_path, "rb")) if po_path.exists() else Catalog(locale="zh_CN")
    new = Catalog(locale="zh_CN", project="smallbiz-codes", domain=domain)
    for msg in extract(paths):
        old_msg = old.get(msg)
        new.add(msg, old_msg.string if old_msg else "")
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    with open(po_path, "wb") as fh:
        write_po(fh, new, width=0, omit_header=False, no_location=True)
    missing = [m.id for m in new if m.id and not m.string]
    print(f"{po_path.name}: {len(new) - 1} strings, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
