"""Finding claims: every kind, any name of an actor or framework, and what is not a claim."""

from __future__ import annotations

import pytest

import allied
from allied.claims.claim import CLAIM_KINDS, Claim
from allied.claims.extract import find_claims
from allied.claims.mentions import vocabulary_of

REG = allied.load()


def found(text: str) -> list[Claim]:
    return find_claims(text, REG)


def one(text: str, kind: str) -> Claim:
    claims = [c for c in found(text) if c.kind == kind]
    assert len(claims) == 1, claims
    return claims[0]


def test_counts_with_subject_and_quantifier() -> None:
    claim = one("NATO now has 30 members.", "count")
    assert (claim.subject, str(claim.quantity), claim.text) == (
        "nato",
        "30",
        "NATO now has 30 members",
    )
    assert one("The Alliance counts thirty-two Allies.", "count").quantity.value == 32  # type: ignore[union-attr]
    claim = one("NATO cooperates with more than 40 partner countries.", "count")
    assert (claim.subject, claim.quantity.quantifier) == ("partners", "more-than")  # type: ignore[union-attr]
    claim = one("The ICI brings together four Gulf countries.", "count")
    assert (claim.subject, claim.quantity.value) == ("ici", 4)  # type: ignore[union-attr]
    assert one("All 32 Allies agreed.", "count").subject == "nato"


def test_offsets_cover_the_claim() -> None:
    text = "Intro.\n\nToday, NATO now has 30 members, says the page."
    claim = one(text, "count")
    assert text[claim.start : claim.end] == "NATO now has 30 members"


@pytest.mark.parametrize(
    "text",
    [
        "The 12 founding members signed in Washington.",  # a subset, not the whole
        "The MD includes six Arab countries (Algeria, Egypt, Jordan, Mauritania, Morocco and "
        "Tunisia) and Israel.",  # the count is of the parenthesis, not the MD
        "The seven Allies that joined in 2004 met.",
        "In 2019 NATO celebrated with 29 candles.",  # no noun a framework has
    ],
)
def test_not_counts(text: str) -> None:
    assert [c for c in found(text) if c.kind == "count" and not c.founding] == []


def test_membership_lists_resolve_every_name() -> None:
    claim = one(
        "The Istanbul Cooperation Initiative brings together Bahrain, Qatar, the United Arab "
        "Emirates and Kuwait.",
        "membership",
    )
    assert (claim.subject, claim.actors) == ("ici", ("BHR", "QAT", "ARE", "KWT"))
    claim = one(
        "Partners across the globe include Japan, the Republic of Korea and Australia.",
        "membership",
    )
    assert (claim.subject, claim.actors) == ("pag", ("JPN", "KOR", "AUS"))
    claim = one("Among these partners around the globe are Iraq and Mongolia.", "membership")
    assert claim.subject == "pag"


def test_an_unnamed_list_takes_the_paragraph_topic() -> None:
    text = (
        "The Partnership for Peace (PfP) is NATO's oldest partnership framework. Founded in "
        "1994, it brings together several neutral countries (Switzerland, Austria and Malta)."
    )
    claim = one(text, "membership")
    assert (claim.subject, claim.actors) == ("pfp", ("CHE", "AUT", "MLT"))
    assert one(text, "founding").subject == "pfp"


def test_single_member_and_founding_member() -> None:
    claim = one("Israel is a partner of the Mediterranean Dialogue.", "membership")
    assert (claim.subject, claim.actors) == ("md", ("ISR",))
    claim = one("Belgium is a founding member of NATO.", "accession")
    assert (claim.subject, claim.actors, claim.founding) == ("nato", ("BEL",), True)


def test_historical_and_alternative_names() -> None:
    claim = one("FYROM joined NATO in 2020.", "accession")
    assert claim.actors == ("MKD",)
    claim = one(
        "In 1999 with the accession of the Czech Republic, Hungary and Poland.", "accession"
    )
    assert claim.actors == ("CZE", "HUN", "POL")
    assert one("Turkey joined NATO in 1952.", "accession").actors == ("TUR",)
    assert one("Macedonia is the most recent member (2020).", "most-recent-member").actors == (
        "MKD",
    )


def test_french_framework_names() -> None:
    claim = one("Le Partenariat pour la paix includes Switzerland and Austria.", "membership")
    assert claim.subject == "pfp"
    assert one("L'OTAN now has 32 members.", "count").subject == "nato"


