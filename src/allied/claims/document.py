"""Turn the bytes or text of a document into plain text the claim finder can read.

Markup is blanked out rather than removed: every tag, entity, Markdown marker
and URL is replaced by spaces (a line break for block tags), so the plain text
has exactly the length of the input and a claim's `start`/`end` offsets into
the plain text are offsets into the original input too.
"""

from __future__ import annotations

import html
import os
import re
import sys
from dataclasses import dataclass
from typing import Literal

from allied.errors import AlliedError

Markup = Literal["auto", "text", "html", "markdown"]
MARKUPS = ("auto", "text", "html", "markdown")

#: The largest document accepted, in bytes of UTF-8 (10 MiB).
MAX_BYTES = 10 * 1024 * 1024


class DocumentError(AlliedError, ValueError):
    """A document cannot be checked: the message says why."""


class EmptyDocument(DocumentError):
    """The document has no text."""


class BinaryDocument(DocumentError):
    """The document is binary data, not text."""


class NotUtf8(DocumentError):
    """The document's bytes are not valid UTF-8."""


class DocumentTooLarge(DocumentError):
    """The document is over the size limit."""


class UnreadableDocument(DocumentError):
    """The document's file cannot be read (missing, a directory, no permission)."""


@dataclass(frozen=True)
class Document:
    """A decoded document and its plain text, of the same length, offset for offset."""

    original: str
    plain: str
    markup: Markup


_SUFFIXES: dict[str, Markup] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LOOKS_HTML = re.compile(
    r"<(?:!doctype|html|head|body|p|div|br|span|a|h[1-6]|ul|ol|li|table|meta|article)\b", re.I
)
# Every pattern here runs in time linear in the text: a repeated part never scans past the
# character that could start another match ("[", "<"), so a text of 1 MB of "[" or "<a " is
# read once, not once per opening bracket.
_LOOKS_MARKDOWN = re.compile(
    r"(?m)^#{1,6}\s|\[[^\[\]\n]{1,1000}\]\([^()\[\]\s]{1,2000}\)|\*\*[^*\n]+\*\*"
)

_HTML_HIDDEN_OPEN = re.compile(r"<(script|style|head)\b|<!--", re.I)
_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<![^<>]*>")
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "title",
        "tr",
        "ul",
    ]
)

_MD_LINK = re.compile(
    r"!?\[([^\[\]\n]{0,1000})\]\([^()\[\]\s]{0,2000}(?:\s+\"[^\"\n()\[\]]{0,300}\")?\)"
)
_MD_MARKERS = re.compile(
    r"(?m)^[ \t]*(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t])"  # headings, quotes, bullets
    r"|\*\*|__|`+"  # strong emphasis and code
    r"|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"  # emphasis
    r"|(?m:^\[[^\]\n]+\]:[^\n]*$)"  # reference-style link definitions
)


