"""Who a noun phrase names, and what each sentence leaves for the next one's pronouns.

A phrase that holds a name is that person ("London Mayor Sir Sadiq Khan" → "Sir Sadiq Khan");
"watchdog the Independent Office for Police Conduct (IOPC)" → "the IOPC"; "a spokesperson for
Mr Khan" stays a spokesperson. "He"/"she" are the last person who spoke or was the subject of a
sentence (or the one person a sentence named); "it"/"they" the last organisation that spoke;
"the spokesperson" the spokesperson named a few lines before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from claims.finder.attribution.names import NAME_WORD, NOT_NAMES, Names
from claims.finder.attribution.subjects import initial_phrase
from claims.finder.attribution.words import GROUP_PRONOUNS, PERSON_PRONOUNS
from claims.finder.vocabulary import UNCOUNTABLE, looks_plural
from sources.text.sentences import Sentence
from sources.text.tokens import Token, is_acronym, strip_possessive


@dataclass
class Context:
    """What the previous sentences leave behind for pronouns and continued quotations."""

    last_person: str = ""
    last_group: str = ""
    last_speaker: str = ""
    last_speaker_line: int = -10
    pending_line: int = -10  # a line ending "…said:" introduces the next line's quotation
    pending_speaker: str = ""
    # "spokesperson" → ("a spokesperson for Sadiq Khan", line): "the spokesperson" a little later
    heads: dict[str, tuple[str, int]] = field(default_factory=dict)
    # the last organisation that spoke under its own name ("Nissan"), and on which line
    named_group: tuple[str, int] = ("", -10)
    line: int = 0


class Speakers:
    """Resolves the phrases of one text's sentences, read in order, to speakers."""

    def __init__(self, text: str, names: Names) -> None:
        self.text = text
        self.names = names
        self.context = Context()

    def resolve(self, phrase: Sequence[Token]) -> str:
        """A speaker's name from the noun phrase that names them; "" when the phrase names
        no one ("the", "66", "update": words a sentence's shape left before a verb)."""
        speaker = self._resolve(phrase)
        return speaker if _names_someone(speaker) else ""

    def _resolve(self, phrase: Sequence[Token]) -> str:
        phrase = list(phrase)
        while phrase and phrase[0].lower in ("and", "but", "or", "so", "then", "meanwhile"):
            phrase.pop(0)
        if not phrase:
            return ""
        if len(phrase) == 1 and phrase[0].lower in PERSON_PRONOUNS:
            return self.context.last_person
        if len(phrase) == 1 and phrase[0].lower in GROUP_PRONOUNS:
            return self.context.last_group or self.context.last_speaker
        if len(phrase) == 1 and phrase[0].lower in ("we", "i"):
            return self.context.last_speaker
        for k, token in enumerate(phrase[:-2]):
            if token.text == "(" and phrase[k + 2].text == ")" and is_acronym(phrase[k + 1].text):
                return f"the {phrase[k + 1].text}"
        start, end = phrase[0].start, phrase[-1].end
        names = self.names.within(start, end)
        if (
            names
            and names[-1].end >= strip_end(phrase[-1])
            and not any(
                t.lower in ("for", "of", "at", "from", "to") and t.start < names[-1].start
                for t in phrase
            )
        ):
            return self.names.of_name(names[-1])
        if person := self.known_person(phrase):
            return person
        if len(phrase) == 1 and phrase[0].is_capitalised and not is_acronym(phrase[0].text):
            return strip_possessive(phrase[0].text)
        words = self.text[start:end]
        for name in reversed(names):
            words = (
                words[: name.start - start] + self.names.of_name(name) + words[name.end - start :]
            )
        if phrase[0].text in ("The", "A", "An"):
            words = words[0].lower() + words[1:]
        head = strip_possessive(phrase[-1].lower)
        group, line = self.context.named_group
        if (
            phrase[0].lower == "the"
            and head in _ORGANISATION_NOUNS
            and group
            and self.context.line - line <= 8
        ):
            return group  # "the carmaker" after "Nissan said": Nissan
        if phrase[0].lower == "the" and head in self.context.heads:
            earlier, line = self.context.heads[head]
            if self.context.line - line <= 6:
                return earlier
        return words

    def known_person(self, phrase: Sequence[Token]) -> str:
        """One capitalised word in the phrase that is a name the text gives in full:
        "Rowley finishes" → "Sir Mark Rowley"."""
        people = []
        for token in phrase:
            if token.lower in ("for", "of", "at", "from", "to", "with"):
                break  # "a spokesperson for Ford" is not Ford
            if not token.is_capitalised or not token.is_word or token.lower in NOT_NAMES:
                continue
            full = self.names.canonical("", [token.text])
            if " " in full:
                people.append(full)
        return people[-1] if len(set(people)) == 1 else ""

    def is_named_person(self, speaker: str) -> bool:
        return any(speaker == self.names.of_name(n) for n in self.names.found)

    def is_person(self, speaker: str) -> bool:
        return any(speaker == self.names.of_name(n) for n in self.names.found) or (
            len(speaker.split()) == 1 and speaker[:1].isupper() and not is_acronym(speaker)
        )

    def remember(
        self, sentence: Sentence, tokens: list[Token], spoken: list[str], mask: bytearray
    ) -> None:
        """Keep who spoke in ``sentence`` and whom it is about, for the pronouns of the next
        ones; ``mask`` marks the characters inside quotations."""
        context = self.context
        # A possessor is not who the sentence is about: "Mr Holloway's predecessor, Tom Baxter".
        people_here = [
            self.names.of_name(n)
            for n in self.names.within(sentence.start, sentence.end)
            if not mask[n.start] and self.text[n.end : n.end + 1] not in ("’", "'")
        ]
        spoken = [s for s in spoken if s.strip()]  # "According to him": no name to keep
        person_speakers = [s for s in spoken if self.is_person(s)]
        if spoken:
            context.last_speaker = spoken[-1]
            context.last_speaker_line = sentence.line
            head_words = spoken[-1].split(" for ")[0].split()
            if not self.is_person(spoken[-1]) and head_words:
                context.last_group = spoken[-1]
            if spoken[-1][:1].isupper() and not self.is_named_person(spoken[-1]):
                context.named_group = (spoken[-1], sentence.line)  # "Nissan", not "Sir Mark"
                if not spoken[-1].startswith("the "):
                    context.heads[head_words[-1].lower()] = (spoken[-1], sentence.line)
        if person_speakers:
            context.last_person = person_speakers[-1]
            return
        initial = initial_phrase(tokens)
        initial_people = [
            self.names.of_name(n)
            for n in (self.names.within(initial[0].start, initial[-1].end) if initial else [])
            if self.text[n.end : n.end + 1] not in ("’", "'")
        ] or ([person] if (person := self.known_person(initial)) else [])
        if initial_people:
            context.last_person = initial_people[-1]
        elif len(set(people_here)) == 1:
            context.last_person = people_here[0]
        elif not people_here and (person := self.known_person(tokens)):
            context.last_person = person
        elif not people_here and len(single := _single_names(tokens)) == 1:
            context.last_person = single[0]


