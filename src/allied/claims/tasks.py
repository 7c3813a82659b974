"""Core tasks as texts list them, and how closely a stated list matches a Strategic Concept's.

"deterrence and collective defence; crisis management; cooperation in the field of
security" is Lisbon 2010's "collective defence, crisis management, cooperative
security" in other words: tasks are compared by the stems of their content words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from allied.claims.claim import Claim

_ADJECTIVES = ("core", "fundamental", "essential", "main", "key", "principal")
_INTRO = re.compile(
    rf"\b(?:{'|'.join(_ADJECTIVES)})\s+tasks\b[^.:\n]{{0,60}}?"
    r"(?::|\b(?:are|were)\b(?!\s+(?:to|not)\b)\s*:?|(?<=tasks)\s+of\b)",
    re.I,
)
_ENUMERATED = re.compile(
    r"[ \t\xa0]*\n?[ \t\xa0]*\n?[ \t\xa0]*(?:\d{1,2}[.)]|[•·▪●◦*\-\u2013])[ \t\xa0]+"
    r"(?P<item>[^\n;]{2,120}?)[ \t]*[;,.]?[ \t\xa0]*(?=\n|$)"
)
_INLINE = re.compile(r"[ \t\xa0]*(?P<items>[^.\n]{3,300})")
_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+)?")
_BOUNDARY_BEFORE = re.compile(r"[.!?\n][^.!?\n]*$")
_WORD = re.compile(r"[^\W\d_]+")
_STOP = frozenset(
    [
        "and",
        "the",
        "of",
        "in",
        "field",
        "area",
        "areas",
        "for",
        "to",
        "an",
        "on",
        "its",
        "their",
        "with",
    ]
)


def find_task_lists(plain: str) -> Iterator[Claim]:
    """Yield a `core-tasks` claim for every list introduced by "… core tasks:" or "… are".

    >>> [c.tasks for c in find_task_lists("NATO has three core tasks: a, b and c.")]
    [('a', 'b', 'c')]
    """
    for intro in _intros(plain):
        tasks, end = _items(plain, intro.end())
        if len(tasks) < 2:
            continue
        boundary = _BOUNDARY_BEFORE.search(plain, max(0, intro.start() - 300), intro.start())
        start = boundary.start() + 1 if boundary else max(0, intro.start() - 300)
        while start < intro.start() and plain[start].isspace():
            start += 1
        text = " ".join(plain[start:end].split())
        yield Claim("core-tasks", start, end, text, "strategic-concept", tasks=tuple(tasks))


def _intros(plain: str) -> Iterator[re.Match[str]]:
    """The matches of `_INTRO.finditer(plain)`, tried only before the word "tasks".

    Every match starts on one of `_ADJECTIVES`, then whitespace, then "tasks" in any
    case: so it starts within an adjective's length of the whitespace before a "tasks"
    of the text in lower case (which `str.find` finds far faster than the pattern scans
    every character). The pattern takes the long s (U+017F) for an "s" and lower case
    does not: a text with one is scanned whole, as is one that lower case lengthens.
    """
    folded = plain.lower()
    if len(folded) != len(plain) or "\u017f" in plain:
        yield from _INTRO.finditer(plain)
        return
    reach = max(map(len, _ADJECTIVES))
    end = 0  # where the last match ended: the next starts there or later
    at = folded.find("tasks")
    while at >= 0:
        head = at
        while head > 0 and plain[head - 1].isspace():
            head -= 1
        if head < at:  # the adjective ends where the whitespace starts
            for start in range(max(end, head - reach), head):
                match = _INTRO.match(plain, start)
                if match is not None:
                    yield match
                    end = match.end()
                    break
        at = folded.find("tasks", max(at + 1, end))


def _items(plain: str, position: int) -> tuple[list[str], int]:
    items: list[str] = []
    end = position
    while (match := _ENUMERATED.match(plain, end)) is not None:
        items.append(_clean(match["item"]))
        end = match.end()
    if items:
        return items, end
    inline = _INLINE.match(plain, position)
    if inline is None:
        return [], position
    parts = [_clean(part) for part in _SPLIT.split(inline["items"]) if part.strip()]
    oxford = re.search(r",\s*and\s", inline["items"]) is not None
    if len(parts) > 1 and not oxford and " and " in parts[-1]:
        parts[-1:] = [_clean(part) for part in parts[-1].split(" and ", 1)]
    return parts, inline.end()


def _clean(item: str) -> str:
    return item.strip(" \t.;,").removeprefix("and ").strip()


def stems(task: str) -> frozenset[str]:
    """The content-word stems of a task, to compare tasks worded differently.

    >>> sorted(stems("Cooperation in the field of security"))
    ['cooper', 'securi']
    """
    words = _WORD.findall(task.casefold().replace("defense", "defence"))
    return frozenset(word[:6] for word in words if len(word) > 2 and word not in _STOP)


def likeness(claimed: Sequence[str], actual: Sequence[str]) -> float:
    """How well a stated task list matches an actual one, from 0 to 1.

    Each stated task is scored by its closest actual task (shared stems over
    all stems); lists of different lengths score at most half.

    >>> likeness(["crisis management"], ["crisis management"])
    1.0
    >>> round(likeness(["deterrence and collective defence"], ["collective defence"]), 2)
    0.67
    """
    if not claimed or not actual:
        return 0.0
    actual_stems = [stems(task) for task in actual]
    total = 0.0
    for task in claimed:
        mine = stems(task)
        total += max(
            (len(mine & other) / len(mine | other) for other in actual_stems if mine | other),
            default=0.0,
        )
    score = total / len(claimed)
    return score if len(claimed) == len(actual) else score / 2
