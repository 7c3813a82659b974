"""Model objects as JSON records, and the JSON Schema of those records, from one declaration.

`as_record` flattens a frozen dataclass into JSON-ready values; `schema_of`
reads the same dataclass's type hints and gives the JSON Schema that the
record satisfies. Both follow the same rules, so a field declared once has
its JSON shape and its schema at once:

- a `PartialDate` field `x` is two keys: `x` (ISO text at its own precision)
  and `x_precision` (`day`, `month`, `year` or `range`), both `null` when absent;
- a `Period` field is four keys, whatever its name: `start`, `end`,
  `start_precision`, `end_precision` (`end` is `null` while ongoing);
- a `datetime.date` is ISO text; a tuple is a list; a `Literal` is an enum;
- a nested dataclass is an object, unless its field is declared
  `field(metadata={"flatten": True})`: then its keys join its parent's;
- `field(metadata={"key": "from"})` names a key a Python name cannot be.

>>> from allied.period import PartialDate
>>> from allied.model import StatedCount
>>> as_record(StatedCount("nato", PartialDate.parse("1949-04-04"), 12, ("s1",)))["on_precision"]
'day'
>>> sorted(schema_of(StatedCount)[0]["properties"])[:3]
['count', 'framework', 'note']
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
from functools import cache
from typing import Any, Literal, get_args, get_origin

from allied.frozen import frozen
from allied.hints import field_type, split_optional
from allied.period import PartialDate, Period

JSONSchema = dict[str, Any]
_PRECISIONS = ["day", "month", "year", "range"]
_PLAIN = frozenset({str, int, float, bool, type(None)})
_OPEN_PRECISION: JSONSchema = {"anyOf": [{"enum": _PRECISIONS}, {"type": "null"}]}


def as_record(obj: Any) -> Any:
    """Flatten a model object (or a list of them) into JSON-ready values."""
    if type(obj) in _PLAIN:  # most values: checked first, by exact type (a str enum is not)
        return obj
    if isinstance(obj, PartialDate):
        return str(obj)
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, tuple | list):
        return [as_record(item) for item in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        record: dict[str, Any] = {}
        for slot in _layout(type(obj)):
            value, key = getattr(obj, slot.name), slot.key
            if slot.shape == "period":
                record.update(_period_record(value))
            elif slot.shape == "date":
                record[key] = str(value) if value is not None else None
                record[f"{key}_precision"] = value.precision if value is not None else None
            elif slot.shape == "flatten":
                record.update(as_record(value))
            else:
                record[key] = as_record(value)
        return record
    return obj


@frozen
class _Slot:
    """One field as the record shows it: its key, its shape and its type without `None`."""

    name: str
    key: str
    shape: Literal["flatten", "period", "date", "plain"]
    base: Any
    nullable: bool


@cache
def _layout(cls: type) -> tuple[_Slot, ...]:
    """How each field of `cls` is shown, computed once per class."""
    slots = []
    for field in dataclasses.fields(cls):
        base, nullable = split_optional(field_type(cls, field))
        shape: Literal["flatten", "period", "date", "plain"] = "plain"
        if field.metadata.get("flatten"):
            shape = "flatten"
        elif base is Period:
            shape = "period"
        elif base is PartialDate:
            shape = "date"
        slots.append(_Slot(field.name, _key(field), shape, base, nullable))
    return tuple(slots)


def _key(field: dataclasses.Field[Any]) -> str:
    key: str = field.metadata.get("key", field.name)
    return key


def _period_record(period: Period | None) -> dict[str, str | None]:
    if period is None:  # an unknown period: its bounds are unknown too
        return dict.fromkeys(("start", "end", "start_precision", "end_precision"))
    return {
        "start": str(period.start),
        "end": str(period.end) if period.end else None,
        "start_precision": period.start.precision,
        "end_precision": period.end.precision if period.end else None,
    }


def schema_of(cls: type) -> tuple[JSONSchema, dict[str, JSONSchema]]:
    """The JSON Schema of `as_record(obj)` for an `obj` of dataclass `cls`.

    Returns the schema and the named schemas it refers to (`#/components/schemas/NAME`),
    one per dataclass met on the way, for an OpenAPI document.
    """
    components: dict[str, JSONSchema] = {}
    return _object_schema(cls, components), components


def ref_schema(cls: type, components: dict[str, JSONSchema]) -> JSONSchema:
    """A `$ref` to `cls`'s schema, adding it (and what it uses) to `components`."""
    name = cls.__name__
    if name not in components:
        components[name] = {}  # placeholder: stops recursion
        components[name] = _object_schema(cls, components)
    return {"$ref": f"#/components/schemas/{name}"}


def _object_schema(cls: type, components: dict[str, JSONSchema]) -> JSONSchema:
    properties: dict[str, JSONSchema] = {}
    for slot in _layout(cls):
        text = _maybe_null({"type": "string"}, slot.nullable)
        precision = _maybe_null({"enum": _PRECISIONS}, slot.nullable)
        if slot.shape == "flatten":
            properties.update(_object_schema(slot.base, components)["properties"])
        elif slot.shape == "period":  # an ongoing period has no end, whatever its type says
            ongoing = (
                _maybe_null({"type": "string"}, True),
                _maybe_null({"enum": _PRECISIONS}, True),
            )
            properties.update(start=text, start_precision=precision, end=ongoing[0],
                              end_precision=ongoing[1])  # fmt: skip
        elif slot.shape == "date":
            properties[slot.key] = text
            properties[f"{slot.key}_precision"] = precision
        else:
            value = _value_schema(slot.base, components)
            properties[slot.key] = _maybe_null(value, slot.nullable)
    schema: JSONSchema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    return schema


def _value_schema(hint: Any, components: dict[str, JSONSchema]) -> JSONSchema:
    origin = get_origin(hint)
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is _dt.date:
        return {"type": "string", "format": "date"}
    if hint is PartialDate:
        return {"type": "string"}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin in (tuple, list):
        item, nullable = split_optional(get_args(hint)[0])
        return {"type": "array", "items": _maybe_null(_value_schema(item, components), nullable)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _value_schema(get_args(hint)[1],
                components)}  # fmt: skip
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return ref_schema(hint, components)
    if hint is Any or hint is object:
        return {}
    raise TypeError(f"no JSON Schema for {hint!r}")


def _maybe_null(schema: JSONSchema, nullable: bool) -> JSONSchema:
    return {"anyOf": [schema, {"type": "null"}]} if nullable else schema
