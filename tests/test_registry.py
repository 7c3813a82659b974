"""Registry queries on a small dataset the tests write themselves."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import allied
from allied import AmbiguousName, OutsideLifetime, PartialDate, UnknownActor, UnknownFramework


def codes(standings: list[allied.Standing]) -> list[str]:
    return [s.membership.actor for s in standings]


def test_members_on_a_day(mini: allied.Registry) -> None:
    assert codes(mini.members("nato", on="2004-03-28")) == ["AAA"]
    assert codes(mini.members("nato", on="2004-03-29")) == ["AAA", "BBB"]


def test_members_resolves_aliases(mini: allied.Registry) -> None:
    # sorted by the names in use on the date: Cland, Dland, Old Bland
    assert codes(mini.members("PfP", on="2000-01-01")) == ["CCC", "DDD", "BBB"]
    assert codes(mini.members("the alliance", on="2000-01-01")) == ["AAA"]


def test_a_day_inside_an_imprecise_start_is_uncertain(mini: allied.Registry) -> None:
    on_1995 = {s.membership.actor: s.uncertain for s in mini.members("pfp", on="1995-06-01")}
    assert on_1995 == {"BBB": False, "CCC": True, "DDD": False}
    on_1996 = {s.membership.actor: s.uncertain for s in mini.members("pfp", on="1996-01-01")}
    assert on_1996["CCC"] is False


def test_a_year_query_flags_those_who_joined_during_it(mini: allied.Registry) -> None:
    standings = {s.membership.actor: s.uncertain for s in mini.members("nato", on="2004")}
    assert standings == {"AAA": False, "BBB": True}


def test_suspension_is_a_status_not_an_end(mini: allied.Registry) -> None:
    (ddd,) = [s for s in mini.members("pfp", on="2000-01-01") if s.membership.actor == "DDD"]
    assert (ddd.status, ddd.uncertain) == ("suspended", False)
    (ddd,) = [s for s in mini.members("pfp", on="1996-10-15") if s.membership.actor == "DDD"]
    assert (ddd.status, ddd.uncertain) == ("suspended", True)
    (ddd,) = [s for s in mini.members("pfp", on="2008-04-03") if s.membership.actor == "DDD"]
    assert (ddd.status, ddd.uncertain) == ("active", False)


def test_names_follow_the_date(mini: allied.Registry) -> None:
    assert mini.name("BBB", on="2010-06-14") == "Old Bland"
    assert mini.name("BBB", on="2010-06-15") == "Bland"
    (bbb,) = [s for s in mini.members("nato", on="2005-01-01") if s.membership.actor == "BBB"]
    assert bbb.name == "Old Bland"


def test_actor_resolves_codes_and_any_name(mini: allied.Registry) -> None:
    assert mini.actor_of("bbb").code == "BBB"
    assert mini.actor_of("Old Bland").code == "BBB"
    assert mini.actor_of("OB").code == "BBB"
    assert mini.get_actor("Nowhere") is None
    with pytest.raises(UnknownActor, match="did you mean"):
        mini.actor_of("Blandd")


def test_ambiguous_names_are_refused(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset(
        extra_names=[{"actor": "CCC", "name": "OB", "kind": "alias", "sources": "s1"}]
    )
    with pytest.raises(AmbiguousName):
        allied.load(folder).actor_of("OB")


def test_before_founding_is_an_error(mini: allied.Registry) -> None:
    with pytest.raises(OutsideLifetime, match="founded on 1949-04-04"):
        mini.members("nato", on="1948")
    with pytest.raises(UnknownFramework):
        mini.members("warsaw-pact")


def test_history_orders_joins_and_leaves(mini: allied.Registry) -> None:
    steps = [(str(c.date), c.change, c.actor) for c in mini.history("pfp")]
    assert steps == [
        ("1994-02", "joined", "BBB"),
        ("1995", "joined", "CCC"),
        ("1995-04-26", "joined", "DDD"),
        ("1996-10", "suspended", "DDD"),
        ("2004-03-29", "left", "BBB"),
        ("2008-04-03", "resumed", "DDD"),
    ]
    (left,) = [c for c in mini.history("pfp") if c.change == "left"]
    assert left.reason == "nato-accession"


def test_diff_between_two_dates(mini: allied.Registry) -> None:
    changes = {(d.framework, d.actor, d.change) for d in mini.diff("2000-01-01", "2010-01-01")}
    assert changes == {
        ("nato", "BBB", "added"),
        ("pfp", "BBB", "removed"),
        ("pfp", "DDD", "status"),
    }
    assert mini.diff("2000-01-01", "2000-01-01") == []


def test_profile_gathers_everything(mini: allied.Registry) -> None:
    profile = mini.actor("AAA")
    assert profile.name == "Aland"
    assert [m.framework for m in profile.memberships] == ["nato"]
    assert [e.id for e in profile.events] == ["signature"]


def test_memberships_filters(mini: allied.Registry) -> None:
    assert len(mini.memberships()) == 5
    assert [m.actor for m in mini.memberships(framework="pfp", on="2005")] == ["CCC", "DDD"]
    assert [m.framework for m in mini.memberships(actor="BBB", role="participant")] == ["pfp"]


def test_frameworks_on_a_date(mini: allied.Registry) -> None:
    assert [f.slug for f in mini.frameworks(on="1990")] == ["nato"]
    assert [f.slug for f in mini.frameworks(on="1994")] == ["nato", "pfp"]


@settings(max_examples=300)
@given(day=st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_precomputed_timeline_matches_a_full_scan(registry: allied.Registry, day: dt.date) -> None:
    """The bisected index must answer exactly what checking every membership answers.

    The registry comes from the session fixture, so loading it (a full parse in a
    test run's fresh cache) is not timed against the examples' deadline.
    """
    when = PartialDate.from_date(day)
    for framework in registry.frameworks(on=when):
        if framework.period is not None and framework.period.start.first > day:
            continue
        registry.members(framework.slug, on=when, roles=None)  # the first call only scans
        fast = registry.members(framework.slug, on=when, roles=None)
        assert fast == registry._scan(framework.slug, when, ())


def test_a_diff_reads_a_year_as_its_whole_span(registry) -> None:  # type: ignore[no-untyped-def]
    joined = {d.actor for d in registry.diff("2004", "2005", framework="nato")}
    assert joined == {"BGR", "EST", "LTU", "LVA", "ROU", "SVK", "SVN"}
    assert {d.uncertain for d in registry.diff("2004", "2005", framework="nato")} == {False}
    assert registry.diff("2004-03-29", "2004-03-29", framework="nato") == []


def test_a_registry_that_built_its_timelines_still_copies(registry: allied.Registry) -> None:
    """A check worker receives the server's registry pickled, after it has answered queries."""
    import pickle

    from allied.questions.operations import contributors

    for year in (2004, 2005, 2006):  # the second day query of a kind builds a timeline
        registry.members("nato", on=f"{year}-03-29")
        contributors(registry, "kfor", on=f"{year + 13}-02-15")
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.members("nato", on="2004-03-29") == registry.members("nato", on="2004-03-29")
