"""Phrasing classes that name what a claim is about by reference or by example, one text
each, written for this test.

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
    # NATO working with the EU, named or as the example of organisations it works with
    ("The Alliance also cooperates with international organisations such as the European "
     "Union.", "2020-05-01", "cooperates", "eu-nato-declarations", "supported"),
    ("NATO was founded in 1949. It works closely with the EU.", "2015-01-01", "works closely",
     "eu-nato-declarations", "supported"),
    # before the first EU-NATO declaration the registry cannot tell
    ("NATO cooperates with the European Union.", "1999-01-01", "cooperates",
     "eu-nato-declarations", "unverifiable"),
    # "they", "both countries": the candidates the text named last, as a group
    ("Finland and Sweden applied in May. Both countries have made valuable contributions to "
     "NATO-led operations.", "2022-06-01", "contributions", "operation-contributor",
     "supported"),
    ("Finland and Sweden are close partners. They train with Allies and have also "
     "contributed troops to ISAF.", "2022-06-01", "ISAF", "operation-contributor",
     "supported"),
    # a vote by its tally: the one the text reported before (its weekday read from the text's
    # date), or one dated in its sentence
    ("The Senate voted Thursday to ratify the protocols. Ministers watched the 96-0 vote from "
     "the Senate gallery.", "2003-05-10", "96-0 vote", "ratification-vote", "supported"),
    ("In 2002, the Senate approved the protocols in a 96-0 vote.", "2010-01-01", "96-0 vote",
     "ratification-vote", "contradicted"),
    # a summit's referral to a later ministers' meeting: judged on the meeting
    ("At Bucharest the leaders decided to refer the question to a meeting of their foreign "
     "ministers in December 2008.", "2008-04-05", "refer the question",
     "ministerial-decision", "supported"),
    ("The leaders agreed to leave the matter to NATO defence ministers in March 1950.",
     "1950-01-01", "leave the matter", "ministerial-decision", "unverifiable"),
    # an Ally's approval of a candidate's accession, dated
    ("Hungary ratified Sweden's accession in February 2024.", "2024-06-01", "ratified",
     "ratification-vote", "supported"),
    ("Hungary's parliament approved Sweden's NATO membership in January 2024.", "2024-06-01",
     "approved", "ratification-vote", "contradicted"),
    # Article 5 in the active voice
    ("The Allies invoked Article 5 for the first time after the attacks of 11 September 2001.",
     "2024-06-01", "invoked", "article-5", "supported"),
    ("NATO invoked Article 5 in 1999.", "2024-06-01", "invoked", "article-5", "contradicted"),
    # a candidate's own parliament approving its accession
    ("In April 2017 the Parliament of Montenegro ratified the country's accession to NATO.",
     "2018-01-01", "ratified", "ratification-vote", "supported"),
    ("Montenegro's parliament approved its membership in NATO on 2 May 2017.", "2018-01-01",
     "approved", "ratification-vote", "contradicted"),
    ("Finland's parliament approved the country's accession on 1 July 2022.", "2023-01-01",
     "approved", "ratification-vote", "unverifiable"),
    # a body's meeting on a date (at a place); "first" or "last" against its other meetings
    ("The NACC held its last meeting in Sintra on 30 May 1997.", "2000-01-01", "Sintra",
     "meeting", "supported"),
    ("The NACC held its first meeting on 20 December 1991.", "2000-01-01", "first meeting",
     "meeting", "supported"),
    ("The first meeting of the NACC was held in Oslo on 5 June 1992.", "2000-01-01",
     "Oslo", "meeting", "contradicted"),
    ("The NGC held its last meeting in Tbilisi on 15 September 2008.", "2010-01-01",
     "Tbilisi", "meeting", "unverifiable"),
    ("The NACC held its last meeting in Rome on 5 June 1992.", "2000-01-01", "Rome",
     "meeting", "unverifiable"),
    # joining dates paired with the names in order ("respectively", or as many dates as names)
    ("Finland and Sweden entered NATO in 2023 and 2024 respectively.", "2024-06-01", "Sweden",
     "accession", "supported"),
    ("Finland and Sweden entered NATO in 2023 and 2024.", "2024-06-01", "Finland",
     "accession", "supported"),
    ("Finland and Sweden entered NATO in 2024 and 2023 respectively.", "2024-06-01", "Sweden",
     "accession", "contradicted"),
    # how many joined in a round, or have joined since a date
    ("The 2004 round of NATO enlargement brought in seven states.", "2010-01-01",
     "2004 round", "enlargement", "supported"),
    ("The 1999 NATO enlargement added four countries.", "2010-01-01", "1999 NATO",
     "enlargement", "contradicted"),
    ("Seven countries joined NATO in 2004.", "2010-01-01", "Seven", "enlargement",
     "supported"),
    ("Nine more countries have joined the Alliance since 1999.", "2010-01-01", "Nine",
     "enlargement", "outdated"),
    ("Twenty-three countries joined the Partnership for Peace in 1994.", "2024-06-01",
     "Twenty-three", "enlargement", "supported"),
    # joining after others: "followed in", "followed by … in"
    ("Greece and Turkey entered in 1952. Spain followed in 1982.", "2010-01-01", "Spain",
     "accession", "supported"),
    ("West Germany joined in 1955, followed by Spain in 1986.", "2010-01-01", "Spain",
     "accession", "contradicted"),
    # joining a partnership: its partners and participants joined it too
    ("Russia joined the Partnership for Peace in 1994.", "2024-06-01", "Russia", "accession",
     "supported"),
    ("Russia joined the Partnership for Peace in 1996.", "2024-06-01", "Russia", "accession",
     "contradicted"),
    # membership in the past tense: on the date stated, else at some time before the text
    ("Russia was a member of the Partnership for Peace.", "2024-06-01", "Russia",
     "membership", "supported"),
    ("In 2000 Malta was a member of the PfP.", "2024-06-01", "Malta", "membership",
     "contradicted"),
    ("Russia is a member of the Partnership for Peace.", "2024-06-01", "Russia",
     "membership", "contradicted"),
    # a count in the past tense: on the date stated ("A year later" counts from the year
    # the sentence before states), else at some time up to the text's date
    ("Poland joined NATO in 1999. A year later, NATO had 19 members.", "2010-01-01",
     "had 19", "count", "supported"),
    ("Poland joined NATO in 1999. Seven years later, NATO had 19 members.", "2010-01-01",
     "had 19", "count", "contradicted"),
    ("NATO had 16 members.", "2010-01-01", "had 16", "count", "supported"),
    ("NATO had 40 members.", "2010-01-01", "had 40", "count", "contradicted"),
    # growth to a total: now ("has grown to"), or on the date the sentence states
    ("Since 1994, the Mediterranean Dialogue has grown to seven members.", "2024-06-01",
     "grown to seven", "count", "supported"),
    ("NATO was founded in 1949. By 2004 its membership had risen from 16 to 26 countries.",
     "2024-06-01", "risen", "count", "supported"),
    ("In 1999, NATO expanded to 19 members.", "2024-06-01", "expanded", "count",
     "supported"),
    ("The Alliance has expanded to 30 members.", "2024-06-01", "expanded", "count",
     "contradicted"),
    # a size as an adjective or as a figure
    ("Leaders of the 32-member alliance met in Washington.", "2024-07-10", "32-member",
     "count", "supported"),
    ("Envoys of the 30-nation alliance met.", "2024-07-10", "30-nation", "count",
     "contradicted"),
    ("Ministers of the 50-nation Euro-Atlantic Partnership Council met.", "2024-07-10",
     "50-nation", "count", "supported"),
    ("The Alliance's membership now stands at 29.", "2018-01-01", "stands at", "count",
     "outdated"),
    ("The number of NATO members is 32.", "2024-07-10", "number of", "count", "supported"),
    # the members as the subject
    ("Twenty-nine countries are members of NATO.", "2019-04-04", "Twenty-nine", "count",
     "outdated"),
    ("Seven countries are partners in the Mediterranean Dialogue.", "2019-04-04", "Seven",
     "count", "supported"),
    # "the alliance" in lower case is NATO
    ("The alliance has 29 members.", "2019-04-04", "29 members", "count", "outdated"),
    # an anniversary on the text's date gives the founding year
    ("NATO celebrates its 70th anniversary today.", "2019-04-04", "70th", "founding",
     "supported"),
    ("The Alliance is marking its 70th anniversary this year.", "2024-04-04", "70th",
     "founding", "contradicted"),
    # the newest member in an apposition, either way round
    ("Montenegro, NATO's newest member, sent troops.", "2018-01-01", "newest member",
     "most-recent-member", "outdated"),
    ("NATO's newest member, Sweden, sent troops.", "2021-01-01", "newest member",
     "most-recent-member", "contradicted"),
    # the newest member as "the last country to join"
    ("Sweden was the last country to join NATO.", "2024-06-01", "last country",
     "most-recent-member", "supported"),
    ("Montenegro is the latest state to have joined the Alliance.", "2018-01-01",
     "latest state", "most-recent-member", "outdated"),
    # a decision of the Allies that no more specific claim covers: found, not decided
    ("In 2016, NATO leaders decided to recognise cyberspace as a domain of operations.",
     "2017-01-01", "decided to recognise", "agreement", "unverifiable"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "as_of", "words", "kind", "verdict"), CASES)
def test_phrasing_class(
    text: str, as_of: str, words: str, kind: str, verdict: str, registry: allied.Registry
) -> None:
    base.test_phrasing_class(text, as_of, words, kind, verdict, registry)


@pytest.mark.parametrize(
    "text",
    [
        "NATO wants to cooperate with the European Union.",
        "NATO does not cooperate with the EU on this.",
        "The EU cooperates with the United Nations.",
        "Will NATO cooperate with the EU?",
        "Finland and Sweden applied in May. They hope to contribute to NATO-led operations.",
        "Finland and Sweden applied in May. They have not contributed to ISAF.",
        "They have contributed to NATO-led operations.",
    ],
)
def test_unclaimed(text: str, registry: allied.Registry) -> None:
    report = check_text(text, as_of="2022-06-01", registry=registry, today=TODAY)
    kinds = ("eu-nato-declarations", "operation-contributor")
    assert [c.claim.text for c in report.claims if c.claim.kind in kinds] == []


def test_organisations_such_as_the_eu_are_not_a_list_of_members(
    registry: allied.Registry,
) -> None:
    """The EU as an example of the organisations NATO works with: its cooperation with NATO,
    not a list of NATO's members or partners."""
    text = "NATO cooperates with organisations such as the European Union."
    report = check_text(text, as_of="2024-06-01", registry=registry, today=TODAY)
    assert [c.claim.kind for c in report.claims] == ["eu-nato-declarations"]


