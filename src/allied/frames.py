"""Answers as pandas DataFrames and Parquet files (the `dataframe` extra, imported lazily).

`to_frame` takes an `Answer` (its CSV rows, in its CSV columns — the same table
as `--format csv`), a list of answers (their rows one after the other: rosters
on several dates, say) or any list of model objects or rows (`reg.memberships()`,
`reg.members(...)`, `country_years(...)`): each becomes one flat row, a period
its `start`, `end` and their precisions, so no column holds a nested object. A
column of whole numbers with gaps (the `cow` code of an organisation) is
pandas' nullable `Int64`, so it joins on integer keys as it is.
The frame's `attrs["data_version"]` says which data it comes from; a Parquet
file keeps it in its schema metadata (`allied.data_version`).

>>> import allied
>>> frame = allied.to_frame(allied.load().memberships(framework="nato"))
>>> list(frame.columns[:5]), frame.attrs["data_version"]
(['framework', 'actor', 'role', 'start', 'end'], '2026.12')
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.util import find_spec
from typing import IO, Any

from allied.answer import Answer
from allied.extras import MissingExtra, require
from allied.records import as_record
from allied.version import DATA_VERSION

#: The Parquet schema metadata key that holds the data version.
PARQUET_VERSION_KEY = b"allied.data_version"


def to_frame(answer: Answer | Iterable[Any]) -> Any:
    """A pandas DataFrame of the rows of one or more answers, or of any list of records.

    Raises `MissingExtra` when pandas is not installed.
    """
    require("dataframe", by="allied.to_frame")
    import pandas as pd

    items = [answer] if isinstance(answer, Answer) else list(answer)
    if items and all(isinstance(item, Answer) for item in items):
        columns = list(dict.fromkeys(c for item in items for c in item.csv_columns()))
        rows = [row for item in items for row in item.rows()]
        frame = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)
    else:
        records = [item if isinstance(item, dict) else as_record(item) for item in items]
        frame = pd.DataFrame.from_records(records)
    for column in frame.columns:  # whole numbers with gaps (`cow` of an organisation)
        values = frame[column].dropna()
        if frame[column].hasnans and len(values) and all(_is_int(v) for v in values):
            frame[column] = frame[column].astype("Int64")
    frame.attrs["data_version"] = DATA_VERSION
    return frame


def _is_int(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == int(value)


def write_parquet(answer: Answer | Iterable[Any], out: IO[bytes]) -> None:
    """Write `to_frame(answer)` as Parquet to a binary stream, the data version in its metadata."""
    require("dataframe", by="--format parquet")
    if find_spec("pyarrow") is None:
        raise MissingExtra("--format parquet needs pyarrow: pip install 'allied[dataframe]'")
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    table = pa.Table.from_pandas(to_frame(answer), preserve_index=False)
    metadata = {**(table.schema.metadata or {}), PARQUET_VERSION_KEY: DATA_VERSION.encode()}
    pq.write_table(table.replace_schema_metadata(metadata), out)
