"""Claim frames for phrasings the core finders do not read, one small finder per class.

Each finder reads one sentence (a `Context`) and yields `Claim`s. The classes:

- counts: founders ("twelve founding members", "the original 12 countries"), a question's
  answer ("How many members does NATO have? Twenty eight."), a total reached ("bringing the
  membership to 28"), the rest of the Allies ("the other 27"), a speaker's own ("our
  twenty-nine nations"), a tally of joiners ("22 states had joined");
- foundings: a treaty signed ("signed a pact in 1949"), an object founded after a fronted
  date ("In 1997, the Founding Act established a Permanent Joint Council"), a decision to
  establish ("agreed to establish the NATO-Russia Council"), an inaugural meeting ("The first
  session was held on …"), an era ("established during the Cold War");
- names: what an acronym stands for ("NATO is an acronym for …", "What does NATO stand for?
  The North Atlantic Trade Organization.");
- kinds the registry decides only in part: Article 5 invoked, the Strategic Concept adopted;
  and kinds it cannot decide (`unverifiable`): headquarters, Secretaries General, what a
  treaty or programme requires.

Every finder skips hedged clauses (predictions, plans, questions, conditionals).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator

from allied.claims.chronology import YEARLESS
from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.dating import ANY_DATE, ERA, parse_era, parse_text_date
from allied.claims.enlargements import enlargements
from allied.claims.quantity import QUANTITY, Quantity
from allied.period import PartialDate

_Q = rf"(?i:{QUANTITY})"
_MEMBERS = (
    r"(?:members|member\s+(?:states|countries|nations)|countries|nations|states|Allies|allies)"
)

_FOUNDERS = re.compile(
    rf"\b(?P<q>{_Q})\s+(?:founding|original)\s+(?:{_MEMBERS}|signatories|founders)\b"
    rf"|\b(?i:the)\s+original\s+(?P<q2>{_Q})\s+(?:{_MEMBERS}|signatories)\b"
)
_HOW_MANY = re.compile(
    r"\b(?i:how)\s+many\s+(?:members|member\s+states|countries|nations|Allies|allies)"
    r"\s+(?:does|do|did)\s+(?P<rest>[^?]{1,80})\?"
)
_ANSWER = re.compile(rf"[\"“]?(?P<q>{_Q})(?:\s+{_MEMBERS})?\s*[.!]?[\"”]?$")
_TOTAL = re.compile(
    r"\b(?:bringing|brought|brings|raising|raised|taking|took|increasing|increased)\s+"
    r"(?:the|its|NATO['\u2019]s|the\s+Alliance['\u2019]s)\s+"
    rf"(?:membership|number\s+of\s+(?:members|Allies|allies|member\s+states))\s+to\s+(?P<q>{_Q})"
)
#: Growth to a total: "NATO has grown to 32 members", "Its membership rose from 12 to 32
#: countries", "the Dialogue expanded to seven partners".
_GREW = re.compile(
    r"\b(?P<verb>(?:has|have|had)\s+(?:grown|risen|increased|expanded)|grew|rose|increased"
    r"|expanded)\s+(?:steadily\s+|gradually\s+)?"
    rf"(?:from\s+{_Q}\s+)?to\s+(?P<q>{_Q})\s+(?:{_MEMBERS}|partners|partner\s+countries)\b"
)
#: A size as an adjective: "the 32-member alliance", "the 50-nation EAPC".
_SIZED = re.compile(
    rf"\b(?P<q>{_Q})-(?:member|nation|country|state)\s+"
    r"(?:(?P<noun>(?:(?:military|defen[cs]e|security|transatlantic|[Ww]estern)\s+)?(?:alliance|Alliance|bloc)\b)"
    r"|(?=[A-Z]))"
)
#: A total as a figure: "NATO's membership stands at 32", "the number of NATO members is 32".
_MEMBERSHIP_AT = re.compile(
    r"\b(?:membership|number\s+of\s+(?:NATO\s+)?(?:members|Allies|allies|member\s+(?:states|countries)))"
    r"\s+(?:now\s+|currently\s+|today\s+)?(?:stands\s+at|totals|is|has\s+reached)\s+"
    rf"(?P<q>{_Q})(?:\s+{_MEMBERS})?(?![\w%-])"
)
#: The members as the subject: "Twenty-nine countries are members of NATO", "32 states
#: belong to the Alliance".
_ARE_MEMBERS = re.compile(
    rf"(?<![\w,.%-])(?P<q>{_Q})\s+(?:countries|states|nations)\s+(?:are\s+(?:now\s+|currently\s+)?"
    r"(?:members|Allies|partners|participants)\s+(?:of|in)|(?:now\s+)?belong\s+to)\s+"
    r"(?:the\s+)?$"
)
_ARE_WORDS = ("are members", "belong", "are partners", "are participants", "are allies")
_SIZE_WORDS = ("-member", "-nation", "-country", "-state", "membership", "number of",
               *_ARE_WORDS)  # fmt: skip
_GREW_WORDS = ("grown", "grew", "rose", "risen", "increased", "expanded")
_TOTAL_WORDS = (*_GREW_WORDS, *_SIZE_WORDS)
_OTHER = re.compile(
    rf"\b(?i:the)\s+other\s+(?P<q>\d{{1,2}}|{_Q})\b(?!\s*(?:%|per|years?|months?|days?|times))"
)
_OUR = re.compile(rf"\b(?i:our)\s+(?P<q>{_Q})\s+(?P<noun>{_MEMBERS})\b")
_JOINERS = re.compile(
    rf"(?<![\w,.])(?P<q>{_Q})\s+(?:states|countries|nations|partners|members)\s+"
    r"(?:had|have|has)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:joined|signed\s+up|signed\s+on)\b"
)
_NATO_WORDS = ("nato", "allies", "ally", "alliance", "members")

_SIGNED = re.compile(
    r"\b(?:signed|concluded)\s+(?:a\s+pact|a\s+treaty|the\s+(?:Washington|North\s+Atlantic)\s+Treaty)"
    rf"(?:[^.;]{{0,60}}?\b(?:in|on)\s+(?P<date>{ANY_DATE}))?"
)
_ESTABLISHED_OBJECT = re.compile(
    r"\b(?:established|founded|created|set\s+up|launched|inaugurated)\s+(?:the\s+|a\s+|an\s+)?$"
)
_DECIDED = re.compile(
    r"\b(?:agreed|decided|decision|agreement)\b[^.;]{0,80}?\b(?:to\s+establish|to\s+create"
    r"|to\s+set\s+up|on\s+establishing|on\s+creating|on\s+the\s+establishment\s+of)\s+(?:the\s+|a\s+)?$"
)
_FIRST_MEETING = re.compile(
    r"\b(?:[Tt]he|[Ii]ts)\s+(?:first|inaugural)\s+(?:session|meeting)\s+(?:was\s+held|took\s+place)"
    rf"[^.;]{{0,60}}?\b(?:in|on)\s+(?P<date>{ANY_DATE})"
)
_ERA_FOUNDED = re.compile(
    r"\s+(?:was|were)\s+(?:established|founded|created|formed|set\s+up)\s+"
    rf"(?:during|in)\s+(?P<era>{ERA})"
)

_ACRONYM = re.compile(
    r"\s+(?:is\s+an\s+acronym\s+for|is\s+short\s+for|stands\s+for|is\s+the\s+abbreviation\s+for)"
    r"\s+(?:the\s+)?(?P<long>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|and|the)){1,8})"
)
_STAND_FOR = re.compile(r"(?=[wW])\b(?i:what)\s+does\s+(?P<abbr>[A-Z]{2,6})\s+stand\s+for\s*\?")
_NAME_ANSWER = re.compile(
    r"[\"“]?(?:[Tt]he\s+)?(?P<long>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|and|the)){1,8})"
    r"\s*\.?[\"”]?$"
)

_HEADQUARTERS = re.compile(
    r"\b(?:headquarters\s+(?:is|are)\s+(?:located\s+)?in|(?:is|are)\s+headquartered\s+in"
    r"|headquarters\s+of\s+(?:NATO|the\s+Alliance)\s+(?:is|are)\s+(?:located\s+)?in"
    r"|(?:both\s+|all\s+)?based\s+in)\s+(?P<place>[A-Z][\w-]+(?:,?\s+[A-Z][\w-]+){0,2})"
)
_SECRETARY = r"Secretary[\s-]General"
_SG = re.compile(
    rf"(?P<a>\s*,?\s+(?:serves|served|is|was)\s+as\s+(?:its|the|NATO['\u2019]s)\s+{_SECRETARY})"
    rf"|(?P<b>\s*\(\s*(?:NATO\s+)?{_SECRETARY}\s*\))"
)
_SG_IS = re.compile(
    rf"\b(?:[Ii]ts|NATO['\u2019]s|the\s+Alliance['\u2019]s|the)\s+(?:current\s+)?{_SECRETARY}\s+(?:is|was)"
    r"\s+(?P<name>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){1,3})"
)
_PERSON = re.compile(r"(?:[A-Z][\w.-]+\s+){1,3}[A-Z][\w-]+$")
#: The title before the name, its holder doing something now: "NATO Secretary-General Jens
#: Stoltenberg addresses …" (not "former …", not a byline or a past act: those are history).
_SG_TITLE = re.compile(
    rf"(?<![Ff]ormer\s)\b(?:NATO|NATO['\u2019]s|the\s+Alliance['\u2019]s)\s+{_SECRETARY}\s+"
    r"(?P<name>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){1,2})(?=\s+(?!was\b)[a-z]{2,}s\b)"
)
_ARTICLE_5 = re.compile(r"\b(?:Article|article)\s+(?:5|Five|five|V)\b|\b[Tt]he\s+article\b")
_INVOKED = re.compile(
    r"\b(?:was|has\s+been|had\s+been)\s+invoked\b(?P<first>[^.;]{0,30}\bfirst\s+time\b)?"
    r"(?P<rest>[^.;]{0,60})"
)
_INVOKED_BY = re.compile(
    r"\b(?:NATO|[Aa]llies|[Tt]he\s+Alliance|[Tt]he\s+North\s+Atlantic\s+Council)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:only\s+|formally\s+)?invoked\s+(?:its\s+|the\s+)?$"
)
_AFTER_ARTICLE = re.compile(
    r"(?:\s+of\s+the\s+(?:North\s+Atlantic\s+|Washington\s+)?Treaty)?"
    r"(?P<first>[^.;]{0,30}\bfirst\s+time\b)?(?P<rest>[^.;]{0,60})"
)
_NINE_ELEVEN = re.compile(r"9/11|September\s+11(?:,\s*2001)?|11\s+September(?:\s+2001)?")
_TREATY_SAYS = re.compile(
    r"\b(?:requires?|obliges?|commits?|stipulates?|provides?\s+that|states?\s+that)\b"
)
_TREATY_SUBJECT = re.compile(
    r"(?:[Tt]he\s+(?:NATO|North\s+Atlantic|Washington)\s+[Tt]reaty|Article\s+(?:\d{1,2}|[A-Z][a-z]+)"
    r"|[Tt]he\s+(?:program|programme|Partnership|initiative))\s*$"
)
_EXPRESSED_IN = re.compile(
    r"\b(?:is|are)\s+(?:expressed|enshrined|set\s+out|laid\s+down|written)\s+in\s+"
    r"(?:Article\s+(?:\d{1,2}|Five|five)|the\s+(?:North\s+Atlantic|Washington)\s+Treaty)"
)
_CONCEPT = re.compile(
    r"\b(?:approved|adopted|endorsed|agreed|unveiled)\s+(?:a\s+|the\s+|its\s+)?(?:new\s+)?"
    r"Strategic\s+Concept\b"
    r"|\b(?:[Tt]he\s+(?:previous|last|current|new)\s+(?:version|concept|Strategic\s+Concept))"
    r"\s+was\s+(?:adopted|approved|endorsed|agreed)\b(?P<rest>[^.;]{0,80})"
)
_PLACE_YEAR = re.compile(r"\b(?P<place>[A-Z][a-z]+)\s+Summit\b|\bin\s+(?P<year>(?:19|20)\d\d)\b")


_FOUNDING_CUES = ("signed", "concluded", "establish", "found", "creat", "set up", "launch",
                  "inaugura", "first", "formed", "anniversary", "turns")  # fmt: skip
#: An anniversary on the text's date: "NATO celebrates its 75th anniversary today", "the
#: Alliance marks its 70th anniversary this year", "NATO turns 75".
_ANNIVERSARY_NOW = re.compile(
    r"\s+(?:(?:is\s+)?(?:celebrat(?:es|ing)|mark(?:s|ing))\s+its\s+(?P<n>\d{1,3})(?:st|nd|rd|th)\s+"
    r"(?:anniversary|birthday)|turns\s+(?P<n2>\d{1,3})\b(?!\s*(?:%|per|members|countries)))"
)
_TREATY_CUES = ("require", "oblige", "commit", "stipulate", "provide", "state")
_UNDECIDED_CUES = ("headquarter", "based in", "ecretary", "article", "concept", "version",
                   *_TREATY_CUES)  # fmt: skip


def _found(
    ctx: Context, pattern: re.Pattern[str], cues: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in the sentence, when it has one of `cues` (lower case)."""
    if ctx.mentions_any(cues):
        yield from pattern.finditer(ctx.plain, ctx.sentence.start, ctx.sentence.end)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_JOINT = r"(?:[Jj]oint\s+)?[Dd]eclarations?"
