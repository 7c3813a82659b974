"""Finders run only where their declared cues are, and scans skip only what cannot match."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from tests.claims.conftest import FIXTURES

import allied
from allied.claims import extract, tasks
from allied.claims.claim import Claim
from allied.claims.context import Context, Finder, cued
from allied.claims.dispatch import Dispatch
from allied.claims.sentences import split_sentences

REG = allied.load()
#: The phrasing-class texts the other tests were written with, and the two seeds.
_MODULES = (
    "test_phrasings",
    "test_phrasings_accession",
    "test_phrasings_commitments",
    "test_bodies",
)
TEXTS = [
    case[0]
    for module in _MODULES
    for case in importlib.import_module(f"tests.claims.{module}").CASES
] + [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]


class _Everyone:
    """Every finder on every sentence: what `find_claims` did before finders were cued."""

    def finders(self, context: Context) -> tuple[Finder, ...]:
        return extract._FINDERS


@pytest.mark.parametrize("text", TEXTS)
def test_cues_change_no_claim(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cued_claims = extract.find_claims(text, REG)
    monkeypatch.setattr(extract, "_DISPATCH", _Everyone())
    assert extract.find_claims(text, REG) == cued_claims


def _contexts(text: str) -> Iterator[Context]:
    previous = None
    for sentence in split_sentences(text, []):
        yield Context(text, sentence, None, previous, text.lower())
        previous = sentence


@cued("founded")
def _by_word(ctx: Context) -> Iterator[Claim]:
    yield from ()


@cued(previous=("?",))
def _after_a_question(ctx: Context) -> Iterator[Claim]:
    yield from ()


def _always(ctx: Context) -> Iterator[Claim]:
    yield from ()


def test_a_finder_runs_where_its_cues_are() -> None:
    dispatch = Dispatch((_by_word, _after_a_question, _always))
    text = "It was founded in 1949. How many members? Thirty-two."
    ran = [[f.__name__ for f in dispatch.finders(ctx)] for ctx in _contexts(text)]
    assert ran == [["_by_word", "_always"], ["_always"], ["_after_a_question", "_always"]]


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "Its three CORE  Tasks are: defence; crisis management; security.",
        "core tasks core tasks are: a, b and c. Key\ntasks of the Alliance: x, y, z.",
        "The essential ta\u017fks are: a, b and c.",  # a long s is an "s" to the pattern only
        "İstanbul: the main tasks are a, b and c.",  # lower case lengthens "İ"
    ],
)
def test_task_lists_are_found_where_a_full_scan_finds_them(text: str) -> None:
    found = [(m.span(), m.group(0)) for m in tasks._intros(text)]
    assert found == [(m.span(), m.group(0)) for m in tasks._INTRO.finditer(text)]
