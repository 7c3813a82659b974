"""A synthetic cooperation world for demos and benchmarks: clearly labelled, never the registry.

Every row the demo writes has `synthetic = true`, every title starts with
"[synthetic]", and the users' e-mails end in `@demo.invalid`. What is real is
taken from the registry: the partners of each year (whoever was a partner of
any framework on 1 July), the Allies that host, the DCB recipients with their
agreement dates. Activities, counts, programmes' texts, measures, supporters
and decisions are invented.

`small` builds 4 years x 60 activities (a few thousand rows) in about a second;
`full` builds 30 years x 1,400 activities (the size of the Partnership
Cooperation Menu) and about a million registrations, loaded in bulk: COPY on
PostgreSQL, `executemany` in batches on SQLite, all in one transaction.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from allied.cooperation import audit
from allied.cooperation.activities import ACTIVITIES, KINDS
from allied.cooperation.areas import areas, ensure_areas
from allied.cooperation.context import Context
from allied.cooperation.eligibility import OPEN_TO, PARTNER_ROLES, partners_in_year, windows
from allied.cooperation.errors import InvalidInput
from allied.cooperation.principal import SYSTEM
from allied.cooperation.transactions import utcnow, writing
from allied.cooperation.users import add_user
from allied.store.coop_tables import (
    CoopDecisionRow,
    CoopDecisionStepRow,
    CoopGoalActivityRow,
    CoopGoalRow,
    CoopObjectiveRow,
    CoopPackageMeasureRow,
    CoopPackageRevisionRow,
    CoopPackageRow,
    CoopPackageSupporterRow,
    CoopProgrammeRow,
    CoopRegistrationRow,
    CoopUserRow,
    table_of,
)

SCALES = {"small": (4, 60), "full": (30, 1400)}
#: The demo users: (e-mail, role, nation, password). Printed by `allied coop demo`.
DEMO_USERS: tuple[tuple[str, str, str | None, str], ...] = (
    ("staff@demo.invalid", "staff", None, "demo-staff-2026"),
    ("belgium@demo.invalid", "ally", "BEL", "demo-ally-2026"),
    ("georgia@demo.invalid", "partner", "GEO", "demo-partner-2026"),
    ("jordan@demo.invalid", "partner", "JOR", "demo-partner-2026"),
)
HOSTS = ("BEL", "DEU", "FRA", "GBR", "ITA", "NLD", "NOR", "POL", "TUR", "USA", "CAN", "ESP")
BATCH = 20_000


@dataclass(frozen=True)
class DemoReport:
    """What the demo wrote, table by table, and the demo users' API tokens."""

    scale: str
    counts: dict[str, int]
    tokens: dict[str, str]
    seconds: float
    #: Seconds spent loading activities and registrations into the tables (generated before).
    bulk_seconds: float = 0.0

    @property
    def rows(self) -> int:
        """Every row written."""
        return sum(self.counts.values())


def is_present(context: Context) -> bool:
    """Whether the demo world is already in the database."""
    users = table_of(CoopUserRow)
    with context.engine.connect() as connection:
        return (
            connection.execute(sa.select(users.c.id).where(users.c.synthetic).limit(1)).first()
            is not None
        )


