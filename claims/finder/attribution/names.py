"""Names, honorifics and titles.

Names: runs of capitalised words, split at words that are not names (titles, places,
institutions, months), with at least two words or a title ("Sir Mark", "Mr Khan"). A short
form is the full name it abbreviates: "Sir Mark" and "Rowley" are "Sir Mark Rowley" when the text
names him so; "Mr", "Ms", "Sgt" and the like are dropped, "Sir", "Dame" and "Lord" kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sources.text.tokens import strip_possessive
from sources.text.words import FUNCTION_WORDS, MONTHS, WEEKDAYS

HONORIFICS = frozenset(
    "sir dame lord lady baroness baron mr mrs ms miss mx dr prof professor rev sgt pc dc ds di "
    "dci insp supt cllr det pcso sen rep gov gen col lt capt maj pres".split()
)
_KEPT_HONORIFICS = frozenset("sir dame lord lady baroness baron".split())

ROLE_HEADS = frozenset(
    """
    director commissioner chief chairman chairwoman chair chairperson leader mayor secretary
    minister spokesperson spokesman spokeswoman president superintendent inspector executive
    head editor governor councillor mp judge coroner constable chancellor headteacher
    principal manager coach captain bishop pastor professor doctor nurse founder owner lawyer
    barrister solicitor campaigner activist scientist economist analyst spokesperson
    """.split()
)
TITLE_WORDS = ROLE_HEADS | frozenset(
    """
    deputy assistant regional home prime foreign justice general senior national acting
    interim former party shadow independent chief police detective
    """.split()
)
NOT_NAMES = (
    TITLE_WORDS
    | FUNCTION_WORDS
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        """
        police metropolitan met service office conduct independent station cross street road
        london londoners bbc panorama radio news federation party green labour conservative
        conservatives liberal democrats reform council commission review england wales
        scotland britain british uk city hall westminster west east north south end central
        downing greater unit response islamophobia domestic abuse today live hour woman facebook
        whatsapp instagram twitter getty images image media caption home words pictures main
        written related top our picks sign read download start skip tap leave your already
        meanwhile however earlier later speaking asked pressed having following separately
        instead warning acknowledging according mayor government parliament court crown
        prosecution national crime agency ministry justice department force forces
        one two three four five six seven eight nine ten eleven twelve fourteen twenty
        tell mama said says
        """.split()
    )
)
NAME_WORD = re.compile(r"(?:Mc|Mac|O’|O'|D’|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]*\.?(?: [A-Z][\w’'\-]*\.?)*")


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    honorific: str  # "Sir", "" when none
    words: tuple[str, ...]  # ("Mark", "Rowley")


class Names:
    """The people a text names, and the full name each short form stands for."""

    def __init__(self, text: str) -> None:
        self.found = find_names(text)
        self._by_surname: dict[str, Name] = {}
        self._by_first: dict[str, Name] = {}
        for name in self.found:
            if len(name.words) < 2:
                continue
            for table, key in ((self._by_surname, name.words[-1]), (self._by_first, name.words[0])):
                best = table.get(key)
                if best is None or _fullness(name) > _fullness(best):
                    table[key] = name

    def canonical(self, honorific: str, words: Sequence[str]) -> str:
        """The fullest form of a name in this text: ("Sir", ["Mark"]) → "Sir Mark Rowley"."""
        words = [strip_possessive(w) for w in words]
        best: Name | None = None
        if len(words) >= 2:
            best = self._by_surname.get(words[-1])
            if best is not None and best.words[0] != words[0]:
                best = best if best.words[-len(words) :] == tuple(words) else None
        elif words:
            if honorific.lower() in _KEPT_HONORIFICS:
                best = self._by_first.get(words[0]) or self._by_surname.get(words[0])
            else:
                best = self._by_surname.get(words[0])
        if best is not None:
            return display(best.honorific, best.words)
        return display(honorific, tuple(words))

    def of_name(self, name: Name) -> str:
        return self.canonical(name.honorific, name.words)

    def within(self, start: int, end: int) -> list[Name]:
        return [n for n in self.found if start <= n.start and n.end <= end]


def display(honorific: str, words: Sequence[str]) -> str:
    kept = honorific if honorific.lower() in _KEPT_HONORIFICS else ""
    return " ".join([kept, *words] if kept else words)


def _fullness(name: Name) -> tuple[int, int]:
    return len(name.words), int(name.honorific.lower() in _KEPT_HONORIFICS)


def find_names(text: str) -> list[Name]:
    names: list[Name] = []
    for run in _CAPITALISED_RUN.finditer(text):
        words: list[tuple[str, int, int]] = []
        offset = run.start()
        for word in run.group().split(" "):
            words.append((word, offset, offset + len(word)))
            offset += len(word) + 1
        names.extend(
            # "the White House", "the Commonwealth Fund": institutions, not people
            n
            for n in _names_in_run(words)
            if n.honorific or text[max(0, n.start - 4) : n.start].lower() != "the "
        )
    return names


def _names_in_run(words: list[tuple[str, int, int]]) -> list[Name]:
    names: list[Name] = []
    honorific = ""
    current: list[tuple[str, int, int]] = []
    start = 0

    def flush() -> None:
        nonlocal honorific, current
        if current and (honorific or len(current) >= 2):
            names.append(
                Name(start, current[-1][2], honorific, tuple(w for w, _, _ in current[:4]))
            )
        honorific, current = "", []

    for raw, word_start, _ in words:
        bare = strip_possessive(raw.rstrip("."))
        possessive = bare != raw.rstrip(".")
        if bare.lower() in HONORIFICS and not current:
            flush()
            honorific, start = bare, word_start
            continue
        if bare.lower() in NOT_NAMES or not NAME_WORD.fullmatch(bare):
            flush()
            continue
        if not current and not honorific:
            start = word_start
        current.append((bare, word_start, word_start + len(bare)))
        if possessive:
            flush()
    flush()
    return names
