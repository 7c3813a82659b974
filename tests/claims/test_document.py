"""Reading input: bad input is a clear error; markup is blanked so offsets still point home."""

from __future__ import annotations

import pytest

from allied.claims import (
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    NotUtf8,
    UnreadableDocument,
    check_text,
    read_source,
)
from allied.claims.document import detect_markup, read_document, strip_html, strip_markdown
from allied.errors import AlliedError


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", EmptyDocument, "empty"),
        ("  \n\t ", EmptyDocument, "empty"),
        (b"PK\x03\x04\x00\x00binary", BinaryDocument, "binary"),
        ("text\x00with a NUL", BinaryDocument, "binary"),
        ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3, BinaryDocument, "binary"),
        (b"caf\xe9 au lait", NotUtf8, "invalid byte at offset 3"),
        (b"x" * 101, DocumentTooLarge, "the limit is 100"),
        ("é" * 60, DocumentTooLarge, "120 bytes"),
    ],
)
def test_bad_input_raises_a_named_error(data: bytes | str, error: type, message: str) -> None:
    with pytest.raises(error, match=message) as raised:
        read_document(data, max_bytes=100)
    assert isinstance(raised.value, AlliedError)


def test_check_text_refuses_bad_input_too() -> None:
    with pytest.raises(EmptyDocument):
        check_text(b"   ")


def test_html_is_blanked_in_place() -> None:
    html = '<p>NATO now has <b>32</b>&nbsp;members.</p><script>var n = "30 members";</script>'
    plain = strip_html(html)
    assert len(plain) == len(html)
    assert "NATO now has" in plain and "32" in plain and "script" not in plain
    assert plain.index("32") == html.index("32")
    assert "30 members" not in plain


def test_claim_offsets_point_into_the_original_html() -> None:
    html = "<html><body><h1>NATO</h1><p>The Alliance <em>now</em> has <b>30</b> members.</p>"
    report = check_text(html, as_of="2021-07-01")
    (claim,) = [c for c in report.as_document()["claims"] if c["kind"] == "count"]
    assert report.markup == "html"
    assert html[claim["start"] : claim["end"]].startswith("The Alliance <em>now</em> has")
    assert claim["text"] == "The Alliance now has 30 members"


def test_markdown_keeps_link_text_in_place() -> None:
    markdown = "## NATO\n\n**NATO** now has [32 members](https://www.nato.int/).\n"
    assert detect_markup(markdown) == "markdown"
    plain = strip_markdown(markdown)
    assert len(plain) == len(markdown)
    assert plain.index("32 members") == markdown.index("32 members")
    assert "https" not in plain and "**" not in plain
    report = check_text(markdown, as_of="2025-01-01")
    assert [c.verdict.verdict for c in report.claims] == ["supported"]


def test_plain_text_is_left_alone() -> None:
    text = "Allies: 2 * 3 = 6, and *nothing* is stripped from plain text."
    assert detect_markup(text) == "text"
    assert read_document(text).plain == text


def test_read_source_errors_and_markup(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnreadableDocument, match="no such file"):
        read_source(str(tmp_path / "missing.txt"))
    with pytest.raises(UnreadableDocument, match="directory"):
        read_source(str(tmp_path))
    page = tmp_path / "page.HTML"
    page.write_bytes(b"<p>NATO</p>")
    assert read_source(str(page)) == (b"<p>NATO</p>", "html")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 50)
    data, markup = read_source(str(big), max_bytes=10)
    assert len(data) == 11 and markup == "text"  # one byte over: refused later, not loaded whole


def test_an_html_list_after_a_colon() -> None:
    html = (
        "<nav><ul><li>Belgium</li><li>France</li></ul></nav>"
        "<p>The <a href='/ici'>Istanbul Cooperation Initiative</a> brings together:</p>"
        "<ul><li>Bahrain</li><li>Qatar</li><li>the United Arab Emirates</li><li>Kuwait</li></ul>"
        "<script>var text = 'NATO has 12 members';</script><!-- NATO has 99 members -->"
    )
    (claim,) = check_text(html, as_of="2013-07-02").as_document()["claims"]
    assert (claim["kind"], claim["subject"], claim["verdict"]) == ("membership", "ici", "supported")
    assert html[claim["start"] :].startswith("Istanbul Cooperation Initiative</a> brings")