@pytest.mark.parametrize(
    "text",
    [
        "The Senate's 96-0 vote was hailed as historic.",  # no date anywhere
        "The Senate voted Thursday to ratify it. The 96-0 vote pleased the Bundestag.",
        "The Senate rejected the treaty in a 30-60 vote in 2002.",  # a tally against
        "The Senate will hold a 96-0 vote on Thursday.",
    ],
)
def test_tallies_claiming_nothing(text: str, registry: allied.Registry) -> None:
    """A tally is a claim only with one chamber named and a date for it."""
    report = check_text(text, as_of="2003-05-10", registry=registry, today=TODAY)
    assert [c.claim.text for c in report.claims if "-" in c.claim.text] == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Allies agreed that Ukraine will become a member.", []),
        ("We agreed to work harder on burden-sharing.", []),
        ("Allies may have decided to wait.", []),
        ("Allies have not agreed to raise the target.", []),
        # a more specific claim covers the decision: no unknown agreement beside it
        ("Allies agreed in 2014 to spend 2% of GDP on defence by 2024.", ["spending-target"]),
    ],
)
def test_decisions_found_only_as_stated(
    text: str, kinds: list[str], registry: allied.Registry
) -> None:
    report = check_text(text, as_of="2020-01-01", registry=registry, today=TODAY)
    assert [c.claim.kind for c in report.claims] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "The NACC would have held its last meeting in Sintra on 30 May 1997.",
        "The NACC held its last meeting in Sintra.",  # no date
        "NATO held its last meeting in Brussels on 5 June 2020.",  # NATO's are summits
    ],
)
def test_body_meetings_claiming_nothing(text: str, registry: allied.Registry) -> None:
    report = check_text(text, as_of="2021-01-01", registry=registry, today=TODAY)
    assert [c.claim.text for c in report.claims if c.claim.kind == "meeting"] == []


