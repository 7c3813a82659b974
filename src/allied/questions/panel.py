"""`panel`: country-year rows for statistical work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from allied import panel as _panel
from allied.answer import Listing
from allied.period import PartialDate
from allied.registry import Registry


@dataclass(frozen=True)
class Panel(Listing):
    """A country-year panel: one row per actor, framework and year."""

    items: tuple[_panel.PanelRow, ...]

    COLUMNS: ClassVar = _panel.PANEL_COLUMNS


def panel(
    registry: Registry,
    *,
    first: int = 1949,
    last: int | None = None,
    frameworks: Sequence[str] | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> Panel:
    """Country-years from `first` to `last` (default: this year), in every framework or some."""
    last = last if last is not None else PartialDate.today().year
    rows = _panel.country_years(registry, first=first, last=last, frameworks=frameworks or None)
    return Panel.of(rows, offset=offset, limit=limit)
