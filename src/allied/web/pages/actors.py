"""`/actors/{code}`: one actor's relationships over time, names and sources, on a date."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied import spending_charts
from allied.conflicts import conflicts_about, membership_subject
from allied.errors import AlliedError
from allied.period import Certainty, PartialDate, parse_date
from allied.questions.actors import actor
from allied.questions.spending import ally_spending
from allied.registry import Registry
from allied.web import charts
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/actors/{code}")
async def actor_page(
    request: Request, code: str, registry: RegistryDep, on: OnQuery = None
) -> Response:
    when = parse_date(on)
    answer = actor(registry, code, on=when)
    document = answer.document()
    held = [m.membership.period.holds_on(when) is not Certainty.NO for m in answer.memberships]
    suspended = [
        any(
            (st.framework, st.role) == (m.membership.framework, m.membership.role)
            and st.period.holds_on(when) is not Certainty.NO
            for st in answer.statuses
        )
        for m in answer.memberships
    ]
    disputes = [
        conflicts_about(registry, membership_subject(m.membership.framework, m.membership.actor,
                                                     m.membership.role))
        for m in answer.memberships
    ]  # fmt: skip
    own = conflicts_about(registry, f"actors:{answer.actor.code}")
    cited = list(
        dict.fromkeys(
            [*answer.actor.sources]
            + [s for c in own for s in c.sources]
            + [s for key in ("memberships", "statuses", "names", "events")
               for row in document[key] for s in row["sources"]]
            + [s for found in disputes for c in found for s in c.sources]
        )
    )  # fmt: skip
    frameworks = {fw.slug: fw.name for fw in registry.all_frameworks()}
    context = {
        "actor": document,
        "on": when,
        "held": held,
        "ties_on": [
            (tie, suspended[i]) for i, tie in enumerate(document["memberships"]) if held[i]
        ],
        "disputes": disputes,
        "own_conflicts": own,
        "framework_names": frameworks,
        "chart": charts.relationships(document["memberships"], str(PartialDate.today())),
        "sources": [registry.source(s) for s in cited],
        **_spending(registry, answer.actor.code),
    }
    twin = with_query(f"/api/v1/actors/{answer.actor.code}", {"on": on})
    return page(request, "actor.html", context, twin=twin)


def _spending(registry: Registry, code: str) -> dict[str, Any]:
    """The Ally's spending section: its figures in the latest release, rules, trajectory."""
    try:
        found = ally_spending(registry, code).document()
    except AlliedError:  # not an Ally, or no release prints it
        return {"spending": None}
    rules = [
        {"measure": g.measure, "threshold": level}
        for g, level in registry.spending_index.measured()
    ]
    lines = spending_charts.guideline_lines(rules, "pct_gdp")
    return {"spending": found, "spending_chart": spending_charts.over_time(found, lines=lines)}
