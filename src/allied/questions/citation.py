"""`cite`: the BibTeX and CSL-JSON reference for the dataset, an export or a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.answer import Answer
from allied.citation import Reference, cite
from allied.period import parse_date
from allied.registry import DateLike


@dataclass(frozen=True)
class Citation(Answer):
    """How to cite a work: its BibTeX entry and its CSL-JSON item, with version and as-of date."""

    reference: Reference = field(metadata={"flatten": True})

    COLUMNS: ClassVar = ("work", "key", "title", "on", "bibtex")


def citation(work: str = "dataset", *, on: DateLike = None) -> Citation:
    """The reference for `work` as of `on` (default: today)."""
    return Citation(cite(work, on=parse_date(on)))
