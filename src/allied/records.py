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
import types
import typing
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from allied.period import PartialDate, Period

JSONSchema = dict[str, Any]
_PRECISIONS = ["day", "month", "year", "range"]


def as_record(obj: Any) -> Any:
    """Flatten a model object (or a list of them) into JSON-ready values."""
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
        for name, key, shape in _layout(type(obj)):
            value = getattr(obj, name)
            if shape == "period":
                record.update(_period_record(value))
            elif shape == "date":
                record[key] = str(value) if value is not None else None
                record[f"{key}_precision"] = value.precision if value is not None else None
            elif shape == "flatten":
                record.update(as_record(value))
            else:
                record[key] = as_record(value)
        return record
    return obj


@cache
def _layout(cls: type) -> tuple[tuple[str, str, str], ...]:
    """Each shown field's name, its key and how it is flattened, computed once per class."""
    hints = get_type_hints(cls)
    layout = []
    for field in _fields(cls):
        base = _without_none(hints[field.name])
        if field.metadata.get("flatten"):
            shape = "flatten"
        elif base is Period:
            shape = "period"
        elif base is PartialDate:
            shape = "date"
        else:
            shape = "plain"
        layout.append((field.name, _key(field), shape))
    return tuple(layout)


def _key(field: dataclasses.Field[Any]) -> str:
    key: str = field.metadata.get("key", field.name)
    return key


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if not f.metadata.get("hidden"))


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
    hints = get_type_hints(cls)
    properties: dict[str, JSONSchema] = {}
    for field in _fields(cls):
        hint = hints[field.name]
        nullable = _is_optional(hint)
        base = _without_none(hint)
        if field.metadata.get("flatten"):
            properties.update(_object_schema(base, components)["properties"])
        elif base is Period:
            date = _maybe_null({"type": "string"}, nullable)
            precision = _maybe_null({"enum": _PRECISIONS}, nullable)
            properties.update(
                start=date,
                start_precision=precision,
                end=_maybe_null({"type": "string"}, True),
                end_precision=_maybe_null({"enum": _PRECISIONS}, True),
            )
        elif base is PartialDate:
            properties[_key(field)] = _maybe_null({"type": "string"}, nullable)
            properties[f"{_key(field)}_precision"] = _maybe_null({"enum": _PRECISIONS}, nullable)
        else:
            properties[_key(field)] = _maybe_null(_value_schema(base, components), nullable)
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
        item = get_args(hint)[0]
        return {"type": "array", "items": _maybe_null(_value_schema(_without_none(item),
                components), _is_optional(item))}  # fmt: skip
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


def _is_optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def _without_none(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        args = [arg for arg in get_args(hint) if arg is not type(None)]
        return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    return hint