_DECLARATION_ORDINAL = re.compile(
    rf"\b(?:[Tt]his|[Tt]he\s+new|[Tt]he\s+latest)\s+{_JOINT}\s+(?:is|was)\s+the\s+"
    r"(?P<ord>first|second|third|fourth|fifth|sixth|\d{1,2}(?:st|nd|rd|th))\b"
)
_DECLARATION_YEARS = re.compile(
    r"\b(?:previous|earlier|two\s+previous|other)\s+(?:(?P<n>two|three|four|\d)\s+)?"
    rf"{_JOINT}\s+(?:were\s+)?(?:signed|adopted)\s+in\s+"
    r"(?P<years>(?:19|20)\d\d(?:\s*(?:,|and)\s*(?:19|20)\d\d)*)"
)
_DECLARATION_SIGNED = re.compile(rf"\b(?:signed|adopted)\s+(?:the|a|their)\s+(?:new\s+)?{_JOINT}\b")
_INSTITUTIONALISED = re.compile(
    rf"\binstitutionali[sz]ed\s+(?:in|during)\s+(?P<era>{ERA}|(?:19|20)\d\d)"
)
_EU = re.compile(r"(?=E)(?:\bEU\b|European\s+Union)")  # the lookahead: a faster search
#: NATO working with the EU, by name or as an example of organisations it works with:
#: "cooperates closely with the European Union", "works with regional organisations such as
#: the EU" (the EU is the example, so the clause says NATO works with it).
_COOPERATES = re.compile(
    r"\b(?:co-?operates?|works?|partners)\s+(?:closely\s+)?with\s+(?:the\s+)?"
    r"(?:(?:(?:other\s+)?(?:regional|international|multilateral)\s+){0,2}"
    r"(?:organi[sz]ations|institutions)\s*,?\s+(?:such\s+as|like|including)\s+the\s+)?"
    r"(?:European\s+Union|EU)\b"
)
_COOPERATION_WORDS = ("cooperat", "co-operat", "work", "partners with")
#: What stands for NATO at the head of a sentence about it: "It", "The Alliance".
_NATO_PRONOUN = re.compile(r"[\s\"“]*(?:It|The\s+Alliance|The\s+alliance)\b")


