"""Field types of the records, read once from the dataclasses.

The store's row mapping, the exchange-file validator and the published JSON
Schema all derive from this, so a new field needs no second definition.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import cache
from typing import Any

# kind of each field: "str", "int", "float", "bool", "list",
# "ref" (int or None), "num?" (float or None)
FieldKinds = dict[str, str]


@cache
def field_kinds(cls: type) -> FieldKinds:
    hints = typing.get_type_hints(cls)
    kinds: FieldKinds = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if hint is str:
            kinds[f.name] = "str"
        elif hint is bool:
            kinds[f.name] = "bool"
        elif hint is int:
            kinds[f.name] = "int"
        elif hint is float:
            kinds[f.name] = "float"
        elif hint == list[str]:
            kinds[f.name] = "list"
        elif hint == (int | None):
            kinds[f.name] = "ref"
        elif hint == (float | None):
            kinds[f.name] = "num?"
        else:  # pragma: no cover - a new field type must be taught here
            raise TypeError(f"{cls.__name__}.{f.name}: unsupported type {hint!r}")
    return kinds


def as_dict(record: Any) -> dict[str, Any]:
    """A record's fields as plain JSON-ready values."""
    return {name: getattr(record, name) for name in field_kinds(type(record))}


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """A record from trusted values (rows we wrote, or validated exchange data)."""
    kinds = field_kinds(cls)
    return cls(**{k: v for k, v in data.items() if k in kinds})
