"""Migrations: an empty database upgrades to the models, and back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine

from allied.store.coop_tables import COOP_TABLES
from allied.store.rows import FAMILIES, Family, is_nullable, store_columns
from allied.store.schema import current_revision, downgrade, head_revision, upgrade
from allied.store.tables import Base

TABLES = {
    "sources",
    "actors",
    "actor_sources",
    "names",
    "name_sources",
    "frameworks",
    "framework_aliases",
    "framework_sources",
    "memberships",
    "membership_sources",
    "statuses",
    "status_sources",
    "exemptions",
    "exemption_sources",
    "territories",
    "territory_sources",
    "events",
    "event_actors",
    "event_frameworks",
    "event_sources",
    "accession_cases",
    "accession_case_sources",
    "ratifications",
    "ratification_sources",
    "procedures",
    "procedure_sources",
    "core_tasks",
    "core_task_sources",
    "stated_counts",
    "stated_count_sources",
    "conflicts",
    "conflict_sources",
    "formats",
    "format_frameworks",
    "format_sources",
    "operations",
    "operation_legal_basis",
    "operation_aliases",
    "operation_sources",
    "contributions",
    "contribution_sources",
    "snapshots",
    "snapshot_sources",
    "snapshot_totals",
    "releases",
    "release_sources",
    "spending",
    "spending_sources",
    "guidelines",
    "guideline_sources",
    "eu_nato_documents",
    "eu_nato_document_sources",
    "proposals",
    "proposal_reports",
    "proposal_sources",
    "snapshot_total_sources",
    "cow_codes",
    "cow_code_sources",
    # Operational (cooperation) tables: written by users, never synced from the dataset.
    "coop_users",
    "coop_tokens",
    "coop_areas",
    "coop_activities",
    "coop_programmes",
    "coop_objectives",
    "coop_goals",
    "coop_goal_activities",
    "coop_registrations",
    "coop_feedback",
    "coop_packages",
    "coop_package_revisions",
    "coop_package_measures",
    "coop_package_supporters",
    "coop_decisions",
    "coop_decision_steps",
    "coop_audit",
}


def tables_in(engine: Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_upgrade_from_empty_creates_every_table(empty_db: Engine) -> None:
    assert tables_in(empty_db) == set()
    assert current_revision(empty_db) is None
    assert upgrade(empty_db) == head_revision()
    assert tables_in(empty_db) == TABLES | {"alembic_version"}


def test_upgrade_twice_changes_nothing(db: Engine) -> None:
    before = tables_in(db)
    assert upgrade(db) == head_revision()
    assert tables_in(db) == before  # as sets: PostgreSQL lists tables in no fixed order


def test_the_migrations_build_exactly_the_models(db: Engine) -> None:
    with db.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_downgrade_to_base_empties_and_upgrade_rebuilds(db: Engine) -> None:
    assert downgrade(db, "base") is None
    assert tables_in(db) == {"alembic_version"}
    upgrade(db)
    assert tables_in(db) == TABLES | {"alembic_version"}


def test_range_queries_are_indexed(db: Engine) -> None:
    indexes = {tuple(ix["column_names"]) for ix in sa.inspect(db).get_indexes("memberships")}
    assert ("framework", "start_first") in indexes
    assert ("actor", "start_first") in indexes


def test_models_name_every_table() -> None:
    assert set(Base.metadata.tables) == TABLES


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_every_table_matches_its_declaration(family: Family) -> None:
    """A field added to the model but not to the table, or the other way round, fails here."""
    declaration = family.declaration
    assert declaration is not None
    table = family.table
    declared = {c for f in declaration.fields for c in store_columns(f)}
    surrogate = set() if family.primary_key.name in declared else {"id"}
    assert set(table.columns.keys()) == declared | surrogate
    for f in declaration.fields:
        for column in store_columns(f):
            assert table.c[column].nullable == is_nullable(f, column), f"{family.name}.{column}"
    assert {link.field for link in family.lists} == {
        f.name for f in declaration.fields if f.kind == "list"
    }
    for link in family.lists:
        assert set(link.table.columns.keys()) == {link.owner.name, "position", link.value}


def test_every_table_belongs_to_a_declared_family() -> None:
    declared = {family.table.name for family in FAMILIES}
    declared |= {link.table.name for family in FAMILIES for link in family.lists}
    # The cooperation tables hold operational data written by users, not fact families.
    assert set(Base.metadata.tables) - set(COOP_TABLES) == declared
