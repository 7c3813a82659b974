"""Recorded conflicts (`conflicts.csv`): what another source says about a fact, and why not kept.

A conflict's subject names the fact as `family:key/column`
(`memberships:nato/DEU/member/start`); a page shows it beside the fact.
"""

from __future__ import annotations

from allied.model import Conflict
from allied.registry import Registry


def conflicts_about(registry: Registry, subject: str) -> list[Conflict]:
    """The conflicts recorded about `subject` or any of its columns.

    >>> import allied
    >>> [c.subject for c in conflicts_about(allied.load(), "actors:DEU")]
    ['actors:DEU/cow']
    """
    return [
        c
        for c in registry.dataset.conflicts
        if c.subject == subject or c.subject.startswith(subject + "/")
    ]


def membership_subject(framework: str, actor: str, role: str) -> str:
    """The conflict subject of a membership: `memberships:framework/actor/role`."""
    return f"memberships:{framework}/{actor}/{role}"
