"""`@frozen` records behave as `@dataclass(frozen=True)` classes declared alike."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from allied import model
from allied.frozen import frozen
from allied.period import PartialDate, Period


@frozen
class Record:
    """A record with every kind of field the model uses."""

    code: str
    count: int = 0
    hidden: str = field(default="", repr=False, compare=False)
    items: tuple[str, ...] = field(default_factory=tuple)
    derived: int = field(init=False, default=7)
    note: str = field(default="", kw_only=True)


@dataclass(frozen=True)
class Twin:
    """The same record, as a dataclass writes it."""

    code: str
    count: int = 0
    hidden: str = field(default="", repr=False, compare=False)
    items: tuple[str, ...] = field(default_factory=tuple)
    derived: int = field(init=False, default=7)
    note: str = field(default="", kw_only=True)


@frozen(slots=True)
class Slotted:
    """A record with slots, checked after it is made."""

    start: int
    end: int | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("ends before it starts")


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("BEL",), {}),
    (("BEL", 2), {}),
    (("BEL", 2, "x", ("a",)), {"note": "n"}),
    ((), {"code": "BEL", "items": ("a", "b")}),
    (("BEL",), {"hidden": "y", "count": 3}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_a_record_is_its_dataclass_twin(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    ours, theirs = Record(*args, **kwargs), Twin(*args, **kwargs)
    assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
    assert repr(ours).removeprefix("Record") == repr(theirs).removeprefix("Twin")
    assert hash(ours) == hash(theirs)
    assert ours == Record(*args, **kwargs)
    assert ours == dataclasses.replace(ours, hidden="other")  # not compared
    assert ours != dataclasses.replace(ours, count=99)
    assert ours != theirs  # another class


def test_dataclasses_read_a_record_as_a_frozen_dataclass() -> None:
    assert dataclasses.is_dataclass(Record)
    assert [f.name for f in dataclasses.fields(Record)] == [
        f.name for f in dataclasses.fields(Twin)
    ]
    assert Record.__match_args__ == Twin.__match_args__
    assert str(inspect.signature(Record)) == str(inspect.signature(Twin))
    assert dataclasses.asdict(Record("BEL")) == {
        "code": "BEL", "count": 0, "hidden": "", "items": (), "derived": 7, "note": ""
    }  # fmt: skip
    params = Record.__dataclass_params__  # type: ignore[attr-defined]
    assert (params.init, params.repr, params.eq, params.frozen) == (True, True, True, True)


def test_a_record_cannot_change() -> None:
    record = Record("BEL")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'code'"):
        record.code = "NLD"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'code'"):
        del record.code  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing required argument: 'code'"),
        (("BEL", 1, "", (), "n"), {}, "takes 5 positional arguments but 6 were given"),
        (("BEL",), {"code": "NLD"}, "multiple values for argument 'code'"),
        (("BEL",), {"colour": "red"}, "unexpected keyword argument 'colour'"),
        (("BEL",), {"derived": 1}, "unexpected keyword argument 'derived'"),
    ],
)
def test_a_wrong_call_is_a_type_error(
    args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        Record(*args, **kwargs)
    with pytest.raises(TypeError):
        Twin(*args, **kwargs)


def test_a_slotted_record_checks_itself_and_survives_pickle_and_copy() -> None:
    with pytest.raises(ValueError, match="ends before"):
        Slotted(3, 1)
    record = Slotted(1, 3)
    assert not hasattr(record, "__dict__")
    for again in (pickle.loads(pickle.dumps(record)), copy.copy(record), copy.deepcopy(record)):
        assert again == record
        assert again is not record
    date = PartialDate.parse("2004-06-28/2005-03")
    assert pickle.loads(pickle.dumps(Period(date))) == Period(date)
    assert pickle.loads(pickle.dumps(date)).last == date.last


def test_a_dataclass_may_subclass_a_record() -> None:
    @dataclass(frozen=True)
    class Child(Record):
        """A record with one more field."""

        extra: str = ""

    child = Child("BEL", extra="x")
    assert (child.code, child.extra, child.derived) == ("BEL", "x", 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        child.extra = "y"  # type: ignore[misc]


def test_a_record_may_subclass_a_record() -> None:
    @frozen
    class Child(Record):
        """A record with one more field."""

        extra: str = ""

    assert Child("BEL", extra="x") == Child("BEL", 0, extra="x")
    assert repr(Child("BEL")).startswith("test_a_record_may_subclass_a_record.<locals>.Child(")


def test_a_record_needs_a_docstring() -> None:
    with pytest.raises(TypeError, match="docstring"):

        @frozen
        class Bare:
            value: int


def test_every_model_class_is_a_record() -> None:
    for name in model.MODULES:
        cls = getattr(model, name)
        assert cls.__init__.__module__ == "allied.frozen", name


def test_what_a_record_defines_itself_is_kept() -> None:
    @frozen
    class Named:
        """Equal by name alone, hashed by its fields (as a dataclass would)."""

        name: str
        note: str = ""

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and other.name == self.name

        def __repr__(self) -> str:
            return f"<{self.name}>"

    @frozen
    class Hashed:
        """Hashed by its own rule."""

        name: str

        def __hash__(self) -> int:
            return 7

    assert Named("a", "x") == Named("a", "y")
    assert repr(Named("a")) == "<a>"
    assert hash(Named("a")) == hash(("a", ""))
    assert hash(Hashed("a")) == 7
