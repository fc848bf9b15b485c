"""Regenerate the tables in docs/workbook.md and docs/exchange.md from the records.

    python tools/make_docs.py

Each document keeps its prose; only the part between ``<!-- generated:NAME -->``
and ``<!-- /generated:NAME -->`` is rewritten, from the dataclasses in
``smallbiz_codes/domain/records.py`` (their ``CLAUSE``, field types and the
comment on each field's line) and the migrations. ``tests/test_docs.py`` fails
when a table is stale, so the documentation cannot drift from the schema.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from smallbiz_codes.domain.fields import field_kinds  # noqa: E402
from smallbiz_codes.domain.records import RECORD_TABLES  # noqa: E402
from smallbiz_codes.store import exchange, schema  # noqa: E402

RECORDS_PY = ROOT / "smallbiz_codes" / "domain" / "records.py"
DOCS = ROOT / "docs"

# Clause titles as GB/T 19010-2021 / ISO 10001:2018 name them.
CLAUSE_TITLES = {
    "4": "Guiding principles 指导原则",
    "5.1": "Context of the organization 组织环境",
    "6.1": "Determining code objectives 确定规范目标",
    "6.2": "Gathering and evaluating information 收集和评估信息",
    "6.3": "Input from interested parties 获取和评估有关相关方的输入",
    "6.4": "Preparing the code 制定规范",
    "6.5": "Performance indicators 制定绩效指标",
    "6.6": "Code procedures 制定规范程序",
    "6.7": "Communication plans 制定内部和外部沟通计划",
    "6.8": "Resource needs 确定所需资源",
    "7": "Implementation 实施",
    "8.1": "Collecting information 信息收集",
    "8.2": "Evaluating code performance 规范绩效的评价",
    "8.3": "Evaluating satisfaction with the code 规范满意的评价",
    "8.4": "Reviewing the code 规范和规范框架的评审",
    "8.5": "Continual improvement 持续改进",
    "Annex C": "Guidance for small businesses 小企业指南",
    "Annex E": "Input from interested parties 获得相关方输入的指南",
    "Annex H": "Guidance on preparing codes 规范制定指南",
    "Annex I": "Guidance on communication plans 沟通计划制定指南",
}

JSON_TYPE = {
    "str": "text",
    "int": "whole number",
    "bool": "true / false",
    "float": "number",
    "list": "list of texts",
    "ref": "id or null",
    "num?": "number or null",
}


def field_comments() -> dict[tuple[str, str], str]:
    """(class name, field) -> the comment written on the field's line in records.py."""
    out: dict[tuple[str, str], str] = {}
    cls = ""
    source = RECORDS_PY.read_text(encoding="utf-8")
    lines = source.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        row = tok.start[0] - 1
        for back in range(row, -1, -1):
            m = re.match(r"class (\w+)", lines[back])
            if m:
                cls = m.group(1)
                break
        m = re.match(r"\s+(\w+): [^=]+=", lines[row])
        if m:
            out[(cls, m.group(1))] = tok.string.lstrip("# ").strip()
    return out


def _clause_cell(clause: str) -> str:
    parts = [c.strip() for c in clause.split(",")]
    return "; ".join(f"{c} {CLAUSE_TITLES.get(c, '')}".strip() for c in parts)


def schema_table() -> str:
    db = Database(memory=True, execute_plugins=False)
    schema.migrations.apply(db)
    rows = ["| table | record | clause it serves | columns |", "| --- | --- | --- | --- |"]
    for cls, table in RECORD_TABLES.items():
        cols = ", ".join(f"`{c.name}` {c.type}" for c in db[table].columns)
        rows.append(f"| `{table}` | `{cls.__name__}` | {_clause_cell(cls.CLAUSE)} | {cols} |")
    return "\n".join(rows)


def migrations_list() -> str:
    rows = []
    for m in schema.migrations._migrations:
        doc = (m.fn.__doc__ or "the tables of every record").strip().splitlines()[0]
        rows.append(f"1. `{m.name}`: {doc}")
    return "\n".join(rows)


def exchange_fields() -> str:
    comments = field_comments()
    parts = []
    for cls, table in RECORD_TABLES.items():
        pack = "yes" if table in exchange.PACK_TABLES else "no"
        parts.append(f"### `{table}` ({cls.__name__}, ISO 10001 {_clause_cell(cls.CLAUSE)})\n")
        parts.append(f"In a code pack: {pack}.\n")
        parts.append("| field | type | meaning |")
        parts.append("| --- | --- | --- |")
        for name, kind in field_kinds(cls).items():
            meaning = comments.get((cls.__name__, name), "")
            kind_text = JSON_TYPE[kind]
            if name == "id":
                kind_text = "whole number"
                meaning = "unique within the table, 1 or more; other records point to it"
            elif kind == "ref":
                target = exchange.REF_TARGETS[name]
                meaning = f"{meaning}: the `id` of a `{target}` record, or null".lstrip(": ")
            parts.append(f"| `{name}` | {kind_text} | {meaning} |")
        parts.append("")
    return "\n".join(parts).rstrip()


GENERATED = {
    ("workbook.md", "schema"): schema_table,
    ("workbook.md", "migrations"): migrations_list,
    ("exchange.md", "fields"): exchange_fields,
}


def render(text: str, name: str, body: str) -> str:
    start, end = f"<!-- generated:{name} -->", f"<!-- /generated:{name} -->"
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    return f"{before}{start}\n{body}\n{end}{after}"


def expected(doc: str) -> str:
    text = (DOCS / doc).read_text(encoding="utf-8")
    for (d, name), make in GENERATED.items():
        if d == doc:
            text = render(text, name, make())
    return text


def main() -> int:
    for doc in sorted({d for d, _ in GENERATED}):
        path = DOCS / doc
        new = expected(doc)
        if path.read_text(encoding="utf-8") != new:
            path.write_text(new, encoding="utf-8")
            print(f"updated docs/{doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
