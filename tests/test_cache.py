"""The parsed-dataset cache: used when the files are unchanged, ignored whenever in doubt."""

from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

import pytest

from allied import cache
from allied.dataset import load_dataset
from allied.families import FAMILIES

NAMES = [family.filename for family in FAMILIES]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.VARIABLE, str(folder))
    return folder


def only_file(folder: Path) -> Path:
    (found,) = folder.glob("dataset-*.pickle")
    return found


def test_a_clean_load_is_kept_and_read_back(write_dataset, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    first = load_dataset(folder)
    kept = only_file(cache_dir)
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    # Plant a marked dataset under the same key: a load that reads the cache returns it.
    key, _ = pickle.loads(kept.read_bytes())
    marked = dataclasses.replace(first, conflicts=())
    kept.write_bytes(pickle.dumps((key, marked)))
    assert load_dataset(folder) == marked
    assert load_dataset(folder, cache=False) == first


def test_a_changed_file_is_parsed_again(write_dataset, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    load_dataset(folder)
    key, dataset = pickle.loads(only_file(cache_dir).read_bytes())
    only_file(cache_dir).write_bytes(
        pickle.dumps((key, dataclasses.replace(dataset, conflicts=())))
    )
    with open(folder / "sources.csv", "a", encoding="utf-8") as handle:
        handle.write("s3,official,Pub,Three,https://example.org/3,2001,\n")
    assert [s.id for s in load_dataset(folder).sources] == ["s1", "s2", "s3"]


@pytest.mark.parametrize("spoil", ["garbage", "group-writable", "other-key"])
def test_a_doubtful_cache_is_ignored(write_dataset, cache_dir: Path, spoil: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    real = load_dataset(folder)
    kept = only_file(cache_dir)
    key, _ = pickle.loads(kept.read_bytes())
    marked = pickle.dumps((key, dataclasses.replace(real, conflicts=())))
    if spoil == "garbage":
        kept.write_bytes(b"not a pickle")
    elif spoil == "group-writable":
        kept.write_bytes(marked)
        os.chmod(kept, 0o660)
    else:
        kept.write_bytes(pickle.dumps(("another key", dataclasses.replace(real, conflicts=()))))
    assert load_dataset(folder) == real


def test_the_cache_can_be_turned_off(write_dataset, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(cache.VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_dataset(write_dataset())
    assert not (tmp_path / "xdg").exists()


def test_an_unwritable_cache_does_not_stop_a_load(
    write_dataset, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv(cache.VARIABLE, str(blocker / "cache"))
    assert load_dataset(write_dataset()).sources