# What a report calls an organisation it has named: "the carmaker", "the group".
_ORGANISATION_NOUNS = frozenset(
    "company firm group carmaker automaker planemaker manufacturer maker business retailer "
    "airline lender bank insurer operator conglomerate giant".split()
)
# Single lower-case words that name a body that speaks; other such words must look plural
# ("officials", "organisers") to name someone.
_BODIES = UNCOUNTABLE | frozenset(
    "government ministry military army union council court company group firm".split()
)


def _names_someone(speaker: str) -> bool:
    """ "the regulator", "officials", "police": someone; "the", "66", "update": no one."""
    words = speaker.split()
    if not any(c.isalpha() for c in speaker) or speaker.lower() in ("the", "a", "an"):
        return False
    if len(words) == 1 and words[0].islower():
        return looks_plural(words[0]) or words[0] in _BODIES
    return True


def _single_names(tokens: list[Token]) -> list[str]:
    """Capitalised words inside a sentence that may be someone's first name: "Rob"."""
    found = []
    for index, token in enumerate(tokens[1:], start=1):
        bare = strip_possessive(token.text)
        if (
            token.is_word
            and NAME_WORD.fullmatch(bare)
            and bare.lower() not in NOT_NAMES
            and tokens[index - 1].lower not in ("the", "a", "an")
            and not (index + 1 < len(tokens) and tokens[index + 1].is_capitalised)
            and not tokens[index - 1].is_capitalised
        ):
            found.append(bare)
    return sorted(set(found))


def strip_end(token: Token) -> int:
    """Where a token ends without its possessive."""
    return token.end - (len(token.text) - len(strip_possessive(token.text)))
