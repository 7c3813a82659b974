"""Check a text as a person sends it: the size limit, line endings, offsets into what was sent.

`allied check`, `POST /api/v1/check` and the `/check` page all check through
`check_sent`, so all three apply the same limit and find the same claims in the
same text whatever its line endings: a browser sends a pasted text with CRLF
line endings, a file keeps the ones it was saved with. The checker reads the
text with LF line endings; the answer's `claims[].start/end` are then moved back
to character offsets into the text as it was sent.

>>> sent = check_sent("Last updated on 1 July 2021.\\r\\n\\r\\nNATO now has 30 members.")
>>> claim = sent.document["claims"][0]
>>> claim["verdict"], claim["start"], sent.line_of(claim["start"])
('outdated', 32, 3)
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from allied.errors import AlliedError
from allied.period import PartialDate

if TYPE_CHECKING:
    from allied.claims import CheckAnswer, CheckReport
    from allied.claims.document import Markup
    from allied.registry import Registry

#: The most claims one answer holds: 356 bytes of JSON each (measured), 1.8 MB at most.
#: A real document makes far fewer (measured: 0 to 7 in each of the 20 corpus texts, 11 and
#: 14 in the two seed pages); 2 MiB of one claim repeated makes 99,000, some 35 MB of JSON.
MAX_CLAIMS = 5_000
#: The largest text checked, in bytes of UTF-8 (2 MiB): a long report or a whole web page
#: with its markup fits, with room to spare (the 20 corpus texts are 1.1 to 2.0 kB each,
#: the two seed pages 4 and 10 kB).
TEXT_LIMIT = 2 * 1024 * 1024


class TooManyClaims(AlliedError, ValueError):
    """The text makes more claims than one answer may hold (`MAX_CLAIMS`)."""


@dataclass(frozen=True)
class SentCheck:
    """The report on a text, its JSON document with offsets into the text as sent, and lines."""

    report: CheckReport = field(repr=False)
    #: The report's JSON document (docs/claims.md), `claims[].start/end` into the text as sent.
    document: dict[str, Any]
    #: The plain text (markup blanked) of the same length as the text as sent, offset for offset.
    plain: str = field(repr=False)
    #: Where each line starts in the text as sent (CRLF, LF or a lone CR ends a line).
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    def answer(self) -> CheckAnswer:
        """The answer whose CSV rows are those of `document`."""
        return self.report.answer()

    def rows(self) -> list[dict[str, Any]]:
        """The claims as CSV rows, in the answer's columns."""
        return self.answer().rows(self.document)

    def count(self, verdict: str) -> int:
        """How many claims received `verdict`."""
        return sum(claim["verdict"] == verdict for claim in self.document["claims"])

    def line_of(self, offset: int) -> int:
        """The line (from 1) holding character `offset` of the text as sent."""
        return bisect.bisect_right(self.line_starts, offset)


def check_sent(
    data: str | bytes,
    *,
    as_of: str | _dt.date | PartialDate | None = None,
    registry: Registry | None = None,
    markup: Markup = "auto",
    max_bytes: int | None = None,
) -> SentCheck:
    """Check `data` as `check_text` does, within `TEXT_LIMIT`, whatever its line endings.

    CRLF and lone CR line endings are read as LF, so that a pasted text and the
    same text uploaded give the same claims; the answer's offsets are into
    `data` as sent. Raises what `check_text` raises (`DocumentTooLarge` past
    `max_bytes`, default `TEXT_LIMIT`), and `TooManyClaims` past `MAX_CLAIMS`.
    """
    from allied.claims import check_text

    limit = TEXT_LIMIT if max_bytes is None else max_bytes
    refuse_oversized(data, limit)
    text, dropped = _normalised(data, limit)
    report = check_text(text, as_of=as_of, registry=registry, markup=markup, max_bytes=limit)
    if len(report.claims) > MAX_CLAIMS:
        raise TooManyClaims(
            f"the text makes {len(report.claims):,} claims, more than {MAX_CLAIMS:,} in one "
            "answer: send it in parts"
        )
    document = report.as_document()
    if dropped:
        document = {**document, "claims": [_moved(claim, dropped) for claim in document["claims"]]}
    plain = _restored(report.plain, dropped)
    return SentCheck(report, document, plain, _line_starts(plain))


def refuse_oversized(data: str | bytes, limit: int = TEXT_LIMIT) -> None:
    """Raise `DocumentTooLarge` if `data` is over `limit` bytes of UTF-8."""
    if len(data) <= limit // 4:  # four bytes of UTF-8 at most per character
        return
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > limit:
        from allied.claims import DocumentTooLarge

        raise DocumentTooLarge(f"the text is {size:,} bytes; the limit is {limit:,}")


def read_file(path: str, *, max_bytes: int | None = None) -> tuple[bytes, Markup]:
    """Read a file (`-`: standard input) to check, refusing one over the limit unread.

    >>> read_file("no/such/file.txt")
    Traceback (most recent call last):
    ...
    allied.claims.document.UnreadableDocument: cannot read no/such/file.txt: no such file
    """
    from allied.claims import DocumentTooLarge, read_source

    limit = TEXT_LIMIT if max_bytes is None else max_bytes
    data, markup = read_source(path, max_bytes=limit)
    if len(data) > limit:
        if path == "-":
            raise DocumentTooLarge(f"standard input is more than {limit:,} bytes, the limit")
        raise DocumentTooLarge(f"{path} is {os.path.getsize(path):,} bytes; the limit is {limit:,}")
    return data, markup


def _normalised(data: str | bytes, limit: int) -> tuple[str | bytes, tuple[int, ...]]:
    """`data` with LF line endings, and where (in the result) each dropped CR stood.

    A lone CR becomes an LF in place; the CR of a CRLF is dropped, and its
    position is kept so that offsets can be moved back. Bytes over the limit or
    not UTF-8 are returned as they are, for `check_text` to refuse.
    """
    if isinstance(data, bytes):
        if b"\r" not in data or len(data) > limit:
            return data, ()
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            return data, ()
    if "\r" not in data:
        return data, ()
    dropped = []
    pieces = data.split("\r\n")
    at = 0
    for piece in pieces[:-1]:
        at += len(piece)
        dropped.append(at)  # the LF that follows sits here in the normalised text
        at += 1
    return "\n".join(pieces).replace("\r", "\n"), tuple(dropped)


def _moved(claim: Mapping[str, Any], dropped: tuple[int, ...]) -> dict[str, Any]:
    """The claim with its offsets into the text with its CRs put back."""
    # Each offset moves by the CRs dropped before it: one on an LF lands on the LF's CR.
    start, end = claim["start"], claim["end"]
    return {
        **claim,
        "start": start + bisect.bisect_left(dropped, start),
        "end": end + bisect.bisect_left(dropped, end),
    }


def _restored(plain: str, dropped: tuple[int, ...]) -> str:
    """`plain` with a CR put back before each LF whose CR was dropped."""
    if not dropped:
        return plain
    pieces, at = [], 0
    for position in dropped:
        pieces.append(plain[at:position])
        pieces.append("\r")
        at = position
    pieces.append(plain[at:])
    return "".join(pieces)


def _line_starts(plain: str) -> tuple[int, ...]:
    starts = [0]
    at = plain.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = plain.find("\n", at + 1)
    return tuple(starts)
