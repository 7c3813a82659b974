"""Verdicts on texts the tests write: every verdict, with the tricky cases.

Most run on a small invented registry (`history`: Aland an Ally since 1949,
Bland since 2004 — "Old Bland" before 2010 —, Cland from 2015, Dland a PfP
partner) with a fixed "today", so that nothing drifts with the real data.
"""

from __future__ import annotations

import datetime as _dt

import pytest

import allied
from allied.claims import VERDICTS, CheckedClaim, check_text

from .conftest import TODAY


def verdicts(text: str, registry: allied.Registry, as_of: str) -> list[CheckedClaim]:
    return list(check_text(text, as_of=as_of, registry=registry, today=TODAY).claims)


def only(text: str, registry: allied.Registry, as_of: str) -> CheckedClaim:
    (checked,) = verdicts(text, registry, as_of)
    return checked


def test_a_count_true_then_and_now_is_supported(history: allied.Registry) -> None:
    checked = only("NATO now has 3 members.", history, "2016-01-01")
    v = checked.verdict
    assert (v.verdict, v.true_from, v.true_until) == ("supported", _dt.date(2015, 5, 5), None)
    assert v.now == "3 members"
    assert v.sources  # the evidence: the memberships behind the latest change


def test_a_count_true_on_the_date_but_not_now_is_outdated(history: allied.Registry) -> None:
    v = only("NATO now has 2 members.", history, "2010-01-01").verdict
    assert v.verdict == "outdated"
    assert (v.true_from, v.true_until) == (_dt.date(2004, 3, 29), _dt.date(2015, 5, 5))
    assert v.now == "3 members, since 2015-05-05"
    assert "no longer since 2015-05-05" in v.explanation


def test_a_count_false_on_the_date_is_contradicted_with_what_was_true(
    history: allied.Registry,
) -> None:
    v = only("NATO now has 3 members.", history, "2010-01-01").verdict
    assert v.verdict == "contradicted"
    assert "Not true on 2010-01-01: 2 members." in v.explanation
    assert "It held from 2015-05-05" in v.explanation


@pytest.mark.parametrize(
    ("text", "as_of", "expected"),
    [
        ("NATO has about 3 members.", "2010-01-01", "supported"),  # 2, within about 3
        ("NATO has more than 2 members.", "2010-01-01", "contradicted"),  # 2 is not more than 2…
        ("NATO has more than 2 members.", "2016-01-01", "supported"),  # …but 3 is
        ("NATO has nearly 3 members.", "2010-01-01", "supported"),  # 2, then 3: both "nearly 3"
        ("NATO has nearly 2 members.", "2001-01-01", "outdated"),  # 1 then; 3 now is not
        ("NATO has fewer than 3 members.", "2010-01-01", "outdated"),
    ],
)
def test_approximate_counts_are_judged_as_such(
    history: allied.Registry, text: str, as_of: str, expected: str
) -> None:
    assert only(text, history, as_of).verdict.verdict == expected


def test_a_list_all_true_then_one_left_is_outdated(history: allied.Registry) -> None:
    v = only(
        "The Partnership for Peace brings together Cland and Dland.", history, "2010-01-01"
    ).verdict
    assert v.verdict == "outdated"
    assert v.true_until == _dt.date(2015, 5, 5)
    assert v.now == "Cland: left on 2015-05-05 (NATO accession)"


def test_a_list_with_one_wrong_member_is_contradicted(history: allied.Registry) -> None:
    v = only("The PfP brings together Aland, Dland and Cland.", history, "2010-01-01").verdict
    assert v.verdict == "contradicted"
    assert "Aland: not in the Partnership for Peace" in v.explanation


def test_a_suspended_partner_is_not_an_active_one(history: allied.Registry) -> None:
    v = only("The PfP includes Dland.", history, "2000-01-01").verdict
    assert v.verdict == "contradicted"
    assert "Dland: suspended since 1996-10" in v.explanation


