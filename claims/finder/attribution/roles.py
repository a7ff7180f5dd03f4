"""Roles: the title a person holds.

A title right before a name ("IOPC regional director Sal Naseem", "The IOPC’s Regional
Director, Sal Naseem") or in apposition after it ("Paula Dodds, chairwoman of …") — once per
person per text.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.finder.attribution.names import ROLE_HEADS, TITLE_WORDS, Name, Names
from sources.text.tokens import Token, tokenize
from sources.text.words import FUNCTION_WORDS


@dataclass(frozen=True, slots=True)
class Role:
    start: int
    end: int
    person: str
    title: str  # "regional director"


def find_roles(text: str, names: Names) -> list[Role]:
    """The first title given to each named person."""
    roles: list[Role] = []
    seen: set[str] = set()
    for name in names.found:
        person = names.of_name(name)
        if person in seen:
            continue
        role = _title_before(text, name, person) or _title_after(text, name, person)
        if role is not None:
            seen.add(person)
            roles.append(role)
    return roles


def _title_before(text: str, name: Name, person: str) -> Role | None:
    line_start = text.rfind("\n", 0, name.start) + 1
    tokens = tokenize(text, line_start, name.start)
    if tokens and tokens[-1].text == ",":
        tokens.pop()
    phrase: list[Token] = []
    for token in reversed(tokens):
        bare = token.bare
        if bare in TITLE_WORDS or (
            token.is_capitalised and bare not in FUNCTION_WORDS and token.is_word
        ):
            phrase.insert(0, token)
            if bare != token.lower:
                break  # "The IOPC’s Regional Director": the possessor ends it
            continue
        break
    words = [t.bare for t in phrase if t.bare in TITLE_WORDS]
    if not words or phrase[-1].bare not in ROLE_HEADS:
        return None
    first = next(t for t in phrase if t.lower in TITLE_WORDS)
    return Role(first.start, name.end, person, " ".join(words))


def _title_after(text: str, name: Name, person: str) -> Role | None:
    line_end = text.find("\n", name.end)
    tokens = tokenize(text, name.end, line_end if line_end >= 0 else len(text))
    if len(tokens) < 2 or tokens[0].text != ",":
        return None
    words: list[Token] = []
    for token in tokens[1:6]:
        if token.lower in ("a", "an", "the") and not words:
            continue
        if token.lower in TITLE_WORDS:
            words.append(token)
            continue
        break
    if not words or words[-1].lower not in ROLE_HEADS:
        return None
    return Role(name.start, words[-1].end, person, " ".join(t.lower for t in words))
