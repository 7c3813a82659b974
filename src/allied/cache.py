"""The parsed dataset kept between runs, so a CLI call does not parse every file again.

Parsing and checking the data files costs more than anything else on the path
of a one-shot query. After a dataset loads cleanly, each family is pickled to
its own file in the user's cache directory (`ALLIED_CACHE_DIR`, else
`$XDG_CACHE_HOME/allied`, else `~/.cache/allied`), beside a key made of the data
directory and the size and modification time of every data file and of the
modules that define the facts. A later load whose key matches reads a family's
file only when the family is first used (`allied members` reads five of them);
any change to a file or to the model makes a new key.
Set `ALLIED_CACHE_DIR` to an empty string to turn the cache off.

The cache is an optimisation only: a missing, stale, unreadable or foreign file
(not the user's own, or writable by others) is ignored and the dataset is
parsed as if there were none; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from _pickle import load as _load  # see `_read`
from collections.abc import Mapping
from typing import Any

VARIABLE = "ALLIED_CACHE_DIR"
_HERE = os.path.dirname(os.path.abspath(__file__))
#: The modules whose code decides what a parsed fact is (and the package `model/`).
_CODE = (
    "families.py",
    "schema.py",
    "period.py",
    "column.py",
    "dataset.py",
    "hints.py",
    "cache.py",
    "frozen.py",
)
_MODEL = os.path.join(_HERE, "model")
#: The file holding the key, written after every family's file.
_KEY = "key.pickle"


def cache_dir() -> str | None:
    """Where the cache lives, or `None` when it is turned off."""
    chosen = os.environ.get(VARIABLE)
    if chosen is not None:
        return chosen or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "allied")


class Shelf:
    """The families kept for one data directory under one key, each read when asked for."""

    def __init__(self, folder: str, key: str) -> None:
        self.folder = folder
        self.key = key

    def facts(self, family: str) -> tuple[Any, ...] | None:
        """The facts kept for `family`, or `None` when its file is missing, doubtful or stale.

        A family's file carries the key it was written under, so a file left by
        an earlier or a later write is never mixed with this shelf's others.
        """
        kept = _read(os.path.join(self.folder, f"{family}.pickle"))
        if not isinstance(kept, tuple) or len(kept) != 2 or kept[0] != self.key:
            return None
        facts = kept[1]
        return facts if isinstance(facts, tuple) else None


def shelf(directory: str, filenames: list[str]) -> Shelf | None:
    """The families kept for these data files as they are now, or `None`."""
    folder, key = _where(directory, filenames)
    if folder is None or _read(os.path.join(folder, _KEY)) != key:
        return None
    return Shelf(folder, key)


def write(directory: str, filenames: list[str], families: Mapping[str, tuple[Any, ...]]) -> None:
    """Keep every family for the next load of these files (silently skipped on failure)."""
    folder, key = _where(directory, filenames)
    if folder is None:
        return
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        _write(os.path.join(folder, _KEY), None)  # the old key first: no reader trusts a mix
        for name, facts in families.items():
            _write(os.path.join(folder, f"{name}.pickle"), (key, facts))
        _write(os.path.join(folder, _KEY), key)
    except OSError:
        return


def _read(path: str) -> Any:
    """What a cache file holds, or `None` if it is missing, unreadable or not the user's own."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            # Reading needs only CPython's unpickler in C (`_pickle`): the `pickle` module
            # around it is large Python that costs a one-shot query about 5 M instructions.
            return _load(handle)
    except Exception:
        return None


def _write(path: str, value: Any) -> None:
    import pickle

    temporary = f"{path}.{os.getpid()}.tmp"  # written whole, then renamed: never half-read
    with open(temporary, "wb") as out:
        os.chmod(temporary, 0o600)
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def _where(directory: str, filenames: list[str]) -> tuple[str | None, str]:
    """The cache folder for a data directory, and the key its contents must carry."""
    folder = cache_dir()
    if folder is None:
        return None, ""
    absolute = os.path.abspath(directory)
    stamps = [absolute, sys.version]
    try:
        model = sorted(name for name in os.listdir(_MODEL) if name.endswith(".py"))
    except OSError:
        return None, ""
    code = [os.path.join(_HERE, name) for name in _CODE] + [os.path.join(_MODEL, m) for m in model]
    for path in [os.path.join(absolute, name) for name in filenames] + code:
        try:
            info = os.stat(path)
        except OSError:
            return None, ""  # a file is missing: the loader will say so
        stamps.append(f"{path}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}")
    # The key is the stamps themselves: comparing them is exact and needs no hash module.
    name = f"{zlib.crc32(absolute.encode()):08x}"
    return os.path.join(folder, f"dataset-{name}"), "\0".join(stamps)
