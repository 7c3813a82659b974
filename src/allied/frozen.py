"""Frozen records: dataclasses whose methods are shared code, not code written per class.

`@dataclass(frozen=True)` writes the source of `__init__`, `__repr__`, `__eq__`,
`__hash__`, `__setattr__` and `__delattr__` for each class and compiles it: about
4 M instructions a class, and a one-shot `allied members` creates a dozen (the
dates, the families it reads, its answer) — a third of its start-up beyond
the interpreter's and click's. `@frozen` declares the same class: a frozen
dataclass to `dataclasses` (`fields`, `replace`, `asdict`, `is_dataclass`), to
type checkers (through `typing.dataclass_transform`) and to its users (the
same arguments, equality, hash, repr and `FrozenInstanceError`), whose
methods are closures over its fields, made without compiling anything.

It takes the options the model uses: `slots=True`, and `field(...)` with
`default`, `default_factory`, `init`, `repr`, `compare`, `hash`, `kw_only` and
`metadata`. A record needs a docstring (the API's schema describes it with
its first line). A `@dataclass(frozen=True)` may subclass a record; a record
may subclass a record but not a plain dataclass.

>>> @frozen
... class Point:
...     "A point on a line, and its label."
...     x: int
...     label: str = ""
>>> Point(1), Point(1) == Point(1, ""), dataclasses.replace(Point(1), label="a")
(Point(x=1, label=''), True, Point(x=1, label='a'))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter, itemgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")
_MISSING: Any = dataclasses.MISSING


@overload
def frozen(cls: type[_T], /) -> type[_T]: ...


@overload
def frozen(*, slots: bool = False) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(cls: type[_T] | None = None, /, *, slots: bool = False) -> Any:
    """Make `cls` a frozen dataclass (`slots=True`: with `__slots__`), methods made cheaply."""

    def wrap(cls: type[_T]) -> type[_T]:
        return _record(cls, slots=slots)

    return wrap if cls is None else wrap(cls)


def _record(cls: type[_T], *, slots: bool) -> type[_T]:
    if not cls.__doc__:
        raise TypeError(f"{cls.__qualname__}: a record says what it is in a docstring")
    body_hash = cls.__dict__.get("__hash__", _MISSING)
    keeps_hash = not (body_hash is _MISSING or (body_hash is None and "__eq__" in cls.__dict__))
    # A dataclass base that is frozen (a record is) needs its subclasses frozen: then
    # `dataclasses` writes `__setattr__` and `__delattr__` itself, and the rest is ours.
    frozen_base = any(_params(base).frozen for base in cls.__mro__[1:] if _params(base))
    made: Any = dataclasses.dataclass(
        cls, init=False, repr=False, eq=False, frozen=frozen_base, slots=slots
    )
    fields = dataclasses.fields(made)
    methods: dict[str, Callable[..., Any]] = {
        "__init__": _init(made, fields),
        "__repr__": _repr(fields),
        "__eq__": _eq(fields),
        "__setattr__": _setattr(made, fields),
        "__delattr__": _delattr(made, fields),
    }
    if slots:  # for pickle and copy, which find no `__dict__` to restore
        methods["__getstate__"] = _getstate(fields)
        methods["__setstate__"] = _setstate(fields)
    if "__signature__" not in made.__dict__:
        made.__signature__ = _Signature(_arguments(fields))
    if not keeps_hash:  # it has none of its own, or the `None` Python sets beside an `__eq__`
        methods["__hash__"] = _hash(fields)
    for name, method in methods.items():
        if name == "__hash__" or name not in made.__dict__:  # its own are kept, as dataclass does
            method.__qualname__ = f"{made.__qualname__}.{name}"
            setattr(made, name, method)
    # What `dataclasses` reads of the class (a subclass checks `frozen`): what it is.
    params = _params(made)
    params.init = params.repr = params.eq = params.frozen = True
    return made  # type: ignore[no-any-return]


def _params(cls: type) -> Any:
    return cls.__dict__.get("__dataclass_params__")


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of these attributes, as a tuple (what equality and the hash compare)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()


def _items(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of these keys of a mapping, as a tuple."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda mapping: (mapping[name],)
    return lambda mapping: ()


def _arguments(fields: tuple[dataclasses.Field[Any], ...]) -> list[dataclasses.Field[Any]]:
    """The fields `__init__` takes, in order: positional ones, then keyword-only ones."""
    return [f for f in fields if f.init and not f.kw_only] + [
        f for f in fields if f.init and f.kw_only
    ]


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    given = _arguments(fields)
    names = tuple(f.name for f in given)
    positional = sum(1 for f in given if not f.kw_only)
    # The defaults of the last fields, which a call often leaves out: filled in without `bind`.
    tail: tuple[Any, ...] = ()
    for f in reversed(given):
        if f.default is _MISSING:
            break
        tail = (f.default, *tail)
    least = len(names) - len(tail)
    later: list[tuple[str, Any, Any]] = [  # not arguments, but set to their defaults
        (f.name, f.default, f.default_factory)
        for f in fields
        if not f.init and (f.default is not _MISSING or f.default_factory is not _MISSING)
    ]
    every, pick = frozenset(names), _items(list(names))
    post_init = hasattr(cls, "__post_init__")
    bind = _binder(cls, given)
    assign = object.__setattr__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        # The common calls are answered first: every field by keyword (as the loader
        # calls), or the first ones by position and the rest left to their defaults.
        if kwargs:
            args = pick(kwargs) if not args and kwargs.keys() == every else bind(args, kwargs)
        elif not least <= len(args) <= positional:
            args = bind(args, kwargs)
        elif len(args) < len(names):
            args += tail[len(args) - least :]
        # `strict=True` would parse a keyword on every call; the lengths are equal now.
        for name, value in zip(names, args):  # noqa: B905
            assign(self, name, value)
        for name, default, factory in later:
            assign(self, name, default if factory is _MISSING else factory())
        if post_init:
            self.__post_init__()

    return __init__


class _Signature:
    """What `inspect.signature`, `help` and editors show of a record's arguments.

    Made when first asked for: `inspect` builds it slowly, and no query needs it.
    """

    def __init__(self, given: list[dataclasses.Field[Any]]) -> None:
        self.given = given

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        import inspect

        parameters = []
        for f in self.given:
            kind = (
                inspect.Parameter.KEYWORD_ONLY
                if f.kw_only
                else inspect.Parameter.POSITIONAL_OR_KEYWORD
            )
            default = _FACTORY if f.default_factory is not _MISSING else f.default
            if default is _MISSING:
                default = inspect.Parameter.empty
            parameters.append(inspect.Parameter(f.name, kind, default=default, annotation=f.type))
        return inspect.Signature(parameters, return_annotation=None)


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"  # as dataclass shows a default made by a factory


_FACTORY = _Factory()


def _binder(cls: type, given: list[dataclasses.Field[Any]]) -> Callable[..., tuple[Any, ...]]:
    """How a call's arguments become one value per field, in order, defaults filled in."""
    names = tuple(f.name for f in given)
    positional = sum(1 for f in given if not f.kw_only)
    defaults = {f.name: f.default for f in given if f.default is not _MISSING}
    factories: dict[str, Any] = {
        f.name: f.default_factory for f in given if f.default_factory is not _MISSING
    }
    title = f"{cls.__qualname__}.__init__()"

    def bind(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        if len(args) > positional:
            raise TypeError(f"{title} takes {positional + 1} positional arguments "
                            f"but {len(args) + 1} were given")  # fmt: skip
        values = list(args)
        for name in names[len(args) :]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in defaults:
                values.append(defaults[name])
            elif name in factories:
                values.append(factories[name]())
            else:
                raise TypeError(f"{title} missing required argument: {name!r}")
        for name in kwargs:  # left over: given twice, or not a field
            if name in names:
                raise TypeError(f"{title} got multiple values for argument {name!r}")
            raise TypeError(f"{title} got an unexpected keyword argument {name!r}")
        return tuple(values)

    return bind


def _repr(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any], str]:
    shown = [f.name for f in fields if f.repr]

    @recursive_repr()
    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inside})"

    return __repr__


def _eq(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any, object], Any]:
    compared = _values([f.name for f in fields if f.compare])

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return __eq__


def _hash(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any], int]:
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    return __hash__


def _setattr(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    names = frozenset(f.name for f in fields)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _delattr(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    names = frozenset(f.name for f in fields)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__


def _getstate(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any], list[Any]]:
    """A slotted record's pickle: its fields' values, set again without `__init__`.

    A cached dataset's dates and periods load so, without being parsed or checked again.
    """

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, f.name) for f in fields]

    return __getstate__


def _setstate(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any, list[Any]], None]:
    names = tuple(f.name for f in fields)
    assign = object.__setattr__

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state):  # noqa: B905 - as `__init__`'s loop
            assign(self, name, value)

    return __setstate__
