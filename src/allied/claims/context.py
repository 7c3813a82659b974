"""What a claim finder sees: one sentence in its paragraph, and how to make a claim of it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from allied.claims.claim import Claim, ClaimKind
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.mentions import Mention
from allied.claims.sentences import Sentence
from allied.period import PartialDate

#: "partner", "partners", "partner countries": a count or list of NATO's partners.
PARTNER_NOUN = re.compile(r"partner", re.I)
_PAST = re.compile(
    r"\b(?:had|counted|numbered|comprised|included|brought\s+together|consisted|was|were"
    r"|grouped|gathered|united)\b"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|neither|nor|except|excluding|other\s+than|besides"
    r"|apart\s+from|unlike|without)\b|n't\b",
    re.I,
)
_WHEN = re.compile(rf"\b(?i:in|by|on|as\s+of|at\s+the\s+end\s+of)\s+(?P<date>{ANY_DATE})")


Run = tuple[Mention, ...]
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """`text` in lower case, character for character, so offsets stay valid.

    `str.lower` is used when it keeps the length (it lengthens a few letters, such
    as "İ"); otherwise only A-Z are lowered.
    """
    lower = text.lower()
    return lower if len(lower) == len(text) else text.translate(_ASCII_LOWER)


@dataclass(frozen=True, slots=True)
class Context:
    """What a finder sees: the text, one sentence, and the topic of its paragraph so far."""

    plain: str
    sentence: Sentence
    topic: Mention | None
    previous: Sentence | None
    #: `plain` with ASCII letters in lower case (same length), for cheap keyword checks.
    lower: str

    def mentions_any(self, words: tuple[str, ...]) -> bool:
        """Whether the sentence contains any of `words` (lower case), in any case."""
        lower, start, end = self.lower, self.sentence.start, self.sentence.end
        return any(lower.find(word, start, end) >= 0 for word in words)

    def claim(self, kind: ClaimKind, start: int, end: int, subject: str, **facts: object) -> Claim:
        """A claim at `start:end`, its text read with whitespace collapsed."""
        text = " ".join(self.plain[start:end].split())
        return Claim(kind, start, end, text, subject, **facts)  # type: ignore[arg-type]

    def is_negated(self, position: int) -> bool:
        """Whether the clause before `position` denies or excepts: "does not include"."""
        clause_start = max(self.sentence.start, position - 60)
        clause = self.plain[clause_start:position]
        cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(":"))
        return _NEGATION.search(clause, cut + 1) is not None

    def stated_date(self, verb: str) -> PartialDate | None:
        """The past date a past-tense claim is about: "In 2004, NATO had 26 members"."""
        if not _PAST.search(verb):
            return None
        when = _WHEN.search(self.plain, self.sentence.start, self.sentence.end)
        return parse_text_date(when["date"]) if when else None

    def subject_start(self, mention: Mention | None, start: int) -> int:
        """Start a claim at its subject when the subject is named shortly before."""
        if mention is not None and mention.start < start and start - mention.start <= 160:
            return mention.start
        return start
