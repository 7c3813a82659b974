"""The public API is exactly `allied.__all__`, sorted, and every name in it exists."""

from __future__ import annotations

import allied


def test_all_is_sorted_and_complete() -> None:
    assert allied.__all__ == sorted(allied.__all__)
    for name in allied.__all__:
        assert hasattr(allied, name), name
    public = {
        name
        for name, value in vars(allied).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("allied")
    }
    assert public <= set(allied.__all__) | {"load"}