def _cooperation(ctx: Context) -> Iterator[Claim]:
    """ "NATO … cooperates with regional organisations such as the European Union": EU-NATO
    relations exist on the day (judged against the first EU-NATO declaration)."""
    s, plain = ctx.sentence, ctx.plain
    for match in _COOPERATES.finditer(plain, s.start, s.end):
        nato = [m for m in s.frameworks if m.end <= match.start() and not m.possessive]
        about_nato = (nato and nato[-1].code == "nato") or (
            ctx.topic is not None
            and ctx.topic.code == "nato"
            and not nato
            and _NATO_PRONOUN.match(plain, s.start) is not None
        )
        if not about_nato or ctx.is_hedged(match.start(), match.end()):
            continue
        if ctx.is_negated(match.start()):
            continue
        start = nato[-1].start if nato else s.start
        yield ctx.claim("eu-nato-declarations", start, match.end(), "eu-nato", founding=True)


@cued("declaration", "institutionali", *_COOPERATION_WORDS)
def declarations(ctx: Context) -> Iterator[Claim]:
    """EU-NATO joint declarations: "the third", "signed in 2016 and 2018", "institutionalised";
    and NATO's cooperation with the EU."""
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(_COOPERATION_WORDS):
        yield from _cooperation(ctx)
    about_eu = _EU.search(plain, s.start, s.end) or (
        ctx.previous is not None and _EU.search(plain, ctx.previous.start, ctx.previous.end)
    )
    if not about_eu and not ctx.mentions_any(("two organi", "two institutions")):
        return
    for match in _DECLARATION_ORDINAL.finditer(plain, s.start, s.end):
        word = match["ord"].lower()
        n = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        yield ctx.claim("eu-nato-declarations", match.start(), match.end(), "eu-nato",
                        quantity=Quantity(n))  # fmt: skip
    for match in _DECLARATION_YEARS.finditer(plain, s.start, s.end):
        years = tuple(int(y) for y in re.findall(r"(?:19|20)\d\d", match["years"]))
        yield ctx.claim("eu-nato-declarations", match.start(), match.end(), "eu-nato",
                        tasks=tuple(map(str, years)))  # fmt: skip
    if ctx.written is not None and not ctx.is_hedged(s.end):
        for match in _DECLARATION_SIGNED.finditer(plain, s.start, s.end):
            day = PartialDate.from_date(ctx.written)
            yield ctx.claim("eu-nato-declarations", match.start(), match.end(), "eu-nato",
                            date=day)  # fmt: skip
    for match in _INSTITUTIONALISED.finditer(plain, s.start, s.end):
        era = (
            parse_era(match["era"])
            if not match["era"].isdigit()
            else PartialDate(int(match["era"]))
        )
        if era is not None:
            yield ctx.claim("eu-nato-declarations", s.start, match.end(), "eu-nato",
                            date=era, founding=True)  # fmt: skip


