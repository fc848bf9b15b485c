"""Exchange files: a whole workbook, or one code alone (a code pack, Annex G), as JSON.

The validator and the published JSON Schema (``resources/exchange.schema.json``,
documented in ``docs/exchange.md``) are both derived from the record
dataclasses. Import validates everything before writing anything, and a bad
file is rejected with the field and the reason.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from smallbiz_codes import __version__
from smallbiz_codes.domain.fields import as_dict, field_kinds, from_dict
from smallbiz_codes.domain.records import RECORD_TABLES, TABLE_RECORDS, Code, Organization
from smallbiz_codes.domain.workbook import LIST_ATTRIBUTES, Workbook
from smallbiz_codes.i18n import N_
from smallbiz_codes.store.errors import ExchangeError

FORMAT = "smallbiz-codes"
FORMAT_VERSION = 1
KINDS = ("workbook", "code-pack")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT = 100_000  # characters in one field: far beyond any real promise
# A code pack carries the code and what makes it work, never the business's own data.
PACK_TABLES = (
    "code", "objective", "promise", "indicator", "procedure", "communication_item", "resource"
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}
# Which table an id-reference column points at.
_REF_TARGETS = {
    "promise_id": "promise",
    "objective_id": "objective",
    "indicator_id": "indicator",
    "review_id": "review",
}


def to_document(
    workbook: Workbook, kind: str = "workbook", pack: dict[str, Any] | None = None
) -> dict[str, Any]:
    tables = PACK_TABLES if kind == "code-pack" else tuple(RECORD_TABLES.values())
    records: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        if table == "organization":
            records[table] = [as_dict(workbook.organization)]
        elif table == "code":
            records[table] = [as_dict(workbook.code)]
        else:
            records[table] = [as_dict(r) for r in getattr(workbook, LIST_ATTRIBUTES[table])]
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "program_version": __version__,
        "records": records,
    }
    if pack is not None:
        doc["pack"] = pack
    return doc


def write(path: Path, document: dict[str, Any]) -> None:
    """Write atomically, readable by the owner only: it may hold customers' names."""
    tmp = path.with_name(path.name + ".part")
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _fail(path: Path, where: str, reason: str) -> ExchangeError:
    return ExchangeError(path, where=where, reason=reason)


def _check_text(path: Path, where: str, value: str) -> None:
    if len(value) > MAX_TEXT:
        raise _fail(path, where, N_("text longer than 100,000 characters"))
    for ch in value:
        if ch < " " and ch not in _ALLOWED_CONTROLS or ch == "\x7f":
            raise _fail(path, where, N_("contains a control character (such as NUL)"))


def _check_value(path: Path, where: str, kind: str, value: Any) -> None:
    ok = {
        "str": isinstance(value, str),
        "bool": isinstance(value, bool),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "ref": value is None or (isinstance(value, int) and not isinstance(value, bool)),
        "num?": value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)),
    }[kind]
    if not ok:
        raise _fail(path, where, N_("wrong type of value"))
    if kind == "str":
        _check_text(path, where, value)
    elif kind == "list":
        for item in value:
            _check_text(path, where, item)
    elif kind in ("float", "num?") and value is not None and value != value:
        raise _fail(path, where, N_("wrong type of value"))


