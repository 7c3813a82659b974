"""The model package: every class is exported by `allied.model` and lives in its named module."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

import allied
from allied import model


def test_modules_names_every_class_of_the_package() -> None:
    defined = {}
    for found in pkgutil.iter_modules(model.__path__):
        module = importlib.import_module(f"allied.model.{found.name}")
        for name, value in vars(module).items():
            if dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                defined[name] = found.name
    assert defined == model.MODULES


@pytest.mark.parametrize("name", sorted(model.MODULES))
def test_each_class_is_exported_from_its_module(name: str) -> None:
    cls = getattr(model, name)
    assert cls.__module__ == f"allied.model.{model.MODULES[name]}"
    if name in allied.__all__:
        assert getattr(allied, name) is cls


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        model.Nothing  # noqa: B018
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        allied.Nothing  # noqa: B018
