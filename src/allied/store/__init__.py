"""The database store: the bundled dataset mirrored into SQLite or PostgreSQL for SQL users.

Nothing here is imported on the path of a plain query: `allied.cli` loads
only `allied.store.commands`, which imports SQLAlchemy inside its commands.

>>> from allied.store.engine import create_engine
>>> from allied.store.schema import upgrade
>>> from allied.store.sync import sync_dataset
>>> import allied
>>> engine = create_engine("sqlite://"); _ = upgrade(engine)
>>> sync_dataset(engine, allied.load().dataset).total.inserted > 300
True
"""
