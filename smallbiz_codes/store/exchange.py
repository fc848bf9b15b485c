"""Exchange files: a whole workbook, or one code alone (a code pack, Annex G), as JSON.

The validator and the published JSON Schema (``resources/exchange.schema.json``,
documented in ``docs/exchange.md``) are both derived from the record
dataclasses. Import validates everything before writing anything, and a bad
file is rejected with the field and the reason.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

from smallbiz_codes import __version__
from smallbiz_codes.domain.fields import as_dict, field_kinds, from_dict
from smallbiz_codes.domain.records import RECORD_TABLES, TABLE_RECORDS, Code, Organization
from smallbiz_codes.domain.workbook import LIST_ATTRIBUTES, Workbook
from smallbiz_codes.i18n import N_
from smallbiz_codes.store.errors import ExchangeError

FORMAT = "smallbiz-codes"
FORMAT_VERSION = 2
KINDS = ("workbook", "code-pack")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT = 100_000  # characters in one field: far beyond any real promise
# A code pack carries the code and what makes it work, never the business's own data.
PACK_TABLES = (
    "code", "objective", "promise", "indicator", "procedure", "communication_item", "resource"
)
# Fields added to a record after format version 1: optional in older files.
# (table, field) -> the format version that added it.
_ADDED_IN: dict[tuple[str, str], int] = {
    # 2: the code's own texts and the address in the other language (bilingual notices).
    **{("code", name): 2 for name in (
        "title_alt", "purpose_alt", "scope_alt", "exclusions_alt", "dispute_route_alt"
    )},
    ("organization", "address_alt"): 2,
}
# Which table an id-reference column points at.
REF_TARGETS = {
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
    data = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    tmp.unlink(missing_ok=True)  # a leftover .part keeps its old mode under O_CREAT
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fail(path: Path, where: str, reason: str, **fields: object) -> ExchangeError:
    return ExchangeError(path, where=where, reason=reason, **fields)


# Characters no text field may hold: C0 controls but tab and line breaks, DEL,
# and lone UTF-16 surrogates (valid in JSON's \u escapes, not in UTF-8 or SQLite).
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1  # what SQLite's INTEGER holds


def _check_text(path: Path, where: str, value: str) -> None:
    if len(value) > MAX_TEXT:
        raise _fail(path, where, N_("text longer than 100,000 characters"))
    if _BAD_CHARS.search(value):
        raise _fail(
            path, where, N_("contains a character that is not allowed in text (such as NUL)")
        )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return _is_int(value) or isinstance(value, float)


def _check_value(path: Path, where: str, kind: str, value: Any) -> None:
    ok = {
        "str": isinstance(value, str),
        "bool": isinstance(value, bool),
        "int": _is_int(value),
        "float": _is_number(value),
        "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "ref": value is None or _is_int(value),
        "num?": value is None or _is_number(value),
    }[kind]
    if not ok:
        raise _fail(path, where, _KIND_REASONS[kind])
    if kind == "str":
        _check_text(path, where, value)
    elif kind == "list":
        for n, item in enumerate(value):
            _check_text(path, f"{where}[{n}]", item)
    elif _is_int(value) and not _INT_MIN <= value <= _INT_MAX:
        raise _fail(path, where, N_("the number is too large"))
    elif isinstance(value, float) and not math.isfinite(value):
        raise _fail(path, where, N_("not a finite number"))


_KIND_REASONS = {
    "str": N_("must be text"),
    "bool": N_("must be true or false"),
    "int": N_("must be a whole number"),
    "float": N_("must be a number"),
    "list": N_("must be a list of texts"),
    "ref": N_("must be a record id (a whole number) or null"),
    "num?": N_("must be a number or null"),
}


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads would keep the last of two equal keys silently; refuse instead."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: not JSON, though Python reads them


def read(path: Path) -> tuple[str, Workbook, dict[str, Any]]:
    """Read and validate an exchange file: (kind, workbook, pack info). Writes nothing."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _fail(path, "file", N_("the file is larger than 50 MB"))
        # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(path, "file", N_("not a UTF-8 text file")) from exc
    except OSError as exc:
        raise _fail(path, "file", N_("the file cannot be read")) from exc
    try:
        doc = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants
        )
    except _DuplicateKey as exc:
        raise _fail(path, exc.key, N_("the same name appears twice in one object")) from exc
    except (ValueError, RecursionError) as exc:
        raise _fail(path, "file", N_("not a JSON document")) from exc
    return validate(path, doc)


_TOP_KEYS = ("format", "format_version", "kind", "program_version", "pack", "records")
# Columns that must not repeat (unique indexes of the workbook's schema).
UNIQUE_FIELDS = {"approval": "version", "principle_assessment": "principle"}


