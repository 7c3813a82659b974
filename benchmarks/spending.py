"""Spending: a full release imported, guideline counts over every release, a PNG from the CLI.

a. Import: a workbook in the shape of a full release (every Ally of the bundled
   data, 2014-2026, all eight measures and the tables read only to be skipped),
   built with openpyxl, read and written into a copy of the data; pandas'
   `read_excel` of every sheet of the same file is printed beside it (it only
   reads cells: no recognising, resolving or validating).
b. Guideline counts: the Allies at 2 % or more in each year of every release,
   against pandas on the same table (`allied spending --format csv` of every
   release, one frame), both checked equal first; allied is timed warm (counts
   kept per release and guideline) and cold (counted again from the sorted
   figures on each call).
c. `allied spending chart ranked --year 2024 -o x.png` wall time, beside the same
   command writing the Vega-Lite JSON only and a minimal click CLI.
"""

from __future__ import annotations

import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
GUIDELINE = "guideline-2006"


def import_release() -> None:
    sys.path.insert(0, str(HERE.parent / "tests"))
    import pandas as pd

    import allied
    from allied.dataset import bundled_data_dir
    from allied.period import PartialDate
    from allied.workbook import import_workbook
    from workbooks import build, figures

    registry = allied.load()
    index = registry.spending_index
    latest = index.release(None)
    names = [
        registry.name(code, "2026-01-01")
        for code in index.allies(latest)
        if code.isalpha() and code != "NATO"
    ]
    years = list(range(2014, 2027))
    measures = [
        "pct_gdp",
        "real_change",
        "equipment_share",
        "personnel_share",
        "infrastructure_share",
        "other_share",
        "usd_current_m",
        "usd_constant_m",
    ]
    times, peer = [], []
    with tempfile.TemporaryDirectory() as folder:
        book = build(
            Path(folder) / "full.xlsx",
            "2025",
            figures(names, years, measures),
            years,
            estimated=[2025, 2026],
        )
        for run in range(3):
            data = Path(folder) / f"data{run}"
            shutil.copytree(bundled_data_dir(), data)
            start = time.perf_counter()
            found = import_workbook(
                book,
                registry,
                data_dir=data,
                source=latest.sources[0],
                published=PartialDate.parse("2030-01-15"),
            )
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            pd.read_excel(book, sheet_name=None, header=None)
            peer.append(time.perf_counter() - start)
    ours, theirs = statistics.median(times), statistics.median(peer)
    verdict = "met" if ours < 2 else "NOT met"
    print(
        f"7. Spending: import of a full release ({len(found.values)} values, {len(names)} "
        "Allies, 2014-2026, 8 measures)"
    )
    print(f"   allied spending import   {ours * 1000:8.1f} ms  (target < 2 s: {verdict})")
    print(f"   pandas read_excel only   {theirs * 1000:8.1f} ms  ratio {theirs / ours:5.2f}x")


def guideline_counts() -> None:
    import pandas as pd
    from click.testing import CliRunner

    import allied
    from allied.cli import cli
    from run import per_call

    registry = allied.load()
    index = registry.spending_index
    rule = index.guideline(GUIDELINE)
    releases = [r for r in index.releases() if index.years(r)]
    frames = []
    for r in releases:
        text = CliRunner().invoke(cli, ["spending", "--release", r.id, "--format", "csv"]).stdout
        frames.append(pd.read_csv(io.StringIO(text), dtype={"release": str, "ally": str}))
    table = pd.concat(frames)
    joined = {
        m.actor: m.period.start.first.year
        for m in registry.dataset.memberships
        if m.framework == "nato" and m.role == "member"
    }
    table["joined"] = table["ally"].map(joined)

    def with_allied() -> list[tuple[str, int, int]]:
        return [
            (r.id, year, meeting) for r in releases for year, meeting, _, _ in index.counts(r, rule)
        ]

    def cold() -> list[tuple[str, int, int]]:
        index._counts.clear()
        return with_allied()

    def with_pandas() -> list[tuple[str, int, int]]:
        rows = table[table["pct_gdp"].notna() & table["joined"].notna()]
        rows = rows[rows["year"] >= rows["joined"]]
        rows = rows[rows["year"] >= rule.from_year]
        met = (
            rows.assign(met=rows["pct_gdp"] >= rule.threshold)
            .groupby(["release", "year"])["met"]
            .sum()
        )
        order = {r.id: i for i, r in enumerate(releases)}
        found = [(rel, int(year), int(count)) for (rel, year), count in met.items()]
        return sorted(found, key=lambda t: (order[t[0]], t[1]))

    assert with_allied() == cold() == with_pandas(), "allied and pandas disagree"
    warm, fresh, panda = per_call(with_allied), per_call(cold), per_call(with_pandas)
    print(
        f"   Guideline counts ({GUIDELINE}) over {len(releases)} releases, "
        f"{len(with_allied())} (release, year) counts, same answers"
    )
    print(f"   allied (warm)            {warm * 1e6:8.1f} µs")
    print(f"   allied (cold)            {fresh * 1e6:8.1f} µs")
    print(
        f"   pandas, same table       {panda * 1e6:8.1f} µs  ratio {panda / warm:7.1f}x warm, "
        f"{panda / fresh:6.1f}x cold  (target >= 100x)"
    )


def chart_wall(runs: int = 7) -> None:
    from startup import BIN, wall_samples

    with tempfile.TemporaryDirectory() as folder:
        base = [str(BIN / "allied"), "spending", "chart", "ranked", "--year", "2024", "-o"]
        samples = wall_samples(
            {
                "hello": [sys.executable, str(HERE / "hello_click.py")],
                "json": [*base, str(Path(folder) / "x.json")],
                "png": [*base, str(Path(folder) / "x.png")],
            },
            runs=runs,
        )
    hello, spec, png = (statistics.median(samples[k]) for k in ("hello", "json", "png"))
    verdict = "met" if png < 1 else "NOT met"
    print(
        f"   CLI PNG chart {png * 1000:.0f} ms (target < 1 s: {verdict}); the same chart as "
        f"JSON {spec * 1000:.0f} ms; click hello {hello * 1000:.0f} ms: PNG {png / hello:.1f}x"
    )


def main() -> None:
    import_release()
    guideline_counts()
    chart_wall()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
