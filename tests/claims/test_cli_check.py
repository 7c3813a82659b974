"""`allied check`: JSON and table output, standard input, one-line errors with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allied.cli import cli

from .conftest import FIXTURES

CLAIM_KEYS = [
    "text", "start", "end", "kind", "subject", "verdict",
    "true_from", "true_until", "now", "explanation", "sources",
]  # fmt: skip


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_json_shape_of_the_french_seed() -> None:
    code, out, _ = run("check", str(FIXTURES / "fr-2013-partnerships.txt"), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == ["document", "claims"]
    assert document["document"]["as_of"] == "2013-07-02"
    assert document["document"]["as_of_source"] == "detected"
    assert all(list(claim) == CLAIM_KEYS for claim in document["claims"])
    verdicts = {c["verdict"] for c in document["claims"]}
    assert verdicts <= {"supported", "outdated", "contradicted", "unverifiable"}


def test_as_of_and_standard_input() -> None:
    text = (FIXTURES / "be-2021-nato.txt").read_bytes()
    code, out, _ = run("check", "-", "--as-of", "2021-07-01", "--format", "json", stdin=text)
    assert code == 0
    claims = json.loads(out)["claims"]
    (thirty,) = [c for c in claims if c["text"] == "NATO now has 30 members"]
    assert thirty["verdict"] == "outdated"
    assert "since 2024-03-07" in thirty["now"]


def test_table_output(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>NATO now has <b>30</b> members.</p>", encoding="utf-8")
    code, out, _ = run("check", str(page), "--as-of", "2021-07-01", "--format", "table")
    assert code == 0
    assert "outdated" in out and "as of 2021-07-01 (given)" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("check", "no/such/file.txt"), None, "cannot read no/such/file.txt: no such file"),
        (("check", "-"), b"", "the document is empty"),
        (("check", "-"), b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
        (("check", "-"), b"caf\xe9", "not UTF-8"),
        (("check", "-", "--as-of", "2021"), b"NATO has 30 members.", "must be a full date"),
        (("check", "-", "--as-of", "2021-02-30"), b"NATO has 30 members.", "no such day"),
        (("check", "-", "--as-of", "2999-01-01"), b"NATO has 30 members.", "is in the future"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: tuple[str, ...], stdin: bytes | None, message: str
) -> None:
    code, out, err = run(*args, stdin=stdin)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_file_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from allied import checking

    monkeypatch.setattr(checking, "TEXT_LIMIT", 10)
    big = tmp_path / "big.txt"
    big.write_text("NATO has 32 members. " * 10, encoding="utf-8")
    code, _, err = run("check", str(big))
    assert code == 2
    assert err == f"Error: {big} is 210 bytes; the limit is 10\n"


def test_help_ends_with_an_example() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    assert "allied check page.html --as-of 2021-07-01" in out.split("Example:")[1]
