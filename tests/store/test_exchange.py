"""Exchange files: round trip, the published schema, and bad files rejected writing nothing."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from store_sample import TRICKY, full_workbook

from smallbiz_codes import cli, i18n
from smallbiz_codes.domain.fields import field_kinds
from smallbiz_codes.domain.records import RECORD_TABLES, Promise
from smallbiz_codes.store import exchange
from smallbiz_codes.store.errors import ExchangeError
from smallbiz_codes.store.schema import migrations
from smallbiz_codes.store.workbook import WorkbookFile

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "resources" / "exchange.schema.json"


@pytest.fixture(autouse=True)
def _english_screen(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The CLI follows the system language; keep it English and restore it after."""
    monkeypatch.setenv("LANGUAGE", "en")
    before = i18n.current_language()
    yield
    i18n.set_language(before)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_published_schema_is_the_generated_one() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == exchange.json_schema(), "run tools/make_schema.py"
    jsonschema.Draft202012Validator.check_schema(on_disk)


def test_exported_documents_validate_against_the_schema(cjk_dir: Path) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text("utf-8")))
    whole = exchange.to_document(full_workbook())
    validator.validate(whole)
    pack = exchange.to_document(full_workbook(), kind="code-pack", pack={"name": "烘焙协会"})
    validator.validate(pack)
    assert set(pack["records"]) == set(exchange.PACK_TABLES)


def test_round_trip_through_workbooks(cjk_dir: Path) -> None:
    original = full_workbook()
    first = cjk_dir / "原来的.sbcodes"
    with WorkbookFile.create(first) as wf:
        wf.replace_all(original)
    out1 = cjk_dir / "导出 1.json"
    assert cli.main(["export-json", str(first), "--out", str(out1)]) == 0
    second = cjk_dir / "导入后.sbcodes"
    assert cli.main(["import", str(out1), "--into", str(second)]) == 0
    out2 = cjk_dir / "导出 2.json"
    assert cli.main(["export-json", str(second), "--out", str(out2)]) == 0
    assert json.loads(out1.read_text("utf-8")) == json.loads(out2.read_text("utf-8"))
    with WorkbookFile.open(second) as wf:
        back = wf.load()
    assert back == original
    # Markup, an entity, emoji, tabs and line breaks come back exactly as typed.
    assert back.organization.complaint_handling == TRICKY
    assert back.feedback[0].summary == TRICKY
    assert back.promises[0].conditions == TRICKY
    # The second-language texts of format version 2 come back too.
    assert back.code.dispute_route_alt and back.code.scope_alt and back.organization.address_alt
    assert back.code.title_alt == original.code.title_alt


def test_format_version_1_file_without_the_second_language_texts_is_read(cjk_dir: Path) -> None:
    """A file written before format 2 lacks the *_alt texts of code and address: they stay empty."""
    doc = exchange.to_document(full_workbook())
    doc["format_version"] = 1
    for table, name in exchange._ADDED_IN:
        for row in doc["records"][table]:
            del row[name]
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text("utf-8")))
    validator.validate(doc)
    path = cjk_dir / "旧格式.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _kind, wb, _pack = exchange.read(path)
    assert wb.code.dispute_route_alt == "" and wb.organization.address_alt == ""
    assert wb.code.dispute_route == full_workbook().code.dispute_route
    # In a version 2 file the same fields are required.
    doc["format_version"] = 2
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ExchangeError):
        exchange.read(path)


def test_importing_replaces_an_existing_workbook_in_one_go(cjk_dir: Path) -> None:
    target = cjk_dir / "店.sbcodes"
    with WorkbookFile.create(target) as wf:
        wf.add(Promise(wording="旧的承诺"))
    source = cjk_dir / "新.json"
    exchange.write(source, exchange.to_document(full_workbook()))
    assert cli.main(["import", str(source), "--into", str(target)]) == 0
    with WorkbookFile.open(target) as wf:
        assert wf.load() == full_workbook()


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_exchange_file_is_private(cjk_dir: Path) -> None:
    out = cjk_dir / "导出.json"
    (cjk_dir / "导出.json.part").write_text("left over", encoding="utf-8")
    os.chmod(cjk_dir / "导出.json.part", 0o644)
    exchange.write(out, exchange.to_document(full_workbook()))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not (cjk_dir / "导出.json.part").exists()


def test_every_reference_field_is_checked() -> None:
    refs = {
        name
        for cls in RECORD_TABLES
        for name, kind in field_kinds(cls).items()
        if kind == "ref" and name != "id"
    }
    assert refs == set(exchange.REF_TARGETS)
    for column, table in exchange.REF_TARGETS.items():
        assert table in RECORD_TABLES.values(), column


