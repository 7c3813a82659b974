"""The EU-NATO texts: Joint Declarations, common sets and reports, and the proposals."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import DocumentKind
from allied.period import PartialDate


@frozen
class EuNatoDocument:
    """An EU-NATO text: a Joint Declaration, a common set of proposals, a progress report."""

    id: str = field(metadata=column("A lowercase id (`joint-declaration-2016`)."))
    kind: DocumentKind = field(metadata=column("What kind of text it is."))
    date: PartialDate = field(metadata=column("When it was signed or published."))
    title: str = field(metadata=column("Its title."))
    sources: tuple[str, ...] = field(metadata=cites("the document and its date"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
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
