"""The domain's facts as frozen records, shared by every layer.

Reference facts mirror the data files one row to one object (`Source`, `Actor`,
`Membership`, `Operation`, `SpendingValue`, …); answers (`Standing`, `Change`,
`Difference`, `ActorProfile`) are what the registry returns. Each is a frozen
dataclass declared with `@frozen` (`allied.frozen`), which makes its methods
without compiling code; `allied.records.as_record` flattens any of them for JSON and CSV.

Each class lives in the module of its concept (`actors`, `frameworks`,
`operations`, `spending`, …) and is exported here, its module imported when the
class is first used, so a one-shot `allied members` imports only the few it needs.
The choices and constants every module shares are defined here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Literal, get_args

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
MILESTONES: tuple[Milestone, ...] = get_args(Milestone)
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

#: Every class of the model, by the module of this package that defines it.
MODULES = {
    "AccessionCase": "accession",
    "Procedure": "accession",
    "Ratification": "accession",
    "Actor": "actors",
    "Change": "changes",
    "Difference": "changes",
    "CowCode": "codes",
    "Format": "dialogue",
    "EuNatoDocument": "eu_nato",
    "Proposal": "eu_nato",
    "Event": "events",
    "Name": "names",
    "Exemption": "exemptions",
    "Framework": "frameworks",
    "Membership": "frameworks",
    "Standing": "frameworks",
    "Status": "frameworks",
    "Contribution": "operations",
    "Operation": "operations",
    "Snapshot": "operations",
    "SnapshotTotal": "operations",
    "ActorProfile": "profiles",
    "Source": "sources",
    "Guideline": "spending",
    "Release": "spending",
    "SpendingValue": "spending",
    "Territory": "territories",
    "Conflict": "texts",
    "CoreTask": "texts",
    "StatedCount": "texts",
}

if TYPE_CHECKING:
    from allied.model.accession import AccessionCase as AccessionCase
    from allied.model.accession import Procedure as Procedure
    from allied.model.accession import Ratification as Ratification
    from allied.model.actors import Actor as Actor
    from allied.model.changes import Change as Change
    from allied.model.changes import Difference as Difference
    from allied.model.codes import CowCode as CowCode
    from allied.model.dialogue import Format as Format
    from allied.model.eu_nato import EuNatoDocument as EuNatoDocument
    from allied.model.eu_nato import Proposal as Proposal
    from allied.model.events import Event as Event
    from allied.model.exemptions import Exemption as Exemption
    from allied.model.frameworks import Framework as Framework
    from allied.model.frameworks import Membership as Membership
    from allied.model.frameworks import Standing as Standing
    from allied.model.frameworks import Status as Status
    from allied.model.names import Name as Name
    from allied.model.operations import Contribution as Contribution
    from allied.model.operations import Operation as Operation
    from allied.model.operations import Snapshot as Snapshot
    from allied.model.operations import SnapshotTotal as SnapshotTotal
    from allied.model.profiles import ActorProfile as ActorProfile
    from allied.model.sources import Source as Source
    from allied.model.spending import Guideline as Guideline
    from allied.model.spending import Release as Release
    from allied.model.spending import SpendingValue as SpendingValue
    from allied.model.territories import Territory as Territory
    from allied.model.texts import Conflict as Conflict
    from allied.model.texts import CoreTask as CoreTask
    from allied.model.texts import StatedCount as StatedCount


def __getattr__(name: str) -> Any:
    """A class of the model, its module (`MODULES`) imported on first use."""
    module = MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
