"""The data version: one name for one state of the bundled dataset.

Every JSON answer carries it (`data_version`), so does every export, the
API's `X-Allied-Data-Version` header, `allied --version` and each citation.
It names the data, not the code: bump it (`YYYY.MM`, the month of the last
data change) whenever a CSV under `allied/data/` changes, and add a CHANGELOG
entry. This is the only place it is written.

>>> DATA_VERSION
'2026.12'
"""

from __future__ import annotations

#: The version of the bundled dataset, `YYYY.MM` (see the module's docstring).
DATA_VERSION = "2026.12"
#: The HTTP header every API and page response carries it in.
DATA_VERSION_HEADER = "X-Allied-Data-Version"
