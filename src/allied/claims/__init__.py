"""Check texts about NATO against the registry: which claims are still true, and since when not.

>>> from allied.claims import check_text
>>> report = check_text("NATO now has 30 members.", as_of="2021-07-01")
>>> report.claims[0].verdict.verdict
'outdated'
"""

from __future__ import annotations

from allied.claims.checker import CheckAnswer, CheckedClaim, CheckReport, check_text
from allied.claims.claim import CLAIM_KINDS, Claim, ClaimKind
from allied.claims.dating import DocumentDate
from allied.claims.document import (
    MAX_BYTES,
    BinaryDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    NotUtf8,
    UnreadableDocument,
    read_source,
)
from allied.claims.verdict import VERDICTS, Verdict, VerdictKind

__all__ = [
    "CLAIM_KINDS",
    "MAX_BYTES",
    "VERDICTS",
    "BinaryDocument",
    "CheckAnswer",
    "CheckReport",
    "CheckedClaim",
    "Claim",
    "ClaimKind",
    "DocumentDate",
    "DocumentError",
    "DocumentTooLarge",
    "EmptyDocument",
    "NotUtf8",
    "UnreadableDocument",
    "Verdict",
    "VerdictKind",
    "check_text",
    "read_source",
]