def test_founding_dates() -> None:
    claim = one("The NATO-Georgia Commission (created in 2008) meets often.", "founding")
    assert (claim.subject, str(claim.date)) == ("nato-georgia-commission", "2008")
    claim = one("Launched at the Istanbul Summit of 2004, the ICI is the youngest.", "founding")
    assert (claim.subject, str(claim.date)) == ("ici", "2004")
    claim = one("NATO, which was established on 4 April 1949, is old.", "founding")
    assert str(claim.date) == "1949-04-04"
    assert str(one("In 2019 NATO celebrated its 70th anniversary.", "founding").date) == "1949"


def test_a_possessive_is_not_what_was_founded() -> None:
    assert found("NATO's policy of partnerships was launched in 1991.") == []


def test_accession_years() -> None:
    claim = one("The policy began in 1952 with the accession of Greece and Turkey.", "accession")
    assert (claim.actors, str(claim.date)) == (("GRC", "TUR"), "1952")
    claim = one("Finland and Sweden joined NATO in 2023.", "accession")
    assert claim.actors == ("FIN", "SWE")


def test_core_tasks_list_and_count() -> None:
    text = (
        "According to the Strategic Concept, the Alliance has 3 core tasks:\n\n"
        "  1. deterrence and collective defence;\n  2. crisis management;\n"
        "  3. cooperation in the field of security.\n\nMore."
    )
    tasks = [c for c in found(text) if c.kind == "core-tasks"]
    assert [c.tasks for c in tasks if c.tasks] == [
        ("deterrence and collective defence", "crisis management",
         "cooperation in the field of security"),
    ]  # fmt: skip
    assert [c.quantity.value for c in tasks if c.quantity] == [3]  # type: ignore[union-attr]
    inline = one(
        "NATO's core tasks are: collective defence, crisis management and cooperative security.",
        "core-tasks",
    )
    assert inline.tasks == ("collective defence", "crisis management", "cooperative security")


def test_spending_target_and_action_points() -> None:
    claim = one("Allies must raise defence spending to 2% of GDP by 2024.", "spending-target")
    assert (claim.percent, str(claim.date)) == (2.0, "2024")
    claim = one("The EU and NATO agreed 74 concrete action points.", "action-points")
    assert claim.quantity.value == 74  # type: ignore[union-attr]
    assert found("NATO agreed 74 action points.") == []  # no EU: not the EU-NATO set


def test_lists_without_a_membership_cue_are_not_claims() -> None:
    assert found("Belgium actively supports Iraq, Jordan, and Tunisia.") == []


def test_every_kind_is_found_somewhere() -> None:
    text = (
        "NATO now has 30 members. The ICI brings together Bahrain and Kuwait. "
        "The NATO-Georgia Commission (created in 2008) met. Greece joined NATO in 1952. "
        "North Macedonia is the most recent member. NATO's three core tasks matter. "
        "Allies aim for 2% of GDP on defence spending by 2024. "
        "The EU and NATO have 74 common proposals. "
        "NATO stands for the North Atlantic Treaty Organization. "
        "Its headquarters are in Brussels. Its Secretary General is Jane Doe. "
        "The Washington Treaty requires that Allies consult. "
        "Article 5 was invoked for the first time in 2001. "
        "The previous Strategic Concept was adopted at the Lisbon Summit in 2010. "
        "Poland, with defence spending equivalent to 4.1% of GDP, leads. "
        "This joint declaration is the third between the EU and NATO. "
        "Ministers attended the NATO Summit in Warsaw. "
        "The current KFOR Commander, General Jane Example, spoke. "
        "The NATO-Georgia Commission represents a forum for consultations. "
        "The document defines terrorism as a threat. "
        "The Protocol on the Accession of Montenegro was signed on 19 May 2016. "
        "Only nine Allies meet the 2% defence spending guideline. "
        "Turkey became the 30th Ally to ratify Finland's accession. "
        "Hungary has not yet ratified Sweden's accession. "
        "So far 28 Allies have ratified Sweden's accession protocol. "
        "KFOR has 3,800 troops. Norway contributed troops to ISAF. "
        "Russia had 3,600 troops in KFOR. NATO led a mission in Afghanistan. "
        "It is Canada's largest overseas operation. "
        "Allies agreed in 2014 to spend 2% of GDP on defence. "
        "They also agreed to invest in equipment. "
        "Greece met the 2% defence spending guideline in 2023. "
        "The Senate voted on 30 April 1998 to ratify the accession of Poland. "
        "Sweden is still in limbo, Finland has reached the finish line, and the protocols "
        "for Sweden were sent to all Allies for ratification. "
        "Sweden applied to join NATO on 18 May 2022. "
        "Sweden's accession talks were held on 4 July 2022. "
        "In 2008, Georgia's bid for a Membership Action Plan was rejected. "
        "Its bodies include the North Atlantic Council and the Military Committee. "
        "They hailed the decision to submit the protocol on Finland's accession. "
        "In 2008, NATO invited Albania and Croatia to join the Alliance. "
        "On 3 December 2008, NATO Foreign Ministers decided to help Georgia. "
        "NATO and Russia have agreed on a workplan. "
        "Finland took part in meetings in 1994, as part of the NACC. "
        "The 2004 round of NATO enlargement brought in seven states."
    )
    assert {c.kind for c in found(text)} == set(CLAIM_KINDS)


