"""The noun phrase that says or finds: the subject of a reporting verb.

The phrase right before the verb ("The IOPC said"), past a relative clause or an apposition
("London Mayor Sir Sadiq Khan, who said", "Paula Dodds, chairwoman of …, said"), or the phrase
the sentence opens with for "…, saying" or "… and found". ``speakers`` says whom it names.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from claims.finder.attribution.names import Names
from claims.finder.attribution.words import (
    DATE_PREPOSITIONS,
    GROUP_PRONOUNS,
    NP_STOP,
    PAST_VERBS,
    PERFECT,
    PERSON_PRONOUNS,
    TIME_WORDS,
    is_time_word,
)
from claims.finder.vocabulary import EVIDENCE_VERBS, SPEECH_VERBS
from sources.text.tokens import Token
from sources.text.words import AUXILIARIES, FUNCTION_WORDS

_PARTICIPLES = frozenset(
    "saying adding insisting calling describing warning explaining admitting accepting "
    "arguing denying stressing revealing showing".split()
)
_ADVERBS = frozenset("also then now later earlier himself herself itself themselves just".split())
# Words that end a sentence's opening noun phrase and start something inside it: "Organisers
# of today's demonstration against the visit … claimed", "The organisers of the march that
# has overtaken central London have estimated". The subject is the opening phrase.
_INSIDE_SUBJECT = frozenset(
    "against over about on into near outside across around within without with that which "
    "who".split()
)


def speaker_before(
    tokens: list[Token], index: int, names: Names, closers: Set[int]
) -> tuple[list[Token], int]:
    """The noun phrase that says or finds, for the verb at ``tokens[index]``, and where it
    starts; ``closers`` are the ends of closed quotations, which no phrase reaches back over."""
    position = _skip_adverbs(tokens, index - 1)
    if tokens[index].lower in _PARTICIPLES or (
        position >= 0 and tokens[position].lower in ("and", "but")
    ):
        return initial_phrase(tokens), 0
    relative = position >= 0 and tokens[position].lower in ("who", "which", "that")
    if relative:
        if tokens[position].lower == "who":
            # "We heard from Zoe Billingham, a former inspector …, who describes": the person.
            people = [n for n in names.within(tokens[0].start, tokens[position].start)]
            if people:
                first = next(k for k, t in enumerate(tokens) if t.start >= people[-1].start)
                last = next(k for k, t in enumerate(tokens) if t.end >= people[-1].end)
                return list(tokens[first : last + 1]), first
        position -= 1
        if position >= 0 and tokens[position].text == ",":
            position -= 1
    elif position >= 0 and tokens[position].text == ",":
        earlier = [k for k in range(position) if tokens[k].text == ","]
        if not earlier:
            return [], position + 1
        appositive = tokens[earlier[-1] + 1] if earlier[-1] + 1 < position else None
        if appositive is not None and (
            appositive.lower in ("who", "which") or not appositive.is_capitalised
        ):
            position = earlier[-1] - 1  # "Paula Dodds, chairwoman of …, said"
        elif named := names.within(tokens[earlier[-1]].end, tokens[position].start):
            # "The IOPC’s Regional Director, Sal Naseem, describes": the name between.
            first = next(k for k, t in enumerate(tokens) if t.start >= named[-1].start)
            return list(tokens[first:position]), first
        else:
            return [], position + 1
    phrase = _phrase_back(tokens, position, closers, tight=relative)
    phrase = _before_aside(tokens, phrase, closers)
    if not relative:
        phrase = _opening_subject(tokens, index, phrase)
    while phrase and phrase[0].lower in ("of", "for", "at", "from", "in", "to"):
        phrase.pop(0)
    start = next((k for k, t in enumerate(tokens) if phrase and t is phrase[0]), index)
    return phrase, start


_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"we", "i", "you"}


def _opening_subject(tokens: list[Token], index: int, phrase: list[Token]) -> list[Token]:
    """The sentence's opening noun phrase, when the words read back from the verb at
    ``tokens[index]`` only finish it: "Organisers of today's demonstration [against the
    controversial visit of President George Bush] claimed"."""
    opening = initial_phrase(tokens)
    after = len(opening)
    if not opening or not phrase or after >= index or tokens[after].lower not in _INSIDE_SUBJECT:
        return phrase
    if opening[0].lower.endswith(("ed", "ing")) or phrase[0].lower in _PRONOUNS:
        return phrase  # "Pressed on whether he should have accepted …": a clause of its own
    first = next((k for k, t in enumerate(tokens) if t is phrase[0]), -1)
    if first <= after or any(not t.is_word and t.text not in "’'" for t in tokens[after:index]):
        return phrase
    return opening


