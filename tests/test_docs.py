"""docs/workbook.md and docs/exchange.md describe the schema and format the code has."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smallbiz_codes.domain.fields import field_kinds
from smallbiz_codes.domain.records import RECORD_TABLES
from smallbiz_codes.store import exchange
from smallbiz_codes.store.errors import ExchangeError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import make_docs  # noqa: E402


def _doc(name: str) -> str:
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["workbook.md", "exchange.md"])
def test_generated_tables_are_current(name: str) -> None:
    assert _doc(name) == make_docs.expected(name), "run tools/make_docs.py"


def test_workbook_doc_names_every_table_with_its_clause() -> None:
    text = _doc("workbook.md")
    for cls, table in RECORD_TABLES.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{table}` |"))
        for clause in cls.CLAUSE.split(","):
            assert clause.strip() in row, (table, clause)
    for word in ("WAL", "one transaction", "quick_check", "before-restore", "0600", "lock"):
        assert word in text


def test_exchange_doc_lists_every_field_of_every_table() -> None:
    text = _doc("exchange.md")
    for cls, table in RECORD_TABLES.items():
        section = text.split(f"### `{table}` (", 1)[1].split("\n### ", 1)[0]
        assert cls.CLAUSE.split(",")[0] in section.splitlines()[0]
        for name in field_kinds(cls):
            assert f"| `{name}` |" in section, (table, name)
        assert ("In a code pack: yes" in section) == (table in exchange.PACK_TABLES)


def test_exchange_doc_lists_the_top_level_fields() -> None:
    text = _doc("exchange.md")
    top = text.split("## The document", 1)[1].split("\n## ", 1)[0]
    for key in exchange._TOP_KEYS:
        assert f"| `{key}` |" in top, key


def test_the_quoted_error_is_the_real_one() -> None:
    text = _doc("exchange.md")
    error = ExchangeError(
        Path("店.json"), where="records.indicator[0].promise_id", reason="points to no record"
    )
    assert f"> {error.message('en')}" in text
    assert f"> {error.message('zh')}" in text