def test_every_unique_index_is_checked() -> None:
    from sqlite_utils import Database

    db = Database(memory=True)
    migrations.apply(db)
    unique = {
        (table.name, tuple(index.columns))
        for table in db.tables
        if table.name in RECORD_TABLES.values()
        for index in table.indexes
        if index.unique
    }
    assert unique == {(t, (c,)) for t, c in exchange.UNIQUE_FIELDS.items()}


# -- bad files ----------------------------------------------------------------

Doc = dict[str, Any]


def _set(table: str, n: int, field: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["records"][table][n][field] = value
    return change


def _drop(table: str, n: int, field: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        del doc["records"][table][n][field]
    return change


def _top(key: str, value: Any = None, delete: bool = False) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        if delete:
            del doc[key]
        else:
            doc[key] = value
    return change


def _same_id(doc: Doc) -> None:
    doc["records"]["promise"][1]["id"] = doc["records"]["promise"][0]["id"]


def _two_organizations(doc: Doc) -> None:
    org = doc["records"]["organization"]
    org.append(dict(org[0], id=2))


def _same_version(doc: Doc) -> None:
    approvals = doc["records"]["approval"]
    approvals.append(dict(approvals[0], id=2))


def _unknown_table(doc: Doc) -> None:
    doc["records"]["customers"] = [{"id": 1, "name": "王女士"}]


# name: (change to a good document, field path, English reason, schema rejects it too)
JSON_CASES: dict[str, tuple[Callable[[Doc], None], str, str, bool]] = {
    "text is a number": (_set("promise", 0, "wording", 5), "records.promise[0].wording",
                         "must be text", True),
    "yes for true": (_set("promise", 0, "capability_confirmed", "yes"),
                     "records.promise[0].capability_confirmed", "must be true or false", True),
    "list is text": (_set("organization", 0, "channels", "shop"),
                     "records.organization[0].channels", "must be a list of texts", True),
    "list holds a number": (_set("organization", 0, "channels", ["shop", 3]),
                            "records.organization[0].channels", "must be a list of texts", True),
    "target is text": (_set("indicator", 0, "target", "95%"), "records.indicator[0].target",
                       "must be a number or null", True),
    "missing field": (_drop("promise", 0, "remedy"), "records.promise[0].remedy", "missing",
                      True),
    "missing id": (_drop("promise", 1, "id"), "records.promise[1].id", "missing", True),
    "id zero": (_set("promise", 1, "id", 0), "records.promise[1].id",
                "must be a whole number of 1 or more", True),
    "missing records": (_top("records", delete=True), "records", "missing", True),
    "missing kind": (_top("kind", delete=True), "kind", "missing", True),
    "unknown field": (_set("promise", 0, "colour", "红"), "records.promise[0].colour",
                      "unknown field", True),
    "unknown table": (_unknown_table, "records.customers", "unknown table", True),
    "unknown top-level field": (_top("password", "x"), "password", "unknown field", True),
    "duplicate ids": (_same_id, "records.promise[1].id", "the same id appears twice", False),
    "dangling reference": (_set("indicator", 0, "promise_id", 999),
                           "records.indicator[0].promise_id", "points to no record", False),
    "5 MB in one field": (_set("promise", 0, "wording", "好" * 5_000_000),
                          "records.promise[0].wording", "longer than 100,000 characters", True),
    "NUL in text": (_set("promise", 0, "remedy", "退款\x00"), "records.promise[0].remedy",
                    "character that is not allowed", True),
    "NUL in a list": (_set("organization", 0, "channels", ["shop", "a\x00"]),
                      "records.organization[0].channels[1]", "character that is not allowed",
                      True),
    "number beyond SQLite": (_set("organization", 0, "staff_count", 2**70),
                             "records.organization[0].staff_count", "too large", True),
    "two organizations": (_two_organizations, "records.organization",
                          "must hold exactly one record", True),
    "approval version twice": (_same_version, "records.approval[1].version",
                               "the same value appears twice", False),
    "newer format": (_top("format_version", exchange.FORMAT_VERSION + 1), "format_version",
                     "written by a newer version", True),
    "format version zero": (_top("format_version", 0), "format_version",
                            "must be a whole number of 1 or more", True),
    "other format": (_top("format", "something-else"), "format",
                     "not a smallbiz-codes exchange file", True),
    "pack is text": (_top("pack", "烘焙协会"), "pack", "must be a JSON object", True),
}

# name: (raw bytes of the file, field path, English reason)
RAW_CASES: dict[str, tuple[bytes, str, str]] = {
    "not JSON": ("这不是 JSON { ".encode(), "file", "not a JSON document"),
    "not UTF-8": (json.dumps({"format": "smallbiz-codes", "名": "麦香坊"}, ensure_ascii=False)
                  .encode("gbk"), "file", "not a UTF-8 text file"),
    "array at top": (b'[{"format": "smallbiz-codes"}]', "document", "must be a JSON object"),
    "NaN": (b'{"format": "smallbiz-codes", "format_version": NaN}', "file",
            "not a JSON document"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "file", "not a JSON document"),
    "empty file": (b"", "file", "not a JSON document"),
    "same key twice": (b'{"format": "smallbiz-codes", "format": "x"}', "format",
                       "the same name appears twice"),
    "lone surrogate": (None, "records.promise[0].wording", "character that is not allowed"),
}


def _good_document() -> Doc:
    return copy.deepcopy(_GOOD)


_GOOD = exchange.to_document(full_workbook())


def _lone_surrogate_bytes() -> bytes:
    text = json.dumps(_GOOD, ensure_ascii=True)
    first = json.dumps(_GOOD["records"]["promise"][0]["wording"], ensure_ascii=True)
    return text.replace(first, '"\\ud800 half an emoji"', 1).encode("ascii")


@pytest.fixture
def target(cjk_dir: Path) -> Path:
    path = cjk_dir / "我的店.sbcodes"
    with WorkbookFile.create(path) as wf:
        wf.add(Promise(wording="当天现烤"))
    return path


def _import_refused(source: Path, target: Path, where: str, reason: str,
                    capsys: pytest.CaptureFixture[str]) -> None:
    before = _sha(target)
    assert cli.main(["import", str(source), "--into", str(target)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert f": {where}: " in err and reason in err and str(source) in err, err
    assert "Nothing was changed" in err and "Traceback" not in err
    assert err.count("\n") == 1  # one sentence
    assert _sha(target) == before
    assert not target.with_name(target.name + "-wal").exists()
    # The same in Chinese: the field path as it is, the reason translated.
    with pytest.raises(ExchangeError) as info:
        exchange.read(source)
    zh = info.value.message("zh")
    assert where in zh and "无法导入" in zh and reason not in zh, zh


@pytest.mark.parametrize("name", list(JSON_CASES))
def test_bad_exchange_document_is_refused(
    name: str, cjk_dir: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, where, reason, schema_too = JSON_CASES[name]
    doc = _good_document()
    change(doc)
    source = cjk_dir / "交换文件.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _import_refused(source, target, where, reason, capsys)
    if schema_too:  # the published schema says the same, where JSON Schema can
        validator = jsonschema.Draft202012Validator(exchange.json_schema())
        assert not validator.is_valid(doc)


@pytest.mark.parametrize("name", list(RAW_CASES))
def test_bad_exchange_file_is_refused(
    name: str, cjk_dir: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, where, reason = RAW_CASES[name]
    source = cjk_dir / "交换文件.json"
    source.write_bytes(_lone_surrogate_bytes() if data is None else data)
    _import_refused(source, target, where, reason, capsys)


def test_refused_import_creates_no_workbook(
    cjk_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = cjk_dir / "坏.json"
    source.write_text("[]", encoding="utf-8")
    target = cjk_dir / "新店.sbcodes"
    assert cli.main(["import", str(source), "--into", str(target)]) == cli.EXIT_FAILED
    assert sorted(p.name for p in cjk_dir.iterdir()) == ["坏.json"]


def test_byte_order_mark_is_accepted(cjk_dir: Path) -> None:
    source = cjk_dir / "记事本.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(_GOOD, ensure_ascii=False).encode("utf-8"))
    kind, wb, _pack = exchange.read(source)
    assert kind == "workbook" and wb == full_workbook()


def test_code_pack_is_not_imported_as_a_workbook(
    cjk_dir: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = cjk_dir / "协会规范包.json"
    exchange.write(source, exchange.to_document(full_workbook(), kind="code-pack"))
    before = _sha(target)
    assert cli.main(["import", str(source), "--into", str(target)]) == cli.EXIT_FAILED
    assert "code pack" in capsys.readouterr().err
    assert _sha(target) == before
    kind, wb, _ = exchange.read(source)
    assert kind == "code-pack" and wb.promises == full_workbook().promises
