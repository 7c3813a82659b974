"""`/cite`: how to cite the data, an export or a page, as `allied cite` gives it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.citation import Citation, citation
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery
from allied.web.responses import respond

router = APIRouter(tags=["citation"])

#: The media types of the two citation styles.
STYLE_TYPES = {
    "bibtex": "application/x-bibtex; charset=utf-8",
    "csl": "application/vnd.citationstyles.csl+json",
}


def _responses() -> dict[int | str, dict[str, Any]]:
    """The answer's JSON and CSV, and the two styles' own media types."""
    responses = answers(Citation)
    responses[200]["content"].update(
        {
            "application/x-bibtex": {"schema": {"type": "string"}},
            "application/vnd.citationstyles.csl+json": {
                "schema": {"type": "array", "items": {"type": "object"}}
            },
        }
    )
    return responses


@router.get("/cite", summary="How to cite the data: BibTeX and CSL-JSON", responses=_responses())
async def get_citation(
    work: Annotated[
        str,
        Query(
            max_length=200,
            description="dataset, memberships, panel, panel-wide, "
            "contributions, or a page path such as /actors/DEU.",
        ),
    ] = "dataset",
    on: OnQuery = None,
    style: Annotated[
        Literal["bibtex", "csl"] | None, Query(description="Only the BibTeX entry or CSL-JSON.")
    ] = None,
    format: FormatQuery = "json",
) -> Response:
    """The reference with the data version and the as-of date, as `allied cite`."""
    answer = citation(work, on=on)
    if style == "bibtex":
        return Response(answer.reference.bibtex + "\n", media_type=STYLE_TYPES[style])
    if style == "csl":
        return Response(orjson.dumps([answer.reference.csl]), media_type=STYLE_TYPES[style])
    return respond(answer, format)
