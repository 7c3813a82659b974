"""One text per phrasing class the checker reads, each written for this test.

Every case gives a text, the date it is judged on, the words a claim must cover, its kind and
the verdict against the real registry.
"""

from __future__ import annotations

import datetime as _dt

import pytest

import allied
from allied.claims import check_text

TODAY = _dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def registry() -> allied.Registry:
    return allied.load()


CASES = [
    # counts
    ("The twelve founding members of NATO met in Washington.", "2020-01-01",
     "twelve founding members", "count", "supported"),
    ("How many members does NATO have?\n\nThirty.", "2021-01-01", "Thirty.", "count",
     "outdated"),
    ("Finland's accession brought the membership to 31.", "2023-06-01",
     "membership to 31", "count", "outdated"),
    ("If one Ally is attacked, the other 28 stand by it.", "2019-01-01", "the other 28",
     "count", "outdated"),
    ("Good morning. Our twenty-eight nations stand together.", "2016-01-01",
     "twenty-eight nations", "count", "outdated"),
    ("The Partnership for Peace was launched in January 1994. By August 1995, 26 states had "
     "joined.", "1995-08-01", "26 states had joined", "count", "supported"),
    ("NATO is a military alliance between 29 member countries.", "2024-06-01",
     "29 member countries", "count", "contradicted"),
    # accessions
    ("Portugal and Norway signed in 1949; Greece entered the alliance in 1952.", "2020-01-01",
     "Greece entered the alliance in 1952", "accession", "supported"),
    ("Poland joined in 1999, and Slovakia joined three years later.", "2020-01-01",
     "Slovakia joined three years later", "accession", "contradicted"),
    ("In 2004 Estonia, Latvia and Lithuania joined.", "2020-01-01", "Estonia, Latvia",
     "accession", "supported"),
    ("Since then Albania and Croatia have joined.", "2020-01-01", "Albania and Croatia",
     "accession", "supported"),
    ("Later the alliance was joined by Spain (1982).", "2020-01-01", "Spain (1982)",
     "accession", "supported"),
    ("As a founding member of NATO, Norway hosts exercises.", "2020-01-01",
     "founding member of NATO, Norway", "accession", "supported"),
    ("We welcome the accession today of Montenegro as NATO's newest member.", "2017-06-05",
     "Montenegro as NATO's newest member", "most-recent-member", "outdated"),
    # lists
    ("The list of NATO members is as follows: Belgium, Canada, Denmark and France.",
     "2020-01-01", "Belgium, Canada", "membership", "contradicted"),
    ("Sweden and Switzerland are NATO's closest partners.", "2020-01-01",
     "Sweden and Switzerland", "membership", "outdated"),
    # foundings
    ("NATO, a military alliance founded in 1949, grew.", "2020-01-01", "founded in 1949",
     "founding", "supported"),
    ("The Alliance matters. It was founded in 1951.", "2020-01-01", "founded in 1951",
     "founding", "contradicted"),
    ("NATO was established during the Cold War.", "2020-01-01", "established during the Cold War",
     "founding", "supported"),
    ("In 1997, the Founding Act established a NATO-Russia Permanent Joint Council.",
     "2020-01-01", "Permanent Joint Council", "founding", "supported"),
    ("The Partnership for Peace, established at the Brussels summit of January 10-11, 1994, "
     "grew.", "2020-01-01", "January 10-11, 1994", "founding", "supported"),
    ("Ministers made a decision on establishing the NATO-Georgia Commission.", "2008-08-20",
     "establishing the NATO-Georgia Commission", "founding", "supported"),
    # names, Article 5, concepts, declarations
    ("NATO stands for the North Atlantic Treaty Organisation.", "2020-01-01",
     "North Atlantic Treaty Organisation", "name", "supported"),
    ("What does NATO stand for?\n\nThe North Atlantic Trading Organisation.", "2020-01-01",
     "Trading Organisation", "name", "contradicted"),
    ("Article 5 was invoked for the first time after the attacks of September 11, 2001.",
     "2020-01-01", "invoked", "article-5", "supported"),
    ("Leaders adopted a new Strategic Concept at the Lisbon Summit in 2010.", "2011-01-01",
     "Strategic Concept", "concept-adopted", "supported"),
    ("This joint declaration is the second between the EU and NATO.", "2018-07-10",
     "the second", "eu-nato-declarations", "supported"),
    # meetings, commanders, roles
    ("In July 2016, Montenegro participated in the NATO Summit in Warsaw.", "2017-01-01",
     "NATO Summit in Warsaw", "meeting", "supported"),
    ("Leaders gathered for the 50th anniversary summit of the Alliance.", "1999-04-24",
     "50th anniversary summit", "meeting", "supported"),
    ("The current KFOR Commander, General Jane Example, met the press.", "2020-01-01",
     "Jane Example", "commander", "unverifiable"),
    ("The NATO-Ukraine Commission serves as a forum for consultation.", "2020-01-01",
     "serves as a forum", "role", "unverifiable"),
    ("The Strategic Concept is revised roughly every decade.", "2020-01-01",
     "revised roughly every decade", "document-content", "unverifiable"),
    ("Both applied in May. Yesterday allies signed the accession protocols for Finland and "
     "Sweden.", "2022-07-06", "signed the accession protocols", "protocol", "supported"),
    # spending
    ("Allies agreed in 2014 to spend 2% of GDP on defence by 2024.", "2025-01-01",
     "agreed in 2014", "spending-target", "supported"),
    # kinds the registry cannot decide
    ("NATO is headquartered in Brussels.", "2020-01-01", "headquartered in Brussels",
     "headquarters", "unverifiable"),
    ("Its current Secretary General is Jane Example.", "2020-01-01", "Jane Example",
     "secretary-general", "unverifiable"),
    # defence spending, judged by the release in force on the text's date
    ("Greece, with defence spending equal to 3.5% of GDP, leads.", "2015-01-01", "3.5%",
     "spending-share", "unverifiable"),
    ("Poland is at about 3.3% of GDP on defence spending in 2023.", "2024-07-01", "3.3%",
     "spending-share", "supported"),
    ("Italy spends 1.49% of GDP on defence.", "2024-07-01", "1.49%", "spending-share",
     "outdated"),
    ("Only nine Allies meet the 2% defence spending guideline.", "2024-07-01",
     "nine Allies meet", "spending-count", "contradicted"),
    ("This year 23 Allies will spend 2% of GDP on defence.", "2024-07-01", "23 Allies",
     "spending-count", "outdated"),
    ("In 2020, more than ten members were still below 2% of GDP on defence spending.",
     "2024-07-01", "more than ten members", "spending-count", "supported"),
    ("Only 5 Allies meet the 2% defence spending guideline.", "2015-01-01", "5 Allies",
     "spending-count", "unverifiable"),
    ("Only nine Allies meet NATO's defence spending target.", "2024-07-01", "nine Allies",
     "spending-count", "contradicted"),
    ("The guideline is 2% of GDP. Poland is at about 3.3% in 2023.", "2024-07-01", "3.3%",
     "spending-share", "supported"),
    # ratifications of accession protocols, judged by each Ally's parliamentary approval
    ("Turkey became the 30th Ally to ratify Finland's accession.", "2023-04-01", "30th Ally",
     "ratification-order", "supported"),
    ("Hungary became the first member to ratify Finland's accession.", "2023-04-01",
     "first member", "ratification-order", "contradicted"),
    ("Turkey was the final member to approve Finland's accession protocol.", "2023-04-01",
     "final member", "ratification-order", "supported"),
    ("Turkey and Hungary have not yet ratified Sweden's accession.", "2023-06-01",
     "not yet ratified", "ratification-pending", "outdated"),
    ("Hungary has still not ratified the accession of Sweden.", "2024-03-01",
     "still not ratified", "ratification-pending", "contradicted"),
    ("Canada has not yet ratified Georgia's accession.", "2023-06-01", "not yet ratified",
     "ratification-pending", "unverifiable"),
    ("So far 28 Allies have ratified Sweden's accession protocol.", "2023-06-01",
     "28 Allies", "ratification-count", "outdated"),
    ("By now 29 Allies have ratified Sweden's accession protocol.", "2023-06-01",
     "29 Allies", "ratification-count", "contradicted"),
    ("Most parliaments have ratified Sweden's accession. Twenty-nine Allies have done so for "
     "Finland.", "2023-03-28", "Twenty-nine Allies", "ratification-count", "outdated"),
    ("Finland's bid advanced, with Turkey and Hungary the remaining holdouts.", "2022-12-01",
     "the remaining holdouts", "ratification-pending", "outdated"),
    ("Hungary's vote to ratify Sweden's membership makes it the final ally to approve the bid.",
     "2024-03-01", "final ally", "ratification-order", "supported"),
    ("WASHINGTON, 8 May 2003 — The Senate voted 96-0 Thursday to approve the new members.",
     "2003-05-08", "The Senate voted", "ratification-vote", "supported"),
    ("The Senate voted on 30 April 1999 to ratify the accession of Poland.", "2000-01-01",
     "The Senate voted", "ratification-vote", "contradicted"),
    ("Norway's Storting voted on 1 June 1990 to ratify the accession of Poland.",
     "2000-01-01", "Storting voted", "ratification-vote", "unverifiable"),
    # NATO-led operations: stated strength and contributors
    ("KFOR has 3,800 troops from 28 countries.", "2022-02-01", "3,800 troops",
     "operation-size", "outdated"),
    ("KFOR now numbers some 10,000 troops.", "2022-02-01", "10,000 troops", "operation-size",
     "contradicted"),
    ("KFOR had 49,000 troops.", "1999-09-08", "49,000 troops", "operation-size",
     "outdated"),
    ("Norway contributed troops to ISAF.", "2012-01-01", "contributed troops to ISAF",
     "operation-contributor", "supported"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "as_of", "words", "kind", "verdict"), CASES)
