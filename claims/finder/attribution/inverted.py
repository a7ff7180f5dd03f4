"""Reported speech whose speaker is not the subject of a reporting verb.

- Inverted: the clause before "…, the union warned." is said by the phrase after the comma.
- Passive: the subject of "details of messages were unveiled by the watchdog" is said by the
  agent.
- "According to X": the clause before ", according to X", or after "According to X,".
"""

from __future__ import annotations

from claims.finder.attribution.reading import Reading, Utterance
from claims.finder.attribution.words import NP_STOP, OPENERS, PASSIVE, PERFECT, TIME_WORDS, trim_end
from claims.finder.vocabulary import SPEECH_VERBS
from sources.text.sentences import Sentence
from sources.text.tokens import Token
from sources.text.words import AUXILIARIES

_SUBORDINATORS = frozenset("after that when because as while since before if although".split())
_ADVERBIAL_STARTS = frozenset(
    "after before when while as since following amid despite in on at citing adding saying "
    "because".split()
)
_SAID = frozenset(
    "said says added adds warned warns claimed insisted insists confirmed confirms announced "
    "explained reported believes believed".split()
)


def inverted(reading: Reading, sentence: Sentence, tokens: list[Token]) -> Utterance | None:
    """Inverted reported speech: "Up to 600 more staff could join, the union warned.",
    the clause before the comma, said by the noun phrase after it."""
    if not tokens or reading.mask[tokens[0].start] or tokens[0].text[0] in OPENERS:
        return None
    for index, token in enumerate(tokens):
        if token.lower not in _SAID or token.is_capitalised or reading.mask[token.start]:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.text not in ",.;!?":
            continue  # "she adds:" introduces a quotation; "says the …" reports one
        comma = next(
            (
                k
                for k in range(index - 1, -1, -1)
                if not tokens[k].is_word and tokens[k].text not in "()’'"
            ),
            None,
        )
        if comma is None or tokens[comma].text != "," or not 0 < index - comma - 1 <= 8:
            continue
        phrase = list(tokens[comma + 1 : index])
        if any(t.lower in SPEECH_VERBS or t.lower in AUXILIARIES for t in phrase):
            continue
        end = trim_end(reading.text, sentence.start, tokens[comma].start)
        rest = [t for t in tokens[index + 1 :] if t.is_word]
        if rest and rest[0].lower not in _ADVERBIAL_STARTS:
            # "Those who circulate rumours …, he says, are “the misogynists …”"
            end = trim_end(reading.text, sentence.start, sentence.end)
        if len(reading.text[sentence.start : end].split()) < 4:
            continue
        return Utterance(sentence.start, end, reading.speakers.resolve(phrase), direct=False)
    return None


def passive(
    reading: Reading, sentence: Sentence, tokens: list[Token], index: int
) -> Utterance | None:
    """The subject of a passive report, said by its agent: "details of messages … were
    unveiled by the watchdog"."""
    agent: list[Token] = []
    for token in tokens[index + 2 : index + 10]:
        if not token.is_word and token.text not in "’'()":
            break
        if (
            agent
            and not token.is_capitalised
            and (token.lower in NP_STOP or token.lower in TIME_WORDS or token.lower == "last")
        ):
            break  # "by the auditor last week"
        agent.append(token)
    position = index - 1
    while position > 0 and tokens[position - 1].lower in PASSIVE | PERFECT:
        position -= 1
    end = tokens[position].start
    start_index = 0
    for k in range(position - 1, -1, -1):
        if tokens[k].lower in _SUBORDINATORS:
            start_index = k + 1
            break
    if position - start_index < 3:
        return None
    start = tokens[start_index].start
    return Utterance(
        start, trim_end(reading.text, start, end), reading.speakers.resolve(agent), False
    )


def according_to(
    reading: Reading, sentence: Sentence, tokens: list[Token], index: int
) -> Utterance | None:
    """The clause an "according to" phrase frames, said by the phrase after "to"."""
    np_tokens: list[Token] = []
    for token in tokens[index + 2 :]:
        if not token.is_word and token.text not in "’'()":
            break
        np_tokens.append(token)
    speaker = reading.speakers.resolve(np_tokens)
    if index == 0 or tokens[index - 1].text != ",":
        # "According to the Met, …": the clause follows the comma.
        after = index + 2 + len(np_tokens)
        if after + 1 >= len(tokens):
            return None
        start = tokens[after + 1].start
        return Utterance(start, reading.clause_end(start, sentence), speaker, False)
    end = trim_end(reading.text, sentence.start, tokens[index - 1].start)
    if end <= sentence.start:
        return None
    return Utterance(sentence.start, end, speaker, direct=False)
