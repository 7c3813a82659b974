"""Records and their schemas come from one declaration, so every record fits its schema."""

from __future__ import annotations

import dataclasses
from typing import Any

import jsonschema_rs
import pytest

import allied
from allied.claims import check_text
from allied.questions.actors import actor
from allied.questions.frameworks import framework
from allied.questions.roster import members
from allied.records import as_record, schema_of


def validator(cls: type) -> jsonschema_rs.Draft202012Validator:
    schema, components = schema_of(cls)
    return jsonschema_rs.Draft202012Validator({**schema, "components": {"schemas": components}})


@pytest.mark.parametrize("family", [f.name for f in dataclasses.fields(allied.Dataset)])
def test_every_bundled_fact_fits_its_schema(registry: allied.Registry, family: str) -> None:
    facts: tuple[Any, ...] = getattr(registry.dataset, family)
    check = validator(type(facts[0])) if facts else None
    for fact in facts:
        assert check is not None
        check.validate(as_record(fact))


def test_answers_fit_their_schemas(registry: allied.Registry) -> None:
    answers = [
        members(registry, "pfp", on="1997"),
        actor(registry, "FYROM"),
        framework(registry, "pag"),  # no founding date: a null period
        check_text("NATO now has 30 members.", as_of="2021-07-01", registry=registry).answer(),
    ]
    for answer in answers:
        validator(type(answer)).validate(answer.document())


def test_a_record_that_drifts_from_its_schema_is_caught(registry: allied.Registry) -> None:
    record = members(registry, "nato", on="2004-03-29").document()
    record["members"][0]["extra"] = 1
    with pytest.raises(jsonschema_rs.ValidationError):
        validator(type(members(registry, "nato"))).validate(record)


def test_an_absent_date_keeps_its_precision_key() -> None:
    source = allied.Source("s", "official", "Pub", "Title", "https://example.org", None)
    assert as_record(source)["published"] is None
    assert as_record(source)["published_precision"] is None
