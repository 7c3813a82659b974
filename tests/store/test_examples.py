"""The examples in the store's docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["__init__", "engine", "tables", "rows", "schema", "sync"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module("allied.store" + ("" if name == "__init__" else f".{name}"))
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
