"""The domain's facts as frozen dataclasses, shared by every layer.

Reference facts (`Source`, `Actor`, `Name`, `Framework`, `Membership`, `Status`,
`Event`, `CoreTask`, `StatedCount`, `Conflict`) mirror the data files one row to
one object. Answers (`Standing`, `Change`, `Difference`, `ActorProfile`) are
what the registry returns. `allied.records.as_record` flattens any of them for
JSON and CSV.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from allied.column import cites, column
from allied.period import PartialDate, Period

SourceKind = Literal["treaty", "declaration", "official", "secondary", "seed"]
ActorKind = Literal["state", "organisation"]
NameKind = Literal["short", "formal", "alias"]
FrameworkKind = Literal["alliance", "partnership", "programme", "status", "body", "relation"]
Role = Literal["member", "partner", "participant", "observer", "aspirant", "invitee"]
StatusValue = Literal["active", "suspended"]
OperationKind = Literal["operation", "mission", "activity"]
Completeness = Literal["complete", "partial"]
Milestone = Literal["parliament", "signature", "deposit"]
ContributionRole = Literal[
    "troops", "ships", "aircraft", "command", "lead-nation", "host-nation", "funding", "basing"
]
Measure = Literal[
    "pct_gdp",
    "real_change",
    "equipment_share",
    "personnel_share",
    "infrastructure_share",
    "other_share",
    "usd_constant_m",
    "usd_current_m",
]
GuidelineKind = Literal["guideline", "pledge", "floor", "commitment", "review"]
DocumentKind = Literal["joint-declaration", "common-set", "progress-report"]

SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
NAME_KINDS: tuple[str, ...] = get_args(NameKind)
FRAMEWORK_KINDS: tuple[str, ...] = get_args(FrameworkKind)
ROLES: tuple[str, ...] = get_args(Role)
MEASURES: tuple[str, ...] = get_args(Measure)
#: Roles counted by `Registry.members` unless the caller asks for others.
FULL_ROLES = ("member", "partner", "participant")
STATUSES: tuple[str, ...] = get_args(StatusValue)
END_REASONS = (
    "nato-accession",
    "withdrawal",
    "replaced",
    "dissolved",
    "expelled",
    "completed",
    "lapsed",
)
EVENT_KINDS = (
    "summit",
    "strategic-concept",
    "treaty-signature",
    "entry-into-force",
    "accession-protocol",
    "accession",
    "ratification",
    "article-4",
    "article-5",
    "declaration",
    "commitment",
    "decision",
    "meeting",
    "territory",
)


@dataclass(frozen=True)
class Source:
    """Where a fact comes from."""

    id: str = field(metadata=column("A short lowercase id, cited by every other file."))
    kind: SourceKind = field(metadata=column("What kind of text it is."))
    publisher: str = field(metadata=column("Who published it."))
    title: str = field(metadata=column("Its title."))
    url: str = field(metadata=column("Where to read it."))
    published: PartialDate | None = field(metadata=column("When it was published."))
    note: str = field(default="", metadata=column("How it was read, or which copy is cited."))


@dataclass(frozen=True)
class Actor:
    """A state (ISO 3166-1 alpha-3 code) or an international organisation (short code)."""

    code: str = field(metadata=column("ISO 3166-1 alpha-3 for a state, a short code otherwise."))
    kind: ActorKind = field(metadata=column("A state or an international organisation."))
    iso2: str = field(metadata=column("ISO 3166-1 alpha-2.", required=False))
    iso_numeric: str = field(metadata=column("ISO 3166-1 numeric.", required=False))
    cow: int | None = field(metadata=column("Correlates of War country code (ccode)."))
    wikidata: str = field(metadata=column("Wikidata QID.", required=False))
    sources: tuple[str, ...] = field(metadata=cites("the codes"))


@dataclass(frozen=True)
class CowCode:
    """A span in which a state was in the Correlates of War state system under one code.

    COW numbers a state anew when it changes: Germany is 255 (GMY) to 1945 and
    again from 3 October 1990, and 260 (the German Federal Republic, GFR) from
    5 May 1955 to 2 October 1990. `period` is half-open, as everywhere: its end
    is the day after COW's last day, empty while the span goes on (COW's own
    list stops at 2016-12-31). A year's code is the one of its last span in
    that year (`Registry.cow_code`).
    """

    actor: str = field(metadata=column("The state.", refers="actors"))
    cow: int = field(metadata=column("The COW state number (ccode) over the period."))
    abbreviation: str = field(metadata=column("COW's state abbreviation (GMY, GFR)."))
    period: Period = field(metadata=column("The first day in the state system under the code."))
    sources: tuple[str, ...] = field(metadata=cites("the code and its span"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Name:
    """A name of an actor, with the period it was in use (aliases have none)."""

    actor: str = field(metadata=column("The actor named.", refers="actors"))
    name: str = field(metadata=column("The name as written."))
    kind: NameKind = field(metadata=column("In use over a period (short), formal, or alias."))
    start: PartialDate | None = field(metadata=column("First day in use (empty: always)."))
    end: PartialDate | None = field(metadata=column("First day no longer in use (empty: still)."))
    sources: tuple[str, ...] = field(metadata=cites("the name and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))

    def in_use_on(self, when: PartialDate) -> bool:
        """Whether this name was in use at the start of `when` (open ends count as in use)."""
        if self.start is not None and self.start.first > when.first:
            return False
        return self.end is None or self.end.first > when.first


@dataclass(frozen=True)
class Framework:
    """Anything an actor can take part in: the Alliance, a partnership, a programme, a body.

    `period` is `None` for a label with no founding act (e.g. "partners across the
    globe"): such a framework exists whenever one of its relationships does.
    """

    slug: str = field(metadata=column("A lowercase slug (`nato`, `pfp`)."))
    name: str = field(metadata=column("Its name in English."))
    kind: FrameworkKind = field(metadata=column("What kind of framework it is."))
    period: Period | None = field(
        metadata=column("Its founding day (empty for a label with no founding act).")
    )
    end_reason: str = field(metadata=column("Why it ended.", choices=END_REASONS, required=False))
    replaced_by: str = field(
        metadata=column("The framework that replaced it.", refers="frameworks", required=False)
    )
    founding_source: str = field(
        metadata=column("The founding document.", refers="sources", required=False)
    )
    aliases: tuple[str, ...] = field(metadata=column("Other names and abbreviations."))
    sources: tuple[str, ...] = field(metadata=cites("the framework and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Membership:
    """One actor in one framework in one role over a period."""

    framework: str = field(metadata=column("The framework.", refers="frameworks"))
    actor: str = field(metadata=column("The actor.", refers="actors"))
    role: Role = field(metadata=column("The actor's role in it."))
    period: Period = field(metadata=column("The first day the actor held the role."))
    end_reason: str = field(
        metadata=column("Why the role ended.", choices=END_REASONS, required=False)
    )
    sources: tuple[str, ...] = field(metadata=cites("the membership and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))

    @property
    def key(self) -> tuple[str, str, str]:
        """The (framework, actor, role) triple periods must not overlap within."""
        return (self.framework, self.actor, self.role)


@dataclass(frozen=True)
class Status:
    """A sub-period of a membership whose status is not `active` (e.g. `suspended`)."""

    framework: str = field(metadata=column("The membership's framework.", refers="frameworks"))
    actor: str = field(metadata=column("The membership's actor.", refers="actors"))
    role: Role = field(metadata=column("The membership's role."))
    status: StatusValue = field(metadata=column("The status over the period."))
    period: Period = field(metadata=column("The first day of the status."))
    sources: tuple[str, ...] = field(metadata=cites("the status and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Exemption:
    """A framework that an actor's suspension in a sibling framework does not extend to.

    `allied validate` requires every suspension to hold in each framework the actor
    was in at the time, unless an exemption says, with a source, why not.
    """

    framework: str = field(
        metadata=column("The framework the suspension does not extend to.", refers="frameworks")
    )
    actor: str = field(metadata=column("The actor.", refers="actors"))
    role: Role = field(metadata=column("The actor's role in that framework."))
    suspended_in: str = field(
        metadata=column("The framework in which the actor is suspended.", refers="frameworks")
    )
    sources: tuple[str, ...] = field(metadata=cites("why the suspension does not extend"))
    note: str = field(default="", metadata=column("Why, in the source's words."))


@dataclass(frozen=True)
class Territory:
    """A dependent territory the world atlas draws apart from its sovereign state.

    The home map colours it with its sovereign's tie to NATO (Greenland with
    Denmark); that is how the map reads, not a statement about the Treaty area.
    """

    code: str = field(metadata=column("ISO 3166-1 alpha-3 of the territory."))
    name: str = field(metadata=column("Its English short name."))
    iso_numeric: str = field(metadata=column("ISO 3166-1 numeric: the world atlas's id."))
    sovereign: str = field(metadata=column("The state it belongs to.", refers="actors"))
    period: Period = field(metadata=column("The first day under that sovereign."))
    sources: tuple[str, ...] = field(metadata=cites("the sovereign and since when"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Event:
    """A dated thing that changes the system: a summit, a protocol, a declaration.

    Unlike a period, an event's `end` is its last day (a summit of 28-29 June 2004
    has `end` 2004-06-29); it is `None` for a one-day event.
    """

    id: str = field(metadata=column("A lowercase id: kind, year, place or subject."))
    kind: str = field(metadata=column("What kind of event it is.", choices=EVENT_KINDS))
    start: PartialDate = field(metadata=column("Its first day."))
    end: PartialDate | None = field(
        metadata=column("Its last day, inclusive (empty for one day).", not_before="start")
    )
    title: str = field(metadata=column("Its title."))
    place: str = field(metadata=column("Where it took place.", required=False))
    actors: tuple[str, ...] = field(metadata=column("The actors it concerns.", refers="actors"))
    frameworks: tuple[str, ...] = field(
        metadata=column("The frameworks it concerns.", refers="frameworks")
    )
    sources: tuple[str, ...] = field(metadata=cites("the event and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class AccessionCase:
    """One candidate's way in: its invitation, the protocol it signed, the day it joined.

    The protocol and the accession are events, so their dates live in one place;
    the Allies that had to ratify are the Allies on the protocol's day (derived).
    """

    candidate: str = field(metadata=column("The invitee.", refers="actors"))
    invited: PartialDate | None = field(metadata=column("When it was invited."))
    invited_at: str = field(metadata=column("Where or how: a summit, a decision.", required=False))
    protocol: str = field(
        metadata=column("The signature of its accession protocol.", refers="events",
                        required=False)
    )  # fmt: skip
    accession: str = field(
        metadata=column("Its accession (its own deposit).", refers="events", required=False)
    )
    sources: tuple[str, ...] = field(metadata=cites("the case"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Ratification:
    """One Ally's step in ratifying a candidate's accession protocol.

    `parliament` is the legislature's final approval, `signature` the head of
    state's act where there is one, `deposit` the instrument deposited with the
    depositary (the United States).
    """

    candidate: str = field(metadata=column("The invitee.", refers="accession_cases"))
    ally: str = field(metadata=column("The ratifying Ally.", refers="actors"))
    milestone: Milestone = field(metadata=column("Which step."))
    date: PartialDate = field(metadata=column("When."))
    sources: tuple[str, ...] = field(metadata=cites("the step and its date"))
    note: str = field(default="", metadata=column("The vote, the act, in the source's words."))


@dataclass(frozen=True)
class CoreTask:
    """One core task set by a Strategic Concept (an event), in its stated order."""

    event: str = field(metadata=column("The Strategic Concept.", refers="events"))
    position: int = field(metadata=column("Its place in the stated order, from 1."))
    task: str = field(metadata=column("The task as the text words it."))
    sources: tuple[str, ...] = field(metadata=cites("the task"))


@dataclass(frozen=True)
class StatedCount:
    """A count an official text states, e.g. 12 founding Allies on 1949-04-04."""

    framework: str = field(metadata=column("The framework counted.", refers="frameworks"))
    on: PartialDate = field(metadata=column("The date the count holds on."))
    count: int = field(metadata=column("How many members the text states."))
    sources: tuple[str, ...] = field(metadata=cites("the count"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree about a fact, and which value the dataset keeps."""

    subject: str = field(metadata=column("The fact: `file:key/column`."))
    claim: str = field(metadata=column("The other value, as the sources give it."))
    sources: tuple[str, ...] = field(metadata=cites("the other value"))
    resolution: str = field(metadata=column("Which value the dataset keeps, and why."))


