"""docs/researchers.md: its pandas join runs, and its comparison with COW IGO v3 is measured."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]
PAGE = (ROOT / "docs" / "researchers.md").read_text(encoding="utf-8")


def test_the_join_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE, flags=re.S)
    assert len(blocks) == 1
    monkeypatch.chdir(ROOT)  # the example reads tests/data/… from the repository's root
    namespace: dict[str, Any] = {}
    exec(blocks[0], namespace)  # its asserts are the checks
    assert len(namespace["joined"]) == len(namespace["panel"])  # a left join adds no rows


def compare() -> dict[str, dict[str, Any]]:
    spec = importlib.util.spec_from_file_location(
        "compare_cow_igo", ROOT / "scripts" / "compare_cow_igo.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures: dict[str, dict[str, Any]] = module.compare(module.joined())
    return figures


def test_the_comparison_with_cow_igo_is_the_one_the_page_states() -> None:
    figures = compare()
    rows = {
        name: [int(n.replace(",", "")) for n in re.findall(r"\| ([\d,]+)", line)][:4]
        for name, line in (
            ("nato", next(line for line in PAGE.splitlines() if line.startswith("| NATO ("))),
            ("eapc", next(line for line in PAGE.splitlines() if line.startswith("| EAPC ("))),
        )
    }
    for name, (allied, cow, both, either) in rows.items():
        measured = figures[name]
        assert (measured["allied"], measured["cow"], measured["both"], measured["either"]) == (
            allied, cow, both, either,
        ), name  # fmt: skip
    assert figures["nato"]["both"] == figures["nato"]["either"] == 1148
    eapc = figures["eapc"]
    assert set(eapc["only_cow_by_year"]) == {1994, 1995, 1996}  # COW dates the EAPC from 1994
    assert sum(eapc["only_cow_by_year"].values()) == 87
    assert eapc["only_allied_by_actor"]["DEU"] == eapc["only_allied_by_actor"]["ALB"] == 18
    assert eapc["only_allied_by_actor"]["HRV"] == 14
    assert sum(eapc["only_allied_by_actor"].values()) == 111


def test_a_single_code_per_state_would_give_70_false_disagreements() -> None:
    import pandas as pd

    import allied
    from allied.questions.panel import wide_panel

    registry = allied.load()
    panel = allied.to_frame(wide_panel(registry, first=1949, last=2014, frameworks=["nato"]))
    today = {actor.code: actor.cow for actor in registry.dataset.actors}
    cow = pd.read_csv(ROOT / "tests" / "data" / "cow_igo_v3_nato_eapc.csv")
    for codes, expected in ((panel["cow"], 0), (panel["actor"].map(today), 70)):
        keyed = panel.assign(cow=codes)
        table = keyed.merge(cow, left_on=["cow", "year"], right_on=["ccode", "year"],
                            how="outer", suffixes=("", "_cow"))  # fmt: skip
        assert int(((table["nato"] == 1) ^ (table["nato_cow"] == 1)).sum()) == expected
