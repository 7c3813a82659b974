"""One builder per claim kind: how to read that kind of claim off the registry.

Every builder returns a `Question`; when the registry lacks what a claim needs
(a framework it does not know, one with no recorded members, a Strategic
Concept without core tasks) the question can only answer "cannot tell", and
the verdict is `unverifiable` — never a guess.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Sequence

from allied.claims.applications import accession_talks, application
from allied.claims.bids import bid_denied
from allied.claims.bodies import body_list
from allied.claims.claim import PARTNERS, Claim, ClaimKind
from allied.claims.decisions import agreement, ministerial_decision
from allied.claims.enlargements import enlargement
from allied.claims.facts import (
    Changes,
    Facts,
    Question,
    Reading,
    Roster,
    commitment_terms,
    period_days,
    unknowable,
)
from allied.claims.invitations import invitation
from allied.claims.operations import (
    operation_contingent,
    operation_contributor,
    operation_mission,
    operation_rank,
    operation_size,
)
from allied.claims.participation import took_part
from allied.claims.quantity import Quantity
from allied.claims.ratifications import (
    candidacy,
    ratification_count,
    ratification_done,
    ratification_open,
    ratification_order,
    ratification_pending,
    ratification_step,
    ratification_vote,
)
from allied.claims.spending import (
    spending_count,
    spending_level,
    spending_pledge,
    spending_share,
)
from allied.claims.tasks import likeness
from allied.model import FULL_ROLES, Event, Membership
from allied.naming import normalise
from allied.period import PartialDate


def count(claim: Claim, facts: Facts) -> Question:
    """How many members (or NATO partners) a framework had on a day."""
    quantity = claim.quantity
    assert quantity is not None
    if claim.subject == PARTNERS:

        def partner_rows() -> list[Membership]:  # partners change as they join, Allies too
            allies = [m for m in facts.memberships("nato") if m.role == "member"]
            return facts.partner_rows + allies

        changes = facts.changes(PARTNERS, partner_rows)
        return _count(quantity, PARTNERS, facts, changes, "partner countries", ())
    framework = facts.registry.get_framework(claim.subject)
    if framework is None:
        return unknowable(f"the registry does not know {claim.subject!r}")
    rows = facts.memberships(framework.slug)
    if not rows:
        return unknowable(f"the registry records no members of {framework.name}")

    def roster(day: _dt.date) -> Roster:
        return facts.roster(framework.slug, day)

    noun = "members" if framework.slug == "nato" else f"members of the {framework.name}"
    if claim.founding:  # "twelve founding members": the roster on the founding day
        if framework.period is None:
            return unknowable(f"the registry has no founding date for {framework.name}")
        day = framework.period.start.last
        sure, maybe, _ = roster(day)
        low, high = len(sure), len(sure) + len(maybe)
        admits = {quantity.admits(low), quantity.admits(high)}
        founders = f"{low} founding {noun}" if low == high else f"{low} to {high} founding {noun}"
        sources = tuple(dict.fromkeys(s for m in rows if m.actor in sure for s in m.sources))
        reading = Reading(admits.pop() if len(admits) == 1 else None, founders, sources[:2])
        return Question(lambda _day: reading, timeless=True)
    changes = facts.changes(framework.slug, lambda: rows)
    return _count(quantity, framework.slug, facts, changes, noun, framework.sources[:1])


def _roster_list(claim: Claim, facts: Facts, slug: str, label: str) -> Question:
    """A list framed as complete (or as the founders): exactly the members on a day."""
    framework = facts.registry.get_framework(slug)
    rows = [m for m in facts.memberships(slug) if m.role == "member"]
    if framework is None or framework.period is None or not rows:
        return unknowable(f"the registry records no members of {label}")
    listed = frozenset(claim.actors)
    founded = framework.period.start.last

    def read(day: _dt.date) -> Reading:
        on = founded if claim.founding else day
        sure, maybe, _ = facts.roster(slug, on)
        missing = sorted(sure - listed)
        extra = sorted(listed - sure - maybe)
        who = "founding members" if claim.founding else f"members on {day}"
        sources = tuple(dict.fromkeys(s for m in rows if m.actor in sure for s in m.sources))
        if not missing and not extra:
            holds: bool | None = True if not (maybe - listed) else None
            return Reading(holds, f"the {len(sure)} {who} of the {label}", sources[:3])
        parts = []
        if missing:
            parts.append(f"missing {facts.names(missing, on)}")
        if extra:
            parts.append(f"not {who}: {facts.names(extra, on)}")
        text = f"{len(sure)} {who}; the list is " + ", ".join(parts)
        return Reading(False, text, sources[:3])

    if claim.founding:
        founders = read(founded)
        return Question(lambda _day: founders, timeless=True)
    return Question(read, facts.changes(slug, lambda: rows).days)


def _count(
    quantity: Quantity,
    slug: str,
    facts: Facts,
    changes: Changes,
    noun: str,
    base_sources: tuple[str, ...],
) -> Question:
    """How many `slug` counted on a day (`PARTNERS`: NATO's partners) against `quantity`."""
    sizes = functools.partial(facts.sizes, slug)

    # Verdicts ask it of every change day; the size changes less often than the roster.
    @functools.cache  # one entry per size: a few dozen at most
    def admits(low: int, maybe: int) -> bool | None:
        admitted = quantity.admits(low)
        if maybe and quantity.admits(low + maybe) is not admitted:
            return None  # true for some of the possible counts, false for others
        return admitted

    def check(day: _dt.date) -> bool | None:
        low, maybe, _ = sizes(day)
        return admits(low, maybe)

    def read(day: _dt.date) -> Reading:
        low, maybe, suspended = sizes(day)
        high = low + maybe
        value = f"{low} {noun}" if low == high else f"{low} to {high} {noun}"
        if suspended:
            value += f" ({suspended} suspended)"
        return Reading(admits(low, maybe), value, base_sources + changes.sources_by(day))

    return Question(read, changes.days, check=check)


def membership(claim: Claim, facts: Facts) -> Question:
    """Whether every listed actor was an active member or partner of a framework."""
    if claim.subject == PARTNERS:

        def read_partners(day: _dt.date) -> Reading:
            sure, maybe = facts.partners_on(day)
            missing = [a for a in claim.actors if a not in sure | maybe]
            unsure = [a for a in claim.actors if a in maybe]
            if missing:
                return Reading(False, f"not NATO partners on {day}: {facts.names(missing, day)}")
            if unsure:
                return Reading(None, f"the registry cannot tell for {facts.names(unsure, day)}")
            return Reading(True, f"all {len(claim.actors)} are NATO partners")

        rows = [m for m in facts.partner_rows if m.actor in claim.actors]
        return Question(read_partners, period_days(rows, facts))
    framework = facts.registry.get_framework(claim.subject)
    if framework is None:
        return unknowable(f"the registry does not know {claim.subject!r}")
    if claim.complete or claim.founding:
        return _roster_list(claim, facts, framework.slug, framework.name)
    all_rows = facts.memberships(framework.slug)
    if not all_rows:
        return unknowable(f"the registry records no members of {framework.name}")
    rows = [m for m in all_rows if m.actor in claim.actors and m.role != "observer"]
    sources = tuple(dict.fromkeys(s for m in rows for s in m.sources))
    label = framework.name

    def read(day: _dt.date) -> Reading:
        sure, maybe, suspended = facts.roster(framework.slug, day)
        problems = [
            facts.absence(framework.slug, actor, day, label)
            for actor in claim.actors
            if actor in suspended or (actor not in sure and actor not in maybe)
        ]
        if problems:
            return Reading(False, "; ".join(problems), sources)
        unsure = [a for a in claim.actors if a in maybe]
        if unsure:
            return Reading(
                None, f"the registry cannot tell for {facts.names(unsure, day)}", sources
            )
        return Reading(True, f"all {len(claim.actors)} are in the {label}", sources)

    actors = frozenset(claim.actors)

    def check(day: _dt.date) -> bool | None:  # verdicts ask it of every change day
        sure, maybe, suspended = facts.roster(framework.slug, day)
        if not actors.isdisjoint(suspended) or not (actors <= sure or actors <= sure | maybe):
            return False
        return None if not actors.isdisjoint(maybe) else True

    return Question(read, period_days(rows, facts), dated=True, check=check)


def name(claim: Claim, facts: Facts) -> Question:
    """Whether an acronym stands for what the text says: a name the registry knows for it."""
    framework = facts.registry.get_framework(claim.subject)
    if framework is None or not claim.actors:
        return unknowable(f"the registry does not know {claim.subject!r}")
    known = {normalise(n) for n in (framework.name, *framework.aliases)}
    (stated,) = claim.actors
    holds = normalise(stated) in known
    value = f"{framework.slug.upper()} stands for the {framework.name}"
    reading = Reading(holds, value, framework.sources[:1])
    return Question(lambda _day: reading, timeless=True)


_UNDECIDED = {
    "headquarters": "the registry does not record where {0} has its headquarters",
    "secretary-general": "the registry does not record who is {0}'s Secretary General",
    "obligation": "the registry does not record what the treaty or programme requires",
    "commander": "the registry does not record who commands {0}",
    "role": "the registry does not record what the {0} is for",
    "document-content": "the registry does not record what the document says",
}


def undecided(claim: Claim, facts: Facts) -> Question:
    """A checkable kind the registry holds no facts for: always `unverifiable`."""
    framework = facts.registry.get_framework(claim.subject)
    label = (
        "NATO"
        if claim.subject == "nato"
        else framework.name
        if framework
        else claim.subject.upper()
    )
    return unknowable(_UNDECIDED[claim.kind].format(label))


def article_5(claim: Claim, facts: Facts) -> Question:
    """Whether Article 5 was invoked (for the first time) when the text says."""
    invocations = [e for e in facts.registry.events() if e.kind == "article-5"]
    if not invocations:
        return unknowable("the registry records no invocation of Article 5")
    first = invocations[0]
    value = f"Article 5 was invoked for the first time on {first.start} ({first.title})"
    if claim.date is not None:
        holds = (
            _within(first.start, claim.date)
            if claim.founding
            else any(_within(e.start, claim.date) for e in invocations)
        )
    else:
        holds = True
    reading = Reading(holds, value, first.sources)
    return Question(lambda _day: reading, timeless=True)


def concept_adopted(claim: Claim, facts: Facts) -> Question:
    """Whether a Strategic Concept was adopted at the stated date (and place)."""
    concepts = facts.concepts
    if not concepts or (claim.date is None and not claim.actors):
        return unknowable("the registry cannot tell which Strategic Concept is meant")
    place = claim.actors[0].casefold() if claim.actors else None
    matching = [
        c
        for c in concepts
        if (claim.date is None or _within(c.start, claim.date) is not False)
        and (place is None or place in (c.place or "").casefold())
    ]
    listed = "; ".join(f"{c.place} {c.start}" for c in concepts)
    if matching:
        c = matching[0]
        reading = Reading(True, f"the {c.place} Strategic Concept was adopted on {c.start}",
                          c.sources)  # fmt: skip
    else:
        reading = Reading(False, f"Strategic Concepts were adopted at {listed}",
                          concepts[-1].sources)  # fmt: skip
    return Question(lambda _day: reading, timeless=True)


def founding(claim: Claim, facts: Facts) -> Question:
    """Whether a framework was founded at the stated date."""
    framework = facts.registry.get_framework(claim.subject)
    if framework is None or framework.period is None or claim.date is None:
        name = framework.name if framework else claim.subject
        return unknowable(f"the registry has no founding date for {name}")
    actual = framework.period.start
    holds = _within(actual, claim.date)
    sources = tuple(s for s in dict.fromkeys((framework.founding_source, *framework.sources)) if s)
    reading = Reading(holds, f"the {framework.name} was founded on {actual}", sources)
    return Question(lambda _day: reading, timeless=True)


def accession(claim: Claim, facts: Facts) -> Question:
    """Whether the listed actors joined a framework at the stated date (or founded it)."""
    framework = facts.registry.get_framework(claim.subject)
    if framework is None or not facts.memberships(framework.slug):
        return unknowable(f"the registry records no members of {claim.subject}")
    if claim.date is None and claim.quantity is None and not claim.founding:
        return _joined_by(claim, facts, framework.slug)
    facts_found: list[str] = []
    verdicts: list[bool | None] = []
    sources: list[str] = []
    for actor in claim.actors:
        # joining a partnership is taking part in it: its partners and participants joined too
        rows = [m for m in facts.memberships(framework.slug, actor) if m.role in FULL_ROLES]
        name = facts.name(actor, rows[0].period.start.first if rows else None)
        if not rows:
            facts_found.append(f"{name} was never a member")
            verdicts.append(False)
            continue
        first = rows[0]
        sources.extend(first.sources)
        joined = f"{name} joined on {first.period.start}"
        if claim.founding:
            founded = framework.period.start if framework.period else None
            verdicts.append(founded is not None and first.period.start == founded)
        elif claim.quantity is not None:  # "became NATO's 30th member"
            low, high = _places(facts, framework.slug, first.period.start.first)
            joined += f" as member {low}" if low == high else f" as one of members {low} to {high}"
            verdicts.append(low <= claim.quantity.value <= high)
        else:
            assert claim.date is not None
            verdicts.append(_within(first.period.start, claim.date))
        facts_found.append(joined)
    holds = None if None in verdicts else all(verdicts)
    reading = Reading(holds, "; ".join(facts_found), tuple(dict.fromkeys(sources)))
    return Question(lambda _day: reading, timeless=True)


def _joined_by(claim: Claim, facts: Facts, slug: str) -> Question:
    """ "… have all joined": every listed actor had joined by the day (no date stated)."""
    firsts: dict[str, Membership | None] = {}
    for actor in claim.actors:
        rows = [m for m in facts.memberships(slug, actor) if m.role in FULL_ROLES]
        firsts[actor] = rows[0] if rows else None
    days = tuple(sorted({m.period.start.first for m in firsts.values() if m is not None}))
    sources = tuple(dict.fromkeys(s for m in firsts.values() if m for s in m.sources))

    def check(day: _dt.date) -> bool:
        return all(m is not None and m.period.start.last <= day for m in firsts.values())

    def read(day: _dt.date) -> Reading:
        late = [a for a, m in firsts.items() if m is None or m.period.start.last > day]
        if not late:
            return Reading(True, f"all {len(firsts)} had joined by {day}", sources[:3])
        return Reading(False, f"not yet members on {day}: {facts.names(late, day)}", sources[:3])

    return Question(read, days, dated=True, check=check)


def _places(facts: Facts, slug: str, day: _dt.date) -> tuple[int, int]:
    """The places in order of joining of those who joined `slug` on `day`: 30th to 30th."""
    before, _, _ = facts.roster(slug, day - _dt.timedelta(days=1))
    after, maybe_after, _ = facts.roster(slug, day)
    return len(before) + 1, len(after) + len(maybe_after)


def most_recent_member(claim: Claim, facts: Facts) -> Question:
    """Whether an actor was the latest to join (NATO) on a day."""
    framework = facts.registry.get_framework(claim.subject)
    if framework is None:
        return unknowable(f"the registry does not know {claim.subject!r}")
    rows = [m for m in facts.memberships(framework.slug) if m.role == "member"]
    if not rows:
        return unknowable(f"the registry records no members of {framework.name}")
    actors = set(claim.actors)

    def read(day: _dt.date) -> Reading:
        newest = facts.newest(framework.slug, day)
        if not newest:
            return Reading(False, f"the {framework.name} had no members yet")
        value = f"{facts.names((m.actor for m in newest), day)} (joined {newest[0].period.start})"
        sources = tuple(dict.fromkeys(s for m in newest for s in m.sources))
        return Reading(check(day), value, sources)

    def check(day: _dt.date) -> bool:
        newest = facts.newest(framework.slug, day)
        if not actors <= {m.actor for m in newest}:
            return False
        return claim.date is None or _within(newest[0].period.start, claim.date) is True

    days = tuple(sorted({m.period.start.first for m in rows}))
    return Question(read, days, dated=True, check=check)


def core_tasks(claim: Claim, facts: Facts) -> Question:
    """Whether the Strategic Concept in force on a day has the stated (number of) core tasks."""
    concepts = facts.concepts
    if not concepts:
        return unknowable("the registry records no Strategic Concept")
    listed = {c.id: [task for _, task, _ in facts.tasks.get(c.id, [])] for c in concepts}
    best = max((likeness(claim.tasks, tasks) for tasks in listed.values()), default=0.0)

    def read(day: _dt.date) -> Reading:
        in_force = [c for c in concepts if c.start.last <= day]
        if not in_force:
            return Reading(False, f"no Strategic Concept had been adopted by {day}")
        concept = in_force[-1]
        tasks = listed[concept.id]
        label = f"the {concept.place} Strategic Concept ({concept.start})"
        if not tasks:
            return Reading(None, f"the registry does not record the core tasks of {label}")
        sources = concept.sources + tuple(s for _, _, ids in facts.tasks[concept.id] for s in ids)
        value = f"{label}: {len(tasks)} core tasks, {'; '.join(tasks)}"
        if claim.quantity is not None:
            holds = claim.quantity.admits(len(tasks))
        else:
            score = likeness(claim.tasks, tasks)
            holds = score >= 0.5 and score >= best
        return Reading(holds, value, tuple(dict.fromkeys(sources)))

    return Question(read, tuple(c.start.last for c in concepts), dated=True)


def spending_target(claim: Claim, facts: Facts) -> Question:
    """Whether the defence-spending commitment in force on a day sets the stated target."""
    commitments = facts.commitments
    if not commitments or claim.percent is None:
        return unknowable("the registry records no defence-spending commitment")

    if claim.founding:
        return _spending_decision(claim, commitments)

    def read(day: _dt.date) -> Reading:
        in_force = [e for e in commitments if e.start.last <= day]
        if not in_force:
            return Reading(False, f"no defence-spending commitment had been made by {day}")
        event = in_force[-1]
        percents, deadline = commitment_terms(event)
        target = f"{percents[0]:g}% of GDP" + (f" by {deadline}" if deadline else "")
        value = f"{target} ({event.title}, {event.start})"
        holds: bool | None = claim.percent in percents
        if holds and claim.date is not None:
            holds = None if deadline is None else deadline == claim.date.year
        return Reading(holds, value, event.sources)

    return Question(read, tuple(e.start.last for e in commitments), dated=True)


def _spending_decision(claim: Claim, commitments: Sequence[Event]) -> Question:
    """A past decision ("Allies agreed in 2014 to spend 2% by 2024"): true if one was made."""

    def read(day: _dt.date) -> Reading:
        made = [e for e in commitments if e.start.last <= day]
        for event in reversed(made):
            percents, deadline = commitment_terms(event)
            if claim.percent not in percents:
                continue
            if claim.date is not None and deadline != claim.date.year:
                continue
            if claim.since is not None and _within(event.start, claim.since) is False:
                continue
            target = f"{claim.percent:g}% of GDP" + (f" by {deadline}" if deadline else "")
            return Reading(True, f"{event.title} ({event.start}): {target}", event.sources)
        listed = "; ".join(f"{e.title} ({e.start})" for e in made) or "none"
        return Reading(False, f"the commitments made by {day}: {listed}",
                       made[-1].sources if made else ())  # fmt: skip

    return Question(read, timeless=True)


def eu_nato_declarations(claim: Claim, facts: Facts) -> Question:
    """EU-NATO declarations: how many joint ones by a day, their years, one signed on a day,
    and (`founding`) when relations were institutionalised (the first declaration)."""
    events = [e for e in facts.registry.events() if e.kind == "declaration" and "EU" in e.actors]
    joint = [e for e in events if "joint declaration" in e.title.casefold()]
    if not events:
        return unknowable("the registry records no EU-NATO declaration")
    if claim.founding and claim.date is not None:
        first = events[0]
        reading = Reading(_within(first.start, claim.date), f"{first.title}, {first.start}",
                          first.sources)  # fmt: skip
        return Question(lambda _day: reading, timeless=True)
    if claim.founding:  # "NATO cooperates with the EU": relations established by the day
        first = events[0]

        def established(day: _dt.date) -> Reading:
            if first.start.last <= day:
                value = f"{first.title} ({first.start}), the first EU-NATO declaration"
                return Reading(True, value, first.sources)
            # contacts began before the first declaration: earlier, absence is no proof
            value = f"the registry records EU-NATO relations from {first.start} only"
            return Reading(None, value, first.sources)

        return Question(established, (first.start.last,))

    def listed(items: Sequence[Event]) -> str:
        return "; ".join(f"{e.title} ({e.start})" for e in items) or "none"

    def read(day: _dt.date) -> Reading:
        by = [e for e in joint if e.start.first <= day]
        sources = tuple(s for e in by for s in e.sources[:1])
        if claim.quantity is not None:
            holds = claim.quantity.admits(len(by))
        elif claim.tasks:
            years = [e.start.year for e in by]
            holds = all(int(y) in years for y in claim.tasks)
        elif claim.date is not None:
            holds = any(_within(e.start, claim.date) is not False for e in by[-1:])
        else:
            holds = None
        return Reading(holds, f"{len(by)} joint declarations by {day}: {listed(by)}", sources)

    if claim.quantity is not None or claim.tasks:  # "this one is the third": of its own day
        return Question(read, timeless=True)
    return Question(read, tuple(e.start.first for e in joint), dated=True)


def meeting(claim: Claim, facts: Facts) -> Question:
    """A NATO summit at a place (and date), or the Nth-anniversary summit in a year; other
    meetings are recorded only when they are summits, so the rest is `unverifiable`."""
    if claim.subject != "nato":
        return _body_meeting(claim, facts)
    summits = [e for e in facts.registry.events() if e.kind == "summit"]
    founded = _dt.date(1949, 4, 4)
    if claim.quantity is not None and claim.date is not None:  # "the 50th anniversary summit"
        year = founded.year + claim.quantity.value
        held = [e for e in summits if e.start.year == year]
        if claim.date.year != year:
            reading = Reading(False, f"the {claim.quantity.value}th anniversary fell in {year}")
        elif held:
            reading = Reading(True, f"{held[0].title}, {held[0].start}", held[0].sources)
        else:
            reading = Reading(None, f"the registry records no summit in {year}")
        return Question(lambda _day: reading, timeless=True)
    if not claim.actors:
        return unknowable("the registry records summits only, not other meetings")
    place = claim.actors[0].casefold()
    found = [
        e
        for e in summits
        if place in f"{e.place} {e.title}".casefold()
        and (claim.date is None or _within(e.start, claim.date) is not False)
    ]
    if not found:
        return unknowable(f"the registry records no summit in {claim.actors[0]} then")
    reading = Reading(True, f"{found[-1].title}, {found[-1].start}", found[-1].sources)
    return Question(lambda _day: reading, timeless=True)


def _body_meeting(claim: Claim, facts: Facts) -> Question:
    """A meeting of a body on a date (at a place): one recorded then supports it; "first" or
    "last" is contradicted by a recorded meeting of the body before or after it, and left
    unchecked otherwise (the registry records only some meetings), as the answer says."""
    date = claim.date
    if date is None:
        return unknowable("the claim states no date")
    meetings = sorted(
        (e for e in facts.registry.events()
         if e.kind in ("meeting", "summit") and claim.subject in e.frameworks),
        key=lambda e: e.start.first,
    )  # fmt: skip
    framework = facts.registry.framework(claim.subject)
    body = framework.name
    place = claim.actors[0].casefold() if claim.actors else None
    found = [
        e
        for e in meetings
        if _within(e.start, date) is not False
        and (place is None or place in f"{e.place} {e.title}".casefold())
    ]
    if not found:
        where = f" in {claim.actors[0]}" if claim.actors else ""
        return unknowable(f"the registry records no meeting of the {body}{where} on {date}")
    event = found[0]
    value = f"{event.title}, {event.place + ', ' if event.place else ''}{event.start}"
    holds = _within(event.start, date)
    order = claim.tasks[0] if claim.tasks else ""
    others = [e for e in meetings if e is not event]
    if order == "last":
        later = [e for e in others if e.start.first > event.start.last]
        if later:
            holds = False
            value += f"; a later one is recorded: {later[0].title}, {later[0].start}"
        elif framework.period is not None and framework.period.end is not None:
            ended = framework.period.end
            value += f"; no later meeting is recorded before the body ended on {ended}"
        else:  # a body still meeting: the registry records only some of its meetings
            holds = None
            value += "; the body still exists, and the registry records only some meetings"
    elif order == "first":
        earlier = [e for e in others if e.start.last < event.start.first]
        if earlier:
            holds = False
            value += f"; an earlier one is recorded: {earlier[0].title}, {earlier[0].start}"
        else:
            value += "; no earlier meeting is recorded (not all meetings are)"
    reading = Reading(holds, value, event.sources)
    return Question(lambda _day: reading, timeless=True)


def protocol(claim: Claim, facts: Facts) -> Question:
    """Whether accession protocols (for the actors named) were signed on the stated date."""
    events = [e for e in facts.registry.events() if e.kind == "accession-protocol"]
    if claim.actors:
        events = [e for e in events if set(claim.actors) & set(e.actors)]
    if not events or claim.date is None:
        return unknowable("the registry records no accession protocol for them")
    signed = [e for e in events if _within(e.start, claim.date) is not False]
    event = signed[0] if signed else events[-1]
    reading = Reading(bool(signed), f"{event.title}, signed on {event.start}", event.sources)
    return Question(lambda _day: reading, timeless=True)


def action_points(claim: Claim, facts: Facts) -> Question:
    """Whether the EU and NATO had agreed the stated number of common proposals by a day."""
    sets = facts.proposals
    if not sets or claim.quantity is None:
        return unknowable("the registry records no EU-NATO common proposals")

    def read(day: _dt.date) -> Reading:
        agreed = [(e, n) for e, n in sets if e.start.last <= day]
        total = sum(n for _, n in agreed)
        parts = " + ".join(f"{n} on {e.start}" for e, n in agreed)
        value = f"{total} common proposals" + (f" ({parts})" if len(agreed) > 1 else "")
        sources = tuple(dict.fromkeys(s for e, _ in agreed for s in e.sources))
        assert claim.quantity is not None
        return Reading(claim.quantity.admits(total), value, sources)

    return Question(read, tuple(e.start.last for e, _ in sets))


def _within(actual: PartialDate, claimed: PartialDate) -> bool | None:
    """Whether a recorded date falls in the span a claimed date stands for (None: partly)."""
    if claimed.first <= actual.first and actual.last <= claimed.last:
        return True
    if actual.last < claimed.first or actual.first > claimed.last:
        return False
    return None


BUILDERS: dict[ClaimKind, Callable[[Claim, Facts], Question]] = {
    "count": count,
    "membership": membership,
    "founding": founding,
    "accession": accession,
    "most-recent-member": most_recent_member,
    "core-tasks": core_tasks,
    "spending-target": spending_target,
    "action-points": action_points,
    "name": name,
    "headquarters": undecided,
    "secretary-general": undecided,
    "obligation": undecided,
    "article-5": article_5,
    "concept-adopted": concept_adopted,
    "spending-share": spending_share,
    "spending-count": spending_count,
    "spending-pledge": spending_pledge,
    "spending-level": spending_level,
    "ratification-order": ratification_order,
    "ratification-pending": ratification_pending,
    "ratification-count": ratification_count,
    "ratification-vote": ratification_vote,
    "candidacy": candidacy,
    "ratification-open": ratification_open,
    "ratification-done": ratification_done,
    "ratification-step": ratification_step,
    "application": application,
    "accession-talks": accession_talks,
    "bid-denied": bid_denied,
    "invitation": invitation,
    "ministerial-decision": ministerial_decision,
    "agreement": agreement,
    "participation": took_part,
    "body-list": body_list,
    "operation-size": operation_size,
    "operation-contributor": operation_contributor,
    "operation-contingent": operation_contingent,
    "operation-mission": operation_mission,
    "operation-rank": operation_rank,
    "eu-nato-declarations": eu_nato_declarations,
    "meeting": meeting,
    "protocol": protocol,
    "commander": undecided,
    "role": undecided,
    "document-content": undecided,
    "enlargement": enlargement,
}


def question_for(claim: Claim, facts: Facts) -> Question:
    """The question that decides `claim`, or one that says why none can.

    >>> import datetime, allied
    >>> from allied.claims.extract import find_claims
    >>> from allied.claims.facts import facts_of
    >>> reg = allied.load()
    >>> (claim,) = find_claims("NATO now has 30 members.", reg)
    >>> question_for(claim, facts_of(reg)).read(datetime.date(2021, 7, 1)).value
    '30 members'
    """
    question = BUILDERS[claim.kind](claim, facts)
    if claim.kind in ("count", "membership") and claim.date is not None:
        return _during(question, claim.date)
    return question


def _during(question: Question, span: PartialDate) -> Question:
    """A claim stated of a past date: true if it held on some day of it, forever after."""
    days = [span.first, *(d for d in question.days if span.first < d <= span.last)]

    def read(_day: _dt.date) -> Reading:
        readings = [question.read(day) for day in days]
        held = next((r for r in readings if r.holds), None)
        if held is not None:
            return Reading(True, f"in {span}: {held.value}", held.sources)
        if any(r.holds is None for r in readings):
            return Reading(None, f"the registry cannot tell for {span}", readings[0].sources)
        if len(readings) == 1:
            return Reading(False, f"in {span}: {readings[0].value}", readings[0].sources)
        last = f"on {days[-1]}: {readings[-1].value}"  # the state nearest the text's date
        return Reading(False, f"not at any time in {span}; {last}", readings[-1].sources)

    return Question(read, timeless=True)
