"""The statements of both seed documents that the registry can decide, on the seeds' dates.

The French page (last modified 2013-07-02) and the Belgian page (written after the
Brussels Summit of 14 June 2021) are the documents `allied` was designed from.
"""

from __future__ import annotations

import pytest

import allied

REG = allied.load()
FRENCH_SEED = "2013-07-02"
BELGIAN_SEED = "2021-06-14"


def members(framework: str, on: str) -> set[str]:
    return {s.membership.actor for s in REG.members(framework, on=on)}


def started_in(framework: str) -> int:
    period = REG.framework(framework).period
    assert period is not None
    return period.start.year


def events(kind: str, year: int) -> list[allied.Event]:
    return REG.events(kind=kind, start=str(year), end=str(year))


def test_the_1994_brussels_summit_lasted_two_days() -> None:
    summit = REG.event("summit-1994-brussels")
    assert (str(summit.start), str(summit.end)) == ("1994-01-10", "1994-01-11")


# --- the French seed, 2013 ---------------------------------------------------------


def test_pfp_founded_1994_with_the_six_neutral_partners() -> None:
    assert started_in("pfp") == 1994
    assert {"CHE", "AUT", "FIN", "IRL", "SWE", "MLT"} <= members("pfp", FRENCH_SEED)


def test_the_eapc_came_in_1997_and_the_policy_in_1991() -> None:
    assert started_in("eapc") == 1997
    assert started_in("nacc") == 1991


def test_the_mediterranean_dialogue_launched_1994_has_seven() -> None:
    assert started_in("md") == 1994
    assert members("md", FRENCH_SEED) == {"DZA", "EGY", "JOR", "MRT", "MAR", "TUN", "ISR"}


def test_the_ici_was_launched_at_istanbul_in_2004() -> None:
    (summit,) = [e for e in events("summit", 2004) if e.place == "Istanbul"]
    assert REG.framework("Istanbul Cooperation Initiative").period.start == summit.start  # type: ignore[union-attr]
    assert members("ici", FRENCH_SEED) == {"BHR", "QAT", "ARE", "KWT"}


def test_partners_around_the_globe_in_2013() -> None:
    assert {"JPN", "NZL", "AUS", "KOR", "IRQ", "AFG", "PAK", "MNG"} == members(
        "partners around the globe", FRENCH_SEED
    )


@pytest.mark.parametrize(
    ("body", "year"),
    [("NATO-Ukraine Commission", 1997), ("NATO-Georgia Commission", 2008)],
)
def test_commissions_created(body: str, year: int) -> None:
    assert started_in(body) == year
    assert REG.framework(body) in REG.frameworks(on=FRENCH_SEED)


def test_russia_council_and_organisations_in_2013() -> None:
    assert members("nato-russia-council", FRENCH_SEED) == {"RUS"}
    assert {"EU", "UN"} <= members("io", FRENCH_SEED)


def test_lisbon_2010_made_cooperative_security_a_core_task() -> None:
    (concept,) = events("strategic-concept", 2010)
    tasks = [t.task.lower() for t in REG.dataset.core_tasks if t.event == concept.id]
    assert len(tasks) == 3
    assert "cooperative security" in tasks


# --- the Belgian seed, 2021 ----------------------------------------------------------


def test_belgium_founding_member_on_4_april_1949() -> None:
    (membership,) = REG.memberships(framework="nato", actor="Belgium")
    assert str(membership.period.start) == "1949-04-04"


def test_thirty_members_north_macedonia_most_recent_greece_turkey_first() -> None:
    standings = REG.members("nato", on=BELGIAN_SEED)
    assert len(standings) == 30
    latest = max(standings, key=lambda s: s.membership.period.start.sort_key)
    assert latest.membership.actor == "MKD"
    assert latest.membership.period.start.year == 2020
    first_enlargement = [c for c in REG.history("nato") if c.date.year == 1952]
    assert {c.actor for c in first_enlargement} == {"GRC", "TUR"}


def test_wales_2014_spending_commitment() -> None:
    (pledge,) = events("commitment", 2014)
    assert "Wales" in pledge.title
    assert "2% of GDP" in pledge.note


def test_eu_nato_joint_declarations_2016_and_2018() -> None:
    declarations = {str(e.start) for e in REG.events(kind="declaration") if "EU" in e.title}
    assert {"2016-07-08", "2018-07-10"} <= declarations


def test_dcb_partners_named_by_belgium() -> None:
    assert {"IRQ", "JOR", "TUN", "GEO"} <= members("dcb", BELGIAN_SEED)


def test_partnership_formats_named_by_belgium_existed() -> None:
    existing = {f.slug for f in REG.frameworks(on=BELGIAN_SEED)}
    assert {"eapc", "nato-russia-council", "nato-ukraine-commission",
            "nato-georgia-commission", "md", "ici", "pag"} <= existing  # fmt: skip