def _skip_adverbs(tokens: list[Token], position: int) -> int:
    """Back over "also", "has", "repeatedly" between a subject and its verb."""
    while position >= 0 and (
        tokens[position].lower in _ADVERBS
        or tokens[position].lower in PERFECT
        or (
            tokens[position].lower.endswith("ly")
            and tokens[position].lower.isalpha()
            and not tokens[position].is_capitalised
            and len(tokens[position].lower) > 4
        )
    ):
        position -= 1
    return position


def _before_aside(tokens: list[Token], phrase: list[Token], closers: Set[int]) -> list[Token]:
    """A subject before an aside: "Rowley in his BBC interview insisted"."""
    if (
        phrase
        and phrase[0].start > tokens[0].start
        and (before := _index_before(tokens, phrase[0])) is not None
        and tokens[before].lower in ("his", "her", "their", "its")
        and before > 0
        and tokens[before - 1].lower in ("in", "during", "on", "at", "for")
    ):
        return _phrase_back(tokens, before - 2, closers, tight=False) or phrase
    return phrase


def _phrase_back(
    tokens: list[Token], position: int, closers: Set[int], *, tight: bool
) -> list[Token]:
    """The noun phrase ending at ``tokens[position]``, read backwards.

    ``tight``: only the words right before (after "which"/"that": "the BBC’s Panorama
    investigation that exposed …").
    """
    phrase: list[Token] = []
    depth = 0
    position = _before_date_adverbial(tokens, position)
    while position >= 0 and len(phrase) < 12:
        token = tokens[position]
        low = token.lower
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif depth == 0 and (
            (not token.is_word and token.text not in "’'") or token.start in closers
        ):
            break
        elif depth == 0 and (
            low in NP_STOP
            or (not token.is_capitalised and (low in SPEECH_VERBS or low in PAST_VERBS))
            or (not token.is_capitalised and len(low) > 4 and low.endswith("ed"))
            or (not token.is_capitalised and low in TIME_WORDS)
            or (tight and (low in FUNCTION_WORDS - {"the", "a", "an"} or low.endswith("ing")))
        ):
            if low in PERSON_PRONOUNS | GROUP_PRONOUNS | {"we", "i"} and not phrase:
                phrase.insert(0, token)
            break
        phrase.insert(0, token)
        position -= 1
        if tight and low in ("the", "a", "an"):
            break
    return phrase


def initial_phrase(tokens: Sequence[Token]) -> list[Token]:
    """The noun phrase a sentence opens with, up to its verb."""
    phrase: list[Token] = []
    for token in tokens:
        low = token.lower
        if not token.is_word and token.text not in "’'()":
            break
        verb = (
            low in AUXILIARIES or low in SPEECH_VERBS or low in EVIDENCE_VERBS or low in PAST_VERBS
        )
        if verb and not (phrase and token.is_capitalised):  # "the Final Say march": a name
            break
        if phrase and not token.is_capitalised and len(low) > 4 and low.endswith("ed"):
            break
        if low in FUNCTION_WORDS and low not in ("the", "a", "an", "of", "for"):
            break
        phrase.append(token)
    return phrase


def _before_date_adverbial(tokens: Sequence[Token], position: int) -> int:
    """Skip "on Wednesday", "last week", "in 2021" at the end of a subject: "Figures released
    by Action Fraud on Wednesday show …"."""
    start = position
    while start >= 0 and is_time_word(tokens[start]):
        start -= 1
    if start < position and start >= 0 and tokens[start].lower in DATE_PREPOSITIONS:
        return start - 1
    return position


def _index_before(tokens: Sequence[Token], token: Token) -> int | None:
    for index, other in enumerate(tokens):
        if other is token:
            return index - 1 if index > 0 else None
    return None
