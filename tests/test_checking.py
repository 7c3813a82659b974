"""`allied.checking` and `allied check`: line endings, offsets into the text as sent, the table."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from allied.checking import TEXT_LIMIT, check_sent
from allied.claims import DocumentTooLarge, check_text
from allied.cli import cli

FIXTURES = Path(__file__).parent / "claims" / "fixtures"
BELGIAN = (FIXTURES / "be-2021-nato.txt").read_text(encoding="utf-8")
FRENCH = (FIXTURES / "fr-2013-partnerships.txt").read_text(encoding="utf-8")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def claims_of(document: dict) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(c["kind"], " ".join(c["text"].split()), c["verdict"]) for c in document["claims"]]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_claims_lf_gives(registry, ending: str) -> None:  # type: ignore[no-untyped-def]
    sent = BELGIAN.replace("\n", ending)
    plain = check_sent(BELGIAN, registry=registry)
    other = check_sent(sent, registry=registry)
    assert claims_of(other.document) == claims_of(plain.document)
    assert len(other.document["claims"]) >= 10
    for claim in other.document["claims"]:  # offsets into the text as sent, CRs and all
        assert sent[claim["start"] : claim["end"]].split() == claim["text"].split()
        assert not sent[claim["end"] - 1].isspace()
    assert len(other.plain) == len(sent)


def test_crlf_bytes_as_a_file_sends_them(registry) -> None:  # type: ignore[no-untyped-def]
    sent = BELGIAN.replace("\n", "\r\n")
    as_bytes = check_sent(sent.encode("utf-8"), registry=registry)
    as_text = check_sent(sent, registry=registry)
    assert as_bytes.document == as_text.document


def test_offsets_move_past_every_dropped_cr(registry) -> None:  # type: ignore[no-untyped-def]
    sent = (
        "Last updated on 1 July 2021.\r\n\r\nÉtat: NATO now has 30 members.\r\n"
        "And NATO has 29 members."
    )
    document = check_sent(sent, registry=registry).document
    assert [sent[c["start"] : c["end"]] for c in document["claims"]] == [
        "NATO now has 30 members",
        "NATO has 29 members",
    ]


def test_lf_text_is_checked_as_check_text_checks_it(registry) -> None:  # type: ignore[no-untyped-def]
    direct = check_text(BELGIAN, as_of="2021-07-01", registry=registry).as_document()
    assert check_sent(BELGIAN, as_of="2021-07-01", registry=registry).document == direct


def test_line_numbers_count_every_kind_of_line_ending(registry) -> None:  # type: ignore[no-untyped-def]
    text = "a\r\nb\rc\nNATO now has 30 members."
    sent = check_sent(text, as_of="2021-07-01", registry=registry)
    (claim,) = sent.document["claims"]
    assert sent.line_of(claim["start"]) == 4
    assert sent.line_of(0) == 1 and sent.line_of(3) == 2 and sent.line_of(5) == 3


def test_a_text_over_the_limit_is_refused(registry) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DocumentTooLarge, match=f"the limit is {TEXT_LIMIT:,}"):
        check_sent("é" * (TEXT_LIMIT // 2 + 1), registry=registry)


# `allied check`


def run(*args: str, stdin: bytes | None = None, columns: int = 80) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(cli, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("columns", [80, 150])
def test_the_table_reads_at_80_columns_with_nothing_cut(columns: int) -> None:
    code, out, _ = run(
        "check", str(FIXTURES / "be-2021-nato.txt"), "--as-of", "2021-07-01", "--format", "table",
        columns=columns,
    )  # fmt: skip
    assert code == 0
    assert max(len(line.rstrip()) for line in out.splitlines()) <= columns
    _, raw, _ = run("check", str(FIXTURES / "be-2021-nato.txt"), "--as-of", "2021-07-01",
                    "--format", "json")  # fmt: skip
    document = json.loads(raw)
    flat = " ".join(out.split())
    # Every claim: its line, verdict and deciding source, whole.
    lines = BELGIAN.splitlines()
    for claim in document["claims"]:
        line = BELGIAN.count("\n", 0, claim["start"]) + 1
        assert " ".join(claim["text"].split()[:3]) in " ".join(lines[line - 1].split())
        assert re.search(rf"^\s*{line}\s+{claim['verdict']}\s", out, re.M), (line, claim["verdict"])
        assert f"source: {claim['sources'][0]}" in out  # on one line: never folded
    # Every date printed is whole, and every date of the explanations is printed.
    explained = {d for c in document["claims"] for d in DATE.findall(c["explanation"])}
    assert explained and explained <= set(DATE.findall(flat))
    assert not re.search(r"(?<![\d-])\d{4}-\d{1,2}(?![\d-])", flat)
    counts = {v: sum(c["verdict"] == v for c in document["claims"]) for v in
              ("supported", "outdated", "contradicted", "unverifiable")}  # fmt: skip
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    assert f"{len(document['claims'])} claims: {summary}" in out
    assert "as of 2021-07-01 (given)" in out


def test_the_table_of_a_dated_text_says_where_the_date_was_found() -> None:
    code, out, _ = run("check", str(FIXTURES / "fr-2013-partnerships.txt"), "--format", "table")
    assert code == 0
    assert "as of 2013-07-02 (detected: “Dernière modification : 02/07/2013”)" in " ".join(
        out.split()
    )


def test_a_text_without_claims_prints_the_counts_and_no_table() -> None:
    code, out, _ = run("check", "-", "--format", "table", stdin=b"Nothing to check here.")
    assert code == 0
    assert "0 claims: 0 supported, 0 outdated, 0 contradicted, 0 unverifiable" in out
    assert "verdict" not in out.split("unverifiable", 1)[1]


def test_json_keeps_its_keys_and_offsets_into_the_file_as_sent(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(BELGIAN.replace("\n", "\r\n").encode("utf-8"))
    code, out, _ = run("check", str(crlf), "--as-of", "2021-07-01", "--format", "json")
    assert code == 0
    document = json.loads(out)
    _, lf, _ = run("check", str(FIXTURES / "be-2021-nato.txt"), "--as-of", "2021-07-01",
                   "--format", "json")  # fmt: skip
    assert claims_of(document) == claims_of(json.loads(lf))
    sent_as_lf = json.loads(lf)
    assert list(document) == list(sent_as_lf) and list(document["document"]) == list(
        sent_as_lf["document"]
    )  # the keys check_text gives, in its order, and no other
    assert [list(c) for c in document["claims"]] == [list(c) for c in sent_as_lf["claims"]]
    sent = crlf.read_bytes().decode("utf-8")
    for claim in document["claims"]:
        assert sent[claim["start"] : claim["end"]].split() == claim["text"].split()


def test_csv_has_the_answers_columns() -> None:
    code, out, _ = run("check", "-", "--as-of", "2021-07-01", "--format", "csv",
                       stdin=b"NATO now has 30 members.")  # fmt: skip
    assert code == 0
    header, row = out.splitlines()[:2]
    assert header.startswith("start,end,kind,subject,verdict")
    assert row.startswith("0,23,count,nato,outdated")


def test_a_file_over_the_limit_is_one_line_and_exit_2(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"NATO has 32 members. " * (TEXT_LIMIT // 21 + 1))
    code, out, err = run("check", str(big))
    assert (code, out) == (2, "")
    assert err == f"Error: {big} is {big.stat().st_size:,} bytes; the limit is {TEXT_LIMIT:,}\n"
    code, out, err = run("check", "-", stdin=big.read_bytes())
    assert (code, out) == (2, "")
    assert err == f"Error: standard input is more than {TEXT_LIMIT:,} bytes, the limit\n"


def test_more_claims_than_an_answer_holds_is_refused(
    registry,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from allied import checking

    monkeypatch.setattr(checking, "MAX_CLAIMS", 2)
    text = "NATO has 30 members. " * 3
    with pytest.raises(checking.TooManyClaims, match="makes 3 claims, more than 2 in one answer"):
        check_sent(text, registry=registry)
    code, out, err = run("check", "-", stdin=text.encode())
    assert (code, out) == (2, "")
    assert err == "Error: the text makes 3 claims, more than 2 in one answer: send it in parts\n"
    assert len(check_sent(text[:42], registry=registry).document["claims"]) == 2


def test_the_table_shows_an_inferred_writing_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """An undated text's window, as the answer holds it (`document.as_of_window`)."""
    from allied import checking

    real = checking.check_sent

    def windowed(*args, **kwargs):  # type: ignore[no-untyped-def]
        sent = real(*args, **kwargs)
        dated = {**sent.document["document"], "as_of_source": "inferred",
                 "as_of_window": ["2020-03-27", "2023-04-03"]}  # fmt: skip
        return dataclasses.replace(sent, document={**sent.document, "document": dated})

    monkeypatch.setattr(checking, "check_sent", windowed)
    code, out, _ = run("check", "-", "--format", "table", stdin=b"NATO now has 30 members.")
    assert code == 0
    assert "written between 2020-03-27 and 2023-04-03 (inferred from its claims), judged as " + (
        "of"
    ) in " ".join(out.split())
