"""Docs match the code: every CLI command and option is documented."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from allied.cli import cli

DOCS = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


@pytest.mark.parametrize(("name", "command"), commands(cli), ids=lambda v: str(v))
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    assert f"## `allied {name}" in DOCS
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in DOCS for opt in param.opts), f"{name}: {param.opts}"


def test_readme_has_the_two_commands() -> None:
    assert "make run" in README and "make test" in README


def test_every_framework_and_data_file_is_in_the_codebook() -> None:
    import allied
    from allied.schema import FAMILIES

    codebook = (Path(__file__).parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    model = (Path(__file__).parents[1] / "docs" / "model.md").read_text(encoding="utf-8")
    for framework in allied.load().all_frameworks():
        assert f"`{framework.slug}`" in codebook, framework.slug
    for family in FAMILIES:
        assert f"`{family.filename}`" in model, family.filename


def test_codebook_column_tables_are_generated_from_the_model() -> None:
    from allied.schema import codebook_markdown

    codebook = (Path(__file__).parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    section = codebook.split("## Columns\n", 1)[1].split("\n## ", 1)[0]
    generated = codebook_markdown()
    assert generated in section, "regenerate with allied.schema.codebook_markdown()"
    assert section.count("### `") == generated.count("### `")


def test_codebook_coverage_table_matches_the_data() -> None:
    import re

    import allied

    codebook = (Path(__file__).parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    registry = allied.load()
    rows = re.findall(r"^\| `([a-z-]+)` .*? \| (\d+) \| ", codebook, flags=re.M)
    assert rows, "the coverage table is missing"
    for slug, count in rows:
        assert len(registry.memberships(framework=slug)) == int(count), slug


def test_readme_python_example_is_true() -> None:
    import re

    block = re.search(r"```python\n(.*?)```", README, flags=re.S)
    assert block is not None
    namespace: dict[str, object] = {}
    lines = block.group(1).strip().splitlines()
    exec("\n".join(lines[:3]), namespace)  # the imports and the load
    results = [eval(line.split("#")[0], namespace) for line in lines[3:] if line.strip()]
    names, code, last = results
    assert names == ["Belgium", "Canada", "Czech Republic"]
    assert code == "CZE"
    assert (last.actor, str(last.date), last.change) == ("SWE", "2024-03-07", "joined")
