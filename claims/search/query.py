"""A reader's search query, read the way PostgreSQL's ``websearch_to_tsquery`` reads it:
words (all of them must be there), "a phrase" in quotes, ``OR`` between two alternatives and
``-word`` for a word that must not be there. Nothing a reader types is an error: a stray quote
closes at the end, an ``OR`` with nothing on one side is dropped, punctuation is only text.

The parsed query is written out again for each backend: as a websearch string PostgreSQL
parses itself, and as an FTS5 MATCH expression for SQLite with every term in quotes, so that
no word a reader types (``NEAR``, ``AND``, ``*``, ``:``) is read as FTS5 syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200  # characters read; the rest is ignored
MAX_TERMS = 16  # words and phrases; more add cost and rarely change the answer

# A quoted phrase (closed or running to the end), or a run of anything else but spaces.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# What a term must hold to be searchable: a letter or a digit (in any script).
_SEARCHABLE = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Term:
    """A word, or a phrase of words in that order."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class SearchQuery:
    """Every group must match (AND); a group matches if one of its terms does (OR); no
    excluded term may match."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        # Only exclusions ("-police") would match nearly everything, slowly: not a search.
        return bool(self.groups)

    def websearch(self) -> str:
        """For PostgreSQL's ``websearch_to_tsquery``: each term quoted, quotes inside dropped."""
        groups = [" OR ".join(_quoted_plain(term) for term in group) for group in self.groups]
        excluded = [f"-{_quoted_plain(term)}" for term in self.excluded]
        return " ".join([*groups, *excluded])

    def fts5(self) -> str:
        """An FTS5 MATCH expression: every term a quoted string, quotes inside doubled."""
        groups = [
            "(" + " OR ".join(_fts5_string(term) for term in group) + ")" for group in self.groups
        ]
        expression = " AND ".join(groups)
        if self.excluded:
            excluded = " OR ".join(_fts5_string(term) for term in self.excluded)
            expression = f"({expression}) NOT ({excluded})"
        return expression

    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]


def parse(text: str) -> SearchQuery:
    """Read ``text`` as a websearch query; see the module's docstring."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    count = 0
    for match in _TOKEN.finditer(text[:MAX_QUERY_LENGTH]):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare.upper() == "OR":
            pending_or = bool(groups)  # joins the next term to the last group
            continue
        if quoted is not None:
            term = Term(" ".join(quoted.split()), phrase=True)
        else:
            negated = "-" if bare.startswith("-") else ""
            term = Term(bare.lstrip("-"))
        if not _SEARCHABLE.search(term.text) or count >= MAX_TERMS:
            pending_or = False
            continue
        count += 1
        if negated:
            excluded.append(term)
            pending_or = False
        elif pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    return SearchQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def _quoted_plain(term: Term) -> str:
    # websearch_to_tsquery has no escape for a quote: a quote inside a term becomes a space.
    return '"' + term.text.replace('"', " ") + '"'


def _fts5_string(term: Term) -> str:
    # Inside an FTS5 string a doubled quote is a quote; the tokenizer makes a phrase of it.
    return '"' + term.text.replace('"', '""') + '"'
