"""Catalogs are split per area; a string shared by two areas must read the same in both.

All domains are chained into one translation table, so two different Chinese
versions of one English string would make the screen depend on file order.
"""

from __future__ import annotations

from collections import defaultdict

from babel.messages.pofile import read_po

from smallbiz_codes.resources_path import resource


def test_shared_strings_have_one_translation() -> None:
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    for po in sorted(resource("locale", "zh_CN", "LC_MESSAGES").glob("*.po")):
        with open(po, "rb") as fh:
            for m in read_po(fh):
                if m.id and m.string:
                    seen[str(m.id)][po.stem] = str(m.string)
    clashes = {k: v for k, v in seen.items() if len(set(v.values())) > 1}
    assert clashes == {}
