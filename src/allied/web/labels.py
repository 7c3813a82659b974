"""Words for the codes the data stores, as a reader expects them on a page.

The JSON keeps the codes (`nato-accession`, `participant`); the pages say
"joined NATO" and "Participant" and keep the code beside where it helps.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # roles
    "member": "Member",
    "partner": "Partner",
    "participant": "Participant",
    "observer": "Observer",
    "aspirant": "Aspirant",
    "invitee": "Invited to join",
    # statuses
    "active": "Active",
    "suspended": "Suspended",
    # end reasons
    "nato-accession": "joined NATO",
    "withdrawal": "withdrew",
    "replaced": "replaced by a successor body",
    "dissolved": "dissolved",
    "expelled": "expelled",
    "completed": "completed",
    "lapsed": "lapsed",
    # changes
    "added": "Joined",
    "removed": "Left",
    "status": "Status changed",
    "role": "Role changed",
    "joined": "Joined",
    "left": "Left",
    "resumed": "Resumed",
    # kinds
    "alliance": "Alliance",
    "partnership": "Partnership",
    "programme": "Programme",
    "body": "Body",
    "relation": "Relation",
    "state": "State",
    "organisation": "International organisation",
    "short": "Short name",
    "formal": "Formal name",
    "alias": "Also called",
    # EU-NATO documents
    "joint-declaration": "Joint declaration",
    "common-set": "Common set of proposals",
    "progress-report": "Progress report",
    # contributions to operations
    "troops": "Troops",
    "ships": "Ships",
    "aircraft": "Aircraft",
    "command": "Command",
    "lead-nation": "Lead nation",
    "host-nation": "Host nation",
    "funding": "Funding",
    "basing": "Basing",
}


def label(code: object) -> str:
    """The reader's word for a stored code; the code itself when it has none; "" for nothing."""
    if code is None or code == "":
        return ""
    text = str(code)
    return LABELS.get(text, text.replace("-", " "))
