"""What a claim finder sees: one sentence in its paragraph, and how to make a claim of it."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from allied.claims.chronology import YEARLESS, with_year
from allied.claims.claim import Claim, ClaimKind
from allied.claims.cues import CueWords
from allied.claims.dating import ANY_DATE, parse_text_date, years_before
from allied.claims.mentions import Mention, MentionKind
from allied.claims.sentences import Sentence
from allied.period import PartialDate

#: "partner", "partners", "partner countries": a count or list of NATO's partners.
PARTNER_NOUN = re.compile(r"partner", re.I)
_PAST = re.compile(
    r"\b(?:had|counted|numbered|comprised|included|brought\s+together|consisted|was|were"
    r"|grouped|gathered|united)\b"
)
_NEGATION = re.compile(
    r"(?=[neobauw])"  # the first letters: a faster search, the same matches
    r"(?:\b(?:not|never|no\s+longer|neither|nor|except|excluding|other\s+than|besides"
    r"|apart\s+from|unlike|without)\b|n't\b)",
    re.I,
)
#: Words that make a clause a prediction, a plan, a wish, a hypothesis or a report of one.
_HEDGE = re.compile(
    # The lookahead lists the characters every alternative starts with: the search skips
    # other positions at once. It changes no match.
    r"(?=[wcmiuelphasgr?])"
    r"(?:\b(?:will|would|could|(?-i:may)|might|can|cannot|if|unless|whether"  # not the month May
    r"|expected\s+to|likely|unlikely|probably|perhaps|hopes?\s+to|hoped|plans?\s+to|planned"
    r"|aims?\s+to|intends?\s+to|wants?\s+to|seeks?\s+to|seek"
    r"|is\s+to|are\s+to|was\s+to|were\s+to|going\s+to|ready\s+to|prepared\s+to)\b|\?)",
    re.I,
)
#: A date fronting a clause: "In 1997, …", "On 19th of August 2008, …", "On this day 74 years ago".
_FRONTED = re.compile(
    r"[\"“\u2018'\s]*(?:"
    rf"(?i:in|on|by)\s+(?P<date>{ANY_DATE})\s*,?\s"
    r"|(?i:on\s+this\s+day,?\s+)?(?P<years>\d{1,3})\s+years\s+ago\s*,?\s"
    rf"|(?i:in|on)\s+(?P<day>{YEARLESS})\s*,?\s"
    # counted from the year the sentence before states: "Three years later, …", "The next year, …"
    r"|(?i:(?P<later>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+years?\s+later"
    r"|(?P<next>(?:the\s+)?(?:following|next)\s+year))\s*,?\s)"
)
_YEAR_STATED = re.compile(r"\b(?:19|20)\d\d\b")
_LATER_WORDS = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: Organisations beside NATO's frameworks that texts about NATO name: counts said of them are
#: not about the topic.
_OTHER_BODY = re.compile(
    r"\b(?:EU|European\s+Union|Union|UN|United\s+Nations|OSCE|Warsaw\s+Pact|G7|G-7|G20|G-20"
    r"|African\s+Union|ASEAN|CSTO|Council\s+of\s+Europe|OECD|Commonwealth|Arab\s+League"
    r"|Gulf\s+Cooperation\s+Council|GCC|BRICS|Shanghai\s+Cooperation\s+Organi[sz]ation)\b"
)
_WHEN = re.compile(rf"\b(?i:in|by|on|as\s+of|at\s+the\s+end\s+of)\s+(?P<date>{ANY_DATE})")


#: The cue words the finders ask about, learnt as they ask (the same few dozen every time).
_CUES = CueWords()
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
    #: The day the text was written, when it is given or stated ("today", "N years ago").
    written: _dt.date | None = None
    #: The sentence in lower case (set by `find_claims`; read from `lower` when empty).
    sentence_lower: str = ""
    #: The year of the chronology heading the sentence stands under ("2017." on its own line).
    year: int | None = None
    #: The invitees (candidates invited or with a signed protocol) the text named last, in the
    #: latest sentence naming any: whom "they" or "both countries" stands for.
    candidates: tuple[str, ...] = ()
    #: Every actor the registry knows as an invitee at some time (a statement about a
    #: candidate's stage is read only of those).
    invitees: frozenset[str] = frozenset()
    #: The cue words compiled when the sentence was scanned, and those it contains.
    cues: list[tuple[frozenset[str], frozenset[str]]] = field(
        default_factory=list, compare=False, repr=False
    )

    def scanned_cues(self) -> tuple[frozenset[str], frozenset[str]]:
        """The cue words compiled when the sentence was scanned, and those it contains."""
        cues = self.cues
        if not cues:
            cues.append(_CUES.scan(self._lower_sentence()))
        return cues[0]

    def mentions_any(self, words: tuple[str, ...]) -> bool:
        """Whether the sentence contains any of `words` (lower case), in any case."""
        cues = self.cues  # `scanned_cues`, inline: finders ask this some ten times a sentence
        if not cues:
            cues.append(_CUES.scan(self._lower_sentence()))
        known, present = cues[0]
        if known.issuperset(words):
            return not present.isdisjoint(words)
        _CUES.learn(words)
        return any(map(self._lower_sentence().__contains__, words))

    def _lower_sentence(self) -> str:
        return self.sentence_lower or self.lower[self.sentence.start : self.sentence.end]

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

    def is_hedged(self, position: int, end: int | None = None) -> bool:
        """Whether the clause around `position` predicts, plans, asks or supposes.

        Reads from the clause's start (the last comma, semicolon or colon before
        `position`, or the sentence's start) to `end` (default `position`), and the whole
        sentence for a question mark.
        """
        s = self.sentence
        if self.plain.find("?", s.start, s.end) >= 0:
            return True
        plain, clause_start = self.plain, max(s.start, position - 120)
        cut = max(  # the clause's last comma, semicolon or colon before `position`
            plain.rfind(",", clause_start, position),
            plain.rfind(";", clause_start, position),
            plain.rfind(":", clause_start, position),
        )
        if _HEDGE.search(plain, cut + 1 if cut >= 0 else clause_start, end or position):
            return True
        return self.plain[s.start : s.start + 3].lower() == "if "

    def fronted_date(self) -> PartialDate | None:
        """The date fronting the sentence: "In 1997, …", "74 years ago, …" (from `written`)."""
        match = _FRONTED.match(self.plain, self.sentence.start)
        if match is None:
            return None
        if match["date"]:
            return parse_text_date(match["date"])
        if match["day"]:
            return self.date_of(match["day"])
        if match["later"] or match["next"]:
            return self._years_after(match["later"])
        if self.written is None:
            return None
        return years_before(self.written, int(match["years"]))

    def _years_after(self, count: str | None) -> PartialDate | None:
        """The year "N years later" or "the following year" stands for: counted from the last
        year the sentence before states (none stated: no date)."""
        previous = self.previous
        if previous is None:
            return None
        years = _YEAR_STATED.findall(self.plain, previous.start, previous.end)
        if not years:
            return None
        word = (count or "one").lower()
        n = int(word) if word.isdigit() else max(1, _LATER_WORDS.index(word))
        return PartialDate(int(years[-1]) + n)

    def date_of(self, text: str) -> PartialDate | None:
        """A date as written; a day and month without a year is read in the heading's year."""
        found = parse_text_date(text)
        if found is None and self.year is not None:
            return with_year(text, self.year)
        return found

    def stated_date(self, verb: str) -> PartialDate | None:
        """The past date a past-tense claim is about: "In 2004, NATO had 26 members", "Five
        years later, NATO had 19 members" (from the year stated in the sentence before)."""
        if not _PAST.search(verb):
            return None
        when = _WHEN.search(self.plain, self.sentence.start, self.sentence.end)
        return parse_text_date(when["date"]) if when else self.fronted_date()

    def names_other_body(self, position: int) -> bool:
        """Whether the clause before `position` names an organisation the registry does not
        hold ("The EU has 27 members"): a count there is not about the paragraph's topic."""
        clause_start = max(self.sentence.start, position - 80)
        clause = self.plain[clause_start:position]
        cut = max(clause.rfind(";"), clause.rfind(":"))
        return _OTHER_BODY.search(clause, cut + 1) is not None

    def subject_start(self, mention: Mention | None, start: int) -> int:
        """Start a claim at its subject when the subject is named shortly before."""
        if mention is not None and mention.start < start and start - mention.start <= 160:
            return mention.start
        return start


