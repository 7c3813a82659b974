"""Cut a checked text into passages: plain runs, and the claims to highlight by verdict.

Claims may overlap (a list and its count in one sentence); overlapping claims
become one highlighted passage that carries all of them and shows the most
serious verdict among them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Verdicts from the least to the most serious: a passage shows its most serious one.
SEVERITY = ("supported", "unverifiable", "outdated", "contradicted")

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


@dataclass(frozen=True)
class Passage:
    """A run of the text: plain when `claims` is empty, else highlighted with `verdict`."""

    text: str
    claims: tuple[Mapping[str, Any], ...] = ()
    #: The position of the first claim in the report's list (for anchors), else -1.
    first: int = -1

    @property
    def verdict(self) -> str | None:
        """The most serious verdict among the passage's claims, if any."""
        if not self.claims:
            return None
        worst: str = max((c["verdict"] for c in self.claims), key=SEVERITY.index)
        return worst


def passages(plain: str, claims: Sequence[Mapping[str, Any]]) -> list[Passage]:
    """Split `plain` at the claims' `start`/`end` offsets, tidying blanked markup's spaces.

    >>> [(p.text, p.verdict) for p in passages("NATO has   30 members.  Yes.",
    ...     [{"start": 0, "end": 21, "verdict": "outdated"}])]
    [('NATO has 30 members', 'outdated'), ('. Yes.', None)]
    """
    found: list[Passage] = []
    at = 0
    order = sorted(range(len(claims)), key=lambda i: (claims[i]["start"], -claims[i]["end"]))
    index = 0
    while index < len(order):
        first = order[index]
        start, end = claims[first]["start"], claims[first]["end"]
        group = [claims[first]]
        index += 1
        while index < len(order) and claims[order[index]]["start"] < end:
            group.append(claims[order[index]])
            end = max(end, claims[order[index]]["end"])
            index += 1
        if start > at:
            found.append(Passage(_tidy(plain[at:start])))
        found.append(Passage(_tidy(plain[max(start, at) : end]), tuple(group), first))
        at = max(at, end)
    if at < len(plain):
        found.append(Passage(_tidy(plain[at:])))
    return found


def _tidy(text: str) -> str:
    # Blanked tags leave runs of spaces and empty lines: keep one space, at most one blank line.
    return _SPACES.sub(" ", _BLANK_LINES.sub("\n\n", text))
