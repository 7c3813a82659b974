"""The data files as a Frictionless data package: `datapackage.json`, generated, never edited.

Each fact family (`allied.families`) is one tabular resource: its CSV, its
columns with their types, its primary key (the family's key) and its foreign
keys (the columns that name a row of another file). Partial dates (`1994`,
`1994-01`, `1994-01-10`) are strings with a pattern: a Frictionless `date`
would demand a day the sources do not give. Lists are ids joined by `|`.
The package carries the data version and the data licence.

`python -m allied.datapackage` rewrites `src/allied/data/datapackage.json`;
tests/test_datapackage.py checks that the file is current and that every CSV
satisfies it.

>>> package = data_package()
>>> package["version"], package["licenses"][0]["name"]
('2026.12', 'CC-BY-4.0')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from allied.citation import AUTHOR, DATA_LICENCE, DATA_LICENCE_URL, TITLE
from allied.schema import FAMILIES, FactField, Family
from allied.version import DATA_VERSION

#: A date at day, month or year precision, or a `first/last` range of two such dates.
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"
#: Where the generated file lives, beside the CSVs it describes.
PATH = Path(__file__).parent / "data" / "datapackage.json"


def data_package() -> dict[str, Any]:
    """The `datapackage.json` document for the bundled data files."""
    return {
        "profile": "tabular-data-package",
        "name": "allied",
        "title": TITLE,
        "version": DATA_VERSION,
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "licenses": [
            {
                "name": DATA_LICENCE,
                "path": DATA_LICENCE_URL,
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": [_resource(family) for family in FAMILIES],
    }


def _resource(family: Family) -> dict[str, Any]:
    keys = [
        {"fields": f.name, "reference": {"resource": f.refers, "fields": _key_of(f.refers)}}
        for f in family.fields
        if f.refers and f.kind != "list"
    ]
    schema: dict[str, Any] = {
        "fields": [column for f in family.fields for column in _fields(f)],
        "primaryKey": list(family.key),
    }
    if keys:
        schema["foreignKeys"] = keys
    return {
        "name": family.name,
        "path": family.filename,
        "profile": "tabular-data-resource",
        "description": f"One row is {family.doc}.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _key_of(resource: str) -> str:
    found = next(family for family in FAMILIES if family.name == resource)
    return found.key[0]


def _fields(f: FactField) -> list[dict[str, Any]]:
    if f.kind == "period":
        start = {"name": "start", "type": "string", "description": f.doc,
                 "constraints": {"required": f.required, "pattern": PARTIAL_DATE}}  # fmt: skip
        end = {"name": "end", "type": "string",
               "description": "The first day it no longer holds (empty while ongoing).",
               "constraints": {"pattern": PARTIAL_DATE}}  # fmt: skip
        return [start, end]
    constraints: dict[str, Any] = {"required": f.required} if f.required else {}
    field: dict[str, Any] = {"name": f.name, "type": "string", "description": f.doc}
    if f.kind == "integer":
        field["type"] = "integer"
    elif f.kind == "date":
        constraints["pattern"] = PARTIAL_DATE
    elif f.kind == "choice":
        constraints["enum"] = list(f.choices)
    elif f.kind == "list":
        field["description"] = f"{f.doc} (ids joined by `|`)"
    if constraints:
        field["constraints"] = constraints
    return [field]


def render() -> str:
    """The file's text: the document as indented JSON, ending with a newline."""
    return json.dumps(data_package(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    PATH.write_text(render(), encoding="utf-8")
