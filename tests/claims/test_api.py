"""The public API of `allied.claims` is exactly its sorted `__all__`."""

from __future__ import annotations

import allied.claims


def test_all_is_sorted_and_complete() -> None:
    # isort-style, as ruff keeps it: CONSTANTS, then Classes, then functions
    def order(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert allied.claims.__all__ == sorted(allied.claims.__all__, key=order)
    for name in allied.claims.__all__:
        assert hasattr(allied.claims, name), name


def test_errors_are_allied_errors() -> None:
    for name in ("BinaryDocument", "DocumentTooLarge", "EmptyDocument", "NotUtf8",
                 "UnreadableDocument"):  # fmt: skip
        error = getattr(allied.claims, name)
        assert issubclass(error, allied.claims.DocumentError)
        assert issubclass(error, allied.AlliedError)