def test_more_ways_of_saying_it() -> None:
    assert one("Spain became a member in 1982.", "accession").actors == ("ESP",)
    claim = one("Today NATO has 29 members, Montenegro being the newest member (2017).",
                "most-recent-member")  # fmt: skip
    assert (claim.actors, str(claim.date)) == (("MNE",), "2017")
    text = (
        "The Alliance's three core tasks, as set out in the 2010 Strategic Concept, are "
        "collective defence, crisis management and cooperative security."
    )
    (listed,) = [c for c in found(text) if c.tasks]
    assert listed.tasks == ("collective defence", "crisis management", "cooperative security")
    assert [c.tasks for c in found("NATO's three core tasks are important.") if c.tasks] == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The NATO-Ukraine Commission met.", ["nato-ukraine-commission"]),  # not just "NATO"
        ("The NATO\u2013Russia Council met.", ["nato-russia-council"]),  # an en dash
        ("the NATO Russia Council", ["nato-russia-council"]),
        ("Partners Across the Globe; partners\nacross the globe", ["pag", "pag"]),
        ("The Alliance\u2019s tasks; an alliance of states", ["nato"]),
        ("Türkiye\u2019s and Turkey's, but not a turkey", ["TUR", "TUR"]),
        ("non-NATO members", []),
    ],
)
def test_names_are_found_whatever_the_dash_space_or_case(text: str, codes: list[str]) -> None:
    assert [m.code for m in vocabulary_of(REG).find(text)] == codes


def test_the_vocabulary_is_the_same_whatever_the_set_order() -> None:
    from allied.claims.mentions import Vocabulary

    assert Vocabulary(REG).pattern.pattern == Vocabulary(REG).pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "The ICI brings together:\n\n  • Bahrain\n  • Qatar\n  • Kuwait\n\nNATO has 32 members.",
        "The ICI brings together:\n- Bahrain,\n- Qatar,\n- Kuwait.\n",
    ],
)
def test_a_list_after_a_colon_keeps_its_subject(text: str) -> None:
    claim = one(text, "membership")
    assert (claim.subject, claim.actors) == ("ici", ("BHR", "QAT", "KWT"))


def test_a_colon_before_long_paragraphs_does_not_join_them() -> None:
    text = (
        "NATO has three partnership frameworks:\n\n"
        "  • the Partnership for Peace (PfP) is the oldest partnership framework of all. "
        "Founded in 1994, it brings together neutral countries (Austria and Malta);\n"
    )
    assert one(text, "membership").subject == "pfp"


@pytest.mark.parametrize(
    "text",
    [
        "The ICI does not include Saudi Arabia and Oman.",
        "NATO doesn't have 40 members.",
        "The PfP no longer includes Finland and Sweden.",
        "Apart from Austria and Ireland, the PfP includes few neutral states.",
    ],
)
def test_denials_are_not_claims(text: str) -> None:
    assert [c for c in found(text) if c.kind in ("count", "membership")] == []


def test_allies_are_counted_in_nato_whoever_else_is_named() -> None:
    claims = found("The EAPC brings together 50 countries: the 32 Allies and 18 partners.")
    assert [(c.kind, c.subject, c.quantity.value) for c in claims] == [  # type: ignore[union-attr]
        ("count", "eapc", 50),
        ("count", "nato", 32),
    ]


def test_text_without_full_stops_is_read_in_bounded_pieces() -> None:
    from allied.claims.sentences import MAX_SENTENCE, split_sentences

    text = "NATO includes Belgium, France and Germany and the PfP includes Austria " * 500
    mentions = vocabulary_of(REG).find(text)
    pieces = list(split_sentences(text, mentions))
    assert all(s.end - s.start <= MAX_SENTENCE for s in pieces)
    assert sum(len(s.mentions) for s in pieces) >= len(mentions) - len(pieces)  # few cut in two
    assert len(found(text)) > 500


def test_a_claim_never_spans_two_sentences() -> None:
    text = "The Partnership for Peace is old. Founded in 1994, it includes Austria and Malta."
    claim = one(text, "membership")
    assert claim.subject == "pfp"
    assert text[claim.start : claim.end] == "Austria and Malta"
