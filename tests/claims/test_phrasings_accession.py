"""Phrasing classes of accessions and ratifications, one text each, written for this test.

Same shape as `test_phrasings`: a text, the date it is judged on, the words a claim must
cover, its kind and the verdict against the real registry.
"""

from __future__ import annotations

import pytest
from tests.claims import test_phrasings as base

import allied

CASES = [
    # a chronology: days and months under a year heading
    ("Key dates\n\n2017.\n\n- On June 5, Montenegro, having deposited its instrument in "
     "Washington, became a member of NATO.\n", "2018-01-01", "On June 5", "accession",
     "supported"),
    ("2016.\n\n- The Protocol on the Accession of Montenegro was signed on 19 May.\n",
     "2018-01-01", "Protocol on the Accession", "protocol", "supported"),
    ("2016.\n\n- The Protocol on the Accession of Montenegro was signed on 20 June.\n",
     "2018-01-01", "Protocol on the Accession", "protocol", "contradicted"),
    # a candidate's stage: on its way in, every Ally done, protocols out for ratification
    ("Sweden is still stuck in the queue, while Finland is already in.", "2023-06-01",
     "Sweden is still stuck", "candidacy", "outdated"),
    ("Finland and Sweden are candidates for membership.", "2024-06-01", "Finland and Sweden",
     "candidacy", "contradicted"),
    ("Finland and Sweden are candidates for membership.", "2021-01-01", "Finland and Sweden",
     "candidacy", "unverifiable"),  # applications are not recorded: before the invitation
    ("Both nations asked to join in May. Today Finland and Sweden are neighbours of the "
     "Baltic states, and they are now seeking membership.", "2022-09-01", "they are now",
     "candidacy", "outdated"),
    ("Finland has cleared the final hurdle.", "2023-04-01", "Finland", "ratification-done",
     "supported"),
    ("Sweden's NATO bid remains blocked by two Allies.", "2023-06-01", "Sweden's NATO bid",
     "candidacy", "outdated"),
    ("Finland's accession protocol has now been ratified by all Allies.", "2023-03-31",
     "Finland's accession", "ratification-done", "supported"),
    ("Sweden's accession protocol has been ratified by every Ally.", "2023-06-01",
     "Sweden's accession", "ratification-done", "contradicted"),
    ("North Macedonia has completed its ratification process.", "2019-06-01",
     "North Macedonia", "ratification-done", "contradicted"),
    ("Every Ally has now ratified Sweden's accession.", "2024-02-27", "Every Ally",
     "ratification-done", "supported"),
    ("Allies signed the protocols for Finland and Sweden. The protocols were then sent to "
     "the member states for ratification.", "2022-08-01", "sent to the member states",
     "ratification-open", "outdated"),
    # applications to join
    ("In a speech today: Sweden and Finland submitted their applications to join NATO on "
     "18 May this year.", "2022-09-01", "Sweden and Finland", "application", "supported"),
    ("Finland applied for membership of NATO on 20 May 2022.", "2023-01-01", "Finland",
     "application", "contradicted"),
    ("Georgia has applied to join NATO.", "2023-01-01", "Georgia", "application",
     "unverifiable"),  # no application by Georgia is recorded
    # accession talks: dated after them, or "N days later" than the date before
    ("Finland and Sweden applied on 18 May 2022. Less than 50 days later, accession talks "
     "have been completed.", "2022-07-06", "accession talks", "accession-talks", "supported"),
    ("Finland and Sweden applied on 18 May 2022. Ten days later, accession talks were held.",
     "2022-07-06", "accession talks", "accession-talks", "contradicted"),
    ("Sweden's accession negotiations with the Alliance were held in Brussels on 4 July 2022.",
     "2023-01-01", "accession negotiations", "accession-talks", "supported"),
    ("2016.\n\nAlbania's accession negotiations with NATO were held on 3 March.\n",
     "2017-01-01", "accession negotiations", "accession-talks", "unverifiable"),
    # bids turned down: a Membership Action Plan, an invitation
    ("Georgia's bid for a Membership Action Plan was rejected at the summit.", "2008-04-03",
     "Georgia", "bid-denied", "supported"),
    ("Croatia's bid for a Membership Action Plan was blocked.", "2003-01-01", "Croatia",
     "bid-denied", "contradicted"),
    ("Kyiv and Tbilisi pressed hard. Ministers failed to agree on whether to grant MAP, the "
     "plan for aspirants, to Ukraine and Georgia.", "2008-12-03", "failed to agree",
     "bid-denied", "supported"),
    ("Observers noted the vetoing of Albania's bid to be invited to join NATO.", "2008-04-03",
     "vetoing", "bid-denied", "contradicted"),
    ("Observers noted the blocking of Macedonia's bid to be invited to join NATO.",
     "2008-04-04", "blocking", "bid-denied", "supported"),
    # invitations: on a stated date, or named as the countries to be admitted
    ("In 2008, the Allies invited Albania and Croatia to join the Alliance.", "2009-01-01",
     "invited Albania", "invitation", "supported"),
    ("Montenegro was invited to join in 2014.", "2016-01-01", "Montenegro", "invitation",
     "contradicted"),
    ("In 1997 NATO extended invitations to Poland, Hungary and the Czech Republic.",
     "1998-01-01", "extended invitations", "invitation", "supported"),
    ("North Macedonia received an invitation to join NATO in 2008.", "2010-01-01",
     "North Macedonia", "invitation", "contradicted"),
    ("Parliaments must ratify the protocols for Hungary, Poland and the Czech Republic to be "
     "admitted to the Alliance.", "1998-01-01", "for Hungary", "invitation", "supported"),
    ("Parliaments must ratify the protocols for Hungary, Poland and Slovakia to be admitted "
     "to the Alliance.", "1998-01-01", "for Hungary", "invitation", "contradicted"),
    # a step before a parliament's vote: not recorded
    ("The president's decision to submit the protocol on Sweden's accession to parliament "
     "was welcomed.", "2023-10-24", "decision to submit", "ratification-step",
     "unverifiable"),
    # a legislature's vote dated before it in the sentence
    ("Five years ago, the Senate voted 80-19 to add Poland, Hungary and the Czech Republic.",
     "2003-05-08", "the Senate voted", "ratification-vote", "supported"),
    ("In 1997 the Senate voted to admit Poland.", "2003-05-08", "the Senate voted",
     "ratification-vote", "contradicted"),
    # a body referred to by its head noun in the next paragraph
    ("The NATO-Ukraine Commission met in 1997.\n\nThe Commission represents a forum for "
     "consultation.", "2000-01-01", "The Commission represents", "role", "unverifiable"),
    # titles: a Secretary General acting now
    ("NATO Secretary General Mark Rutte opens the meeting.", "2025-01-01", "Mark Rutte",
     "secretary-general", "unverifiable"),
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> allied.Registry:
    return allied.load()


@pytest.mark.parametrize(("text", "as_of", "words", "kind", "verdict"), CASES)
def test_phrasing_class(
    text: str, as_of: str, words: str, kind: str, verdict: str, registry: allied.Registry
) -> None:
    base.test_phrasing_class(text, as_of, words, kind, verdict, registry)


@pytest.mark.parametrize(
    "text",
    [
        "On 12 May, Montenegro, after a long debate, became a member of NATO.",  # no year known
        "Sweden could still be stuck in limbo for months.",
        "Will Sweden ever clear the final hurdle?",
        "Former NATO Secretary General Javier Solana spoke.",
        "Sweden may have applied to join NATO on 18 May.",
        "Austria has never applied for membership of NATO.",
        "Sweden applied. Two days later, accession talks were held.",
        "Germany and France are still stuck on the question.",  # not candidates
        "Ukraine's application is still pending.",  # never invited: no stage to judge
        "NATO should invite Georgia and Ukraine to join the Alliance.",
        "NATO should extend an invitation to Georgia.",
        "Ukraine applied for membership of the European Union in 2022.",
        "Montenegro's EU accession talks were opened in 2012.",
        "Press conference by NATO Secretary General Jens Stoltenberg",
    ],
)
def test_undecidable_or_hedged_claims_nothing(text: str, registry: allied.Registry) -> None:
    report = base.check_text(text, as_of="2024-06-01", registry=registry, today=base.TODAY)
    assert [(c.claim.kind, c.claim.text) for c in report.claims] == []
