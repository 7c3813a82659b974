"""What NATO's own bodies are and do, and what a partnership framework sets up: checkable
statements the registry holds no facts for, found so they are judged `unverifiable`.

- roles of NATO's principal bodies, which are not frameworks of the registry: "the North
  Atlantic Council (NAC), a body which meets at least once a week", "the Military Committee
  is NATO's senior military authority", "the Nuclear Planning Group meets twice a year";
- what a framework provides, said of it by reference: "It establishes an institutional
  structure in Brussels for …" after a sentence about the Partnership for Peace.

One thing about those bodies the registry does decide: a present-tense list of NATO's
bodies ("is made up of several bodies, including the North Atlantic Council, …, the Defence
Planning Committee") names one that no longer existed on the text's date when an event
records its dissolution (`body-list`); otherwise the list is `unverifiable`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.facts import Facts, Question, Reading, unknowable

#: NATO's principal bodies by name (with an optional abbreviation after): the claim's subject.
_ORGANS = {
    "nac": r"North\s+Atlantic\s+Council",
    "mc": r"Military\s+Committee",
    "npg": r"Nuclear\s+Planning\s+Group",
    "dpc": r"Defen[cs]e\s+Planning\s+Committee",
}
_ORGAN = re.compile(
    r"(?<!EU\s)(?<!Union\s)\b(?:"
    + "|".join(f"(?P<{code}>{name})" for code, name in _ORGANS.items())
    + r")(?:\s*\((?:NAC|MC|NPG|DPC)\))?"
)
_ORGAN_ROLE = re.compile(
    r",\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}(?:body|forum|authority|organ)\s+(?:which|that)\s+"
    r"(?:meets|is|has|brings|takes|provides|gives)\b"
    r"|\s+(?:meets|convenes)\s+(?:together\s+)?(?:at\s+least\s+)?(?:once\s+a\s+week|weekly"
    r"|every\s+week|regularly|twice\s+a\s+year|once\s+a\s+month|monthly)\b"
    r"|\s+(?:is|remains|serves\s+as)\s+(?:NATO['\u2019]s|the\s+Alliance['\u2019]s|the)\s+"
    r"(?:principal|highest|senior|main|most\s+important|supreme|top)\s+(?:[\w-]+\s+){0,3}"
    r"(?:body|authority|organ|forum)\b"
)
#: "It establishes …", "It also creates …": what the framework of the paragraph sets up.
_PROVIDES = re.compile(
    r"[\s\"“]*It\s+(?:also\s+)?(?:establishes|creates|sets\s+up|provides\s+for|institutes)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:structure|mechanism|body|office|cell|framework"
    r"|forum|programme|program)\b"
)


#: Between two bodies of a list: ", the", ", and the", " and the".
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_LIST_CUE = re.compile(
    r"\b(?:including|includes?|such\s+as|comprises?|consists\s+of|made\s+up\s+of)\b[^.;]{0,60}$"
)
_PAST = re.compile(r"\b(?:had|was|were|included|comprised|consisted|used\s+to)\b")
_NAMES = {"nac": "North Atlantic Council", "mc": "Military Committee",
          "npg": "Nuclear Planning Group", "dpc": "Defence Planning Committee"}  # fmt: skip
_ENDED = re.compile(r"\b(?:dissolved|abolished|disbanded|wound\s+up)\b", re.I)


def _body_lists(ctx: Context) -> Iterator[Claim]:
    """A present-tense list of two or more of NATO's bodies: "including the North Atlantic
    Council, the Military Committee and the Nuclear Planning Group"."""
    s, plain = ctx.sentence, ctx.plain
    found = list(_ORGAN.finditer(plain, s.start, s.end))
    runs: list[list[re.Match[str]]] = []
    for match in found:
        if runs and _LIST_GAP.fullmatch(plain, runs[-1][-1].end(), match.start()):
            runs[-1].append(match)
        else:
            runs.append([match])
    for run in runs:
        head = plain[max(s.start, run[0].start() - 80) : run[0].start()]
        cue = _LIST_CUE.search(head)
        if len(run) < 2 or cue is None or _PAST.search(plain, s.start, run[0].start()):
            continue
        if ctx.is_hedged(run[0].start(), run[-1].end()):
            continue
        codes = tuple(next(code for code in _ORGANS if m[code]) for m in run)
        yield ctx.claim("body-list", run[0].start(), run[-1].end(), "nato", actors=codes)


def body_list(claim: Claim, facts: Facts) -> Question:
    """Whether every body listed still existed on the day: `False` once an event titled after
    the body records it dissolved, otherwise `None` (the registry does not record NATO's
    committees)."""
    ended = {
        code: next((e for e in facts.registry.events()
                    if e.title.casefold().startswith(_NAMES[code].casefold())
                    and _ENDED.search(e.title)),
                   None)
        for code in claim.actors
    }  # fmt: skip
    known = {code: e for code, e in ended.items() if e is not None}
    if not known:
        return unknowable("the registry does not record which bodies NATO has")

    def read(day: _dt.date) -> Reading:
        gone = [(code, e) for code, e in known.items() if e.start.last < day]
        if gone:
            code, event = gone[0]
            value = f"the {_NAMES[code]} was dissolved in {event.start}"
            return Reading(False, value, event.sources)
        return Reading(None, "the registry does not record which bodies NATO has")

    return Question(read, tuple(e.start.last for e in known.values()))


@cued("council", "committee", "planning group", "it ")
def bodies(ctx: Context) -> Iterator[Claim]:
    """Roles of NATO's principal bodies, and what a framework referred to as "it" sets up."""
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(("council", "committee", "planning group")):
        yield from _body_lists(ctx)
        for match in _ORGAN.finditer(plain, s.start, s.end):
            role = _ORGAN_ROLE.match(plain, match.end(), s.end)
            if role is None or ctx.is_hedged(match.start(), role.end()):
                continue
            code = next(code for code in _ORGANS if match[code])
            yield ctx.claim("role", match.start(), role.end(), code)
    topic = ctx.topic
    if topic is not None and topic.code != "nato" and ctx.mentions_any(("it ",)):
        provides = _PROVIDES.match(plain, s.start, s.end)
        if provides is not None and not ctx.is_hedged(provides.end()):
            start = plain.find("It", s.start, provides.end())
            yield ctx.claim("obligation", start, provides.end(), topic.code)
