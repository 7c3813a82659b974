"""Adjectives of nationality ("Russian troops", "the Dutch contingent") and the actors they name.

English usage, not registry facts: a word names an actor by its ISO alpha-3 code, the
code the registry keys actors by. Only the usual adjective of each state is listed; a
word the list lacks names no one (a claim is then not found, never misread).
"""

from __future__ import annotations

import re

DEMONYMS: dict[str, str] = {
    "Afghan": "AFG", "Albanian": "ALB", "American": "USA", "Argentine": "ARG",
    "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT", "Azerbaijani": "AZE",
    "Belgian": "BEL", "Bosnian": "BIH", "British": "GBR", "Bulgarian": "BGR",
    "Canadian": "CAN", "Croatian": "HRV", "Czech": "CZE", "Danish": "DNK", "Dutch": "NLD",
    "Estonian": "EST", "Finnish": "FIN", "French": "FRA", "Georgian": "GEO",
    "German": "DEU", "Greek": "GRC", "Hungarian": "HUN", "Icelandic": "ISL",
    "Irish": "IRL", "Italian": "ITA", "Jordanian": "JOR", "Latvian": "LVA",
    "Lithuanian": "LTU", "Luxembourgish": "LUX", "Macedonian": "MKD", "Moldovan": "MDA",
    "Mongolian": "MNG", "Montenegrin": "MNE", "Moroccan": "MAR", "Norwegian": "NOR",
    "Polish": "POL", "Portuguese": "PRT", "Romanian": "ROU", "Russian": "RUS",
    "Serbian": "SRB", "Slovak": "SVK", "Slovenian": "SVN", "Spanish": "ESP",
    "Swedish": "SWE", "Swiss": "CHE", "Turkish": "TUR", "Ukrainian": "UKR",
}  # fmt: skip

#: Any listed adjective as a whole word, capitalised as written in running text.
DEMONYM = re.compile(r"\b(?P<demonym>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")


def actor_of(word: str) -> str | None:
    """The actor code an adjective of nationality names: `actor_of("Dutch") == "NLD"`."""
    return DEMONYMS.get(word)
