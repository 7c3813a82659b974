"""Practical cooperation: the partnership work programme as a multi-user application.

The operational half of `allied`: a catalogue of activities by area, each
partner's programme (objectives → goals → activities), registrations and
feedback, DCB packages, and decisions under the silence procedure. Unlike the
registry, this data is written by users and lives only in the database (the
`coop_*` tables of `allied.store.coop_tables`).

Every service function takes the calling `Principal` and enforces its role and
nation scope itself, in the query: staff see everything; an Ally delegation
reads everything, proposes and hosts activities and breaks silence; a partner
mission sees its own programme, registrations and feedback and the catalogue
entries open to it on their dates (derived from the registry); the public sees
the registry only. An object outside the caller's scope raises `NotFound`,
exactly as a missing one does. Every write is one transaction and one audit
entry (`allied.cooperation.audit`).

SQLAlchemy is imported by the modules of this package: keep them off the
CLI's query path (import them inside commands).
"""