@dataclass(frozen=True)
class Format:
    """A table NATO sits at with others: the Allies, and the members of some frameworks.

    Who may sit there on a date is derived from the registry: the Allies then, and
    the members then of each framework named (none: the Allies alone, the Council).
    """

    slug: str = field(metadata=column("A lowercase slug (`nac`, `nac-eapc`, `nrc`)."))
    name: str = field(metadata=column("Its name in English."))
    frameworks: tuple[str, ...] = field(
        metadata=column("Whose members sit beside the Allies.", refers="frameworks")
    )
    sources: tuple[str, ...] = field(metadata=cites("the format"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Operation:
    """A NATO-led operation, mission or activity: what, where, when, on what legal basis."""

    slug: str = field(metadata=column("A lowercase slug (`kfor`, `isaf`, `efp-estonia`)."))
    name: str = field(metadata=column("Its name in English."))
    kind: OperationKind = field(metadata=column("What NATO calls it."))
    parent: str = field(
        metadata=column("The activity it is part of (a battlegroup: `efp`).", refers="operations",
                        required=False)
    )  # fmt: skip
    period: Period = field(metadata=column("The first day it ran."))
    area: str = field(metadata=column("Where it ran.", required=False))
    legal_basis: tuple[str, ...] = field(
        metadata=column("UNSC resolutions, NAC decisions, host-nation requests.")
    )
    predecessor: str = field(
        metadata=column("The operation it took over from.", refers="operations", required=False)
    )
    successor: str = field(
        metadata=column("The operation that took over from it.", refers="operations",
                        required=False)
    )  # fmt: skip
    aliases: tuple[str, ...] = field(metadata=column("Other names and abbreviations."))
    sources: tuple[str, ...] = field(metadata=cites("the operation and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Contribution:
    """One actor's part in one operation in one role, over a period."""

    operation: str = field(metadata=column("The operation.", refers="operations"))
    actor: str = field(metadata=column("The contributor.", refers="actors"))
    role: ContributionRole = field(metadata=column("What it contributed."))
    period: Period = field(metadata=column("The first day of the contribution."))
    sources: tuple[str, ...] = field(metadata=cites("the contribution and its dates"))
    note: str = field(default="", metadata=column("What, where: aircraft, base, unit."))


@dataclass(frozen=True)
class Snapshot:
    """One actor's part in one operation on a dated list, with the figure the source printed.

    `personnel` is as printed: digits for a plain number (`1234`), else the text
    (`up to 130`); empty when the source gives no figure.
    """

    operation: str = field(metadata=column("The operation.", refers="operations"))
    as_of: PartialDate = field(metadata=column("The date the source's figures are as of."))
    actor: str = field(metadata=column("The contributor.", refers="actors"))
    role: ContributionRole = field(metadata=column("What it contributed."))
    personnel: str = field(metadata=column("Personnel as printed.", required=False))
    sources: tuple[str, ...] = field(metadata=cites("the figure"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class SnapshotTotal:
    """The totals a source states for an operation on a date: personnel and nations."""

    operation: str = field(metadata=column("The operation.", refers="operations"))
    as_of: PartialDate = field(metadata=column("The date the totals are as of."))
    personnel: int | None = field(metadata=column("Total personnel as stated."))
    nations: int | None = field(metadata=column("Number of contributing nations as stated."))
    listing: Completeness = field(
        metadata=column("Whether the snapshot's rows itemise every nation counted (`complete`).")
    )
    sources: tuple[str, ...] = field(metadata=cites("the totals"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Release:
    """One publication of NATO's "Defence Expenditure of NATO Countries" tables.

    Its values are kept as published (`SpendingValue`); a later release revises
    earlier years without overwriting them. `base_year` is the year of the
    constant prices its constant-dollar figures are in.
    """

    id: str = field(metadata=column("The release: its publication month, `YYYY-MM`."))
    published: PartialDate = field(metadata=column("When NATO published it."))
    cutoff: PartialDate | None = field(metadata=column("Its data cut-off date."))
    base_year: int | None = field(metadata=column("The price base year of constant figures."))
    title: str = field(metadata=column("Its title, with NATO's press-release number."))
    sources: tuple[str, ...] = field(metadata=cites("the release and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class SpendingValue:
    """One figure of one release: an Ally's measure for a year, as printed, with its `e` flag.

    `year` is the year as NATO labels it: for Canada and the United Kingdom,
    2024 is the fiscal year 2024/25. `ally` is `NATO` for the Alliance's total.
    """

    release: str = field(metadata=column("The release that printed it.", refers="releases"))
    ally: str = field(metadata=column("The Ally (ISO alpha-3), or `NATO` for the total."))
    year: int = field(metadata=column("The year, as NATO labels it (fiscal for CAN, GBR)."))
    measure: Measure = field(metadata=column("What is measured."))
    value: float = field(metadata=column("The figure as printed."))
    estimate: bool = field(metadata=column("Whether the release marks it `e` (an estimate)."))
    sources: tuple[str, ...] = field(metadata=cites("the figure (the release, or a copy of it)"))
    note: str = field(default="", metadata=column("The release's footnote, or how it was read."))


@dataclass(frozen=True)
class Guideline:
    """A dated spending rule: who agreed it, the measure, the threshold, the years it judges.

    An Ally meets it in a year when its `measure` is at least `threshold`;
    it judges the years from `from_year` to `until_year` (empty: still), and
    `target_year` is the year by which it must be met, when it gives one. A
    rule with no `measure` (a review, a level NATO's tables do not give) is
    recorded with its date and source and judges nothing.
    """

    id: str = field(metadata=column("A lowercase id (`two-percent-2006`)."))
    name: str = field(metadata=column("Its name in English."))
    kind: GuidelineKind = field(metadata=column("A guideline, pledge, floor or commitment."))
    adopted: PartialDate = field(metadata=column("When the Allies agreed it."))
    event: str = field(
        metadata=column("The meeting or summit that agreed it.", refers="events", required=False)
    )
    measure: str = field(
        metadata=column("The measure it sets a level for (empty: none the tables give).",
                        choices=MEASURES, required=False)
    )  # fmt: skip
    threshold: float | None = field(
        metadata=column("The level to reach: a share of GDP or of spending.")
    )
    from_year: int = field(metadata=column("The first year it judges."))
    until_year: int | None = field(metadata=column("The last year it judges (empty: still)."))
    target_year: int | None = field(metadata=column("The year by which it must be met."))
    text: str = field(metadata=column("What it says, in brief."))
    sources: tuple[str, ...] = field(metadata=cites("the rule and its date"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class EuNatoDocument:
    """An EU-NATO text: a Joint Declaration, a common set of proposals, a progress report."""

    id: str = field(metadata=column("A lowercase id (`joint-declaration-2016`)."))
    kind: DocumentKind = field(metadata=column("What kind of text it is."))
    date: PartialDate = field(metadata=column("When it was signed or published."))
    title: str = field(metadata=column("Its title."))
    sources: tuple[str, ...] = field(metadata=cites("the document and its date"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Proposal:
    """One of the EU-NATO common proposals, in its area, and the reports that mention it."""

    id: str = field(metadata=column("`<set>-<number>`, e.g. `2016-12-01`."))
    set: str = field(metadata=column("The common set that made it.", refers="eu_nato_documents"))
    number: int = field(metadata=column("Its number in the set, as published."))
    area: str = field(metadata=column("Its area, as the set names it."))
    summary: str = field(metadata=column("What it asks for, in brief (not the text).",
                                         required=False))  # fmt: skip
    reports: tuple[str, ...] = field(
        metadata=column("Progress reports that mention it.", refers="eu_nato_documents")
    )
    sources: tuple[str, ...] = field(metadata=cites("the proposal"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Standing:
    """An actor's place in a framework on a date: the membership and its status then.

    `uncertain` is true when the answer hangs on a day the sources do not give.
    """

    membership: Membership
    status: StatusValue
    uncertain: bool
    name: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """One step in a framework's history: an actor joined, left, was suspended or resumed."""

    date: PartialDate
    framework: str
    actor: str
    role: Role
    change: Literal["joined", "left", "suspended", "resumed"]
    reason: str
    name: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Difference:
    """How one actor's place in one framework differs between two dates.

    `date` is the day it happened (a role's start or end, a status's start or end),
    at its precision; `role_before` is the role left by a `role` change (an invitee
    that became a member), which is one difference, not a removal and an addition.
    """

    framework: str
    actor: str
    role: Role
    change: Literal["added", "removed", "status", "role"]
    before: str
    after: str
    uncertain: bool
    name: str
    sources: tuple[str, ...]
    date: PartialDate | None = None
    role_before: str = ""


@dataclass(frozen=True)
class ActorProfile:
    """Everything the registry knows about one actor."""

    actor: Actor
    name: str
    names: tuple[Name, ...]
    memberships: tuple[Membership, ...]
    statuses: tuple[Status, ...]
    events: tuple[Event, ...]