def read(path: Path) -> tuple[str, Workbook, dict[str, Any]]:
    """Read and validate an exchange file: (kind, workbook, pack info). Writes nothing."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _fail(path, "file", N_("the file is larger than 50 MB"))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(path, "file", N_("not a UTF-8 text file")) from exc
    except OSError as exc:
        raise _fail(path, "file", N_("the file cannot be read")) from exc
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise _fail(path, "file", N_("not a JSON document")) from exc
    return validate(path, doc)


def validate(path: Path, doc: Any) -> tuple[str, Workbook, dict[str, Any]]:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _fail(path, "format", N_("not a smallbiz-codes exchange file"))
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(path, "format_version", N_("missing"))
    if version > FORMAT_VERSION:
        raise _fail(path, "format_version", N_("written by a newer version of the program"))
    kind = doc.get("kind")
    if kind not in KINDS:
        raise _fail(path, "kind", N_("must be \"workbook\" or \"code-pack\""))
    records = doc.get("records")
    if not isinstance(records, dict):
        raise _fail(path, "records", N_("missing"))
    allowed = PACK_TABLES if kind == "code-pack" else tuple(RECORD_TABLES.values())
    ids: dict[str, set[int]] = {}
    parsed: dict[str, list[Any]] = {}
    for table, rows in records.items():
        if table not in allowed:
            raise _fail(path, f"records.{table}", N_("unknown table"))
        if not isinstance(rows, list):
            raise _fail(path, f"records.{table}", N_("wrong type of value"))
        cls = TABLE_RECORDS[table]
        kinds = field_kinds(cls)
        seen: set[int] = set()
        parsed[table] = []
        for n, row in enumerate(rows):
            where = f"records.{table}[{n}]"
            if not isinstance(row, dict):
                raise _fail(path, where, N_("wrong type of value"))
            for name, value in row.items():
                if name not in kinds:
                    raise _fail(path, f"{where}.{name}", N_("unknown field"))
                _check_value(path, f"{where}.{name}", kinds[name], value)
            rid = row.get("id")
            if not isinstance(rid, int) or isinstance(rid, bool) or rid < 1:
                raise _fail(path, f"{where}.id", N_("missing"))
            if rid in seen:
                raise _fail(path, f"{where}.id", N_("the same id appears twice"))
            seen.add(rid)
            parsed[table].append(from_dict(cls, row))
        ids[table] = seen
    for single in ("organization", "code") if kind == "workbook" else ("code",):
        if len(parsed.get(single, [])) != 1:
            raise _fail(path, f"records.{single}", N_("must hold exactly one record"))
    for table, items in parsed.items():
        for n, item in enumerate(items):
            for column, target in _REF_TARGETS.items():
                value = getattr(item, column, None)
                if value is not None and value not in ids.get(target, set()):
                    raise _fail(path, f"records.{table}[{n}].{column}", N_("points to no record"))
    wb = Workbook(
        organization=parsed["organization"][0] if "organization" in parsed else Organization(id=1),
        code=parsed["code"][0] if "code" in parsed else Code(id=1),
    )
    for table, attr in LIST_ATTRIBUTES.items():
        setattr(wb, attr, parsed.get(table, []))
    pack = doc.get("pack") if isinstance(doc.get("pack"), dict) else {}
    return kind, wb, pack


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of exchange files, generated from the records."""
    type_of = {
        "str": {"type": "string", "maxLength": MAX_TEXT},
        "bool": {"type": "boolean"},
        "int": {"type": "integer"},
        "float": {"type": "number"},
        "list": {"type": "array", "items": {"type": "string", "maxLength": MAX_TEXT}},
        "ref": {"type": ["integer", "null"]},
        "num?": {"type": ["number", "null"]},
    }
    tables: dict[str, Any] = {}
    for cls, table in RECORD_TABLES.items():
        props = {name: dict(type_of[kind]) for name, kind in field_kinds(cls).items()}
        props["id"] = {"type": "integer", "minimum": 1}
        tables[table] = {
            "type": "array",
            "description": f"{cls.__name__} (ISO 10001 {cls.CLAUSE})",
            "items": {
                "type": "object",
                "required": ["id"],
                "additionalProperties": False,
                "properties": props,
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "smallbiz-codes exchange file",
        "type": "object",
        "required": ["format", "format_version", "kind", "records"],
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"type": "integer", "maximum": FORMAT_VERSION},
            "kind": {"enum": list(KINDS)},
            "program_version": {"type": "string"},
            "pack": {"type": "object"},
            "records": {"type": "object", "additionalProperties": False, "properties": tables},
        },
    }