#: A claim finder: reads one sentence, yields its claims.
Finder = Callable[[Context], Iterator[Claim]]


@dataclass(frozen=True, slots=True)
class Cues:
    """What a sentence needs before a finder can find a claim in it: one of `words`, one of
    `previous` in the sentence before, or a mention of the kind `naming` (any one will do)."""

    words: tuple[str, ...]
    previous: tuple[str, ...] = ()
    naming: MentionKind | None = None


_GATES: dict[Finder, Cues] = {}


def cued(
    *words: str, previous: tuple[str, ...] = (), naming: MentionKind | None = None
) -> Callable[[Finder], Finder]:
    """Declare that a finder finds nothing in a sentence without any of `words` (lower case,
    found as `Context.mentions_any` finds them), unless the sentence before contains one of
    `previous` (lower case, found the same way) or the sentence names an actor or framework
    (`naming`): `find_claims` runs it only where one of these is. Whoever changes the finder
    keeps this declaration true.

    >>> @cued("founded", previous=("?",))
    ... def finder(ctx: Context) -> Iterator[Claim]:
    ...     yield from ()
    >>> cues_of(finder)
    Cues(words=('founded',), previous=('?',), naming=None)
    """

    def declare(finder: Finder) -> Finder:
        _GATES[finder] = Cues(words, previous, naming)
        return finder

    return declare


def cues_of(finder: Finder) -> Cues | None:
    """What `finder` declared with `cued`, or None if it reads every sentence."""
    return _GATES.get(finder)