def test_a_complete_list_goes_on_past_an_unknown_name(registry: allied.Registry) -> None:
    """A misspelt name does not end a list framed as complete: the names after it count, and
    only what is really absent is missing."""
    text = (
        "The original members were as follows: Belgium, Canada, Denmark, Frnace, Iceland, "
        "Italy, Luxembourg, the Netherlands, Norway, Portugal, the United Kingdom and the "
        "United States."
    )
    report = check_text(text, as_of="1950-01-01", registry=registry, today=TODAY)
    (listed,) = [c for c in report.claims if c.claim.kind == "membership"]
    assert listed.claim.text.endswith("United States")
    assert listed.verdict.verdict == "contradicted"
    assert "missing France" in listed.verdict.explanation, listed.verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "The Parliament of Montenegro will ratify the North Atlantic Treaty in 2017.",
        "The Parliament of Montenegro passed the law on the North Atlantic Treaty.",  # no date
        "In 2016 the Parliament of Germany approved the NATO accession of Montenegro.",
        "In 2016 the Parliament of Germany ratified the accession protocol.",
        "Hungary will ratify Sweden's accession in February 2024.",
        "Hungary ratified Sweden's accession.",  # no date: not this class
        "NATO could invoke Article 5 if attacked.",
    ],
)
def test_own_approvals_claiming_nothing(text: str, registry: allied.Registry) -> None:
    report = check_text(text, as_of="2018-01-01", registry=registry, today=TODAY)
    kinds = ("ratification-vote", "article-5")
    assert [c.claim.text for c in report.claims if c.claim.kind in kinds] == []