def read_document(
    data: bytes | str, *, markup: Markup = "auto", max_bytes: int | None = None
) -> Document:
    """Decode `data` and strip its markup; raise a `DocumentError` on bad input.

    Bytes must be UTF-8 (a byte-order mark is kept as a blanked character).
    `markup="auto"` recognises HTML and Markdown by their tags and markers;
    `max_bytes` defaults to `MAX_BYTES`.

    >>> read_document(b"<p>NATO has <b>32</b> members.</p>").plain
    '\\n  NATO has    32     members.\\n   '
    """
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if isinstance(data, bytes):
        text = _decode(data, max_bytes)
    else:
        text = data
        if len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise DocumentTooLarge(
                _too_large(len(text.encode("utf-8", "surrogatepass")), max_bytes)
            )
    if not text.strip():
        raise EmptyDocument("the document is empty")
    if _SURROGATE.search(text):  # lone surrogates (from JSON "\\ud800"): one U+FFFD each
        text = _SURROGATE.sub("\ufffd", text)
    controls = len(_CONTROL.findall(text, 0, 65536))
    if "\x00" in text or controls > max(8, min(len(text), 65536) // 100):
        raise BinaryDocument("the document looks like binary data, not text")
    chosen = detect_markup(text) if markup == "auto" else markup
    if chosen == "html":
        plain = strip_html(text)
    elif chosen == "markdown":
        plain = strip_markdown(text)
    else:
        plain = text
    return Document(original=text, plain=plain.replace("\ufeff", " "), markup=chosen)


def read_source(path: str, *, max_bytes: int | None = None) -> tuple[bytes, Markup]:
    """Read a file's bytes (`-` is standard input) and the markup its suffix implies.

    Reads at most one byte more than the limit, so an oversized file is refused
    without being loaded whole.

    >>> read_source("no/such/file.html")
    Traceback (most recent call last):
    ...
    allied.claims.document.UnreadableDocument: cannot read no/such/file.html: no such file
    """
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if path == "-":
        stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
        data = stdin.read(limit + 1)
        return (data.encode("utf-8") if isinstance(data, str) else data), "auto"
    suffix = os.path.splitext(path)[1].lower()
    markup: Markup = _SUFFIXES.get(suffix, "auto")
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1), markup
    except FileNotFoundError:
        raise UnreadableDocument(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise UnreadableDocument(f"cannot read {path}: it is a directory") from None
    except OSError as error:
        raise UnreadableDocument(f"cannot read {path}: {error.strerror or error}") from None


def detect_markup(text: str) -> Markup:
    """Guess whether `text` is HTML, Markdown or plain text from its first 64 KiB.

    >>> detect_markup("<p>NATO</p>"), detect_markup("# NATO"), detect_markup("NATO")
    ('html', 'markdown', 'text')
    """
    head = text[:65536]
    if _LOOKS_HTML.search(head):
        return "html"
    if _LOOKS_MARKDOWN.search(head):
        return "markdown"
    return "text"


def strip_html(text: str) -> str:
    """Blank tags, comments, scripts and styles; decode entities in place.

    >>> strip_html("a&amp;b<br>c")
    'a&    b\\n   c'
    """
    text = _blank_hidden(text)
    text = _HTML_TAG.sub(_blank_tag, text)
    return _HTML_ENTITY.sub(_decode_entity, text)


def strip_markdown(text: str) -> str:
    """Blank Markdown markers and link targets, keeping link text in place.

    >>> strip_markdown("**NATO** has [32 members](https://nato.int).")
    '  NATO   has  32 members                   .'
    """
    text = _MD_LINK.sub(_blank_link, text)
    return _MD_MARKERS.sub(_blank, text)


def _blank_hidden(text: str) -> str:
    """Blank comments, scripts, styles and the head, each up to its end (or the text's end).

    The end of each is looked up with `str.find`, once per kind when it is missing,
    so unclosed openings cannot make the scan quadratic.
    """
    lower = text.translate(_ASCII_LOWER)  # same length as `text`, unlike str.lower
    parts: list[str] = []
    cursor = 0
    missing: set[str] = set()
    for match in _HTML_HIDDEN_OPEN.finditer(text):
        if match.start() < cursor:
            continue
        name = (match.group(1) or "").lower()
        closing = "-->" if not name else f"</{name}"
        if closing in missing:
            continue
        end = lower.find(closing, match.end())
        if end < 0:
            missing.add(closing)
            continue
        end = end + len(closing) if not name else (lower.find(">", end) + 1 or len(text))
        parts.append(text[cursor : match.start()])
        parts.append(_spaces(text[match.start() : end]))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _decode(data: bytes, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise DocumentTooLarge(_too_large(len(data), max_bytes))
    if not data.strip():
        raise EmptyDocument("the document is empty")
    if b"\x00" in data[:65536]:
        raise BinaryDocument("the document looks like binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotUtf8(f"the document is not UTF-8 (invalid byte at offset {error.start})") from None


def _too_large(size: int, limit: int) -> str:
    return f"the document is {size:,} bytes; the limit is {limit:,}"


def _blank(match: re.Match[str]) -> str:
    return _spaces(match.group(0))


def _blank_tag(match: re.Match[str]) -> str:
    blank = _spaces(match.group(0))
    if (match.group(1) or "").lower() in _BLOCK_TAGS:
        return "\n" + blank[1:]
    return blank


def _blank_link(match: re.Match[str]) -> str:
    whole, label = match.group(0), match.group(1)
    prefix = 2 if whole.startswith("!") else 1
    return " " * prefix + label + " " * (len(whole) - prefix - len(label))


def _decode_entity(match: re.Match[str]) -> str:
    entity = match.group(0)
    decoded = html.unescape(entity)
    if len(decoded) > len(entity):  # never: entities are longer than what they stand for
        return entity
    return decoded + " " * (len(entity) - len(decoded))


def _spaces(text: str) -> str:
    # Keep line breaks, so that blanked blocks still end sentences and lines.
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))
