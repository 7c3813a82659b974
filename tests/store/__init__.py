"""Tests of the database store, run on SQLite and PostgreSQL."""
