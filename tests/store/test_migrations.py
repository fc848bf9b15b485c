"""Older workbooks are copied aside and migrated without losing a value; newer ones are refused.

``tests/fixtures/workbook-schema<N>.sbcodes`` are workbooks as each schema
wrote them (made by ``tools/make_fixture.py``, then kept as history).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store import backup, schema
from smallbiz_codes.store import workbook as store_workbook
from smallbiz_codes.store.errors import NewerWorkbook, WorkbookError
from smallbiz_codes.store.workbook import WorkbookFile, inspect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RELEASED = ["m001_initial", "m002_adoption_link", "m003_more_second_language_fields"]


def _fixture(n: int) -> Path:
    return FIXTURES / f"workbook-schema{n}.sbcodes"


def _rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every record table, read without writing a byte."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        return {t: [dict(r) for r in conn.execute(f"SELECT * FROM [{t}] ORDER BY rowid")]
                for t in tables}
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_released_migrations_are_never_removed_or_reordered() -> None:
    assert schema.known_migration_names()[: len(RELEASED)] == RELEASED


def test_there_is_a_fixture_of_every_schema() -> None:
    for n in range(1, len(schema.known_migration_names()) + 1):
        assert _fixture(n).is_file(), f"run tools/make_fixture.py for schema {n}"


@pytest.mark.parametrize("n", range(1, len(RELEASED) + 1))
def test_fixture_workbook_is_migrated_keeping_every_value(n: int, cjk_dir: Path) -> None:
    path = cjk_dir / f"老版本 {n}.sbcodes"
    shutil.copyfile(_fixture(n), path)
    original = _rows(path)
    original_sha = _sha(path)
    pending = inspect(path)
    assert _sha(path) == original_sha  # inspecting writes nothing
    assert pending == schema.known_migration_names()[n:]

    with WorkbookFile.open(path) as wf:
        copy = wf.backed_up_to
        wb = wf.load()
        assert inspect_applied(wf.db) == schema.known_migration_names()
    if pending:
        # The copy before migration is in the backups folder and holds the same records.
        assert copy is not None and copy.parent == backup.folder_for(path)
        assert [c.kind for c in backup.list_backups(path) if c.path == copy] == ["migration"]
        assert _rows(copy) == original
    else:
        assert copy is None

    # Every value of the old file is still there after the migration.
    migrated = _rows(path)
    for table, rows in original.items():
        if table == "_sqlite_migrations":
            continue
        assert len(migrated[table]) == len(rows), table
        for old, new in zip(rows, migrated[table], strict=True):
            assert {k: new[k] for k in old} == old, table
    # ...and reads as records, with the new fields at their defaults.
    assert wb.organization.name == "麦香坊烘焙"
    assert wb.organization.channels == ["shop", "phone", "deposit"]
    assert [p.wording for p in wb.promises][0] == "面包都是当天现烤，不卖隔夜面包。"
    assert wb.measurements[1].value is None and wb.measurements[0].value == 92.5
    assert wb.party_inputs[0].said.endswith("🎂") and wb.party_inputs[0].feedback_sent is True
    if n == 1:
        assert all(p.tailored for p in wb.promises) and wb.promises[0].origin == ""
        assert wb.code.adopted_from == ""
    if n < 3:  # the other-language texts of the code and the address start empty
        assert (wb.code.title_alt, wb.code.scope_alt, wb.code.dispute_route_alt) == ("", "", "")
        assert wb.organization.address_alt == ""
        assert wb.code.dispute_route == "12315" and wb.organization.address == "幸福路 88 号"
    else:
        assert wb.code.dispute_route_alt == "Call 12315"
        assert wb.organization.address_alt == "88 Xingfu Road"

    # The migrated workbook takes new records and opens again without a new migration copy.
    with WorkbookFile.open(path) as wf:
        assert wf.backed_up_to is None
        wf.add(Promise(wording="新承诺"))


def inspect_applied(db: Database) -> list[str]:
    return [r["name"] for r in db["_sqlite_migrations"].rows_where(order_by="id")]


def test_newer_workbook_is_refused_untouched(cjk_dir: Path) -> None:
    path = cjk_dir / "新版本.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        (schema.MIGRATION_SET, "m999_from_the_future", "2030-01-01 00:00:00+00:00"),
    )
    conn.commit()
    conn.close()
    before = {p.name: _sha(p) for p in cjk_dir.iterdir()}
    assert list(before) == [path.name]  # no -wal or -shm to begin with
    backups_before = sorted(p.name for p in backup.folder_for(path).iterdir())
    with pytest.raises(NewerWorkbook) as info:
        WorkbookFile.open(path)
    assert {p.name: _sha(p) for p in cjk_dir.iterdir()} == before
    assert sorted(p.name for p in backup.folder_for(path).iterdir()) == backups_before
    assert "newer version" in info.value.message("en")
    assert "更新版本" in info.value.message("zh")


def test_old_workbook_is_not_migrated_when_asked_not_to(cjk_dir: Path) -> None:
    path = cjk_dir / "老.sbcodes"
    shutil.copyfile(_fixture(1), path)
    sha = _sha(path)
    with pytest.raises(WorkbookError):
        WorkbookFile.open(path, migrate=False)
    assert _sha(path) == sha and [p.name for p in cjk_dir.iterdir()] == [path.name]


def test_a_failing_migration_leaves_the_previous_schema(
    cjk_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each migration is one transaction: a failure half-way leaves nothing of it."""
    trial = Migrations(schema.MIGRATION_SET)
    for m in schema.migrations._migrations:
        trial(name=m.name)(m.fn)

    @trial()
    def m003_fails_half_way(db: Database) -> None:
        db["promise"].add_column("colour", str)
        db.execute("UPDATE promise SET wording = 'changed'")
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_workbook, "migrations", trial)
    monkeypatch.setattr(
        store_workbook, "known_migration_names",
        lambda: [m.name for m in trial.pending(Database(memory=True))],
    )
    path = cjk_dir / "店.sbcodes"
    shutil.copyfile(_fixture(len(RELEASED)), path)
    before = _rows(path)
    with pytest.raises(RuntimeError):
        WorkbookFile.open(path)
    assert _rows(path) == before
    assert "colour" not in _rows(path)["promise"][0]
    assert [c.kind for c in backup.list_backups(path)] == ["migration"]
    # The real program opens it as it was.
    monkeypatch.undo()
    with WorkbookFile.open(path) as wf:
        assert wf.load().promises[0].wording == "面包都是当天现烤，不卖隔夜面包。"


def test_no_migration_without_its_copy(cjk_dir: Path, _private_data_dir: Path) -> None:
    path = cjk_dir / "老.sbcodes"
    shutil.copyfile(_fixture(1), path)
    before = _rows(path)
    shutil.rmtree(_private_data_dir / "backups", ignore_errors=True)
    (_private_data_dir / "backups").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError):
        WorkbookFile.open(path)
    assert _rows(path) == before
    assert inspect(path) == schema.known_migration_names()[1:]
