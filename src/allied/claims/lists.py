"""Find claims about who is in what: membership lists, accessions, the most recent member.

Each starts from a run of actor names ("Bahrain, Qatar, the United Arab Emirates and
Kuwait", or a single name) and reads the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from allied.claims.chronology import YEARLESS
from allied.claims.claim import PARTNERS, Claim
from allied.claims.context import PARTNER_NOUN, Context, Run, cued
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.mentions import Mention
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
_PARTNERS_OF = re.compile(
    r"\s+(?:are|is|were|was|remain|remains)\s+(?:among\s+)?(?:NATO['\u2019]s|the\s+Alliance['\u2019]s)\s+"
    r"(?:(?:closest|close|key|main|oldest|strongest|most\s+active|valued)\s+)?partners?\b"
)
_MEMBER_OF = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|remains?|became|is\s+now|are\s+now)\s+"
    r"(?:an?\s+|all\s+|one\s+of\s+the\s+)?(?P<founding>founding\s+|original\s+)?(?:active\s+|full\s+)?"
    r"(?:members?|partners?|participants?|Ally|Allies|signator(?:y|ies))\s+(?:of|in|to)\s+(?:the\s+)?"
)
_WAS = re.compile(r"\s+(?:was|were)\s")
_ACCESSION_BEFORE = re.compile(
    rf"(?:\b(?i:in|on)\s+(?P<date>{ANY_DATE})\s+with\s+)?(?:the\s+)?accession\s+"
    r"(?P<today>today\s+)?of\s+(?:the\s+)?$"
)
_DATE_AFTER = re.compile(rf"\s*,?\s+(?:in|on)\s+(?P<date>{ANY_DATE})")
_JOIN_VERB = (
    r"(?:\s*\([^()\n]{1,40}\))?\s+(?:(?:have|has|had)\s+)?(?:(?:all|also|then|both)\s+)?"
    r"(?P<verb>joined|entered|acceded\s+to|became\s+(?:a\s+|full\s+)*(?:members?|Allies?)(?:\s+of)?"
    r"|became\s+(?:NATO\s+)?(?:members|Allies)|(?:was|were)\s+admitted(?:\s+to)?)\b"
)
#: "N years later", "the following year": a date read from the last one stated before it.
RELATIVE = (
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+years?\s+later"
    r"|the\s+(?:following|next)\s+year"
)
_JOINED = re.compile(
    _JOIN_VERB + r"(?P<what>[^.;,]{0,60}?)"
    rf"\s*\b(?:(?:in|on)\s+(?P<date>{ANY_DATE})|(?P<rel>{RELATIVE}))"
)
#: An aside between the subject and the verb: "Montenegro, by depositing its instrument, became".
_ASIDE = r"(?:\s*,\s+(?:by|after|with|having|upon|on)\s+[^.;]{1,200}?,)?"
_JOINED_BARE = re.compile(_ASIDE + _JOIN_VERB + r"(?!\s+(?:by|in|on|the|NATO|with|into|talks)\b)")
_FRONTED_DATE = re.compile(
    rf"\b(?i:in|on|by)\s+(?P<date>{ANY_DATE}|{YEARLESS})\s*,?\s+(?:the\s+)?$"
)
_LAST_DATE = re.compile(rf"(?P<date>{ANY_DATE})")
#: More dates after a joining date, paired with the names in order: "… in 2023 and 2024
#: (respectively)", "… on 4 April 2023 and 7 March 2024, respectively".
_RESPECTIVELY = re.compile(
    rf"(?P<rest>(?:\s*,\s*(?:in\s+|on\s+)?{ANY_DATE})*\s*,?\s+and\s+(?:in\s+|on\s+)?{ANY_DATE})"
    r"(?:\s*,?\s+(?P<word>respectively)\b)?"
)
_YEAR_AFTER = re.compile(r"\s*\((?P<year>(?:19|20)\d\d)\)")
_JOIN_CUE = re.compile(r"\b(?:joined|entered|admitted|accession|acceded|became\s+members)\b")
_FOUNDING_FRONT = re.compile(
    r"\b(?i:as)\s+(?:a|an|one\s+of\s+the)\s+(?:founding|original)\s+(?:member|Ally|ally|members|Allies)"
    r"\s+of\s+(?P<fw>[^,.;]{2,60}),\s*$"
)
_COMPLETE_CUE = re.compile(
    r"\b(?:as\s+follows|list\s+of|(?:the\s+)?(?:original|founding)\s+(?:members|Allies|states"
    r"|countries|signatories)\s+(?:are|were)|at\s+the\s+time\s*:)"
)
_FOUNDERS_CUE = re.compile(r"\b(?:original|founding|founders|at\s+the\s+time)\b")
_TITLE_COLON = re.compile(
    r"(?:members|partners|participants|Allies|countries|states|nations|signatories|include[sd]?"
    r"|are|were|follows|time|namely|comprises?|consists?\s+of|together|including|gathers?|unites?|groups?)\s*:\s*[\s•·▪●◦*\-\u2013]*$"
)
_NOT_MEMBERS = re.compile(
    r"\b(?:organi[sz]ations|institutions|bodies|agencies)\s+(?:such\s+as|like|including)\s+(?:the\s+)?$"
)
_NOT_MEMBERS_ENDS = ("as", "like", "including", "the")  # how a match of it ends
_ORDINAL = re.compile(
    r"\b(?:is|was|became|becoming|as)\s+(?:NATO['\u2019]s\s+|the\s+Alliance['\u2019]s\s+|its\s+"
    r"|the\s+)(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?:member\s+state|member\s+country|member|Ally|ally)\b"
    r"(?!\s+to\s+(?:have\s+)?(?:ratif|approv|endors))"  # "the 30th Ally to ratify": not joining
)
_DIGIT = re.compile(r"\d")  # what `_ORDINAL` needs
_MOST_RECENT = re.compile(
    r"\s+as\s+(?:NATO['\u2019]s\s+|the\s+Alliance['\u2019]s\s+|its\s+|the\s+)"
    r"(?:most\s+recent|newest|latest|youngest)\s+(?:members?|Allies|Ally|allies)\b"
    r"|,?\s+(?:is|was|became|remains|being)\s+(?:currently\s+|now\s+|still\s+)?"
    r"(?:the\s+|NATO['\u2019]s\s+|the\s+Alliance['\u2019]s\s+)?"
    r"(?:most\s+recent|newest|latest|youngest)"
    r"(?:\s+(?:member\s+state|member\s+country|member|Ally|ally|addition))?"
    r"(?:\s+(?:of|to)\s+(?:NATO|the\s+Alliance))?(?:\s*\((?P<year>(?:19|20)\d\d)\))?"
    # an apposition: "Sweden, NATO's newest member, …"
    r"|\s*,\s+(?:NATO['\u2019]s|the\s+Alliance['\u2019]s)\s+(?:newest|latest|most\s+recent|youngest)"
    r"\s+(?:member(?:\s+state|\s+country)?|Ally)(?=\s*,)"
    # "Sweden was the last country to join NATO", "… is the latest state to have joined"
    r"|\s+(?:is|was|became|remains)\s+(?:currently\s+|now\s+|still\s+)?the\s+"
    r"(?:last|latest|most\s+recent|newest)\s+(?:country|state|nation|member|Ally|ally)\s+"
    r"to\s+(?:have\s+)?join(?:ed)?(?:\s+(?:NATO|the\s+Alliance))?\b"
)


@cued(naming="actor")  # every claim starts from a run of actor names
def find_lists(ctx: Context) -> Iterator[Claim]:
    """Yield the membership, accession and most-recent-member claims of a sentence."""
    s, plain = ctx.sentence, ctx.plain
    runs = s.runs(plain)
    for index, run in enumerate(runs):
        actors = tuple(dict.fromkeys(m.code for m in run))
        start, end = run[0].start, run[-1].end
        if len(actors) == 1 and run[0].possessive:
            continue
        yield from _member_of(ctx, run, actors)
        yield from _accessions(ctx, run, actors)
        yield from _most_recent(ctx, run, actors)
        yield from _ordinal(ctx, run, actors)
        yield from _founding_front(ctx, run, actors)
        window = plain[max(s.start, start - 80) : start]
        if not _LIST_CUE.search(window) or ctx.is_negated(start) or _not_members(window):
            continue
        if window.rstrip().endswith(":") and not _TITLE_COLON.search(window):
            continue  # "NATO Accession: Sweden and Finland" is a title, not a list
        if len(actors) == 1:
            mention = s.framework_before(start)  # "the PfP includes Malta": named, as subject
            if mention is None or not _SINGLE_CUE.search(plain, mention.end, start):
                continue
        else:
            mention = (
                s.framework_before(start, possessive=True) or s.framework_after(end) or ctx.topic
            )
        if mention is None and _FOUNDERS_CUE.search(plain, max(s.start, start - 160), start):
            mention = Mention("framework", "nato", start, start)  # the founders of the Alliance
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
        wide = plain[max(s.start, start - 160) : start]
        complete = len(actors) > 1 and _COMPLETE_CUE.search(wide) is not None
        founders = complete and _FOUNDERS_CUE.search(wide) is not None
        if complete:
            date = None
            whole = _rest_of_list(plain, runs, index)  # the list goes on past an unknown name
            actors = tuple(dict.fromkeys(m.code for m in whole))
            claim_end = max(claim_end, whole[-1].end)
        yield ctx.claim("membership", claim_start, claim_end, subject, actors=actors, date=date,
                        complete=complete, founding=founders)  # fmt: skip


def _not_members(window: str) -> bool:
    """Whether `window` ends on examples of organisations: "bodies such as the"."""
    # The pattern must end where the window does: its last words are tested first (the
    # search tries every position of the window, in a sentence of names on every run).
    return window.rstrip().endswith(_NOT_MEMBERS_ENDS) and _NOT_MEMBERS.search(window) is not None


#: Between two runs of a list framed as complete: one item the registry does not know (a
#: misspelt or unknown name), so the list goes on after it: "…, Luxembourg, Montenegr, Norway".
_UNKNOWN_ITEM = re.compile(
    r"\s*,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s*,\s*(?:and\s+)?"
)


def _rest_of_list(plain: str, runs: list[Run], index: int) -> Run:
    """The runs after `runs[index]` that continue it past an unknown item, joined."""
    joined = list(runs[index])
    for run in runs[index + 1 :]:
        if _UNKNOWN_ITEM.fullmatch(plain, joined[-1].end, run[0].start) is None:
            break
        joined.extend(run)
    return tuple(joined)


def _member_of(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    partners = _PARTNERS_OF.match(ctx.plain, run[-1].end, ctx.sentence.end)
    if partners is not None and not ctx.is_hedged(run[0].start, partners.end()):
        yield ctx.claim("membership", run[0].start, partners.end(), PARTNERS, actors=actors)
        return
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
        return
    date = None
    if _WAS.match(match.group(0)):  # the past: on the date stated, else at some time before
        date = ctx.stated_date("was")
        if date is None and ctx.written is not None:
            date = PartialDate(1949, until=PartialDate(ctx.written.year))
        if date is None:
            return  # an undated text: no telling when
    yield ctx.claim("membership", run[0].start, framework.end, framework.code, actors=actors,
                    date=date)  # fmt: skip


def _accessions(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    start, end = run[0].start, run[-1].end
    window = plain[max(s.start, start - 120) : start]
    # (the word first: the search tries every position of the window, before every run)
    before = _ACCESSION_BEFORE.search(window) if "accession" in window else None
    if before is not None:
        date_text = before["date"]
        claim_start = start - len(before.group(0))
        after = _DATE_AFTER.match(plain, end, s.end)
        if date_text is None and after is not None:
            date_text, end = after["date"], after.end()
        date = parse_text_date(date_text) if date_text else None
        if date is None and before["today"] and ctx.written is not None:
            date = PartialDate.from_date(ctx.written)
        if date is not None:
            yield ctx.claim("accession", claim_start, end, "nato", actors=actors, date=date)
        return
    joined = _JOINED.match(plain, end, s.end)
    if joined is not None:
        if ctx.is_hedged(start, joined.end()):
            return
        paired = _RESPECTIVELY.match(plain, joined.end(), s.end) if joined["date"] else None
        if paired is not None:
            each = list(_respectively(ctx, run, joined, paired))
            if each or paired["word"]:  # "respectively" with dates that do not pair: nothing
                yield from each
                return
        date = _relative(ctx, start, joined) if joined["rel"] else parse_text_date(joined["date"])
        framework = next(
            (m for m in s.frameworks if joined.start("what") <= m.start < joined.end("what")), None
        )
        if date is not None:
            subject = framework.code if framework else "nato"
            yield ctx.claim("accession", start, joined.end(), subject, actors=actors, date=date)
        return
    bare = _JOINED_BARE.match(plain, end, s.end)
    if bare is not None and not ctx.is_hedged(start, bare.end()):
        fronted = _FRONTED_DATE.search(plain, max(s.start, start - 60), start)
        if fronted is not None:
            claim_start = fronted.start()
            date = ctx.date_of(fronted["date"])
            if date is None:
                return  # a day and month with no year in sight
        elif re.match(r"\s*(?:have|has)\b", plain[end : bare.start("verb")].lstrip(" (")):
            claim_start, date = start, None  # "… have all joined": by the text's date
        else:
            return
        yield ctx.claim("accession", claim_start, bare.end(), "nato", actors=actors, date=date)
        return
    yield from _followed(ctx, run, actors)
    year = _YEAR_AFTER.match(plain, end, s.end)
    if year is not None and _JOIN_CUE.search(plain, s.start, s.end):
        yield ctx.claim("accession", start, year.end(), "nato", actors=actors,
                        date=PartialDate(int(year["year"])))  # fmt: skip


#: Joining after others, with a date: "Spain followed in 1982" (after a sentence about
#: joining), "… joined in 1955, followed by Spain in 1982".
_FOLLOWED = re.compile(
    rf"\s+(?:then\s+|later\s+)?followed(?:\s+suit)?\s*,?\s+in\s+(?P<date>{ANY_DATE})"
)
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+(?:the\s+)?$")
_BY_DATE = re.compile(rf"\s*,?\s+in\s+(?P<date>{ANY_DATE})")


def _followed(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    """ "Greece and Turkey joined in 1952. Spain followed in 1982": joining, in a sentence
    about joining or after one; "… joined in 1955, followed by Spain in 1982"."""
    s, plain = ctx.sentence, ctx.plain
    start, end = run[0].start, run[-1].end
    after = _FOLLOWED.match(plain, end, s.end)
    lead = max(s.start, start - 20)
    named = plain.find("followed", lead, start) >= 0  # what `_FOLLOWED_BY` needs, first
    by = _FOLLOWED_BY.search(plain, lead, start) if named else None
    when = _BY_DATE.match(plain, end, s.end) if by is not None else None
    if after is None and when is None:
        return
    previous = ctx.previous
    joining = _JOIN_CUE.search(plain, s.start, start) or (
        after is not None and previous is not None
        and _JOIN_CUE.search(plain, previous.start, previous.end)
    )  # fmt: skip
    found = after or when
    if not joining or found is None or ctx.is_hedged(start, found.end()):
        return
    date = parse_text_date(found["date"])
    if date is not None:
        claim_start = by.start() if by is not None and after is None else start
        yield ctx.claim("accession", claim_start, found.end(), "nato", actors=actors, date=date)


def _respectively(
    ctx: Context, run: Run, joined: re.Match[str], paired: re.Match[str]
) -> Iterator[Claim]:
    """ "Finland and Sweden joined NATO in 2023 and 2024 respectively": each its own date
    (nothing when the dates and the names do not pair up)."""
    texts = [joined["date"], *(m["date"] for m in _LAST_DATE.finditer(paired["rest"]))]
    dates = [parse_text_date(text) for text in texts]
    codes = list(dict.fromkeys(m.code for m in run))
    if len(dates) != len(codes) or len(codes) != len(run) or None in dates:
        return
    within = [m for m in ctx.sentence.frameworks if joined.start("what") <= m.start]
    framework = next((m for m in within if m.start < joined.end("what")), None)
    subject = framework.code if framework else "nato"
    for mention, date in zip(run, dates, strict=True):
        yield ctx.claim("accession", mention.start, paired.end(), subject, actors=(mention.code,),
                        date=date)  # fmt: skip


def _relative(ctx: Context, start: int, joined: re.Match[str]) -> PartialDate | None:
    """The year "five years later" stands for: counted from the last year stated before."""
    s, plain = ctx.sentence, ctx.plain
    earlier = list(_LAST_DATE.finditer(plain, s.start, start))
    if not earlier and ctx.previous is not None:
        earlier = list(_LAST_DATE.finditer(plain, ctx.previous.start, ctx.previous.end))
    base = parse_text_date(earlier[-1]["date"]) if earlier else None
    if base is None:
        return None
    word = (joined["n"] or "").lower()
    numbers = ("a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    years = int(word) if word.isdigit() else numbers.index(word) + 1 if word in numbers else 1
    if word == "one":
        years = 1
    return PartialDate(base.year + years)


def _founding_front(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    """ "As a founding member of the Alliance, Canada …"."""
    s, plain = ctx.sentence, ctx.plain
    lead = max(s.start, run[0].start - 100)
    if not plain[lead : run[0].start].rstrip().endswith(","):
        return  # the pattern ends on a comma before the name: that is tested first
    front = _FOUNDING_FRONT.search(plain, lead, run[0].start)
    if front is None:
        return
    named = next((m for m in s.frameworks if front.start("fw") <= m.start < front.end("fw")), None)
    subject = named.code if named else "nato"
    yield ctx.claim("accession", front.start(), run[-1].end, subject, actors=actors,
                    founding=True)  # fmt: skip


def _ordinal(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    """ "Sweden became NATO's 32nd member", "…, becoming its 32nd Ally"."""
    if len(actors) != 1:
        return
    end = min(ctx.sentence.end, run[-1].end + 120)
    if _DIGIT.search(ctx.plain, run[-1].end, end) is None:
        return  # the pattern needs the place in digits
    match = _ORDINAL.search(ctx.plain, run[-1].end, end)
    if match is not None:
        quantity = Quantity(int(match["n"]))
        yield ctx.claim("accession", run[0].start, match.end(), "nato", actors=actors,
                        quantity=quantity)  # fmt: skip


#: The apposition before the name: "NATO's newest member, Sweden, …".
_MOST_RECENT_BEFORE = re.compile(
    r"(?:NATO['\u2019]s|[Tt]he\s+Alliance['\u2019]s)\s+(?:newest|latest|most\s+recent|youngest)\s+"
    r"(?:member(?:\s+state|\s+country)?|Ally)\s*,\s*$"
)


def _most_recent(ctx: Context, run: Run, actors: tuple[str, ...]) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    lead = max(s.start, run[0].start - 60)
    # the pattern ends on a comma before the name: that is tested first
    comma = plain[lead : run[0].start].rstrip().endswith(",")
    before = _MOST_RECENT_BEFORE.search(plain, lead, run[0].start) if comma else None
    if before is not None and len(actors) == 1 and plain.startswith(",", run[-1].end):
        yield ctx.claim("most-recent-member", before.start(), run[-1].end, "nato", actors=actors)
        return
    match = _MOST_RECENT.match(ctx.plain, run[-1].end, ctx.sentence.end)
    if match is None or (len(actors) != 1 and not match.group(0).lstrip().startswith("as")):
        return
    date = PartialDate(int(match["year"])) if match["year"] else None
    yield ctx.claim(
        "most-recent-member", run[0].start, match.end(), "nato", actors=actors, date=date
    )
