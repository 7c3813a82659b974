"""Phrasing classes of spending and operation claims, one text each, written for this test.

Every case gives a text, the date it is judged on, the words a claim must cover, its kind
and the verdict against the real registry (as in test_phrasings).
"""

from __future__ import annotations

import pytest
from tests.claims import test_phrasings as base

import allied
from allied.claims import check_text

TODAY = base.TODAY


@pytest.fixture(scope="module")
def registry() -> allied.Registry:
    return allied.load()


CASES = [
    # a share read from the latest release that gives the Ally's figure (the March 2024
    # release quotes only a handful of Allies; Canada's figure is in the 2023 one)
    ("Canada is at around 1.3% of GDP on defence spending.", "2024-04-15", "1.3%",
     "spending-share", "outdated"),
    # "the target" is the level in force when the text was written (2 %), not a later one
    ("NATO says 23 Allies are on track to meet the defence spending target.", "2024-06-20",
     "23 Allies", "spending-count", "outdated"),
    # a count of Allies below the target or a threshold
    ("In 2023, more than 15 members were still short of the defence spending target.",
     "2025-09-01", "more than 15 members", "spending-count", "supported"),
    ("Spending rose again. In 2023, 12 Allies were still below the 2% of GDP threshold.",
     "2025-09-01", "12 Allies", "spending-count", "contradicted"),
    # every Ally at a level, however many there were
    ("Universal compliance with the 2% guideline was reached in 2024.", "2024-07-01",
     "Universal compliance", "spending-count", "contradicted"),
    ("All Allies met the 2% target in 2023.", "2024-07-01", "All Allies met",
     "spending-count", "contradicted"),
    # one Ally against a level: stated, "the target" of the text's day, a bound on a share,
    # a negated verb (below it); the year as "in fiscal year 2023" or "FY2023"
    ("Greece met the 2% guideline in 2023.", "2024-07-01", "Greece met", "spending-level",
     "supported"),
    ("Spain remains below the defence spending target.", "2024-07-01", "Spain remains",
     "spending-level", "outdated"),
    ("Poland spends more than 4% of GDP on defence.", "2024-07-01", "more than 4%",
     "spending-level", "supported"),
    ("Belgium spends less than 1.5% of GDP on defence.", "2024-07-01", "less than 1.5%",
     "spending-level", "outdated"),
    ("Germany has not met the 2% guideline.", "2024-07-01", "has not met", "spending-level",
     "contradicted"),
    ("Canada spent 1.31 per cent of GDP on defence in fiscal year 2023.", "2024-07-01",
     "1.31 per cent", "spending-share", "outdated"),
    ("Canada spent 1.31 per cent of GDP on defence in FY2023.", "2024-07-01",
     "1.31 per cent", "spending-share", "outdated"),
    # a further part of a defence-investment decision, continuing the sentence before
    ("Allies agreed in 2014 to spend 2% of GDP on defence. They also agreed to spend more on "
     "modern equipment.", "2016-01-01", "modern equipment", "spending-pledge", "supported"),
    ("Leaders pledged to raise defence spending. And to send more troops to NATO operations.",
     "2016-01-01", "more troops", "spending-pledge", "unverifiable"),
    # an operation's strength: after its name in parentheses, "N-strong", "at its peak"
    ("The NATO-led Kosovo Force (KFOR) currently numbers about 3,800 troops.", "2022-02-01",
     "3,800 troops", "operation-size", "outdated"),
    ("The 5,000-strong KFOR patrols the north.", "2014-01-01", "5,000-strong",
     "operation-size", "outdated"),
    ("At its peak, KFOR had 50,000 troops.", "2020-01-01", "50,000", "operation-size",
     "supported"),
    ("At its peak, KFOR had 20,000 troops.", "2020-01-01", "20,000", "operation-size",
     "contradicted"),
    # "the force", "It": the operation named before; nations without a strength
    ("KFOR was set up in 1999. At its height the force numbered about 50,000 troops.",
     "2015-01-01", "the force numbered", "operation-size", "supported"),
    ("KFOR is in Kosovo. It has 3,800 troops.", "2022-02-01", "It has", "operation-size",
     "outdated"),
    ("Troops from 28 countries serve in KFOR.", "2022-02-01", "28 countries",
     "operation-size", "supported"),
    ("Troops from 40 countries serve in KFOR.", "2022-02-01", "40 countries",
     "operation-size", "contradicted"),
    ("31 nations contribute to KFOR.", "2014-01-01", "31 nations", "operation-size",
     "outdated"),
    ("ISAF comprised troops from 51 nations.", "2012-01-01", "51 nations", "operation-size",
     "unverifiable"),
    # a nation's contingent: the operation named before, or by the country it is in; a
    # contingent since withdrawn is outdated; an operation the registry lacks, unverifiable
    ("KFOR grew quickly. Russia has the largest contingent with 3,600 troops in Kosovo.",
     "1999-10-01", "3,600 troops", "operation-contingent", "outdated"),
    ("KFOR grew. About 3,600 Russian soldiers were stationed in Kosovo.", "1999-10-01",
     "3,600 Russian soldiers", "operation-contingent", "outdated"),
    ("Through Operation EXAMPLE, some 900 Danish troops are deployed.", "2023-01-01",
     "900 Danish troops", "operation-contingent", "unverifiable"),
    # contributors named by an adjective, to two operations at once
    ("Russian soldiers served in SFOR and KFOR.", "2001-01-01", "SFOR",
     "operation-contributor", "supported"),
    ("Russian soldiers served in SFOR and KFOR.", "2001-01-01", "KFOR",
     "operation-contributor", "supported"),
    # taking part in NATO-led operations in general (a missing record is no proof)
    ("Finland has made significant contributions to NATO-led operations.", "2020-01-01",
     "contributions", "operation-contributor", "supported"),
    ("Malta has taken part in NATO-led operations.", "2020-01-01", "taken part",
     "operation-contributor", "unverifiable"),
    # a NATO-led mission in a country (in a year)
    ("NATO has led a mission to support security in Afghanistan.", "2020-01-01",
     "Afghanistan", "operation-mission", "supported"),
    ("NATO ran an operation to protect civilians in Libya in 2011.", "2020-01-01", "Libya",
     "operation-mission", "supported"),
    ("NATO ran an operation in Libya in 2005.", "2020-01-01", "Libya", "operation-mission",
     "unverifiable"),
    ("NATO led the air operation over Libya.", "2020-01-01", "Libya", "operation-mission",
     "supported"),
    # a ranking of a nation's deployments: found, not decided
    ("That makes it Denmark's largest overseas military deployment.", "2020-01-01",
     "largest", "operation-rank", "unverifiable"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "as_of", "words", "kind", "verdict"), CASES)
