"""The parsed-dataset cache: one file per family, read when first used, ignored when in doubt."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from allied import cache
from allied.dataset import load_dataset
from allied.schema import FAMILIES

NAMES = {family.name for family in FAMILIES}


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.VARIABLE, str(folder))
    return folder


def only_shelf(folder: Path) -> Path:
    (found,) = folder.glob("dataset-*")
    return found


def plant(shelf: Path, family: str, facts: tuple[object, ...], key: object = None) -> None:
    """Put `facts` in a family's file under the shelf's key (or under `key`)."""
    kept_key, _ = pickle.loads((shelf / f"{family}.pickle").read_bytes())
    (shelf / f"{family}.pickle").write_bytes(pickle.dumps((key or kept_key, facts)))


def test_a_clean_load_keeps_each_family_in_its_own_file(write_dataset, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    first = load_dataset(folder)
    shelf = only_shelf(cache_dir)
    assert {path.stem for path in shelf.glob("*.pickle")} == NAMES | {"key"}
    assert {oct(path.stat().st_mode & 0o777) for path in shelf.iterdir()} == {"0o600"}
    # Plant a marked family under the same key: a load that reads the cache returns it.
    plant(shelf, "sources", first.sources[:1])
    kept = load_dataset(folder)
    assert kept.sources == first.sources[:1] != first.sources
    assert kept.memberships == first.memberships
    assert load_dataset(folder, cache=False) == first


def test_a_family_is_read_when_first_used(write_dataset, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    real = load_dataset(folder)
    kept = load_dataset(folder)
    assert kept.memberships == real.memberships
    # Marked after the load but before its first use: the mark shows, so it was read now.
    plant(only_shelf(cache_dir), "sources", real.sources[:1])
    assert kept.sources == real.sources[:1]


def test_a_changed_file_is_parsed_again(write_dataset, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    load_dataset(folder)
    plant(only_shelf(cache_dir), "sources", ())
    with open(folder / "sources.csv", "a", encoding="utf-8") as handle:
        handle.write("s3,official,Pub,Three,https://example.org/3,2001,\n")
    assert [s.id for s in load_dataset(folder).sources] == ["s1", "s2", "s3"]
    # The new parse was kept: the next load reads the cache again, family by family.
    assert [s.id for s in load_dataset(folder).sources] == ["s1", "s2", "s3"]


@pytest.mark.parametrize("spoil", ["garbage", "group-writable", "other-key", "missing"])
def test_a_doubtful_key_is_ignored(write_dataset, cache_dir: Path, spoil: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    real = load_dataset(folder)
    shelf = only_shelf(cache_dir)
    plant(shelf, "sources", real.sources[:1])
    key = shelf / "key.pickle"
    if spoil == "garbage":
        key.write_bytes(b"not a pickle")
    elif spoil == "group-writable":
        os.chmod(key, 0o660)
    elif spoil == "other-key":
        key.write_bytes(pickle.dumps("another key"))
    else:
        key.unlink()
    assert load_dataset(folder).sources == real.sources


@pytest.mark.parametrize("spoil", ["garbage", "group-writable", "other-key", "missing"])
def test_a_doubtful_family_file_is_parsed_instead(
    write_dataset, cache_dir: Path, spoil: str
) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    real = load_dataset(folder)
    shelf = only_shelf(cache_dir)
    family = shelf / "sources.pickle"
    if spoil == "garbage":
        family.write_bytes(b"not a pickle")
    elif spoil == "group-writable":
        plant(shelf, "sources", real.sources[:1])
        os.chmod(family, 0o660)
    elif spoil == "other-key":
        plant(shelf, "sources", real.sources[:1], key="another key")
    else:
        family.unlink()
    kept = load_dataset(folder)
    assert kept.sources == real.sources
    assert kept == real
    # The parse rewrote the shelf: the family's file is sound again.
    assert pickle.loads(family.read_bytes())[1] == real.sources


def test_a_cached_dataset_pickles_whole(write_dataset, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    real = load_dataset(folder)
    kept = load_dataset(folder)
    assert pickle.loads(pickle.dumps(kept)) == real


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
