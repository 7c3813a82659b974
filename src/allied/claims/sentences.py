"""Cut plain text into sentences and paragraphs, and read who each one is about.

A sentence knows the actors and frameworks it names (`Mention`s), the runs of
actor names that form lists ("Bahrain, Qatar, the United Arab Emirates and
Kuwait"), and its topic: the framework it is about, which a following "it"
or an unnamed list in the same paragraph refers back to.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from allied.claims.mentions import Mention

_BOUNDARY = re.compile(
    r"(?P<para>\n[ \t\xa0]*\n\s*|\n(?=[ \t\xa0]*(?:[•·▪●◦*\-\u2013]|\d{1,2}[.)])[ \t\xa0]))"
    r"|(?<=[.!?;])[\"”\u2019)]*\s+"
    r"|(?<=:)[ \t]*\n(?=[ \t]*[\"“])"  # a quotation opening on the line after a colon
)
#: The characters a boundary starts on or just after: `_BOUNDARY` matches only where one is.
_STOPS = re.compile(r"[\n.!?;:]")
_ABBREVIATION = re.compile(
    r"(?:\b(?i:e\.g|i\.e|etc|vs|cf|no|nos|art|para|mr|mrs|ms|dr|st|approx|lt|gen|col|adm|sgt"
    r"|jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$"
)
_RUN_GAP = re.compile(
    r"[\s,;()\"“”•·▪●◦*\-\u2013]*(?:(?:and|et|as\s+well\s+as|&|or|plus)\s+)?(?:the\s+)?"
)
#: The longest run of text read as one sentence, in characters.
MAX_SENTENCE = 1000
_BULLETS = "•·▪●◦*-\u2013"
_PARENTHESES = re.compile(r"\([^()]*\)")
_PREPOSITION = re.compile(r"\b(?:of|in|at|with|to|from|for|on|into)\s+(?:the\s+)?$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the plain text at `start:end`, with what it names."""

    start: int
    end: int
    paragraph: int
    mentions: tuple[Mention, ...]
    asides: tuple[tuple[int, int], ...]  # closed parentheses, as (start, end)
    #: `frameworks`, once asked for (finders ask several times a sentence).
    _frameworks: tuple[Mention, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def frameworks(self) -> tuple[Mention, ...]:
        """The frameworks the sentence names, in order."""
        found = self._frameworks
        if found is None:
            found = tuple(m for m in self.mentions if m.kind == "framework")
            object.__setattr__(self, "_frameworks", found)  # a cache: the value never changes
        return found

    def is_aside(self, mention: Mention, anchor: int) -> bool:
        """Whether `mention` sits in parentheses closed before `anchor` (an aside)."""
        return any(s <= mention.start and mention.end <= e <= anchor for s, e in self.asides)

    def framework_before(self, anchor: int, *, possessive: bool = False) -> Mention | None:
        """The nearest framework named before `anchor`, skipping asides and, unless
        allowed, possessives ("NATO's partners")."""
        for mention in reversed(self.frameworks):
            if mention.end > anchor or self.is_aside(mention, anchor):
                continue
            if possessive or not mention.possessive:
                return mention
        return None

    def framework_after(self, anchor: int) -> Mention | None:
        """The first framework named after `anchor`, not possessive."""
        for mention in self.frameworks:
            if mention.start >= anchor and not mention.possessive:
                return mention
        return None

    @property
    def topic(self) -> Mention | None:
        """The first framework the sentence names that is not a possessive or an aside."""
        for mention in self.frameworks:
            if not mention.possessive and not self.is_aside(mention, self.end):
                return mention
        return None

    def subject_in(self, plain: str) -> Mention | None:
        """The topic, skipping frameworks named after a preposition ("the Ministers of NATO"):
        those qualify another noun and are rarely what the following sentences are about."""
        for mention in self.frameworks:
            if mention.possessive or self.is_aside(mention, self.end):
                continue
            before = plain[max(self.start, mention.start - 6) : mention.start]
            if not _PREPOSITION.search(before):
                return mention
        return None

    def runs(self, plain: str) -> list[tuple[Mention, ...]]:
        """Runs of actor names joined by commas, "and" or parentheses: lists and singletons."""
        runs: list[list[Mention]] = []
        previous: Mention | None = None
        for mention in self.mentions:
            if mention.kind != "actor":
                previous = None
                continue
            if previous is not None and _RUN_GAP.fullmatch(plain, previous.end, mention.start):
                runs[-1].append(mention)
            else:
                runs.append([mention])
            previous = mention
        return [tuple(run) for run in runs]


def split_sentences(plain: str, mentions: Sequence[Mention]) -> Iterator[Sentence]:
    """Cut `plain` at sentence ends, blank lines and bullets; attach the mentions of each.

    >>> text = "NATO grew, e.g. in 2004. It has 32 members.\\n\\nThe end."
    >>> [text[s.start : s.end] for s in split_sentences(text, [])]
    ['NATO grew, e.g. in 2004.', 'It has 32 members.', 'The end.']
    """
    starts = [m.start for m in mentions]
    paragraph, cursor = 0, 0
    in_list = False
    for match in _boundaries(plain):
        is_paragraph = match.group("para") is not None
        # An abbreviation ("e.g.", "U.S.") before the stop does not end a sentence.
        word = max(cursor, match.start() - 8)
        if not is_paragraph and _ABBREVIATION.search(plain, word, match.start()):
            continue
        # "… brings together:" then a list of short items (HTML <li>, bullets) stays one
        # sentence, so the list keeps its subject and its cue.
        if is_paragraph and (in_list or plain[match.start() - 1 : match.start()] == ":"):
            in_list = _is_list_item(plain, match.end())
            if in_list:
                continue
        end = match.start()
        if end - cursor > MAX_SENTENCE:
            yield from _sentences(plain, cursor, end, paragraph, mentions, starts)
        else:  # the usual case, without a generator for the one sentence
            sentence = _sentence(plain, cursor, end, paragraph, mentions, starts)
            if sentence is not None:
                yield sentence
        if is_paragraph:
            paragraph += 1
        cursor = match.end()
    yield from _sentences(plain, cursor, len(plain), paragraph, mentions, starts)


def _boundaries(plain: str) -> Iterator[re.Match[str]]:
    """The matches `_BOUNDARY.finditer(plain)` gives, tried only where one can start.

    A boundary starts on a line break or just after a stop (its branches begin with "\\n"
    or look behind for one of ".!?;:"), so those positions are found first, by a pattern
    the engine skips text for, and the boundary is matched there: the engine no longer
    tries all three branches at every character.
    """
    end = tried = -1
    for stop in _STOPS.finditer(plain):
        at = stop.start()
        position = at if plain[at] == "\n" else at + 1
        if position < end or position == tried:
            continue
        tried = position
        match = _BOUNDARY.match(plain, position)
        if match is not None:
            end = match.end()
            yield match


def _sentences(
    plain: str,
    start: int,
    end: int,
    paragraph: int,
    mentions: Sequence[Mention],
    starts: list[int],
) -> Iterator[Sentence]:
    """The sentence at `start:end`, cut at spaces into pieces of at most `MAX_SENTENCE`.

    Text with no full stops (a table, a long list) would otherwise be one huge
    sentence, and reading it would take time growing with the square of its length.
    """
    while end - start > MAX_SENTENCE:
        cut = plain.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        sentence = _sentence(plain, start, cut, paragraph, mentions, starts)
        if sentence is not None:
            yield sentence
        start = cut
    sentence = _sentence(plain, start, end, paragraph, mentions, starts)
    if sentence is not None:
        yield sentence


def _is_list_item(plain: str, start: int) -> bool:
    """Whether the line at `start` is a short list item ("• Bahrain", "Qatar,")."""
    end = plain.find("\n", start)
    line = plain[start : end if end >= 0 else len(plain)].strip()
    bulleted = line[:1] in _BULLETS
    return 0 < len(line) <= 60 and (bulleted or not line.endswith((".", "!", "?", ":")))


def _sentence(
    plain: str,
    start: int,
    end: int,
    paragraph: int,
    mentions: Sequence[Mention],
    starts: list[int],
) -> Sentence | None:
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    low = bisect.bisect_left(starts, start)
    high = bisect.bisect_left(starts, end, low)
    if low == high:
        inside: tuple[Mention, ...] = ()
    elif mentions[high - 1].end <= end:  # mentions do not overlap: the last ends last
        inside = tuple(mentions[low:high])
    else:
        inside = tuple(m for m in mentions[low:high] if m.end <= end)
    asides: tuple[tuple[int, int], ...] = ()
    if plain.find("(", start, end) >= 0:
        asides = tuple((m.start(), m.end()) for m in _PARENTHESES.finditer(plain, start, end))
    return Sentence(start, end, paragraph, inside, asides)
