"""The schema has one source of truth: the record dataclasses.

After all migrations, every table has exactly its dataclass's columns, with
SQL types that keep each field's values as they are.
"""

from __future__ import annotations

from sqlite_utils import Database

from smallbiz_codes.domain.fields import field_kinds
from smallbiz_codes.domain.records import RECORD_TABLES
from smallbiz_codes.store import schema


def test_every_table_has_exactly_its_dataclass_columns() -> None:
    db = Database(memory=True)
    schema.migrations.apply(db)
    # The column's type decides SQLite's affinity: a number stored in a TEXT
    # column comes back as text, so the types must match the fields too.
    sql_type = {"str": "TEXT", "int": "INTEGER", "bool": "INTEGER", "ref": "INTEGER",
                "float": "REAL", "num?": "REAL", "list": "TEXT"}
    tables = set(db.table_names()) - {"_sqlite_migrations"}
    assert tables == set(RECORD_TABLES.values())
    for cls, table in RECORD_TABLES.items():
        columns = db[table].columns_dict
        kinds = field_kinds(cls)
        assert set(columns) == set(kinds), (table, set(columns) ^ set(kinds))
        for name, kind in kinds.items():
            declared = {c.name: c.type for c in db[table].columns}[name]
            assert declared == sql_type[kind], (table, name, declared)
        assert db[table].pks == ["id"], table