@pytest.mark.parametrize(
    "text",
    [
        "NATO grew to 16 members.",  # the past, with no date: says nothing of when
        "NATO could grow to 35 members.",
        "Defence budgets grew to 2 countries.",  # no framework named or in the topic
        "Finland, Sweden and Norway entered NATO in 2023 and 2024 respectively.",
        "The talks were held in Madrid. Spain followed in 1982.",  # not about joining
        "Seven countries could join in 2030.",
        "Seven countries joined the protests in 2004.",
        "Three countries have joined the coalition since 2020.",
        "Ten countries joined in 2004.",  # no framework in sight
        "The 2004 enlargement added ten countries.",
        "A 12-member delegation visited NATO.",
        "The number of Allies meeting the target is 23.",  # spenders, not members
        "Twenty-nine countries could be members of NATO.",
    ],
)
def test_growth_and_pairs_claiming_nothing(text: str, registry: allied.Registry) -> None:
    report = check_text(text, as_of="2024-06-01", registry=registry, today=TODAY)
    kinds = ("count", "accession", "enlargement")
    assert [c.claim.text for c in report.claims if c.claim.kind in kinds] == []


def test_past_membership_in_an_undated_text_claims_nothing(registry: allied.Registry) -> None:
    """With no date for the text, "was a member" could be any time: no claim."""
    report = check_text("Russia was a member of the Partnership for Peace.", registry=registry,
                        today=TODAY)  # fmt: skip
    assert [c.claim.kind for c in report.claims] == []


@pytest.mark.parametrize(
    "text",
    [
        "NATO has 32 members. The EU has 27 members.",
        "NATO has 32 members. The EU has grown to 27 members.",
        "NATO has 32 members. The European Union's membership stands at 27.",
    ],
)
def test_counts_of_other_organisations_are_not_the_topics(
    text: str, registry: allied.Registry
) -> None:
    """A count said of an organisation the registry does not hold (the EU) is not a count of
    the paragraph's topic."""
    report = check_text(text, as_of="2024-06-01", registry=registry, today=TODAY)
    assert [c.claim.text for c in report.claims] == ["NATO has 32 members"]
