"""The shape every answer takes, so the CLI and the API render one object the same way.

An answer is a frozen dataclass (`Answer` and `Listing` are `@frozen` records,
`allied.frozen`; a subclass may be either) of JSON-ready values, dates and periods (see
`allied.records`): its JSON document is `as_record(answer)`, its JSON Schema
`schema_of(type(answer))`, and its CSV the rows under `ROWS` in `COLUMNS`.
A list is a `Listing`: one envelope (`total`, `offset`, `limit`,
`next_offset`, `items`) for every list, so a client pages any of them alike.

Every document starts with `data_version` (see `allied.version`).
A new question adds one answer class and one function returning it; the
CLI's `emit_answer` and the API's `respond` then render it in every format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import Any, ClassVar, Self

from allied.errors import InvalidQuery
from allied.frozen import frozen
from allied.records import as_record
from allied.version import DATA_VERSION


@frozen
class Answer:
    """An answer to one question: a JSON document, and rows and columns for CSV.

    Every document carries `data_version`, the version of the data it was
    answered from (`allied.version.DATA_VERSION`).
    """

    #: The version of the data the answer comes from; never given by a caller.
    data_version: str = field(default=DATA_VERSION, kw_only=True)

    #: The CSV's columns, in order.
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    #: The field whose items are the CSV's rows; empty when the answer is one row.
    ROWS: ClassVar[str] = ""

    def document(self) -> dict[str, Any]:
        """The JSON document (what `--format json` and `?format=json` give)."""
        record: dict[str, Any] = as_record(self)
        return record

    def csv_columns(self) -> tuple[str, ...]:
        """The CSV's columns: `COLUMNS`, unless the answer's columns depend on the question."""
        return self.COLUMNS

    def rows(self, document: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """The CSV's rows (from `document` when it is already built)."""
        document = document if document is not None else self.document()
        rows = list(document[self.ROWS]) if self.ROWS else [document]
        if "data_version" in self.csv_columns():  # an export: each row says which data it is
            rows = [{**row, "data_version": self.data_version} for row in rows]
        return rows


@frozen
class Listing(Answer):
    """A page of a list: `items[offset : offset + limit]` of `total`.

    `limit` is `None` when the whole list is given; `next_offset` is where the
    next page starts, `None` on the last one.
    """

    total: int
    offset: int
    limit: int | None
    next_offset: int | None
    items: tuple[Any, ...]

    ROWS: ClassVar[str] = "items"

    @classmethod
    def of(cls, found: Sequence[Any], *, offset: int = 0, limit: int | None = None,
           **extra: Any) -> Self:  # fmt: skip
        """The page of `found` starting at `offset`, at most `limit` long (all when `None`)."""
        if offset < 0:
            raise InvalidQuery(f"offset must be 0 or more, not {offset}")
        if limit is not None and limit < 1:
            raise InvalidQuery(f"limit must be 1 or more, not {limit}")
        end = len(found) if limit is None else offset + limit
        following = end if end < len(found) else None
        return cls(len(found), offset, limit, following, tuple(found[offset:end]), **extra)
