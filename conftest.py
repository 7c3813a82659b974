"""For the whole run, collection and doctests included: a private parsed-dataset cache.

Set in `pytest_configure`, before any test module is imported (some build the
app at import), so no run reads or writes the user's `~/.cache/allied`.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_FOLDER = tempfile.mkdtemp(prefix="allied-cache-")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["ALLIED_CACHE_DIR"] = _FOLDER


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_FOLDER, ignore_errors=True)
