"""News-agency credits in a text: a dateline "KIGALI, Rwanda (AP) —", "(Reuters) –",
"MOSCOW - Agence France-Presse", "Cape Town, South Africa | AFP |", a footer "Reporting by …;
Editing by …", "© Copyright AFP", "© 2010 AFP" or "© 1994-2017 Agence France-Presse". A story
carried by several outlets under one agency's credit is one origin of what it says, however
many sites print it."""

from __future__ import annotations

import re

# Only where credits stand: the head (the dateline) and the foot (a credit line). An agency
# named in the body ("told Reuters") is a source of a quote, not the story's origin.
_EDGE = 600
_CREDITS = [
    ("AP", re.compile(r"\((?:AP|The Associated Press|Associated Press)\)")),
    ("Reuters", re.compile(r"\(Reuters\)|^\(?Reporting by [^\n]*; [Ee]diting by", re.MULTILINE)),
    (
        "AFP",
        re.compile(
            r"\(AFP\)|\| AFP \||© (?:Copyright |\d{4}(?:-\d{4})? )?(?:AFP\b|Agence France-Presse)"
            r"|^[A-Z][A-Z .,]+ [-–—] (?:AFP|Agence France-Presse)\b",
            re.MULTILINE,
        ),
    ),
]


def agency_credit(text: str) -> str:
    """The news agency ``text`` credits as its origin ("AP", "Reuters", "AFP"), or ""."""
    edges = f"{text[:_EDGE]}\n{text[-_EDGE:]}"
    return next((agency for agency, pattern in _CREDITS if pattern.search(edges)), "")
