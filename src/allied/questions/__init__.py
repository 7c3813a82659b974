"""Every question about the registry that the CLI and the API both answer, answered once.

Each function parses nothing and formats nothing: it takes a `Registry` and
typed arguments and returns an `Answer` (see `allied.answer`), which the CLI
renders as a table, JSON or CSV and the API as JSON or CSV — the same document
and the same rows both ways. One module per family of questions:

- `roster`: `members` — who was in a framework on a date;
- `actors`: `actor` — everything known about one actor;
- `frameworks`: `frameworks`, `framework`, `history`;
- `changes`: `diff`, `events`;
- `sources`: `sources`, `source` — and what cites it;
- `names`: `search` — by any name ever used;
- `ties`: `relations` — each state's closest tie (the home map);
- `panel`: `panel` — country-year rows; `wide_panel` — state-years, COW IGO's layout;
- `citation`: `citation` — how to cite the data, an export or a page;
- `memberships`: `memberships`, `membership_segments`;
- `operations`: `operations`, `operation`, `contributors`, `contributions`.

A new capability (spending, accession) adds its own module. This
package imports none of them itself: each answer class costs start-up time to
create, so `allied members` loads only the roster.

>>> import allied
>>> from allied.questions.roster import members
>>> roster = members(allied.load(), "nato", on="2004-03-29")
>>> roster.count, roster.document()["on_precision"]
(26, 'day')
"""
