"""How to cite the data: BibTeX and CSL-JSON for the dataset, each export and each page.

A citation names what was used (the whole dataset, an export, a page), the data
version (`allied.version.DATA_VERSION`) and the as-of date the answer was asked
for, so a reader can ask the same question of the same data again. The data is
licensed CC BY 4.0 (`DATA_LICENCE`), which asks for exactly this attribution.

>>> from allied.period import PartialDate
>>> found = cite("panel", on=PartialDate.parse("2004-03-29"))
>>> found.key, found.csl["version"]
('allied-2026.12-panel-2004-03-29', '2026.12')
>>> print(found.bibtex.splitlines()[0])
@misc{allied-2026.12-panel-2004-03-29,
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allied.errors import InvalidQuery
from allied.period import PartialDate
from allied.version import DATA_VERSION

#: The licence of the data files (the code is MIT, see LICENSE).
DATA_LICENCE = "CC-BY-4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
AUTHOR = "The allied contributors"
TITLE = "allied: NATO's alliance and partnership system, a sourced and time-aware registry"
#: What can be cited by name, and the title each adds to the dataset's.
WORKS = {
    "dataset": "",
    "memberships": "memberships export",
    "panel": "country-year panel",
    "panel-wide": "state-year panel (COW IGO layout)",
    "contributions": "operation contributions export",
}


@dataclass(frozen=True)
class Reference:
    """One thing to cite, in BibTeX and in CSL-JSON."""

    work: str
    title: str
    on: PartialDate
    key: str
    bibtex: str
    csl: dict[str, Any]


def cite(work: str = "dataset", *, on: PartialDate | None = None) -> Reference:
    """The reference for `work` (a name in `WORKS`, or a page's path such as `/actors/BEL`).

    `on` is the as-of date of the answer cited (default: today).
    """
    on = on or PartialDate.today()
    if work.startswith("/"):
        if any(char in work for char in '{}\\"<> '):
            raise InvalidQuery(f"{work!r} is not a page path")
        part = f"page {work}"
        slug = work.strip("/").replace("/", "-") or "home"
    elif work in WORKS:
        part, slug = WORKS[work], work
    else:
        names = ", ".join(WORKS)
        raise InvalidQuery(f"nothing to cite called {work!r}: use one of {names}, or a page path")
    title = f"{TITLE}{', ' + part if part else ''} (data {DATA_VERSION}, as of {on})"
    key = f"allied-{DATA_VERSION}-{slug}-{on}"
    year, month = (int(piece) for piece in DATA_VERSION.split("."))
    note = f"Data version {DATA_VERSION}; as of {on}; licence {DATA_LICENCE}"
    bibtex = "\n".join(
        (
            f"@misc{{{key},",
            f"  title = {{{{{title}}}}},",
            f"  author = {{{{{AUTHOR}}}}},",
            f"  year = {{{year}}},",
            f"  month = {{{month}}},",
            f"  version = {{{DATA_VERSION}}},",
            f"  note = {{{note}}},",
            "}",
        )
    )
    csl: dict[str, Any] = {
        "id": key,
        "type": "dataset",
        "title": title,
        "author": [{"literal": AUTHOR}],
        "issued": {"date-parts": [[year, month]]},
        "version": DATA_VERSION,
        "note": note,
    }
    return Reference(work, title, on, key, bibtex, csl)