_MONTH_DAY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MEETING = re.compile(
    r"\b(?:took\s+part\s+in|participated\s+in|attended|ahead\s+of|held|hosted)\s+"
    r"(?:a\s+|an\s+|the\s+)?(?:(?:extraordinary|informal|first|last)\s+)?"
    r"(?P<what>(?:NATO\s+)?[Ss]ummit|meetings?\s+of\s+(?:the\s+)?(?:NATO\s+)?(?:Heads\s+of\s+States?"
    r"|Defence\s+Ministers|Foreign\s+Ministers|Ministers)|(?:NATO\s+)?(?:Defence|Foreign)\s+Ministers['\u2019]?"
    r"\s+meetings?)"
)
_PLACE = re.compile(r"\bin\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
_ANNIVERSARY_SUMMIT = re.compile(
    r"\b(?:the\s+)?(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+[Ss]ummit\b"
)
_COMMANDER = re.compile(
    r"\b(?:[Tt]he\s+)?(?:current\s+|new\s+)?(?P<op>KFOR|SFOR|IFOR|ISAF|SACEUR|SACT)\s+[Cc]ommander"
    r"(?:\s*\([A-Z]{3,10}\))?\s*,?\s+(?P<name>(?:(?:Lt\.|Lieutenant|Gen\.|General|Admiral|Sir)\s+)*"
    r"[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,3})"
)
_ROLE = re.compile(
    r"\s+(?:represents|is|serves\s+as|acts\s+as|provides)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:forum|mechanism|framework|body|platform|venue)\b"
    r"|,\s+a\s+body\s+which\s+meets\b"
    r"|(?:\s+along\s+with\s+[\w-]+)?\s+plays?\s+(?:the|a)\s+(?:central|key|leading|major|pivotal)\s+role\b"
)
_DOCUMENT_SAYS = re.compile(
    r"\b[Tt]he\s+(?:documents?|Strategic\s+Concept|new\s+concept|declaration|communiqu[ée])\s+"
    r"(?:also\s+)?(?:defines|states?\s+that|names|identifies|calls|designates"
    r"|(?:is|was)\s+(?:updated|revised|reviewed)\s+(?:roughly\s+|about\s+|approximately\s+)?every)\b"
)


_PROTOCOL = re.compile(
    r"\b(?:signed|signing\s+of)\s+(?:the\s+)?(?:Protocols?\s+on\s+(?:the\s+)?[Aa]ccession|"
    r"accession\s+protocols?)\b"
)
_PROTOCOL_PASSIVE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:Protocols?\s+on\s+(?:the\s+)?[Aa]ccession|[Aa]ccession\s+[Pp]rotocols?)"
    r"[^.;]{0,40}?\s+(?:was|were)\s+signed\b"
)
_PROTOCOL_DATE = re.compile(
    rf"\b(?:in|on)\s+(?P<date>{ANY_DATE}|{YEARLESS})|\b(?P<rel>[Yy]esterday|[Tt]oday)\b"
)