def build(
    context: Context,
    scale: str,
    *,
    last_year: int | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> DemoReport:
    """Write the demo world; refuse (`InvalidInput`) if it is there already."""
    import time

    if scale not in SCALES:
        raise InvalidInput(f"scale must be small or full, not {scale!r}")
    if is_present(context):
        raise InvalidInput("the demo world is already in this database")
    began = time.perf_counter()
    years, per_year = SCALES[scale]
    last = last_year or context.today().year
    rng = random.Random(f"allied-demo-{scale}")
    tokens = {}
    for email, role, nation, password in DEMO_USERS:
        made = add_user(
            context.engine,
            context.registry,
            email,
            role,
            nation=nation,
            password=password,
            synthetic=True,
        )
        tokens[email] = made.token
    counts: dict[str, int] = {}
    with writing(context.engine) as connection:
        ensure_areas(connection)
        activities = _activities(context, rng, range(last - years + 1, last + 1), per_year)
        columns = tuple(activities[0])
        rows = [tuple(activity[c] for c in columns) for activity in activities]
        registrations = list(_registrations(context, rng, activities))
        bulk_began = time.perf_counter()
        counts["activities"] = _bulk(connection, ACTIVITIES, columns, rows, progress)
        counts["registrations"] = _bulk(
            connection, table_of(CoopRegistrationRow), REGISTRATION_COLUMNS, registrations,
            progress,
        )  # fmt: skip
        bulk_seconds = time.perf_counter() - bulk_began
        counts |= _programmes(connection, context, rng, last)
        counts |= _packages(connection, context, rng)
        counts |= _decisions(connection, context, rng)
        _advance_sequences(connection)
        audit.record(connection, SYSTEM, "demo-load", "demo", scale, after=counts)
    return DemoReport(scale, counts, tokens, time.perf_counter() - began, bulk_seconds)


def _activities(
    context: Context, rng: random.Random, years: range, per_year: int
) -> list[dict[str, Any]]:
    area_slugs = [a.slug for a in areas()]
    # Most of the menu is open to every partner; the rest to one framework's partners.
    frameworks = (*PARTNER_ROLES, *(["partners"] * 10))
    rows: list[dict[str, Any]] = []
    today = context.today()
    for year in years:
        for _ in range(per_year):
            ident = len(rows) + 1
            start = _dt.date(year, 1, 1) + _dt.timedelta(days=rng.randrange(365))
            end = start + _dt.timedelta(days=rng.choice((0, 1, 2, 4, 4, 11)))
            if end < today:
                state = "reported" if rng.random() < 0.8 else "held"
            else:
                state = rng.choice(("proposed", "approved", "open", "open"))
            area, kind = rng.choice(area_slugs), rng.choice(KINDS)
            rows.append(
                {
                    "id": ident,
                    "title": f"[synthetic] {kind.title()}: {area.replace('-', ' ')} {ident}",
                    "area": area,
                    "kind": kind,
                    "host": rng.choice(HOSTS),
                    "place": "Synthetic venue",
                    "start": start,
                    "end": end,
                    "capacity": rng.choice((40, 60, 80, 100, 120, 150)),
                    "language": rng.choice(("en", "en", "en", "fr")),
                    "open_to": rng.choice(frameworks),
                    "state": state,
                    "synthetic": True,
                    "version": 1,
                }
            )
    return rows


#: The chance that an eligible partner registers for a held or open activity.
TAKE_PART = 0.9


REGISTRATION_COLUMNS = (
    "activity_id",
    "nation",
    "participants",
    "contact_name",
    "contact_role",
    "synthetic",
    "version",
)


def _registrations(
    context: Context, rng: random.Random, activities: list[dict[str, Any]]
) -> Iterator[tuple[Any, ...]]:
    """About 90 % of the partners eligible on each held or open activity's start, 1-3 each."""
    spans = _spans(context)
    for activity in activities:
        if activity["state"] in ("proposed", "approved"):
            continue
        start, taken, capacity = activity["start"], 0, activity["capacity"]
        for nation, windows_ in spans[activity["open_to"]]:
            if taken >= capacity:
                break
            if rng.random() >= TAKE_PART:
                continue
            if not any(s <= start and (e is None or start < e) for s, e in windows_):
                continue
            count = min(rng.randint(1, 3), capacity - taken)
            taken += count
            yield (activity["id"], nation, count, None, None, True, 1)  # fmt: skip


def _spans(context: Context) -> dict[str, list[tuple[str, list[tuple[_dt.date, Any]]]]]:
    """For each audience, every partner ever and the windows in which it was eligible."""
    registry = context.registry
    nations = sorted(
        {
            m.actor
            for framework, role in PARTNER_ROLES.items()
            for m in registry.memberships(framework=framework, role=role)
        }
    )
    spans: dict[str, list[tuple[str, list[tuple[_dt.date, Any]]]]] = {}
    for open_to in OPEN_TO:
        spans[open_to] = []
        for nation in nations:
            found = [
                (w.start, w.end)
                for w in windows(registry, nation)
                if open_to in (w.framework, "partners")
            ]
            if found:
                spans[open_to].append((nation, found))
    return spans


def _bulk(
    connection: Connection,
    table: sa.Table,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    progress: Callable[[str, int], None] | None,
) -> int:
    """Insert rows fast: COPY on PostgreSQL, batched executemany on SQLite."""
    if connection.dialect.name == "postgresql":
        raw = connection.connection.driver_connection
        assert raw is not None
        names = ", ".join(f'"{c}"' for c in columns)
        with (
            _constraints_set_aside(connection, table),
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy,
        ):
            for start in range(0, len(rows), BATCH):
                for row in rows[start : start + BATCH]:
                    copy.write_row(row)
                if progress:
                    progress(table.name, len(rows[start : start + BATCH]))
        return len(rows)
    for start in range(0, len(rows), BATCH):
        batch = [dict(zip(columns, row, strict=True)) for row in rows[start : start + BATCH]]
        connection.execute(sa.insert(table), batch)
        if progress:
            progress(table.name, len(batch))
    return len(rows)


@contextmanager
def _constraints_set_aside(connection: Connection, table: sa.Table) -> Iterator[None]:
    """Drop a table's secondary indexes, unique and foreign keys, then build them again.

    PostgreSQL's advice for populating a database: checking a foreign key and updating
    three indexes row by row costs far more than the COPY itself; rebuilt afterwards,
    each is one pass (and the foreign key still validates every row). Everything
    happens inside the load's transaction, so a failure leaves the schema as it was.
    """
    constraints = [
        c for c in table.constraints if isinstance(c, sa.ForeignKeyConstraint | sa.UniqueConstraint)
    ]
    indexes = list(table.indexes)
    for constraint in constraints:
        connection.execute(sa.schema.DropConstraint(constraint))
    for index in indexes:
        connection.execute(sa.schema.DropIndex(index))
    connection.execute(sa.text("SET LOCAL maintenance_work_mem = '256MB'"))
    yield
    for index in indexes:
        connection.execute(sa.schema.CreateIndex(index))
    for constraint in constraints:
        connection.execute(sa.schema.AddConstraint(constraint))


def _document(start: _dt.date) -> str:
    if start >= _dt.date(2021, 3, 1):
        return "itpp"
    if start.year >= 2014:
        return "ipcp"
    if start.year >= 2004:
        return "ipap"
    return "ipp"


def _programmes(
    connection: Connection, context: Context, rng: random.Random, last: int
) -> dict[str, int]:
    """One programme per partner of the last year (cycle last-1 … last+1) with a small tree."""
    programmes = table_of(CoopProgrammeRow)
    objectives, goals = table_of(CoopObjectiveRow), table_of(CoopGoalRow)
    links = table_of(CoopGoalActivityRow)
    registrations = table_of(CoopRegistrationRow)
    counts = {"programmes": 0, "objectives": 0, "goals": 0, "goal_activities": 0}
    start = _dt.date(last - 1, 3, 1)
    for partner in partners_in_year(context.registry, last - 1):
        ident = connection.execute(
            sa.insert(programmes)
            .values(
                partner=partner,
                document_type=_document(start),
                cycle_start=start,
                cycle_end=_dt.date(last + 1, 2, 28),
                status="agreed",
                synthetic=True,
                version=1,
            )
            .returning(programmes.c.id)
        ).scalar_one()
        counts["programmes"] += 1
        attended = list(
            connection.execute(
                sa.select(registrations.c.activity_id)
                .join(ACTIVITIES, ACTIVITIES.c.id == registrations.c.activity_id)
                .where(registrations.c.nation == partner, ACTIVITIES.c.start >= start)
                .limit(12)
            ).scalars()
        )
        for position in range(1, 3):
            objective = connection.execute(
                sa.insert(objectives)
                .values(
                    programme_id=ident,
                    position=position,
                    text=f"[synthetic] Strategic objective {position} of {partner}",
                )
                .returning(objectives.c.id)
            ).scalar_one()
            counts["objectives"] += 1
            for goal_position in range(1, 3):
                goal = connection.execute(
                    sa.insert(goals)
                    .values(
                        objective_id=objective,
                        position=goal_position,
                        text=f"[synthetic] Partnership goal {position}.{goal_position}",
                    )
                    .returning(goals.c.id)
                ).scalar_one()
                counts["goals"] += 1
                chosen = sorted(set(rng.sample(attended, min(3, len(attended)))))
                if chosen:
                    connection.execute(
                        sa.insert(links), [{"goal_id": goal, "activity_id": a} for a in chosen]
                    )
                    counts["goal_activities"] += len(chosen)
    return counts


def _packages(connection: Connection, context: Context, rng: random.Random) -> dict[str, int]:
    """A package for each DCB recipient of the registry, agreed when the registry says."""
    packages, revisions = table_of(CoopPackageRow), table_of(CoopPackageRevisionRow)
    measures, supporters = table_of(CoopPackageMeasureRow), table_of(CoopPackageSupporterRow)
    counts = {"packages": 0, "package_revisions": 0, "package_measures": 0, "supporters": 0}
    area_slugs = [a.slug for a in areas()]
    for membership in context.registry.memberships(framework="dcb"):
        agreed = membership.period.start.last
        ident = connection.execute(
            sa.insert(packages)
            .values(
                recipient=membership.actor,
                title=f"[synthetic] DCB package for {membership.actor}",
                agreed=agreed,
                status="agreed",
                synthetic=True,
                version=1,
            )
            .returning(packages.c.id)
        ).scalar_one()
        counts["packages"] += 1
        revised = agreed + _dt.timedelta(days=730)
        while revised < context.today():
            connection.execute(
                sa.insert(revisions).values(
                    package_id=ident, revised=revised, summary="[synthetic] biennial revision"
                )
            )
            counts["package_revisions"] += 1
            revised += _dt.timedelta(days=730)
        for area in rng.sample(area_slugs, 3):
            connection.execute(
                sa.insert(measures).values(
                    package_id=ident, area=area, title=f"[synthetic] measure in {area}"
                )
            )
            counts["package_measures"] += 1
        backers = sorted(rng.sample(HOSTS, 3))
        connection.execute(
            sa.insert(supporters), [{"package_id": ident, "nation": n} for n in backers]
        )
        counts["supporters"] += len(backers)
    return counts


def _decisions(connection: Connection, context: Context, rng: random.Random) -> dict[str, int]:
    """Three proposals under silence, with deadlines in the coming days."""
    decisions, steps = table_of(CoopDecisionRow), table_of(CoopDecisionStepRow)
    users = table_of(CoopUserRow)
    staff = connection.execute(
        sa.select(users.c.id).where(users.c.email == DEMO_USERS[0][0])
    ).scalar_one()
    now = utcnow().replace(microsecond=0)
    subjects = (
        ("programme", "Approve the programme of a partner"),
        ("package", "Approve the revision of a DCB package"),
        ("exception", "Allow an exception to the catalogue's deadline"),
    )
    for days, (subject, title) in zip((2, 5, 9), subjects, strict=True):
        ident = connection.execute(
            sa.insert(decisions)
            .values(
                subject=subject,
                title=f"[synthetic] {title}",
                proposed_by=staff,
                circulated=now,
                deadline=now + _dt.timedelta(days=days),
                state="silence",
                synthetic=True,
                version=1,
            )
            .returning(decisions.c.id)
        ).scalar_one()
        connection.execute(
            sa.insert(steps).values(
                decision_id=ident, at=now, kind="circulated", nation=None, user_id=staff, reason=""
            )
        )
    del rng
    return {"decisions": len(subjects)}


def _advance_sequences(connection: Connection) -> None:
    """Move PostgreSQL's id sequences past the ids the bulk load gave explicitly."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(
        sa.text(
            "SELECT setval(pg_get_serial_sequence('coop_activities', 'id'), "
            "(SELECT COALESCE(MAX(id), 0) + 1 FROM coop_activities), false)"
        )
    )


def demo_text(report: DemoReport) -> str:
    """The lines `allied coop demo` prints: counts, credentials, and the tokens once."""
    lines = [
        f"synthetic {report.scale} demo world: {report.rows:,} rows in {report.seconds:.1f} s "
        f"({report.counts.get('registrations', 0):,} registrations)",
        *(f"  {name}: {count:,}" for name, count in report.counts.items()),
        "demo users (password, then the API token shown this once):",
    ]
    for email, role, nation, password in DEMO_USERS:
        who = f"{role} {nation}" if nation else role
        lines.append(f"  {email:<22} {who:<12} {password}  {report.tokens.get(email, '')}")
    return "\n".join(lines)
