"""Check a text against the registry: `check_text` is the one entry point.

The CLI (`allied check`), the API route and the web page all call it and
format its `CheckReport`; `CheckReport.as_document()` is the stable JSON shape
documented in docs/claims.md.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from allied.answer import Answer
from allied.claims.claim import Claim, ClaimKind
from allied.claims.dating import AsOfSource, DocumentDate, date_document
from allied.claims.document import Markup, read_document
from allied.claims.extract import find_claims
from allied.claims.facts import Question, facts_of
from allied.claims.questions import question_for
from allied.claims.verdict import Verdict, judge, judge_in_window
from allied.claims.window import infer_window
from allied.period import PartialDate
from allied.registry import Registry


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim of the report: where it is in the text, what it says, and the verdict."""

    text: str
    start: int
    end: int
    kind: ClaimKind
    subject: str
    verdict: Verdict = field(metadata={"flatten": True})


@dataclass(frozen=True)
class CheckedText:
    """The date the claims were judged on, where it came from, and how the text was read."""

    as_of: _dt.date
    as_of_source: AsOfSource
    as_of_text: str | None
    checked_on: _dt.date
    markup: Markup
    #: Undated texts only: the first and last day of the inferred writing window.
    as_of_window: tuple[_dt.date, _dt.date] | None = None


@dataclass(frozen=True)
class CheckAnswer(Answer):
    """The claims a text makes about NATO, each judged against the registry."""

    document_: CheckedText = field(metadata={"key": "document"})
    claims: tuple[ClaimVerdict, ...]

    COLUMNS: ClassVar = ("start", "end", "kind", "subject", "verdict", "true_from", "true_until",
                         "now", "text", "explanation", "sources")  # fmt: skip
    ROWS: ClassVar = "claims"


@dataclass(frozen=True)
class CheckedClaim:
    """A claim found in the text and the verdict on it."""

    claim: Claim
    verdict: Verdict

    def as_row(self) -> ClaimVerdict:
        """The claim as one entry of the report's `claims` list."""
        c = self.claim
        return ClaimVerdict(c.text, c.start, c.end, c.kind, c.subject, self.verdict)


@dataclass(frozen=True)
class CheckReport:
    """Every claim found in a document, judged on the document's date and today."""

    as_of: _dt.date
    as_of_source: AsOfSource
    as_of_text: str
    checked_on: _dt.date
    markup: Markup
    claims: tuple[CheckedClaim, ...]
    #: For an undated text, the span it was most likely written in (see `window`).
    as_of_window: tuple[_dt.date, _dt.date] | None = None
    #: The plain text the claims were read from (markup blanked, same offsets as the
    #: input): what a page shows with the claims highlighted. Not part of the document.
    plain: str = field(default="", repr=False)

    def answer(self) -> CheckAnswer:
        """The report as an answer: its stable JSON document (docs/claims.md) and CSV rows."""
        checked = CheckedText(self.as_of, self.as_of_source, self.as_of_text or None,
                              self.checked_on, self.markup, self.as_of_window)  # fmt: skip
        return CheckAnswer(checked, tuple(claim.as_row() for claim in self.claims))

    def as_document(self) -> dict[str, Any]:
        """The report as its stable JSON document (see docs/claims.md)."""
        return self.answer().document()

    def count(self, verdict: str) -> int:
        """How many claims received `verdict`."""
        return sum(c.verdict.verdict == verdict for c in self.claims)


def check_text(
    text: str | bytes,
    *,
    as_of: str | _dt.date | PartialDate | None = None,
    registry: Registry | None = None,
    markup: Markup = "auto",
    today: _dt.date | None = None,
    max_bytes: int | None = None,
) -> CheckReport:
    """Find the claims in `text` and judge each against the registry.

    `text` is a string or UTF-8 bytes (plain text, HTML or Markdown; `markup`
    says which, or "auto"). Claims are judged on `as_of` if given (a full
    date), else on the date the text states, else on today. Raises a
    `DocumentError` for empty, binary, non-UTF-8 or oversized input and
    `InvalidDate` for a bad `as_of`.

    >>> report = check_text("NATO now has 30 members.", as_of="2021-07-01")
    >>> report.claims[0].verdict.verdict, report.claims[0].verdict.true_until
    ('outdated', datetime.date(2023, 4, 4))
    """
    if registry is None:
        import allied

        registry = allied.load()
    today = today or _dt.date.today()
    document = read_document(text, markup=markup, max_bytes=max_bytes)
    dated: DocumentDate = date_document(document.plain, given=as_of, today=today)
    facts = facts_of(registry)
    written = dated.on if dated.source in ("given", "detected") else None
    claims = find_claims(document.plain, registry, written=written)
    # Claims with the same key share one question and one verdict; each key is hashed
    # once (its dates and quantities hash in Python), and numbered in order of appearance.
    numbers: dict[tuple[object, ...], int] = {}
    numbered = [numbers.setdefault(_key(claim), len(numbers)) for claim in claims]
    questions: list[Question] = []
    for claim, number in zip(claims, numbered, strict=True):
        if number == len(questions):
            questions.append(question_for(claim, facts))
    window = None
    if dated.source == "today":  # undated: infer when it was written from what it says
        window = infer_window(questions, today)
        if window is not None:
            start, end = window
            dated = DocumentDate(end, "inferred", f"written between {start} and {end}")
    verdicts: list[Verdict | None] = [None] * len(questions)
    checked = []
    for claim, number in zip(claims, numbered, strict=True):
        verdict = verdicts[number]
        if verdict is None:
            question = questions[number]
            if window is not None:
                verdict = judge_in_window(question, window=window, today=today)
            else:
                verdict = judge(question, as_of=dated.on, today=today)
            verdicts[number] = verdict
        checked.append(CheckedClaim(claim, verdict))
    return CheckReport(
        as_of=dated.on,
        as_of_source=dated.source,
        as_of_window=window,
        as_of_text=dated.text,
        checked_on=today,
        markup=document.markup,
        claims=tuple(checked),
        plain=document.plain,
    )


def _key(claim: Claim) -> tuple[object, ...]:
    """What decides a claim's verdict: claims with the same key share one question."""
    return (claim.kind, claim.subject, claim.actors, claim.quantity, claim.date, claim.tasks,
            claim.percent, claim.founding, claim.complete, claim.since, claim.below,
            claim.approximate, claim.said_on)  # fmt: skip
