"""Example codes by trade (ISO 10001 Annex A), kept as data in ``resources/examples``.

Each example is one JSON file holding both languages side by side: every text
is ``{"zh": ..., "en": ...}``. Loading one in a language fills the primary
fields in that language and the ``*_alt`` fields in the other, so a notice can
be printed bilingual straight away. The format is documented in
``docs/examples.md``.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from smallbiz_codes.domain.records import (
    Code,
    CommunicationItem,
    Indicator,
    Objective,
    Organization,
    Procedure,
    Promise,
    Resource,
)
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.resources_path import resource

# Fields of a promise that have a second-language counterpart.
_ALT_FIELDS = {"wording": "wording_alt", "conditions": "conditions_alt", "remedy": "remedy_alt"}
# Code texts printed on notices, kept in both languages as ``<field>_alt``.
_CODE_ALT_FIELDS = (
    "title", "purpose", "scope", "exclusions", "complaints_contact", "dispute_route"
)


class UnknownExample(KeyError):
    pass


@cache
def _raw(key: str) -> dict[str, Any]:
    path = resource("examples", f"{key}.json")
    if not path.is_file():
        raise UnknownExample(key)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def example_keys() -> list[str]:
    """Trades with an example, bakery first (the one the foundation ships)."""
    keys = sorted(p.stem for p in resource("examples").glob("*.json"))
    return sorted(keys, key=lambda k: (k != "bakery", k))


def trade_name(key: str, lang: str) -> str:
    return pick(_raw(key)["trade"], lang)


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def pick(value: Any, lang: str) -> Any:
    """The ``lang`` side of a bilingual value; scalars pass through."""
    if isinstance(value, dict) and set(value) <= {"zh", "en"}:
        return value.get(lang, "")
    return value


def _record(cls: type, data: dict[str, Any], lang: str, **extra: Any) -> Any:
    values = {k: pick(v, lang) for k, v in data.items() if k in cls.__dataclass_fields__}
    values.update(extra)
    return cls(**values)


def load_example(key: str, lang: str) -> Workbook:
    """A complete workbook for ``key``, written in ``lang`` (the other language as ``*_alt``)."""
    raw = _raw(key)
    alt = other(lang)
    org_data = raw["organization"]
    org = _record(Organization, org_data, lang, id=1, trade=key, language=lang)
    org.name_alt = pick(org_data["name"], alt)
    org.address_alt = pick(org_data.get("address", ""), alt)
    code_data = raw["code"]
    code = _record(Code, code_data, lang, id=1)
    for field in _CODE_ALT_FIELDS:
        setattr(code, f"{field}_alt", pick(code_data.get(field, ""), alt))
    wb = Workbook(organization=org, code=code)
    next_id = {"indicator": 1, "procedure": 1}
    for pos, obj in enumerate(raw.get("objectives", []), start=1):
        wb.objectives.append(_record(Objective, obj, lang, id=pos, position=pos))
    for pos, p in enumerate(raw["promises"], start=1):
        origin = f"example:{key}/{p['key']}"
        promise = _record(Promise, p, lang, id=pos, position=pos, origin=origin)
        for field, alt_field in _ALT_FIELDS.items():
            setattr(promise, alt_field, pick(p.get(field, ""), alt))
        promise.origin_wording = promise.wording
        wb.promises.append(promise)
        for ind in p.get("indicators", []):
            wb.indicators.append(
                _record(Indicator, ind, lang, id=next_id["indicator"], promise_id=pos)
            )
            next_id["indicator"] += 1
        for proc in p.get("procedures", []):
            wb.procedures.append(
                _record(Procedure, proc, lang, id=next_id["procedure"], promise_id=pos)
            )
            next_id["procedure"] += 1
    for pos, item in enumerate(raw.get("communication_items", []), start=1):
        wb.communication_items.append(_record(CommunicationItem, item, lang, id=pos, position=pos))
    for pos, res in enumerate(raw.get("resources", []), start=1):
        wb.resources.append(_record(Resource, res, lang, id=pos))
    return wb
