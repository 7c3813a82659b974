"""What a model field declares about its column beyond its type.

A fact's type says most of it: `str` is text, a `Literal[...]` a choice, `int`
a whole number, `PartialDate` a date, `Period` a `start` and `end`, a
`tuple[str, ...]` a `|`-separated list, and `... | None` an empty cell allowed.
The rest — a description for the codebook, the choices of a plain `str`, the
family a value refers to, whether a text or a list may be empty — is declared
beside the field with `dataclasses.field(metadata=column(...))`; `allied.families`
reads both.

>>> column("The actor's code.", refers="actors")["column"].refers
'actors'
"""

from __future__ import annotations

from collections.abc import Mapping

from allied.frozen import frozen

#: The metadata key a field's `Column` is stored under.
KEY = "column"


@frozen
class Column:
    """A field's column extras: description, choices, reference, requiredness."""

    doc: str
    choices: tuple[str, ...] | None = None
    refers: str | None = None
    required: bool | None = None
    not_before: str | None = None


def column(
    doc: str,
    *,
    choices: tuple[str, ...] | None = None,
    refers: str | None = None,
    required: bool | None = None,
    not_before: str | None = None,
) -> Mapping[str, Column]:
    """Declare a field's column extras, as `dataclasses.field(metadata=column(...))`.

    `refers` names the family whose key the value (or each item of a list) must
    be; `required` overrides the default read from the type (text is required
    unless it has a default, a list is optional); `not_before` names a date
    field this one must not precede.
    """
    return {KEY: Column(doc, choices, refers, required, not_before)}


def cites(what: str = "the fact") -> Mapping[str, Column]:
    """The `sources` column every fact has: at least one id from `sources.csv`."""
    return column(f"Sources for {what}.", refers="sources", required=True)