@cued("protocol")
def protocols(ctx: Context) -> Iterator[Claim]:
    """Accession protocols signed: on a stated date, or "yesterday"/"today" from the text's."""
    s, plain = ctx.sentence, ctx.plain
    if ctx.is_hedged(s.end):
        return
    for pattern in (_PROTOCOL, _PROTOCOL_PASSIVE):
        for match in pattern.finditer(plain, s.start, s.end):
            dates = list(_PROTOCOL_DATE.finditer(plain, s.start, s.end))
            date = None
            for found in dates:
                if found["date"]:
                    date = ctx.date_of(found["date"])
                elif ctx.written is not None:
                    day = ctx.written - _dt.timedelta(
                        days=1 if found["rel"].lower() == "yesterday" else 0
                    )
                    date = PartialDate.from_date(day)
                if date is not None:
                    break
            if date is None:
                continue
            actors = tuple(m.code for m in s.mentions if m.kind == "actor")
            if not actors and ctx.previous is not None:
                actors = tuple(m.code for m in ctx.previous.mentions if m.kind == "actor")
            start = min([match.start(), *(f.start() for f in dates if f.start() < match.start())])
            yield ctx.claim("protocol", start, match.end(), "nato", actors=actors, date=date)
            return


_PLACE_NAME = r"[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?"
#: Where and when, in either order: "in Reykjavik on May 14, 2002", "on 28 May 2002 in Rome".
_WHERE_WHEN = (
    rf"(?:\s+in\s+(?P<place>{_PLACE_NAME})(?:\s*,\s*[A-Z][a-z]+)?\s*,?\s+on\s+(?P<date>{ANY_DATE})"
    rf"|\s+on\s+(?P<date2>{ANY_DATE})\s*,?\s+in\s+(?P<place2>{_PLACE_NAME})"
    rf"|\s+(?:on|in)\s+(?P<date3>{ANY_DATE}))"
)
_ORDINAL = r"(?:(?P<ord>first|last|final|inaugural)\s+)?"
#: A body's meeting, after its name: "The PJC held its last meeting in Reykjavik on May 14,
#: 2002", "… held its first meeting on 18 July 1997".
_HELD_ITS = re.compile(
    rf"\s+(?:has\s+|had\s+)?held\s+its\s+{_ORDINAL}(?:(?:ministerial|formal|official)\s+)?"
    rf"(?:meeting|session)(?:\s+at\s+the\s+level\s+of\s+(?:[A-Za-z]+\s+){{1,3}}?[A-Za-z]+)?"
    rf"{_WHERE_WHEN}"
)
#: Before its name: "The last meeting of the PJC was held in Reykjavik on 14 May 2002".
_MEETING_OF = re.compile(rf"\b[Tt]he\s+{_ORDINAL}(?:meeting|session)\s+of\s+(?:the\s+)?$")
_WAS_HELD = re.compile(rf"\s+(?:was\s+held|took\s+place){_WHERE_WHEN}")


def _body_meetings(ctx: Context) -> Iterator[Claim]:
    """A meeting of a body the registry knows, with its date (and place): judged against the
    meetings recorded for that body; "first" or "last" against the body's other meetings."""
    s, plain = ctx.sentence, ctx.plain
    for mention in s.frameworks:
        if mention.code == "nato":
            continue  # NATO's own meetings are summits and ministerials (`_MEETING`)
        held = _HELD_ITS.match(plain, mention.end, s.end)
        ordinal = held["ord"] if held else None
        start = mention.start
        if held is None:
            opening = _MEETING_OF.search(plain, max(s.start, mention.start - 40), mention.start)
            held = _WAS_HELD.match(plain, mention.end, s.end) if opening else None
            if opening is None or held is None:
                continue
            ordinal, start = opening["ord"], opening.start()
        text = held["date"] or held["date2"] or held["date3"]
        date = ctx.date_of(text)
        if date is None or ctx.is_hedged(held.start(), held.end()):
            continue
        place = held["place"] or held["place2"]
        order = "first" if ordinal in ("first", "inaugural") else "last" if ordinal else ""
        yield ctx.claim("meeting", start, held.end(), mention.code,
                        actors=(place,) if place else (), date=date,
                        tasks=(order,) if order else ())  # fmt: skip


@cued(
    "summit",
    "meeting",
    "session",
    "ministers",
    "commander",
    "document",
    "concept",
    "declaration",
    "communiq",
    "forum",
    "mechanism",
    "framework",
    "body",
    "platform",
    "venue",
    "role",
)
def meetings(ctx: Context) -> Iterator[Claim]:
    """Meetings and summits (the registry's summits decide some), commanders, and the role
    of a body ("The Commission represents a forum for …") — the latter two unverifiable."""
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(("meeting", "session")):
        yield from _body_meetings(ctx)
    if ctx.mentions_any(("summit", "meeting", "ministers")) and not ctx.is_hedged(s.end):
        for match in _MEETING.finditer(plain, s.start, s.end):
            place = _PLACE.search(plain, match.end(), min(s.end, match.end() + 30))
            summit = "ummit" in match["what"]
            yield ctx.claim("meeting", s.start if ctx.fronted_date() else match.start(),
                            place.end() if place else match.end(), "nato",
                            actors=(place["place"],) if place and summit else (),
                            date=ctx.fronted_date() if summit else None)  # fmt: skip
        for match in _ANNIVERSARY_SUMMIT.finditer(plain, s.start, s.end):
            on = PartialDate(ctx.written.year) if ctx.written else None
            yield ctx.claim("meeting", match.start(), match.end(), "nato", date=on,
                            quantity=Quantity(int(match["n"])))  # fmt: skip
    if ctx.mentions_any(("commander",)):
        for match in _COMMANDER.finditer(plain, s.start, s.end):
            yield ctx.claim("commander", match.start(), match.end(), match["op"].lower(),
                            actors=(match["name"],))  # fmt: skip
    if ctx.mentions_any(("document", "concept", "declaration", "communiq")):
        for match in _DOCUMENT_SAYS.finditer(plain, s.start, s.end):
            if not ctx.is_hedged(match.start(), match.end()):
                yield ctx.claim("document-content", match.start(), s.end, "nato")
                break
    if ctx.mentions_any(("forum", "mechanism", "framework", "body", "platform", "venue", "role")):
        subjects = [*s.frameworks, *([ctx.topic] if ctx.topic else [])]
        for mention in s.frameworks:
            role = _ROLE.match(plain, mention.end, s.end)
            if role is not None and not ctx.is_hedged(role.end()):
                yield ctx.claim("role", mention.start, role.end(), mention.code)
        opening = re.match(
            r"[Tt]he\s+(?i:commission|council|initiative|partnership|programme)",
            plain[s.start : s.end],
        )
        if opening and ctx.topic is not None and subjects:
            role = _ROLE.match(plain, s.start + opening.end(), s.end)
            if role is not None:
                yield ctx.claim("role", s.start, role.end(), ctx.topic.code)


