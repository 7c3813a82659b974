"""Compare allied's state-year panel with COW IGO v3 on NATO and the EAPC (1949-2014).

Reads the vendored extract `tests/data/cow_igo_v3_nato_eapc.csv` (see the README
beside it: the nato and eapc columns of COW IGO v3's state-year file, as the
igoR package ships it) and allied's wide panel for the same years, joins them on
(COW code as it was that year, year) and counts, for each organisation, the
state-years either side codes as in, and how many both do. Nothing is
downloaded. Needs the dataframe extra (pandas).

    python scripts/compare_cow_igo.py

Figures (docs/researchers.md quotes them; tests/test_researchers.py checks them):
NATO agrees on every one of 1,148 member-years; the EAPC on 746 of 944.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import allied
from allied.questions.panel import wide_panel

EXTRACT = Path(__file__).resolve().parents[1] / "tests" / "data" / "cow_igo_v3_nato_eapc.csv"
#: allied's codes that count as "in" when set against COW's 1 (full member).
IN = {"nato": (1,), "eapc": (1, 2)}  # an EAPC partner is one of its members


def joined() -> Any:
    """allied's panel and COW's, side by side, one row per (COW code, year) either has."""
    import pandas as pd

    ours = allied.to_frame(wide_panel(allied.load(), first=1949, last=2014,
                                      frameworks=["nato", "eapc"]))  # fmt: skip
    ours = ours[ours["cow"].notna()].astype({"cow": "int64"})
    cow = pd.read_csv(EXTRACT).rename(columns={"ccode": "cow"})
    return ours.merge(cow, on=["cow", "year"], how="outer", suffixes=("_allied", "_cow"))


def compare(table: Any) -> dict[str, dict[str, Any]]:
    """For each organisation: state-years in by allied, by COW, by both, by either."""
    figures = {}
    for name, codes in IN.items():
        ours = table[f"{name}_allied"].isin(codes)
        theirs = table[f"{name}_cow"] == 1
        only_cow = table[theirs & ~ours]
        only_ours = table[ours & ~theirs]
        figures[name] = {
            "allied": int(ours.sum()),
            "cow": int(theirs.sum()),
            "both": int((ours & theirs).sum()),
            "either": int((ours | theirs).sum()),
            "only_cow_by_year": only_cow.groupby("year").size().astype(int).to_dict(),
            "only_allied_by_actor": only_ours.groupby("actor").size().astype(int).to_dict(),
        }
    return figures


def main() -> dict[str, dict[str, Any]]:
    """Print the comparison and return its figures."""
    figures = compare(joined())
    for name, found in figures.items():
        print(f"{name}: both code {found['both']} of {found['either']} state-years as in "
              f"(allied {found['allied']}, COW {found['cow']})")  # fmt: skip
        if found["only_cow_by_year"]:
            print(f"  in COW only, by year: {found['only_cow_by_year']}")
        if found["only_allied_by_actor"]:
            print(f"  in allied only, by state: {found['only_allied_by_actor']}")
    return figures


if __name__ == "__main__":
    main()
