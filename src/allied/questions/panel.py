"""`panel`: country-year rows for statistical work, long or wide (COW IGO's layout)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from allied import panel as _panel
from allied import state_years as _wide
from allied.answer import Answer, Listing
from allied.errors import InvalidQuery
from allied.period import PartialDate
from allied.registry import Registry


@dataclass(frozen=True)
class Panel(Listing):
    """A country-year panel: one row per actor, framework and year."""

    items: tuple[_panel.PanelRow, ...]

    COLUMNS: ClassVar = (*_panel.PANEL_COLUMNS, "data_version")


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


@dataclass(frozen=True)
class WidePanel(Answer):
    """A state-year panel in COW IGO's layout: one row per state and year, a column per framework.

    `codes` is the legend of the framework columns; `columns` their order.
    """

    rule: str
    coding: str
    codes: dict[str, str]
    columns: tuple[str, ...]
    items: tuple[dict[str, Any], ...]

    ROWS: ClassVar = "items"

    def csv_columns(self) -> tuple[str, ...]:
        """The key columns, one column per framework, `count`, then `data_version`."""
        return (*self.columns, "data_version")


def wide_panel(
    registry: Registry,
    *,
    first: int = 1949,
    last: int | None = None,
    frameworks: Sequence[str] | None = None,
    rule: str = "any_day",
    coding: str = "numeric",
) -> WidePanel:
    """State-years from `first` to `last` with one coded column per framework and a count."""
    if rule not in _wide.RULES:
        raise InvalidQuery(f"{rule!r} is not a rule: use one of {', '.join(_wide.RULES)}")
    if coding not in _wide.CODINGS:
        raise InvalidQuery(f"{coding!r} is not a coding: use one of {', '.join(_wide.CODINGS)}")
    last = last if last is not None else PartialDate.today().year
    rows, columns = _wide.state_years(registry, first=first, last=last,
                                      frameworks=frameworks or None, rule=rule,
                                      coding=coding)  # fmt: skip
    legend = {str(code): meaning for code, meaning in _wide.CODES.items()}
    return WidePanel(rule, coding, legend, columns, tuple(rows))
