"""Every string of ours has Chinese, every .mo is its .po compiled, placeholders agree.

Catalogs are discovered, not listed: each area of the program adds its own
domain (``resources/locale/zh_CN/LC_MESSAGES/<domain>.po``).
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from compile_catalogs import compile_po  # noqa: E402
from update_catalog import KEYWORDS  # noqa: E402

LOCALE = ROOT / "resources" / "locale"
PO_FILES = sorted(LOCALE.glob("zh_CN/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def _catalog(po: Path) -> Catalog:
    with open(po, "rb") as fh:
        return read_po(fh)


@cache
def _source_msgids() -> dict[str, str]:
    """msgid -> 'file:line' of its first use, for every string marked in the program."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "smallbiz_codes"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        for msg in message if isinstance(message, tuple) else (message,):
            if msg:
                found.setdefault(msg, f"{filename}:{lineno}")
    return found


def _translations() -> dict[str, str]:
    out: dict[str, str] = {}
    for po in PO_FILES:
        for m in _catalog(po):
            if m.id and m.string and not m.fuzzy:
                text = m.string if isinstance(m.string, str) else m.string[0]
                if text:
                    out[m.id if isinstance(m.id, str) else m.id[0]] = text
    return out


def test_there_are_catalogs() -> None:
    assert any(po.stem == "core" for po in PO_FILES)


def test_every_marked_string_has_chinese() -> None:
    assert len(_source_msgids()) > 50  # the extraction found the program's strings
    have = _translations()
    missing = [f"{where}: {msg!r}" for msg, where in _source_msgids().items() if msg not in have]
    assert not missing, "no Chinese for:\n" + "\n".join(missing)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.stem)
def test_mo_is_the_compiled_po(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo.name} missing: run tools/compile_catalogs.py"
    assert mo.read_bytes() == compile_po(po), f"{mo.name} is stale: run tools/compile_catalogs.py"


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.stem)
def test_placeholders_match(po: Path) -> None:
    wrong = []
    for m in _catalog(po):
        if not m.id or not m.string:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        expected = sorted(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            if s and sorted(PLACEHOLDER.findall(s)) != expected:
                wrong.append(f"{ids[0]!r} -> {s!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.stem)
def test_catalog_is_chinese(po: Path) -> None:
    catalog = _catalog(po)
    assert catalog.locale is not None and catalog.locale.language == "zh"
    # A translation that is the English unchanged is a forgotten one (codes like
    # "A4" or "{path}" alone excepted: they have no Chinese letters to add).
    same = [m.id for m in catalog if m.id and m.string == m.id and re.search("[a-z]{3}", m.id)]
    assert not same, same
