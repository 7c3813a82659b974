"""Find claims about who is in what: membership lists, accessions, the most recent member.

Each starts from a run of actor names ("Bahrain, Qatar, the United Arab Emirates and
Kuwait", or a single name) and reads the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from allied.claims.claim import PARTNERS, Claim
from allied.claims.context import PARTNER_NOUN, Context, Run
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.quantity import Quantity
from allied.period import PartialDate

_LIST_CUE = re.compile(
    r"(?:\b(?:includ(?:es|e|ing|ed)|brings?\s+together|brought\s+together|compris(?:es|e|ing)"
    r"|consists?\s+of|are|were|is|was|such\s+as|namely|notably|Allies|members|partners"
    r"|participants|countries|nations|states)|[:(])\s*[\"“”]?[\s•·▪●◦*\-\u2013]*(?:the\s+)?$"
)
_SINGLE_CUE = re.compile(
    r"\b(?:includ(?:es|e|ing|ed)|brings?\s+together|brought\s+together|compris(?:es|e|ing)"
    r"|such\s+as|namely)\b"
)
_MEMBER_OF = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|remains?|became|is\s+now|are\s+now)\s+"
    r"(?:an?\s+|all\s+|one\s+of\s+the\s+)?(?P<founding>founding\s+|original\s+)?(?:active\s+|full\s+)?"
    r"(?:members?|partners?|participants?|Ally|Allies|signator(?:y|ies))\s+(?:of|in|to)\s+(?:the\s+)?"
)
_ACCESSION_BEFORE = re.compile(
    rf"(?:\b(?i:in|on)\s+(?P<date>{ANY_DATE})\s+with\s+)?(?:the\s+)?accession\s+of\s+(?:the\s+)?$"
)
_DATE_AFTER = re.compile(rf"\s*,?\s+(?:in|on)\s+(?P<date>{ANY_DATE})")
_JOINED = re.compile(
    r"\s+(?:joined|acceded\s+to|became\s+(?:a\s+|full\s+)*(?:members?|Allies?)(?:\s+of)?"
    r"|became\s+(?:NATO\s+)?(?:members|Allies))\b(?P<what>[^.;,]{0,60}?)"
    rf"\s*\b(?:in|on)\s+(?P<date>{ANY_DATE})"
)
_ORDINAL = re.compile(
    r"\b(?:is|was|became|becoming|as)\s+(?:NATO['\u2019]s\s+|the\s+Alliance['\u2019]s\s+|its\s+"
    r"|the\s+)(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?:member\s+state|member\s+country|member|Ally|ally)\b"
)
_MOST_RECENT = re.compile(
    r",?\s+(?:is|was|became|remains|being)\s+(?:currently\s+|now\s+|still\s+)?"
    r"(?:the\s+|NATO['\u2019]s\s+|the\s+Alliance['\u2019]s\s+)?"
    r"(?:most\s+recent|newest|latest|youngest)"
    r"(?:\s+(?:member\s+state|member\s+country|member|Ally|ally|addition))?"
    r"(?:\s+(?:of|to)\s+(?:NATO|the\s+Alliance))?(?:\s*\((?P<year>(?:19|20)\d\d)\))?"
)


def find_lists(ctx: Context) -> Iterator[Claim]:
    """Yield the membership, accession and most-recent-member claims of a sentence."""
    s, plain = ctx.sentence, ctx.plain
    for run in s.runs(plain):
        actors = tuple(dict.fromkeys(m.code for m in run))
        start, end = run[0].start, run[-1].end
        if len(actors) == 1 and run[0].possessive:
            continue
        yield from _member_of(ctx, run, actors)
        yield from _accessions(ctx, run, actors)
        yield from _most_recent(ctx, run, actors)
        yield from _ordinal(ctx, run, actors)
        window = plain[max(s.start, start - 80) : start]
        if not _LIST_CUE.search(window) or ctx.is_negated(start):
            continue
        if len(actors) == 1:
            mention = s.framework_before(start)  # "the PfP includes Malta": named, as subject
            if mention is None or not _SINGLE_CUE.search(plain, mention.end, start):
                continue
        else:
            mention = (
                s.framework_before(start, possessive=True) or s.framework_after(end) or ctx.topic
            )
        if mention is None:
            continue
        subject = mention.code
        between = plain[mention.end : start] if mention.end <= start else ""
        if subject == "nato" and PARTNER_NOUN.search(between):
            subject = PARTNERS
        named_before = mention.end <= start and mention.start >= s.start  # in this sentence
        claim_start = ctx.subject_start(mention if named_before else None, start)
        claim_end = max(end, mention.end) if mention.start > end else end
        date = ctx.stated_date(window)
        yield ctx.claim("membership", claim_start, claim_end, subject, actors=actors, date=date)


def _member_of(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    match = _MEMBER_OF.match(ctx.plain, run[-1].end)
    if match is None:
        return
    framework = ctx.sentence.framework_after(match.end())
    if framework is None or framework.start != match.end():
        return
    if match["founding"]:
        yield ctx.claim(
            "accession", run[0].start, framework.end, framework.code, actors=actors, founding=True
        )
    else:
        yield ctx.claim("membership", run[0].start, framework.end, framework.code, actors=actors)


def _accessions(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    start, end = run[0].start, run[-1].end
    before = _ACCESSION_BEFORE.search(plain[max(s.start, start - 120) : start])
    if before is not None:
        date_text = before["date"]
        claim_start = start - len(before.group(0))
        after = _DATE_AFTER.match(plain, end, s.end)
        if date_text is None and after is not None:
            date_text, end = after["date"], after.end()
        date = parse_text_date(date_text) if date_text else None
        if date is not None:
            yield ctx.claim("accession", claim_start, end, "nato", actors=actors, date=date)
        return
    joined = _JOINED.match(plain, end, s.end)
    if joined is not None:
        date = parse_text_date(joined["date"])
        framework = next(
            (m for m in s.frameworks if joined.start("what") <= m.start < joined.end("what")), None
        )
        if date is not None:
            subject = framework.code if framework else "nato"
            yield ctx.claim("accession", start, joined.end(), subject, actors=actors, date=date)


def _ordinal(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    """ "Sweden became NATO's 32nd member", "…, becoming its 32nd Ally"."""
    if len(actors) != 1:
        return
    match = _ORDINAL.search(ctx.plain, run[-1].end, min(ctx.sentence.end, run[-1].end + 120))
    if match is not None:
        quantity = Quantity(int(match["n"]))
        yield ctx.claim("accession", run[0].start, match.end(), "nato", actors=actors,
                        quantity=quantity)  # fmt: skip


def _most_recent(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    match = _MOST_RECENT.match(ctx.plain, run[-1].end, ctx.sentence.end)
    if match is None or len(actors) != 1:
        return
    date = PartialDate(int(match["year"])) if match["year"] else None
    yield ctx.claim(
        "most-recent-member", run[0].start, match.end(), "nato", actors=actors, date=date
    )
