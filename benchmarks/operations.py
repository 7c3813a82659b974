"""`contributors('kfor', on=DAY)` in-process against pandas and DuckDB on the same rows.

The peers get the exported rows (`allied operations export`, `allied export
memberships`) and answer the same question: the rows of the latest snapshot
dated on or before the day, plus the contributions over periods that hold on
it, each with its standing (Ally when a NATO membership holds that day, partner
when a partnership one does, else none). All three must return the same
(actor, role, standing) rows before anything is timed.
"""

from __future__ import annotations

import io
from pathlib import Path

HERE = Path(__file__).parent
SLUG, DAY = "kfor", "2017-02-15"
#: The frameworks whose membership makes a contributor a partner rather than neither.
PARTNERSHIPS = ("pfp", "md", "ici", "pag", "eapc", "map", "nacc")


def main() -> None:
    import duckdb
    import pandas as pd
    from click.testing import CliRunner

    import allied
    from allied.cli import cli
    from run import per_call

    runner = CliRunner()
    parts_csv = runner.invoke(cli, ["operations", "export", "--operation", SLUG]).stdout
    members_csv = runner.invoke(cli, ["export", "memberships", "--format", "csv"]).stdout
    parts = pd.read_csv(io.StringIO(parts_csv), dtype=str, keep_default_na=False)
    members = pd.read_csv(io.StringIO(members_csv), dtype=str, keep_default_na=False)
    registry = allied.load()

    def with_allied() -> list[tuple[str, str, str]]:
        found = registry.contributors(SLUG, on=DAY)
        return sorted(
            (
                c.actor,
                c.role,
                "ally" if c.standing == "ally" else "partner" if c.partner else "none",
            )
            for c in found
        )

    def standing_frame(frame: pd.DataFrame) -> pd.DataFrame:
        holding = members[
            (members["start"] <= DAY) & ((members["end"] == "") | (members["end"] > DAY))
        ]
        allies = set(
            holding[(holding["framework"] == "nato") & (holding["role"] == "member")]["actor"]
        )
        partners = set(holding[holding["framework"].isin(PARTNERSHIPS)]["actor"])
        return frame.assign(
            standing=frame["actor"].map(
                lambda a: "ally" if a in allies else "partner" if a in partners else "none"
            )
        )

    def with_pandas() -> list[tuple[str, str, str]]:
        snaps = parts[(parts["as_of"] != "") & (parts["as_of"] <= DAY)]
        latest = snaps["as_of"].max()
        rows = snaps[snaps["as_of"] == latest]
        spans = parts[(parts["as_of"] == "") & (parts["start"] <= DAY)
                      & ((parts["end"] == "") | (parts["end"] > DAY))]  # fmt: skip
        found = standing_frame(pd.concat([rows, spans]))
        return sorted(zip(found["actor"], found["role"], found["standing"], strict=True))

    con = duckdb.connect()
    for name, text in (("parts", parts_csv), ("members", members_csv)):
        path = HERE / f".{name}.csv"
        path.write_text(text, encoding="utf-8")
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', all_varchar=true)")
        path.unlink()
    query = f"""
        WITH holding AS (
            SELECT actor, framework, role FROM members
            WHERE start <= $day AND (coalesce("end", '') = '' OR "end" > $day)),
        latest AS (
            SELECT max(as_of) AS as_of FROM parts
            WHERE coalesce(as_of, '') <> '' AND as_of <= $day),
        chosen AS (
            SELECT actor, role FROM parts, latest WHERE parts.as_of = latest.as_of
            UNION ALL
            SELECT actor, role FROM parts WHERE coalesce(as_of, '') = '' AND start <= $day
              AND (coalesce("end", '') = '' OR "end" > $day))
        SELECT actor, role,
            CASE WHEN actor IN (
                     SELECT actor FROM holding WHERE framework = 'nato' AND role = 'member')
                 THEN 'ally'
                 WHEN actor IN (SELECT actor FROM holding WHERE framework IN {PARTNERSHIPS})
                 THEN 'partner' ELSE 'none' END
        FROM chosen ORDER BY 1, 2"""

    def with_duckdb() -> list[tuple[str, str, str]]:
        return [tuple(row) for row in con.execute(query, {"day": DAY}).fetchall()]

    ours = with_allied()
    assert ours == with_pandas() == sorted(with_duckdb()), "the engines disagree"
    mine, panda, duck = per_call(with_allied), per_call(with_pandas), per_call(with_duckdb)
    print(f"6. Operations: contributors('{SLUG}', on='{DAY}') — {len(ours)} rows from every engine")
    print(f"   allied registry  {mine * 1e6:9.1f} µs")
    print(
        f"   pandas           {panda * 1e6:9.1f} µs   ratio {panda / mine:8.1f}x  (target >= 100x)"
    )
    print(f"   duckdb           {duck * 1e6:9.1f} µs   ratio {duck / mine:8.1f}x  (target >= 100x)")
    cli_wall()


def cli_wall(runs: int = 15) -> None:
    """`allied operations contributors …` against the minimal click CLI, runs interleaved."""
    import statistics
    import sys

    from startup import BIN, HERE, wall_samples

    samples = wall_samples(
        {
            "hello": [sys.executable, str(HERE / "hello_click.py")],
            "allied": [
                str(BIN / "allied"),
                "operations",
                "contributors",
                SLUG,
                "--on",
                DAY,
                "--format",
                "json",
            ],
        },
        runs=runs,
    )
    hello, ours = (statistics.median(samples[name]) for name in ("hello", "allied"))
    print(f"   CLI: allied operations contributors {ours * 1000:.1f} ms, click hello "
          f"{hello * 1000:.1f} ms: {ours / hello:.2f}x  (target <= 2.5x)")  # fmt: skip


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