def _nato(ctx: Context, *, speaker: bool = False) -> str | None:
    """NATO when the sentence (or its topic) is about NATO's members; with `speaker`, also
    when nothing else is the topic (a speaker's "our nations" in a text about NATO)."""
    topic = ctx.topic.code if ctx.topic is not None else None
    if topic not in (None, "nato"):
        return None
    return "nato" if ctx.mentions_any(_NATO_WORDS) or topic == "nato" or speaker else None


def _subject(ctx: Context, position: int) -> str | None:
    """The framework a count is about: named before it in the sentence, or the topic."""
    mention = ctx.sentence.framework_before(position + 1, possessive=True) or ctx.topic
    return mention.code if mention is not None else None


@cued("founding", "original", "membership", "number of", "other", "our", "joined", "signed",
       previous=("?",))  # fmt: skip
def counts(ctx: Context) -> Iterator[Claim]:
    """Founders, answers, totals, the other N, our N, and tallies of joiners."""
    s, plain = ctx.sentence, ctx.plain
    for match in _found(ctx, _FOUNDERS, ("founding", "original")):
        subject = _subject(ctx, match.start()) or _nato(ctx) or "nato"
        quantity = Quantity.parse(match["q"] or match["q2"])
        yield ctx.claim("count", match.start(), match.end(), subject, quantity=quantity,
                        founding=True)  # fmt: skip
    previous = ctx.previous
    if previous is not None and plain[previous.end - 1 : previous.end] == "?":
        asked = _HOW_MANY.search(plain, previous.start, previous.end)
        answer = _ANSWER.match(plain, s.start, s.end) if asked else None
        if asked and answer:
            mention = next((m for m in previous.frameworks if m.start >= asked.start()), None)
            subject = mention.code if mention is not None else "nato"
            quantity = Quantity.parse(answer["q"])
            yield ctx.claim("count", s.start, s.end, subject, quantity=quantity)
    if plain.find("?", s.start, s.end) >= 0:
        return
    for match in _found(ctx, _TOTAL, ("membership", "number of")):
        total_of = _subject(ctx, match.start()) or "nato"
        yield ctx.claim("count", match.start(), match.end(), total_of,
                        quantity=Quantity.parse(match["q"]))  # fmt: skip
    for pattern, delta, cue in ((_OTHER, 1, "other"), (_OUR, 0, "our")):
        for match in _found(ctx, pattern, (cue,)):
            nato = _nato(ctx, speaker=pattern is _OUR)
            if nato is None or ctx.is_negated(match.start()):
                continue
            stated = Quantity.parse(match["q"])
            quantity = Quantity(stated.value + delta, stated.quantifier)
            yield ctx.claim("count", match.start(), match.end(), nato, quantity=quantity)
    for match in _found(ctx, _JOINERS, ("joined", "signed")):
        topic = ctx.topic
        if topic is None or ctx.is_hedged(match.start(), match.end()):
            continue
        date = ctx.stated_date("had")
        yield ctx.claim("count", s.start, match.end(), topic.code,
                        quantity=Quantity.parse(match["q"]), date=date)  # fmt: skip


@cued(*_TOTAL_WORDS)
def totals(ctx: Context) -> Iterator[Claim]:
    """Growth to a total, a size as an adjective or a figure, the members as the subject."""
    if ctx.plain.find("?", ctx.sentence.start, ctx.sentence.end) >= 0:
        return
    yield from _grown(ctx)
    yield from _sized(ctx)


