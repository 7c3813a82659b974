"""Count, case by case, how many Allies' ratification milestones the data holds.

For each accession case with a protocol: the Allies that had to ratify (the
registry's Allies on the protocol's day), and for each milestone (`parliament`,
`signature`, `deposit`) how many of those whose procedure has that step
(`procedures.csv`: Canada's and the United Kingdom's have no act of the head of
state) have a dated step, and how many of those to the day (the rest are months
or spans between two sourced bounds), and which are missing; a step an Ally's
procedure lacks is counted apart, as not applicable. The protocol's and the
invitee's own deposit dates come from their events. Nothing is written; rerun
it after every data change.

    python scripts/accession_coverage.py            # one line per case
    python scripts/accession_coverage.py --missing  # and the Allies missing
"""

from __future__ import annotations

import sys

import allied
from allied.accession import AccessionIndex
from allied.model import MILESTONES


def main(argv: list[str]) -> int:
    """Print the coverage table (and, with --missing, the Allies without a step)."""
    show_missing = "--missing" in argv
    index = AccessionIndex(allied.load())
    head = " ".join(f"{m:>18}" for m in MILESTONES)
    print(f"{'case':5} {'protocol':10} {'deposit':10} {'n':>3} {head}")
    print(f"{'':31}" + " ".join(f"{'have/n (day) n/a':>18}" for _ in MILESTONES))
    for case in index.cases():
        signed = index.protocol_signed(case)
        if signed is None:
            continue
        joined = index.joined(case)
        parties = index.parties(case)
        cells, missing, lacking = [], {}, {}
        for milestone in MILESTONES:
            expected = index.expected(case, milestone)
            have = {s.ally: s for s in index.steps(case, milestone)}
            held = [a for a in expected if a in have]
            days = sum(have[a].date.precision == "day" for a in held)
            lacking[milestone] = index.not_applicable(case, milestone)
            cell = f"{len(held):>2}/{len(expected):<2} ({days:>2}) {len(lacking[milestone]):>3}"
            cells.append(cell.rjust(18))
            missing[milestone] = [a for a in expected if a not in have]
        print(
            f"{case.candidate:5} {signed!s:10} {joined!s:10} {len(parties):>3} " + " ".join(cells)
        )
        if show_missing:
            for milestone in MILESTONES:
                if missing[milestone]:
                    print(f"      {milestone} missing: {' '.join(missing[milestone])}")
                if lacking[milestone]:
                    print(f"      {milestone} not applicable: {' '.join(lacking[milestone])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
