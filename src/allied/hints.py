"""A dataclass field's type, read once: what the file, store and JSON shapes are derived from.

Annotations are strings here (`from __future__ import annotations`), so each
distinct text is evaluated once in its module and kept: cheaper than
`typing.get_type_hints`, which compiles every annotation anew on every call,
and this runs on every CLI start.

>>> import dataclasses
>>> from allied.model import Membership
>>> end = next(f for f in dataclasses.fields(Membership) if f.name == "end_reason")
>>> field_type(Membership, end)
<class 'str'>
>>> split_optional(int | None)
(<class 'int'>, True)
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
import types
import typing
from typing import Any

_HINTS: dict[tuple[str, str], Any] = {}


def field_type(cls: type[Any], field: dataclasses.Field[Any]) -> Any:
    """The type `field` of dataclass `cls` is annotated with, evaluated in `cls`'s module."""
    if not isinstance(field.type, str):
        return field.type
    found = _HINTS.get((cls.__module__, field.type))
    if found is None:
        namespace = vars(sys.modules[cls.__module__])
        if field.type.isidentifier():  # a plain name (`str`, `Role`): looked up, not compiled
            found = namespace.get(field.type, vars(builtins).get(field.type))
        if found is None:
            found = eval(field.type, namespace)
        _HINTS[cls.__module__, field.type] = found
    return found


def split_optional(hint: Any) -> tuple[Any, bool]:
    """`X | None` as `(X, True)`; any other type as `(type, False)`."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = tuple(arg for arg in typing.get_args(hint) if arg is not type(None))
        if len(args) < len(typing.get_args(hint)):
            return (args[0] if len(args) == 1 else typing.Union[args]), True  # noqa: UP007
    return hint, False