def test_phrasing_class(
    text: str, as_of: str, words: str, kind: str, verdict: str, registry: allied.Registry
) -> None:
    report = check_text(text, as_of=as_of, registry=registry, today=TODAY)
    at = text.index(words)
    found = [
        c
        for c in report.claims
        if c.claim.kind == kind and c.claim.start < at + len(words) and c.claim.end > at
    ]
    assert found, [(c.claim.kind, c.claim.text) for c in report.claims]
    assert {c.verdict.verdict for c in found} == {verdict}, [c.verdict for c in found]


@pytest.mark.parametrize(
    "text",
    [
        "NATO will probably invite Ukraine to join in 2030.",
        "Will Sweden join NATO in 2024?",
        "If Austria joined in 2030, NATO would have 33 members.",
        "The new 5% goal will test allies' budgets.",
        "NATO Accession: Austria and Ireland",
        "Ministers plan to establish a new NATO-Moldova Council.",
        "If it moved, NATO would be headquartered in Mons.",
    ],
)
def test_hedged_or_titled_text_claims_nothing(text: str, registry: allied.Registry) -> None:
    report = check_text(text, as_of="2024-06-01", registry=registry, today=TODAY)
    assert [(c.claim.kind, c.claim.text) for c in report.claims] == []


@pytest.mark.parametrize(
    "text",
    [
        "NATO launched a training mission in Iraq in 2018.",
        "The Alliance set up a new cyber centre in 2008.",
        "NATO established its first partnership programme in 1994.",
    ],
)
def test_a_founder_in_the_active_voice_is_not_the_founded(
    text: str, registry: allied.Registry
) -> None:
    report = check_text(text, as_of="2020-01-01", registry=registry, today=TODAY)
    assert [c.claim.text for c in report.claims if c.claim.kind == "founding"] == []
    assert "contradicted" not in {c.verdict.verdict for c in report.claims}