def test_a_historical_name_resolves(history: allied.Registry) -> None:
    v = only("Old Bland joined NATO in 2004.", history, "2005-01-01").verdict
    assert v.verdict == "supported"
    assert v.now == "Old Bland joined on 2004-03-29"  # the name in use when it joined
    assert only("OB joined NATO in 2005.", history, "2005-01-01").verdict.verdict == "contradicted"


def test_founding_dates_are_timeless(history: allied.Registry) -> None:
    assert only("NATO was founded in 1949.", history, "2010-01-01").verdict.verdict == "supported"
    v = only("NATO was founded in 1950.", history, "2010-01-01").verdict
    assert (v.verdict, v.true_from, v.true_until) == ("contradicted", None, None)
    assert "founded on 1949-04-04" in v.explanation
    assert v.sources[0] == "s2"  # the founding source first


def test_a_founding_member(history: allied.Registry) -> None:
    assert (
        only("Aland is a founding member of NATO.", history, "2010-01-01").verdict.verdict
        == "supported"
    )
    assert (
        only("Bland is a founding member of NATO.", history, "2010-01-01").verdict.verdict
        == "contradicted"
    )


def test_the_most_recent_member(history: allied.Registry) -> None:
    v = only("Bland is the most recent member (2004).", history, "2010-01-01").verdict
    assert (v.verdict, v.true_until) == ("outdated", _dt.date(2015, 5, 5))
    assert v.now == "Cland (joined 2015-05-05)"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("NATO's three core tasks are important.", "no Strategic Concept"),
        ("Allies must spend 2% of GDP on defence by 2024.", "no defence-spending commitment"),
        ("The EU and NATO agreed 74 common proposals.", "no EU-NATO common proposals"),
    ],
)
def test_what_the_registry_does_not_record_is_unverifiable(
    history: allied.Registry, text: str, reason: str
) -> None:
    v = only(text, history, "2019-07-01").verdict
    assert (v.verdict, v.now, v.sources) == ("unverifiable", None, ())
    assert reason in v.explanation


def test_a_framework_without_members_is_unverifiable(write_dataset) -> None:  # type: ignore[no-untyped-def]
    from conftest import MINI

    others = [row for row in MINI["memberships"] if row["framework"] != "nato"]
    registry = allied.load(write_dataset(memberships=others))
    v = only("NATO now has 30 members.", registry, "2019-07-01").verdict
    assert v.verdict == "unverifiable"
    assert "no members" in v.explanation


# --- the same verdicts on the bundled registry ---------------------------------------------

SINCE_SWEDEN = "32 members, since 2024-03-07"


@pytest.mark.parametrize(
    ("text", "as_of", "verdict", "true_until", "now"),
    [
        ("NATO now has 30 members.", "2021-07-01", "outdated", "2023-04-04", SINCE_SWEDEN),
        ("NATO now has 29 members.", "2021-07-01", "contradicted", None, "32 members"),
        ("The Alliance has 32 Allies.", "2025-01-01", "supported", None, "32 members"),
        ("NATO has nearly 30 Allies.", "2020-01-01", "outdated", "2023-04-04", SINCE_SWEDEN),
        ("The ICI brings together Bahrain, Qatar, Oman and Kuwait.", "2013-07-02",
         "contradicted", None, None),
        ("Turkey joined NATO in 1952.", "2013-07-02", "supported", None,
         "Turkey joined on 1952-02-18"),
        ("Czechia joined NATO in 2004.", "2013-07-02", "contradicted", None,
         "Czech Republic joined on 1999-03-12"),
    ],
)  # fmt: skip
def test_bundled_registry(
    text: str, as_of: str, verdict: str, true_until: str | None, now: str | None
) -> None:
    (checked,) = check_text(text, as_of=as_of, today=_dt.date(2026, 1, 1)).claims
    v = checked.verdict
    assert v.verdict == verdict, v.explanation
    assert (v.true_until.isoformat() if v.true_until else None) == true_until
    if now is not None:
        assert v.now == now
    assert v.sources


