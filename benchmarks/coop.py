"""7. Practical cooperation on PostgreSQL with the `full` demo world, against a naive ORM.

The same two pages are answered twice on the same database: by the services
(`allied.cooperation`: the scope and the facets in a few indexed SQL queries)
and by a naive ORM version that loads one row per query (the programme tree
object by object; the catalogue's facets by fetching each activity, checking
its eligibility in Python and counting). Printed: p95 of the programme page and
of the catalogue facet query, bulk-load rows/s, the database's size, and the
ratios. Needs a PostgreSQL server: `ALLIED_BENCH_DATABASE_URL`, else
`ALLIED_TEST_DATABASE_URL`, else postgresql://postgres@127.0.0.1:5432/test; a
schema of its own is created and dropped.
"""

from __future__ import annotations

import datetime as _dt
import os
import random
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Callable

TARGETS = {"programme": 0.020, "facets": 0.050, "rows_per_second": 50_000}
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def p95(func: Callable[[], object], runs: int) -> float:
    """The 95th percentile of `runs` timed calls (after one warm-up call)."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)


def naive_programme(session, ident: int) -> list[tuple[str, str, list[str]]]:  # type: ignore[no-untyped-def]
    """The programme tree, one ORM query per row (the N+1 shape)."""
    import sqlalchemy as sa

    from allied.store.coop_tables import (
        CoopActivityRow,
        CoopGoalActivityRow,
        CoopGoalRow,
        CoopObjectiveRow,
        CoopProgrammeRow,
    )

    session.get(CoopProgrammeRow, ident)
    tree = []
    objective_ids = session.scalars(
        sa.select(CoopObjectiveRow.id).where(CoopObjectiveRow.programme_id == ident)
    ).all()
    for objective_id in objective_ids:
        objective = session.get(CoopObjectiveRow, objective_id)
        goal_ids = session.scalars(
            sa.select(CoopGoalRow.id).where(CoopGoalRow.objective_id == objective_id)
        ).all()
        for goal_id in goal_ids:
            goal = session.get(CoopGoalRow, goal_id)
            links = session.scalars(
                sa.select(CoopGoalActivityRow.activity_id).where(
                    CoopGoalActivityRow.goal_id == goal_id
                )
            ).all()
            titles = [session.get(CoopActivityRow, a).title for a in links]
            tree.append((objective.text, goal.text, titles))
    session.expunge_all()
    return tree


def naive_facets(session, registry, nation: str, year: int) -> dict[str, Counter[str]]:  # type: ignore[no-untyped-def]
    """The catalogue's facets for a partner in one year: one query per activity."""
    import sqlalchemy as sa

    from allied.cooperation.activities import PUBLISHED
    from allied.cooperation.eligibility import is_eligible
    from allied.store.coop_tables import CoopActivityRow

    ids = session.scalars(
        sa.select(CoopActivityRow.id).where(
            CoopActivityRow.start >= _dt.date(year, 1, 1),
            CoopActivityRow.start <= _dt.date(year, 12, 31),
        )
    ).all()
    facets: dict[str, Counter[str]] = {k: Counter() for k in ("area", "kind", "state", "open_to")}
    for ident in ids:
        row = session.get(CoopActivityRow, ident)
        if row.state not in PUBLISHED:
            continue
        if row.host != nation and not is_eligible(registry, nation, row.open_to, row.start):
            continue
        for key, counter in facets.items():
            counter[getattr(row, key)] += 1
    session.expunge_all()
    return facets


def main() -> None:
    print("7. Practical cooperation on PostgreSQL, full demo world, vs a naive ORM")
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    import allied
    from allied.cooperation import activities, demo, programmes
    from allied.cooperation.context import Context
    from allied.cooperation.principal import Principal
    from allied.store.engine import create_engine
    from allied.store.schema import upgrade

    url = (
        os.environ.get("ALLIED_BENCH_DATABASE_URL")
        or os.environ.get("ALLIED_TEST_DATABASE_URL")
        or DEFAULT_URL
    )
    admin = create_engine(url)
    schema = f"allied_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError as error:
        print(f"   skipped: no PostgreSQL at {url} ({str(error).splitlines()[0]})")
        return
    scoped = sa.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = create_engine(scoped.render_as_string(hide_password=False))
    registry = allied.load()
    try:
        upgrade(engine)
        context = Context(engine, registry)
        report = demo.build(context, "full")
        bulk_rows = report.counts["activities"] + report.counts["registrations"]
        rate = bulk_rows / report.bulk_seconds
        print(
            f"   bulk load: {bulk_rows:,} rows (activities + registrations) in "
            f"{report.bulk_seconds:.1f} s = {rate:,.0f} rows/s, indexes and keys rebuilt "
            f"(target >= 50,000: {'met' if rate >= TARGETS['rows_per_second'] else 'NOT met'}); "
            f"whole demo {report.rows:,} rows in {report.seconds:.1f} s"
        )
        with engine.connect() as connection:
            connection.execute(sa.text("ANALYZE"))
            size = connection.execute(
                sa.text(
                    "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = :schema AND c.relkind = 'r' AND c.relname LIKE 'coop_%'"
                ),
                {"schema": schema},
            ).scalar_one()
            users = dict(connection.execute(sa.text("SELECT email, id FROM coop_users")).all())
        print(f"   database size (coop tables, indexes included): {size / 2**20:,.0f} MiB")
        staff = Principal(users["staff@demo.invalid"], "staff@demo.invalid", "staff")
        partner = Principal(users["georgia@demo.invalid"], "georgia@demo.invalid", "partner", "GEO")
        listed = programmes.list_programmes(context, staff, limit=1000).items
        rng = random.Random(7)
        idents = [p.id for p in listed]
        years = list(range(context.today().year - 29, context.today().year + 1))

        def fast_programme() -> None:
            programmes.get_programme(context, staff, rng.choice(idents))

        def fast_facets() -> None:
            year = rng.choice(years)
            activities.list_activities(
                context, partner, start=_dt.date(year, 1, 1), end=_dt.date(year, 12, 31),
                limit=50, facets=True,
            )  # fmt: skip

        with Session(engine) as session:
            naive_tree = p95(lambda: naive_programme(session, rng.choice(idents)), runs=60)
            naive_facet = p95(
                lambda: naive_facets(session, registry, "GEO", rng.choice(years)), runs=20
            )
        tree = p95(fast_programme, runs=300)
        facet = p95(fast_facets, runs=200)
        for label, ours, naive, target in (
            ("programme page     ", tree, naive_tree, TARGETS["programme"]),
            ("catalogue facets   ", facet, naive_facet, TARGETS["facets"]),
        ):
            verdict = "met" if ours <= target else "NOT met"
            print(
                f"   {label} p95 {ours * 1000:7.1f} ms   naive ORM {naive * 1000:8.1f} ms   "
                f"{naive / ours:6.1f}x faster  (target <= {target * 1000:.0f} ms: {verdict})"
            )
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
