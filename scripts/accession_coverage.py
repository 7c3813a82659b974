"""Count, case by case, how many Allies' ratification milestones the data holds.

For each accession case with a protocol: the Allies that had to ratify (the
registry's Allies on the protocol's day), and for each milestone (`parliament`,
`signature`, `deposit`) how many of them have a dated step, at what precision,
and which are missing. The protocol's and the invitee's own deposit dates come
from their events. Nothing is written; rerun it after every data change.

    python scripts/accession_coverage.py            # one line per case
    python scripts/accession_coverage.py --missing  # and the Allies missing
"""

from __future__ import annotations

import sys
from collections import Counter

import allied
from allied.accession import AccessionIndex

MILESTONES = ("parliament", "signature", "deposit")


def main(argv: list[str]) -> int:
    """Print the coverage table (and, with --missing, the Allies without a step)."""
    show_missing = "--missing" in argv
    index = AccessionIndex(allied.load())
    print(f"{'case':5} {'protocol':10} {'deposit':10} {'n':>3} " + " ".join(f"{m:>10}" for m in MILESTONES) + "  not-day")
    for case in index.cases():
        signed = index.protocol_signed(case)
        if signed is None:
            continue
        joined = index.joined(case)
        parties = index.parties(case)
        counts, missing, coarse = [], {}, Counter[str]()
        for milestone in MILESTONES:
            have = {s.ally: s for s in index.steps(case, milestone)}  # type: ignore[arg-type]
            counts.append(f"{sum(a in have for a in parties):>3}/{len(parties):<3}".rjust(10))
            missing[milestone] = [a for a in parties if a not in have]
            coarse.update(milestone for s in have.values() if s.date.precision != "day")
        print(
            f"{case.candidate:5} {signed!s:10} {joined!s:10} {len(parties):>3} "
            + " ".join(counts)
            + f"  {dict(coarse) or ''}"
        )
        if show_missing:
            for milestone in MILESTONES:
                if missing[milestone]:
                    print(f"      {milestone} missing: {' '.join(missing[milestone])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