def test_every_verdict_is_reachable(history: allied.Registry) -> None:
    text = (
        "NATO now has 2 members. NATO now has 3 members. NATO was founded in 1949. "
        "NATO's three core tasks matter."
    )
    assert {c.verdict.verdict for c in verdicts(text, history, "2010-01-01")} == set(VERDICTS)


def test_a_list_before_the_framework_existed_is_contradicted() -> None:
    (checked,) = check_text(
        "The EAPC includes Austria and Finland.", as_of="1996-01-01", today=_dt.date(2026, 1, 1)
    ).claims
    assert checked.verdict.verdict == "contradicted"
    assert "It held from 1997-05-30" in checked.verdict.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2010, NATO had 2 members.", "supported"),  # stated of 2010, still true of 2010
        ("In 2004 NATO had 2 members.", "supported"),  # 1 then 2 that year: held on some day
        ("In 2000, NATO had 2 members.", "contradicted"),
        ("In 2000 the PfP included Cland and Dland.", "contradicted"),  # Dland suspended then
        ("In 2010 the PfP included Cland and Dland.", "supported"),
    ],
)
def test_a_past_tense_claim_with_a_date_is_judged_on_that_date(
    history: allied.Registry, text: str, verdict: str
) -> None:
    v = only(text, history, "2019-01-01").verdict
    assert v.verdict == verdict
    assert (v.true_from, v.true_until) == (None, None)


@pytest.mark.parametrize(
    ("text", "as_of", "verdict", "true_until"),
    [
        ("Allies committed to spend 5% of GDP on defence by 2035.", "2025-07-01", "supported",
         None),
        ("Allies must spend 2% of GDP on defence by 2024.", "2021-07-01", "outdated", "2025-06-25"),
        ("Allies must spend 3.5% of GDP on defence by 2035.", "2021-07-01", "contradicted", None),
        ("The EU and NATO have agreed 42 common proposals.", "2017-01-01", "outdated",
         "2017-12-05"),
        ("The EU and NATO have agreed 74 common proposals.", "2017-01-01", "contradicted", None),
        ("The Alliance's core tasks: collective defence, crisis management and cooperative "
         "security.", "2015-01-01", "outdated", "2022-06-29"),
        ("The Alliance's core tasks: collective defence, crisis management and cooperative "
         "security.", "2023-01-01", "contradicted", None),
        ("The Alliance's core tasks are deterrence and defence, crisis prevention and "
         "management, and cooperative security.", "2023-01-01", "supported", None),
    ],
)  # fmt: skip
def test_commitments_proposals_and_core_tasks(
    text: str, as_of: str, verdict: str, true_until: str | None
) -> None:
    (checked,) = [c for c in check_text(text, as_of=as_of, today=_dt.date(2026, 1, 1)).claims]
    v = checked.verdict
    assert v.verdict == verdict, v.explanation
    assert (v.true_until.isoformat() if v.true_until else None) == true_until
    assert v.sources


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("North Macedonia became NATO's 30th member.", "supported"),
        ("Sweden joined on 7 March 2024, becoming its 32nd Ally.", "supported"),
        ("Slovenia became the 26th member.", "supported"),  # one of seven the same day
        ("Slovenia became the 19th member.", "contradicted"),
        ("Montenegro became the 30th Ally.", "contradicted"),  # the 29th
    ],
)
def test_places_in_order_of_joining(text: str, verdict: str) -> None:
    claims = check_text(text, as_of="2025-01-01", today=_dt.date(2026, 1, 1)).claims
    (ordinal,) = [c for c in claims if c.claim.quantity is not None]
    assert (ordinal.claim.kind, ordinal.verdict.verdict) == ("accession", verdict)
