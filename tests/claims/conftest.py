"""Fixtures for the claim checker: a small registry with a history, and fixed dates."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

import pytest

import allied

FIXTURES = Path(__file__).parent / "fixtures"
#: "Today" for the small dataset, so that its verdicts never drift.
TODAY = _dt.date(2020, 1, 1)

#: MINI's memberships (fictional Aland, Bland, Cland, Dland), with Cland leaving the
#: PfP for NATO on 2015-05-05.
HISTORY = [
    {"framework": "nato", "actor": "AAA", "role": "member", "start": "1949-04-04", "sources": "s2"},
    {"framework": "nato", "actor": "BBB", "role": "member", "start": "2004-03-29", "sources": "s1"},
    {"framework": "nato", "actor": "CCC", "role": "member", "start": "2015-05-05", "sources": "s1"},
    {"framework": "pfp", "actor": "BBB", "role": "participant", "start": "1994-02",
     "end": "2004-03-29", "end_reason": "nato-accession", "sources": "s1"},
    {"framework": "pfp", "actor": "CCC", "role": "participant", "start": "1995",
     "end": "2015-05-05", "end_reason": "nato-accession", "sources": "s1"},
    {"framework": "pfp", "actor": "DDD", "role": "participant", "start": "1995-04-26",
     "sources": "s1"},
]  # fmt: skip


@pytest.fixture
def history(write_dataset: Callable[..., Path]) -> allied.Registry:
    """A small registry with a history: 1 Ally in 1949, 2 from 2004, 3 from 2015."""
    return allied.load(write_dataset(memberships=HISTORY))
