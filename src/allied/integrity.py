"""The load-time integrity check: every key unique, every reference resolved.

Derived from the families' declarations (`allied.families`): a family's `key`
must be unique, and every field that `refers` to a family must name one of its
keys. Imported only when a dataset is parsed or validated, not when it is read
from the cache (which holds only datasets that passed).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from allied.families import Dataset
from allied.schema import FAMILIES, Family


@dataclass(frozen=True, slots=True)
class Breach:
    """A fact that breaks a reference or uniqueness rule: where, and what.

    `index` is the fact's place in its family (0-based); `first` is the place
    of the fact a duplicate repeats.
    """

    check: str
    family: Family
    index: int
    column: str
    message: str
    first: int | None = None


def find_breaches(dataset: Dataset) -> Iterator[Breach]:
    """Every duplicate key and every reference to a fact that is not there.

    The loader refuses a dataset with any (`allied.dataset.load_dataset`);
    `allied validate` reports them for a dataset built another way.
    """
    keys: dict[str, set[str]] = {}
    for fam in FAMILIES:
        facts: Sequence[Any] = getattr(dataset, fam.name)
        seen: dict[tuple[str, ...], int] = {}
        for index, fact in enumerate(facts):
            key = fam.key_of(fact)
            if key in seen:
                shown = ",".join(fam.key)
                yield Breach("unique-ids", fam, index, shown, "appears again", seen[key])
            else:
                seen[key] = index
        if len(fam.key) == 1:
            keys[fam.name] = {k for (k,) in seen}
    for fam in FAMILIES:
        refs = [(f, keys[f.refers]) for f in fam.fields if f.refers]
        if not refs:
            continue
        for index, fact in enumerate(getattr(dataset, fam.name)):
            for f, known in refs:
                value = getattr(fact, f.name)
                for item in value if f.kind == "list" else (value,) if value else ():
                    if item not in known:
                        message = f"unknown {_singular(f.refers or '')} {item!r}"
                        yield Breach(f"{f.refers}-resolve", fam, index, f.name, message)


def _singular(name: str) -> str:
    return name.removesuffix("s")