def validate(path: Path, doc: Any) -> tuple[str, Workbook, dict[str, Any]]:
    """Check every value of ``doc`` before anything is built from it.

    Raises :class:`ExchangeError` naming the first bad field (``records.promise[2].remedy``)
    and the reason.
    """
    if not isinstance(doc, dict):
        raise _fail(path, "document", N_("must be a JSON object, in curly brackets"))
    if doc.get("format") != FORMAT:
        raise _fail(path, "format", N_("not a smallbiz-codes exchange file"))
    for key in doc:
        if key not in _TOP_KEYS:
            raise _fail(path, key, N_("unknown field"))
    version = doc.get("format_version")
    if "format_version" not in doc:
        raise _fail(path, "format_version", N_("missing"))
    if not _is_int(version) or version < 1:
        raise _fail(path, "format_version", N_("must be a whole number of 1 or more"))
    if version > FORMAT_VERSION:
        raise _fail(path, "format_version", N_("written by a newer version of the program"))
    if "kind" not in doc:
        raise _fail(path, "kind", N_("missing"))
    kind = doc["kind"]
    if kind not in KINDS:
        raise _fail(path, "kind", N_("must be \"workbook\" or \"code-pack\""))
    if "program_version" in doc and not isinstance(doc["program_version"], str):
        raise _fail(path, "program_version", N_("must be text"))
    pack = doc.get("pack", {})
    if not isinstance(pack, dict):
        raise _fail(path, "pack", N_("must be a JSON object, in curly brackets"))
    if "records" not in doc:
        raise _fail(path, "records", N_("missing"))
    records = doc["records"]
    if not isinstance(records, dict):
        raise _fail(path, "records", N_("must be a JSON object, in curly brackets"))
    allowed = PACK_TABLES if kind == "code-pack" else tuple(RECORD_TABLES.values())
    ids: dict[str, set[int]] = {}
    parsed: dict[str, list[Any]] = {}
    for table, rows in records.items():
        if table not in allowed:
            raise _fail(path, f"records.{table}", N_("unknown table"))
        if not isinstance(rows, list):
            raise _fail(path, f"records.{table}", N_("must be a list of records"))
        cls = TABLE_RECORDS[table]
        kinds = field_kinds(cls)
        seen: set[int] = set()
        unique_seen: set[Any] = set()
        parsed[table] = []
        for n, row in enumerate(rows):
            where = f"records.{table}[{n}]"
            if not isinstance(row, dict):
                raise _fail(path, where, N_("must be a JSON object, in curly brackets"))
            for name, value in row.items():
                if name not in kinds:
                    raise _fail(path, f"{where}.{name}", N_("unknown field"))
                _check_value(path, f"{where}.{name}", kinds[name], value)
            for name in kinds:
                if name not in row and _ADDED_IN.get((table, name), 1) <= version:
                    raise _fail(path, f"{where}.{name}", N_("missing"))
            rid = row["id"]
            if not _is_int(rid) or rid < 1:
                raise _fail(path, f"{where}.id", N_("must be a whole number of 1 or more"))
            if rid in seen:
                raise _fail(path, f"{where}.id", N_("the same id appears twice"))
            seen.add(rid)
            unique = UNIQUE_FIELDS.get(table)
            if unique is not None:
                if row[unique] in unique_seen:
                    raise _fail(path, f"{where}.{unique}", N_("the same value appears twice"))
                unique_seen.add(row[unique])
            parsed[table].append(from_dict(cls, row))
        ids[table] = seen
    for single in ("organization", "code") if kind == "workbook" else ("code",):
        if len(parsed.get(single, [])) != 1:
            raise _fail(path, f"records.{single}", N_("must hold exactly one record"))
    for table, items in parsed.items():
        for n, item in enumerate(items):
            for column, target in REF_TARGETS.items():
                value = getattr(item, column, None)
                if value is not None and value not in ids.get(target, set()):
                    raise _fail(path, f"records.{table}[{n}].{column}", N_("points to no record"))
    wb = Workbook(
        organization=parsed["organization"][0] if "organization" in parsed else Organization(id=1),
        code=parsed["code"][0] if "code" in parsed else Code(id=1),
    )
    for table, attr in LIST_ATTRIBUTES.items():
        setattr(wb, attr, parsed.get(table, []))
    return kind, wb, pack


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of exchange files, generated from the records.

    ``resources/exchange.schema.json`` is this, written by ``tools/make_schema.py``.
    What JSON Schema cannot say (ids unique within a table, references that
    point to a record, no repeated approval version) the importer checks too.
    """
    text = {
        "type": "string",
        "maxLength": MAX_TEXT,
        "pattern": "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$",
    }
    whole = {"type": "integer", "minimum": _INT_MIN, "maximum": _INT_MAX}
    type_of: dict[str, dict[str, Any]] = {
        "str": text,
        "bool": {"type": "boolean"},
        "int": whole,
        "float": {"type": "number"},
        "list": {"type": "array", "items": text},
        "ref": {"type": ["integer", "null"], "minimum": 1, "maximum": _INT_MAX},
        "num?": {"type": ["number", "null"]},
    }
    tables: dict[str, Any] = {}
    for cls, table in RECORD_TABLES.items():
        kinds = field_kinds(cls)
        props = {name: dict(type_of[kind]) for name, kind in kinds.items()}
        props["id"] = {"type": "integer", "minimum": 1, "maximum": _INT_MAX}
        tables[table] = {
            "type": "array",
            "description": f"{cls.__name__} (ISO 10001 {cls.CLAUSE})",
            "items": {
                "type": "object",
                # A field added in a later format version may be absent from older files.
                "required": [k for k in kinds if _ADDED_IN.get((table, k), 1) == 1],
                "additionalProperties": False,
                "properties": props,
            },
        }
        if table in ("organization", "code"):
            tables[table]["minItems"] = tables[table]["maxItems"] = 1
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://smallbiz-codes.invalid/exchange.schema.json",
        "title": "smallbiz-codes exchange file",
        "description": "A whole workbook, or one code alone (a code pack, ISO 10001 Annex G). "
        "See docs/exchange.md.",
        "type": "object",
        "required": ["format", "format_version", "kind", "records"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "kind": {"enum": list(KINDS)},
            "program_version": {"type": "string"},
            "pack": {"type": "object"},
            "records": {
                "type": "object",
                "additionalProperties": False,
                "properties": tables,
            },
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": "workbook"}}},
                "then": {"properties": {"records": {"required": ["organization", "code"]}}},
            },
            {
                "if": {"properties": {"kind": {"const": "code-pack"}}},
                "then": {
                    "properties": {
                        "records": {
                            "required": ["code"],
                            "propertyNames": {"enum": list(PACK_TABLES)},
                        }
                    }
                },
            },
        ],
    }