def _sized(ctx: Context) -> Iterator[Claim]:
    """ "The 32-member alliance", "the 50-nation EAPC", "NATO's membership stands at 32",
    "Twenty-nine countries are members of NATO": a count on the text's date."""
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(("%", "target", "spend", "budget")):
        return  # "the number of Allies is …" in a sentence about spending counts spenders
    for match in _found(ctx, _SIZED, ("-member", "-nation", "-country", "-state")):
        subject, end = (_nato(ctx), match.end()) if match["noun"] else (None, match.end())
        named = None if match["noun"] else s.framework_after(match.end())
        if named is not None and named.start == match.end():
            subject, end = named.code, named.end
        if subject is None or ctx.is_hedged(match.start(), match.end()):
            continue
        yield ctx.claim("count", match.start(), end, subject,
                        quantity=Quantity.parse(match["q"]))  # fmt: skip
    for mention in s.frameworks if ctx.mentions_any(_ARE_WORDS) else ():
        found = _ARE_MEMBERS.search(plain, max(s.start, mention.start - 60), mention.start)
        if found is None or mention.possessive or ctx.is_hedged(found.start(), mention.end):
            continue
        yield ctx.claim("count", found.start(), mention.end, mention.code,
                        quantity=Quantity.parse(found["q"]))  # fmt: skip
    for match in _found(ctx, _MEMBERSHIP_AT, ("membership", "number of")):
        named = s.framework_before(match.end(), possessive=True)
        if named is None and ctx.names_other_body(match.start()):
            continue  # "The European Union's membership stands at 27"
        subject = named.code if named is not None else _subject(ctx, match.start())
        if subject is None or ctx.is_hedged(match.start(), match.end()):
            continue
        start = ctx.subject_start(named, match.start())
        yield ctx.claim("count", start, match.end(), subject,
                        quantity=Quantity.parse(match["q"]))  # fmt: skip


def _grown(ctx: Context) -> Iterator[Claim]:
    """ "NATO has grown to 32 members": a count on the text's date; "In 1982, NATO grew to 16
    members": a count on the date the sentence states (the past with no date says nothing of
    when)."""
    for match in _found(ctx, _GREW, _GREW_WORDS):
        named = ctx.sentence.framework_before(match.start() + 1, possessive=True)
        if named is None and ctx.names_other_body(match.start()):
            continue  # "The EU has grown to 27 members"
        subject = _subject(ctx, match.start())
        if subject is None or ctx.is_hedged(match.start(), match.end()):
            continue
        if ctx.is_negated(match.start()):
            continue
        date = None
        if not match["verb"].startswith(("has", "have")):  # the past: only when it says when
            date = ctx.stated_date("had")
            if date is None:
                continue
        start = ctx.subject_start(named, match.start())
        yield ctx.claim("count", start, match.end(), subject,
                        quantity=Quantity.parse(match["q"]), date=date)  # fmt: skip


@cued(*_FOUNDING_CUES)
def foundings(ctx: Context) -> Iterator[Claim]:
    """Treaties signed, bodies established after a fronted date or a decision, first meetings."""
    s, plain = ctx.sentence, ctx.plain
    if ctx.is_hedged(s.end):
        return
    fronted = ctx.fronted_date()
    if ctx.written is not None and ctx.mentions_any(("anniversary", "turns")):
        for mention in s.frameworks:
            now = _ANNIVERSARY_NOW.match(plain, mention.end, s.end)
            if now is None or mention.possessive:
                continue
            year = (fronted.year if fronted is not None else ctx.written.year) - int(
                now["n"] or now["n2"]
            )
            yield ctx.claim("founding", mention.start, now.end(), mention.code,
                            date=PartialDate(year))  # fmt: skip
    for match in _found(ctx, _SIGNED, ("signed", "concluded")):
        date = parse_text_date(match["date"]) if match["date"] else fronted
        subject = _nato(ctx)
        if date is not None and subject is not None:
            start = s.start if fronted is not None else match.start()
            yield ctx.claim("founding", start, match.end(), subject, date=date)
    deciding = ctx.mentions_any(("agree", "decid", "decision"))
    for mention in s.frameworks if deciding or fronted is not None else ():
        before = plain[max(s.start, mention.start - 140) : mention.start]
        decided = _DECIDED.search(before) if deciding else None
        if decided is not None:
            day = fronted or (PartialDate.from_date(ctx.written) if ctx.written else None)
            if day is not None:
                span = _decision_span(day)
                yield ctx.claim("founding", mention.start - len(before) + decided.start(),
                                mention.end, mention.code, date=span)  # fmt: skip
            continue
        if fronted is not None and _ESTABLISHED_OBJECT.search(before[-40:]):
            yield ctx.claim("founding", s.start, mention.end, mention.code, date=fronted)
    for match in _found(ctx, _FIRST_MEETING, ("first", "inaugural")):
        body = ctx.sentence.framework_before(match.start() + 1) or ctx.topic
        date = parse_text_date(match["date"])
        if body is not None and date is not None:
            yield ctx.claim("founding", match.start(), match.end(), body.code, date=date)
    for mention in s.frameworks if ctx.mentions_any(("cold war", "0s")) else ():
        era_match = _ERA_FOUNDED.match(plain, mention.end, s.end)
        if era_match is not None and (era := parse_era(era_match["era"])) is not None:
            yield ctx.claim("founding", mention.start, era_match.end(), mention.code, date=era)


def _decision_span(day: PartialDate) -> PartialDate:
    """A decision to establish a body: it began on that day or within the following year."""
    return PartialDate(day.year, day.month, day.day, until=PartialDate(day.year + 1, day.month))


@cued(naming="framework", previous=("stand",))  # _ACRONYM after one, or _STAND_FOR
def names(ctx: Context) -> Iterator[Claim]:
    """What an acronym stands for, stated or given as a question's answer."""
    s, plain = ctx.sentence, ctx.plain
    for mention in s.frameworks:
        match = _ACRONYM.match(plain, mention.end, s.end)
        if match is not None:
            yield ctx.claim("name", mention.start, match.end(), mention.code,
                            actors=(match["long"],))  # fmt: skip
    previous = ctx.previous
    if previous is None:
        return
    if plain.find("?", previous.start, previous.end) < 0:
        return  # `_STAND_FOR` ends on a question mark
    asked = _STAND_FOR.search(plain, previous.start, previous.end)
    if asked is None:
        return
    named = next((m for m in previous.frameworks if m.start == asked.start("abbr")), None)
    answer = _NAME_ANSWER.match(plain, s.start, s.end)
    if named is not None and answer is not None:
        yield ctx.claim("name", s.start, s.end, named.code, actors=(answer["long"],))


