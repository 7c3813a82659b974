"""The parsed dataset kept between runs, so a CLI call does not parse every file again.

Parsing and checking the data files costs more than anything else on the path
of a one-shot query. After a dataset loads cleanly it is pickled to the user's
cache directory (`ALLIED_CACHE_DIR`, else `$XDG_CACHE_HOME/allied`, else
`~/.cache/allied`), under a key made of the data directory and the size and
modification time of every data file and of the modules that define the facts.
A later load with the same key reads the pickle instead; any change to a file
or to the model makes a new key. Set `ALLIED_CACHE_DIR` to an empty string to
turn the cache off.

The cache is an optimisation only: a missing, stale, unreadable or foreign file
(not the user's own, or writable by others) is ignored and the dataset is
parsed as if there were none; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import zlib
from typing import Any

VARIABLE = "ALLIED_CACHE_DIR"
_HERE = os.path.dirname(os.path.abspath(__file__))
#: The modules whose code decides what a parsed fact is.
_CODE = ("model.py", "families.py", "period.py", "column.py", "dataset.py", "hints.py", "cache.py")


def cache_dir() -> str | None:
    """Where the cache lives, or `None` when it is turned off."""
    chosen = os.environ.get(VARIABLE)
    if chosen is not None:
        return chosen or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "allied")


def read(directory: str, filenames: list[str]) -> Any | None:
    """The dataset cached for these data files as they are now, or `None`."""
    path, key = _where(directory, filenames)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            stored_key, dataset = pickle.load(handle)
    except Exception:
        return None
    return dataset if stored_key == key else None


def write(directory: str, filenames: list[str], dataset: Any) -> None:
    """Keep `dataset` for the next load of these files (silently skipped on failure)."""
    path, key = _where(directory, filenames)
    if path is None:
        return
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"  # written whole, then renamed: never half-read
        with open(temporary, "wb") as out:
            os.chmod(temporary, 0o600)
            pickle.dump((key, dataset), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return


def _where(directory: str, filenames: list[str]) -> tuple[str | None, str]:
    """The cache file for a data directory, and the key its contents must carry."""
    folder = cache_dir()
    if folder is None:
        return None, ""
    absolute = os.path.abspath(directory)
    stamps = [absolute, sys.version]
    for path in [os.path.join(absolute, name) for name in filenames] + [
        os.path.join(_HERE, name) for name in _CODE
    ]:
        try:
            info = os.stat(path)
        except OSError:
            return None, ""  # a file is missing: the loader will say so
        stamps.append(f"{path}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}")
    # The key is the stamps themselves: comparing them is exact and needs no hash module.
    name = f"{zlib.crc32(absolute.encode()):08x}"
    return os.path.join(folder, f"dataset-{name}.pickle"), "\0".join(stamps)
