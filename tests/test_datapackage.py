"""`datapackage.json`: generated from the declarations, current, and satisfied by every file.

The checks are those of a Frictionless tabular data package: the descriptor's
required properties, each resource's header equal to its schema's fields, and
each cell valid for its field (type, required, pattern, enum), each primary key
unique and each foreign key found in the resource it names.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from allied import datapackage
from allied.dataset import bundled_data_dir
from allied.schema import FAMILIES
from allied.version import DATA_VERSION

PACKAGE: dict[str, Any] = json.loads(datapackage.PATH.read_text(encoding="utf-8"))
NAME = re.compile(r"^[a-z0-9._-]+$")  # Frictionless: a resource or package name
TYPES = {"string", "integer", "number", "boolean", "date", "datetime", "year", "array", "object"}


def rows_of(resource: dict[str, Any]) -> tuple[list[str], list[dict[str, str]]]:
    with (Path(bundled_data_dir()) / resource["path"]).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def test_the_file_is_generated_from_the_declarations() -> None:
    assert datapackage.PATH.read_text(encoding="utf-8") == datapackage.render(), (
        "regenerate with: python -m allied.datapackage"
    )


def test_the_descriptor_has_what_a_tabular_data_package_requires() -> None:
    assert PACKAGE["profile"] == "tabular-data-package" and NAME.match(PACKAGE["name"])
    assert PACKAGE["version"] == DATA_VERSION
    assert PACKAGE["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in PACKAGE["resources"]] == [f.name for f in FAMILIES]
    for resource in PACKAGE["resources"]:
        assert NAME.match(resource["name"]) and resource["profile"] == "tabular-data-resource"
        fields = resource["schema"]["fields"]
        assert all(f["type"] in TYPES and f["name"] for f in fields)
        names = {f["name"] for f in fields}
        assert set(resource["schema"]["primaryKey"]) <= names
        for key in resource["schema"].get("foreignKeys", []):
            assert key["fields"] in names


@pytest.mark.parametrize("resource", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_file_satisfies_its_resource(resource: dict[str, Any]) -> None:
    header, rows = rows_of(resource)
    fields = resource["schema"]["fields"]
    assert header == [f["name"] for f in fields]
    for line, row in enumerate(rows, start=2):
        for field in fields:
            value, rules = row[field["name"]], field.get("constraints", {})
            where = f"{resource['path']}:{line}: {field['name']}"
            if value == "":
                assert not rules.get("required"), f"{where}: required"
                continue
            if field["type"] == "integer":
                assert re.fullmatch(r"-?\d+", value), f"{where}: not an integer"
            if "pattern" in rules:
                assert re.fullmatch(rules["pattern"], value), f"{where}: {value!r}"
            if "enum" in rules:
                assert value in rules["enum"], f"{where}: {value!r}"
    key = resource["schema"]["primaryKey"]
    keys = [tuple(row[k] for k in key) for row in rows]
    assert len(keys) == len(set(keys)), f"{resource['name']}: repeated primary key"


def test_every_foreign_key_is_found() -> None:
    tables = {r["name"]: rows_of(r)[1] for r in PACKAGE["resources"]}
    for resource in PACKAGE["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]
            known = {row[target["fields"]] for row in tables[target["resource"]]}
            for row in tables[resource["name"]]:
                value = row[key["fields"]]
                assert value == "" or value in known, f"{resource['name']}: {value!r}"