@cued(*_UNDECIDED_CUES)
def undecided(ctx: Context) -> Iterator[Claim]:
    """Headquarters, Secretaries General, Article 5, treaty obligations, Strategic Concepts."""
    s, plain = ctx.sentence, ctx.plain
    if plain.find("?", s.start, s.end) >= 0:
        return
    for match in _found(ctx, _HEADQUARTERS, ("headquarter", "based in")):
        subject = _subject(ctx, match.start()) or _nato(ctx)
        hedged = ctx.is_hedged(match.start(), match.end())
        if subject is not None and not ctx.is_negated(match.start()) and not hedged:
            start = ctx.subject_start(
                ctx.sentence.framework_before(match.start() + 1), match.start()
            )
            yield ctx.claim("headquarters", start, match.end(), subject,
                            actors=(match["place"],))  # fmt: skip
    if "ecretary" in plain[s.start : s.end]:
        yield from _secretaries(ctx)
    if ctx.mentions_any(("article",)):
        yield from _article_5(ctx)
    for match in _found(ctx, _TREATY_SAYS, _TREATY_CUES):
        if ctx.is_hedged(match.start(), match.end()):
            continue
        if _TREATY_SUBJECT.search(plain, max(s.start, match.start() - 60), match.start()):
            start = max(s.start, match.start() - 60)
            start = plain.rfind(" ", s.start, start) + 1 or s.start
            yield ctx.claim("obligation", max(start, s.start), s.end, _nato(ctx) or "nato")
            break
    if ctx.mentions_any(("article", "treaty")) and _EXPRESSED_IN.search(plain, s.start, s.end):
        yield ctx.claim("obligation", s.start, s.end, "nato")
    for match in _found(ctx, _CONCEPT, ("concept", "version")):
        rest = plain[match.end() : min(s.end, match.end() + 80)] + (match["rest"] or "")
        place = next((p["place"] for p in _PLACE_YEAR.finditer(rest) if p["place"]), None)
        year = next((p["year"] for p in _PLACE_YEAR.finditer(rest) if p["year"]), None)
        before = plain[max(s.start, match.start() - 120) : match.start()]
        when = _CONCEPT_WHEN.search(before)
        date = (
            parse_text_date(when["date"])
            if when
            else PartialDate(int(year))
            if year
            else PartialDate.from_date(ctx.written)
            if ctx.written and not match["rest"]
            else None
        )
        start = s.start if match["rest"] is not None else match.start()
        yield ctx.claim("concept-adopted", start, match.end(), "strategic-concept", date=date,
                        actors=(place,) if place else ())  # fmt: skip


#: The date a Strategic Concept was adopted, read before its mention: "on Friday 19 November 2010".
_CONCEPT_WHEN = re.compile(rf"(?:in|on)\s+(?:\w+day\s+)?(?P<date>{ANY_DATE})")
#: The date Article 5 was invoked, read after "invoked": "in 2001", "on 12 September 2001".
_INVOKED_WHEN = re.compile(rf"\b(?:in|on)\s+(?P<date>{ANY_DATE})")


def _secretaries(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    for pattern in (_SG_IS, _SG_TITLE):
        for match in pattern.finditer(plain, s.start, s.end):
            yield ctx.claim("secretary-general", match.start(), match.end(), "nato",
                            actors=(match["name"],))  # fmt: skip
    for match in re.finditer(_SECRETARY, plain[s.start : s.end]):
        head = s.start + match.start()
        for found in _SG.finditer(plain, max(s.start, head - 60), min(s.end, head + 40)):
            person = _PERSON.search(plain, max(s.start, found.start() - 40), found.start())
            if person is not None:
                yield ctx.claim("secretary-general", person.start(), found.end(), "nato",
                                actors=(person.group(0),))  # fmt: skip
                break


def _article_5(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    article = _ARTICLE_5.search(plain, s.start, s.end)
    if article is None:
        return
    invoked = _INVOKED.search(plain, article.end(), s.end)
    if invoked is not None:
        rest, first = invoked["rest"] or "", bool(invoked["first"])
    else:  # the active voice: "NATO invoked Article 5 for the first time after 9/11"
        active = _INVOKED_BY.search(plain, max(s.start, article.start() - 60), article.start())
        if active is None or ctx.is_hedged(active.start(), article.end()):
            return
        after = _AFTER_ARTICLE.match(plain, article.end(), s.end)
        rest = after["rest"] if after else ""
        first = bool(after and after["first"])
    date: PartialDate | None = None
    if _NINE_ELEVEN.search(rest):
        date = PartialDate(2001, 9, 11, until=PartialDate(2001, 12))
    elif when := _INVOKED_WHEN.search(rest):
        date = parse_text_date(when["date"])
    yield ctx.claim("article-5", s.start, s.end, "nato", date=date, founding=first)


FINDERS: tuple[Callable[[Context], Iterator[Claim]], ...] = (
    counts,
    totals,
    foundings,
    names,
    undecided,
    declarations,
    meetings,
    protocols,
    enlargements,
)
