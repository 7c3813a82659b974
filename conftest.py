"""For the whole run, collection and doctests included: a private parsed-dataset cache,
and property tests without Hypothesis's per-example deadline (speed lives in `make bench`,
and a deadline fails on a busy machine, not on a wrong answer).

Set in `pytest_configure`, before any test module is imported (some build the
app at import), so no run reads or writes the user's `~/.cache/allied`.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import settings

_FOLDER = tempfile.mkdtemp(prefix="allied-cache-")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["ALLIED_CACHE_DIR"] = _FOLDER
    settings.register_profile("allied", deadline=None)
    settings.load_profile("allied")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_FOLDER, ignore_errors=True)
