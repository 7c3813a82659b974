"""`make bench`: allied against its peers, run side by side in one process, as ratios.

1. CLI wall time of `allied members nato --on 2004-03-29 --format json` against a
   minimal click CLI and `python -c pass` (each run alternately, median of N), and
   the time of each phase of its start-up (benchmarks/startup.py).
2. The in-process as-of query against the same query with pandas over the
   exported CSV and with DuckDB over it.
3. Registry load time (parse every data file and build the indices).
4. `allied serve` against Datasette 0.65 over HTTP on loopback (`service.py`).
5. The claim checker: each seed checked in-process, throughput on a generated corpus
   (benchmarks/claims.py).
6. Operations: `contributors('kfor', on=…)` against pandas and DuckDB on the same rows,
   and its CLI against the minimal click CLI (benchmarks/operations.py).
7. Practical cooperation on PostgreSQL with the full demo world (about 1M registrations)
   against a naive one-query-per-row ORM: programme page and catalogue facets p95, bulk
   load rows/s, database size (benchmarks/coop.py; `python benchmarks/coop.py` alone).
8. Spending: a full release imported, guideline counts over every release against
   pandas, a PNG chart from the CLI (benchmarks/spending.py).
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
DAY = "2004-03-29"


def per_call(func: Callable[[], object], seconds: float = 1.0) -> float:
    """Median seconds per call over batches filling about `seconds`."""
    func()
    batch, elapsed = 1, 0.0
    while elapsed < 0.02:
        batch *= 2
        start = time.perf_counter()
        for _ in range(batch):
            func()
        elapsed = time.perf_counter() - start
    rounds = max(5, int(seconds / elapsed))
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(batch):
            func()
        times.append((time.perf_counter() - start) / batch)
    return statistics.median(times)


def as_of_query() -> None:
    import duckdb
    import pandas as pd
    from click.testing import CliRunner

    import allied
    from allied.cli import cli

    csv_text = CliRunner().invoke(cli, ["export", "memberships", "--format", "csv"]).stdout
    frame = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
    path = HERE / ".memberships.csv"
    path.write_text(csv_text, encoding="utf-8")
    con = duckdb.connect()
    con.execute(f"CREATE TABLE m AS SELECT * FROM read_csv('{path}', all_varchar=true)")
    registry = allied.load()

    def with_allied() -> object:
        return registry.members("nato", on=DAY)

    def with_pandas() -> object:
        hit = frame[
            (frame["framework"] == "nato")
            & (frame["role"] == "member")
            & (frame["start"] <= DAY)
            & ((frame["end"] == "") | (frame["end"] > DAY))
        ]
        return hit.sort_values("name")

    query = (
        "SELECT * FROM m WHERE framework = 'nato' AND role = 'member' AND start <= ? "
        'AND ("end" IS NULL OR "end" = \'\' OR "end" > ?) ORDER BY name'
    )

    def with_duckdb() -> object:
        return con.execute(query, [DAY, DAY]).fetchall()

    counts = {len(with_allied()), len(with_pandas()), len(with_duckdb())}
    assert counts == {26}, f"peers disagree: {counts}"
    ours, panda, duck = per_call(with_allied), per_call(with_pandas), per_call(with_duckdb)
    path.unlink()
    print(f"2. As-of query members('nato', on='{DAY}') — 26 rows from every engine")
    print(f"   allied registry  {ours * 1e6:9.1f} µs")
    print(
        f"   pandas           {panda * 1e6:9.1f} µs   ratio {panda / ours:8.1f}x  (target >= 50x)"
    )
    print(f"   duckdb           {duck * 1e6:9.1f} µs   ratio {duck / ours:8.1f}x  (target >= 50x)")


def registry_load() -> None:
    from allied.dataset import load_dataset
    from allied.registry import Registry

    print("3. Registry load (read the data files, build indices)")
    for label, cache in (("parsed and checked", False), ("from the cache    ", True)):
        seconds = per_call(lambda cache=cache: Registry(load_dataset(cache=cache)), seconds=2.0)
        verdict = "met" if seconds <= 0.030 else "NOT met"
        print(f"   {label} {seconds * 1000:6.1f} ms  (target <= 30 ms: {verdict})")


if __name__ == "__main__":
    # Byte-compile first, as pip does for installed packages: the peers' modules are
    # compiled, and PYTHONDONTWRITEBYTECODE may keep ours from ever being.
    import compileall

    compileall.compile_dir(str(HERE.parent / "src"), quiet=1)
    sys.path.insert(0, str(HERE))
    from claims import main as claims
    from coop import main as coop
    from operations import main as operations
    from service import service
    from spending import main as spending
    from startup import cli_startup

    cli_startup()
    as_of_query()
    registry_load()

    service()
    claims()
    operations()
    coop()
    spending()
