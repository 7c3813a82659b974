"""Alembic migrations of the store's schema, run by `allied.store.schema.upgrade`."""