def test_phrasing_class(
    text: str, as_of: str, words: str, kind: str, verdict: str, registry: allied.Registry
) -> None:
    base.test_phrasing_class(text, as_of, words, kind, verdict, registry)


@pytest.mark.parametrize(
    "text",
    [
        "NATO could launch a mission to protect civilians in Syria.",
        "NATO did not lead a mission in Syria.",
        "Will KFOR have 5,000 troops next year?",
        "KFOR would need 10,000 troops.",
        "NATO led a mission to support Allies in the east.",
        "KFOR is in Kosovo. Germany has 180,000 soldiers.",
        "It has 3,800 troops.",
        "Ireland has never taken part in NATO-led operations.",
        "Troops from 28 countries could serve in KFOR.",
    ],
)
def test_hedged_or_negated_operations_claim_nothing(text: str, registry: allied.Registry) -> None:
    report = check_text(text, as_of="2020-01-01", registry=registry, today=TODAY)
    assert [(c.claim.kind, c.claim.text) for c in report.claims] == []


@pytest.mark.parametrize(
    "text",
    [
        "All Allies should meet the 2% target.",
        "All Allies will meet the 2% guideline in 2030.",
        "Not all Allies meet the 2% of GDP target.",
        "Allies agreed to spend 2% of GDP. They also want to buy equipment.",
        "Allies agreed to spend 2% of GDP. And to buy equipment if budgets allow.",
        "Italy should meet the 2% defence spending guideline.",
        "Spain will reach the 2% target in 2029.",
    ],
)
def test_hedged_or_negated_counts_nothing(text: str, registry: allied.Registry) -> None:
    """An obligation, a prediction, a wish or a denial counts no Allies, puts no Ally
    against a level and reports no pledge."""
    report = check_text(text, as_of="2024-06-01", registry=registry, today=TODAY)
    kinds = ("spending-count", "spending-pledge", "spending-level")
    assert [c.claim.text for c in report.claims if c.claim.kind in kinds] == []
