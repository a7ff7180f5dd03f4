"""Reported speech: a reporting verb and the clause after it.

A reporting verb ("says", "told the BBC", "added that", "insisted", "found", "revealed", "made
clear that") with the clause after it is a statement of its subject (``subjects``). Verbs that
also take a plain object ("admitted 14 counts", "denied the charge") report only before "that"
or a quotation; a passive ("was announced by") or an infinitive ("to say") reports nothing, and
"found"/"revealed" only report what a report, an inquiry, a film, an organisation or a person
found. A verb followed by a colon or a quotation only introduces that quotation ("Sir Mark
said: “…”"). With no subject at all ("But insists he won't resign") the speaker is the one of
the last two lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.finder.attribution.inverted import according_to, passive
from claims.finder.attribution.reading import Reading, Utterance
from claims.finder.attribution.subjects import speaker_before
from claims.finder.attribution.words import (
    DATE_PREPOSITIONS,
    GROUP_PRONOUNS,
    OPENERS,
    PASSIVE,
    PERSON_PRONOUNS,
    is_time_word,
    trim_end,
)
from claims.finder.vocabulary import EVIDENCE_VERBS, SPEECH_VERBS
from sources.text.sentences import Sentence
from sources.text.tokens import Token
from sources.text.words import FUNCTION_WORDS

_TELL = frozenset("tell tells told telling".split())
_TELL_OBJECTS = frozenset(
    "the a an our his her their reporters journalists programme audience listeners viewers "
    "mps parliament committee court jury inquiry bbc".split()
)
_NEEDS_QUOTE = frozenset(
    "call calls called calling describe describes described describing".split()
)
# Verbs that also take a plain object ("admitted 14 counts", "denied the charge"): reported
# speech only before "that" or a quotation.
_NEEDS_THAT = frozenset(
    "understands believes claims claimed predicts predicted concluded concludes detailed "
    "details admit admits admitted deny denies denied".split()
)
_REPORT_NOUNS = frozenset(
    """
    report reports review investigation inquiry watchdog documentary programme footage study
    survey analysis research evidence data figures film panorama documents papers messages
    """.split()
)
_MAKE = frozenset("made makes make making".split())
# "Organisers estimated that …", "Udaltsov estimated the turnout at 50,000": an estimate is a
# figure its subject gives; "an estimated 50,000" is a qualifier, not a report.
_ESTIMATE = frozenset("estimate estimates estimated".split())
_DETERMINERS = frozenset("a an the its their his her our this that these those".split())
# "Organisers put the figure at about 20,000": their figure. Only with "at" and a number after.
_PUT = frozenset("put puts putting".split())
# "the unions claimed 310,000": a figure claimed is a figure given, unless it is lives taken
# ("the fire claimed 72 lives").
_CLAIMED = frozenset("claim claims claimed".split())
# The words that make a subject its figures: "police estimates put …" are the police's.
_FIGURE_NOUNS = frozenset("estimate estimates figure figures count counts tally".split())
_COUNTING_BODIES = frozenset(
    "police government ministry organisers organizers officials authorities union unions army "
    "military".split()
)
_PASSIVE_REPORTS = frozenset(
    "revealed unveiled disclosed published uncovered exposed released reported".split()
)


def find_reports(
    reading: Reading,
    sentence: Sentence,
    tokens: list[Token],
    spoken: list[str],
    intros: dict[int, str],
) -> list[Utterance]:
    """The reported clauses of one sentence. Their speakers are added to ``spoken``; a verb that
    only introduces a quotation adds where the quotation starts, and its speaker, to ``intros``."""
    reports: list[Utterance] = []
    covered_until = -1
    for index, token in enumerate(tokens):
        if reading.mask[token.start]:
            continue
        if token.start < covered_until:
            _pending_after_clause(reading, sentence, tokens, index, reports)
            continue
        if _is_according_to(tokens, index):
            if report := according_to(reading, sentence, tokens, index):
                reports.append(report)
                spoken.append(report.speaker)
                covered_until = report.end
            continue
        if _is_passive_report(tokens, index):
            if report := passive(reading, sentence, tokens, index):
                reports.append(report)
                if report.speaker:
                    spoken.append(report.speaker)
            continue
        head = _verb_head(tokens, index)
        if head is None:
            continue
        if report := _verb_report(reading, sentence, tokens, index, head, spoken, intros):
            reports.append(report)
            covered_until = report.end
    return reports


def _is_according_to(tokens: list[Token], index: int) -> bool:
    return (
        tokens[index].lower == "according"
        and index + 1 < len(tokens)
        and tokens[index + 1].lower == "to"
    )


def _is_passive_report(tokens: list[Token], index: int) -> bool:
    """ "were unveiled by", "was revealed by"."""
    return (
        tokens[index].lower in _PASSIVE_REPORTS
        and index > 0
        and tokens[index - 1].lower in PASSIVE
        and index + 1 < len(tokens)
        and tokens[index + 1].lower == "by"
    )


def _verb_head(tokens: list[Token], index: int) -> int | None:
    """Where the reporting verb ending at ``tokens[index]`` starts ("made clear"), if it is one."""
    token = tokens[index]
    low = token.lower
    head = index
    if low == "clear" and index > 0 and tokens[index - 1].lower in _MAKE:
        head = index - 1  # "made clear that …"
    elif low in _PUT:
        if not _puts_at_a_number(tokens, index):
            return None
    elif low not in SPEECH_VERBS and low not in EVIDENCE_VERBS and low not in _ESTIMATE:
        return None
    if token.is_capitalised and index > 0:
        return None  # "Tell Mama": a name, not a verb
    return head


def _claims_a_figure(tokens: list[Token], index: int) -> bool:
    after = tokens[index + 1 : index + 5]
    if not after or not after[0].text[:1].isdigit():
        return False
    return not any(t.lower in ("lives", "life", "victims") for t in after[1:])


def _puts_at_a_number(tokens: list[Token], index: int) -> bool:
    """ "put the figure at about 20,000": "at" within a few words, a number soon after it."""
    for k in range(index + 1, min(index + 9, len(tokens))):
        if tokens[k].lower == "at":
            return any(t.text[:1].isdigit() for t in tokens[k + 1 : k + 4])
        if not tokens[k].is_word and tokens[k].text not in "’'":
            return False
    return False


def _verb_report(
    reading: Reading,
    sentence: Sentence,
    tokens: list[Token],
    index: int,
    head: int,
    spoken: list[str],
    intros: dict[int, str],
) -> Utterance | None:
    """The clause the verb at ``tokens[head : index + 1]`` reports, or None when it reports
    none or only introduces a quotation (then noted in ``intros``)."""
    found = _report(reading, sentence, tokens, index, head)
    if found is None:
        return None
    speaker, clause_start, intro = found
    if intro:
        if speaker:
            spoken.append(speaker)
        intros[clause_start] = speaker
        rest = reading.text[clause_start + 1 : sentence.end]
        if reading.text[clause_start] == ":" and not rest.strip():
            reading.context.pending_line = sentence.line
            reading.context.pending_speaker = speaker
        return None
    end = _before_contrast(reading.text, clause_start, reading.clause_end(clause_start, sentence))
    if any(s <= clause_start < e for s, e in reading.metadata):
        return None  # "…tells BBC Radio Londonpublished at 13:25 BST": a page's stamp
    if len(reading.text[clause_start:end].split()) < 3 and tokens[index].lower not in _CLAIMED:
        return None  # a claimed figure stands alone: "the unions claimed 310,000"
    if speaker:
        spoken.append(speaker)
    return Utterance(clause_start, end, speaker, direct=False)


def _pending_after_clause(
    reading: Reading, sentence: Sentence, tokens: list[Token], index: int, reports: list[Utterance]
) -> None:
    """A verb ending a reported clause with a colon introduces the next line's quotation:
    "The Met said it was cooperating … and added:"."""
    token = tokens[index]
    if token.lower in SPEECH_VERBS and index + 1 == len(tokens) - 1 and tokens[-1].text == ":":
        reading.context.pending_line = sentence.line
        reading.context.pending_speaker = reports[-1].speaker if reports else ""


def _report(
    reading: Reading, sentence: Sentence, tokens: list[Token], index: int, head: int
) -> tuple[str, int, bool] | None:
    """(speaker, where the clause starts, whether the verb only introduces a quotation).

    ``index`` is the verb's last token, ``head`` its first ("made clear").
    """
    if not _reports_here(reading, sentence, tokens, index, head):
        return None
    low = tokens[index].lower
    previous = tokens[head - 1].lower if head > 0 else ""
    after = index + 1
    speaker_tokens, np_start = speaker_before(tokens, head, reading.names, reading.closers)
    if low in EVIDENCE_VERBS and not _evidence_subject(speaker_tokens, previous):
        return None
    if _after_quotation(tokens, head) or (
        _after_quotation(tokens, np_start) and _attribution_only(tokens, after)
    ):
        return None  # "“…,” Khan says", "“…,” said Sir Mark": the quotation's attribution
    speaker = reading.speakers.resolve(_without_figure_noun(speaker_tokens))
    if not speaker_tokens and reading.context.last_speaker_line >= sentence.line - 2:
        speaker = reading.context.last_speaker  # "But insists he won't resign": the same speaker
    clause = _clause_start(reading, sentence, tokens, index)
    if clause is None:
        return None
    return speaker, *clause


_CONTRAST = re.compile(r",\s+(?:while|whereas|but)\s")


def _before_contrast(text: str, start: int, end: int) -> int:
    """A report ends where another speaker's starts: "Police said 50,000 demonstrators had
    turned out …, while the unions claimed 310,000"."""
    for match in _CONTRAST.finditer(text, start, end):
        following = [w.strip(".,;:").lower() for w in text[match.end() : end].split()[:6]]
        if any(w in SPEECH_VERBS or w in _CLAIMED for w in following):
            return match.start()
    return end


def _without_figure_noun(phrase: list[Token]) -> list[Token]:
    """ "police estimates" → "police", "the ministry's figures" → "the ministry's": the body
    whose figures they are."""
    if len(phrase) >= 2 and phrase[-1].lower in _FIGURE_NOUNS:
        before = phrase[-2]
        if before.text != before.bare or before.lower in _COUNTING_BODIES:
            return phrase[:-1]
    return phrase


def _reports_here(
    reading: Reading, sentence: Sentence, tokens: list[Token], index: int, head: int
) -> bool:
    """Does the verb report here: not an infinitive, not a passive, with what it needs after."""
    low = tokens[index].lower
    previous = tokens[head - 1].lower if head > 0 else ""
    if previous == "to":
        return False  # "to say": an infinitive
    if previous in PASSIVE:
        return False  # "were found to have", "was announced by": passive
    if low in _ESTIMATE and (previous in _DETERMINERS or previous.endswith(("'s", "’s"))):
        return False  # "an estimated 50,000", "the ministry's estimated toll"
    if low in EVIDENCE_VERBS and head > 0 and previous == "who":
        return False  # "officers who showed support": not a finding
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None:
        return False
    rest = reading.text[tokens[index].end : sentence.end]
    if low in _NEEDS_QUOTE and rest.split()[:1] != ["for"]:
        # "calls the footage “shocking”", "describes X as “…”": the quotation in this clause
        clause = re.split(r"[,;]", rest, maxsplit=1)[0]
        if not any(c in clause for c in "“\"‘'"):
            return False
    if low in _CLAIMED and _claims_a_figure(tokens, index):
        return True
    if low in _NEEDS_THAT and following.lower != "that" and following.text not in ':“"':
        return False
    if low.startswith("continu") and following.text not in ':“"':
        return False
    return not (
        low in ("added", "adds", "add")
        and not (following.text in ':,“"' or following.lower == "that")
    )


def _clause_start(
    reading: Reading, sentence: Sentence, tokens: list[Token], index: int
) -> tuple[int, bool] | None:
    """Where the clause the verb at ``tokens[index]`` reports starts, past "told MPs on
    Tuesday that", and whether it is a quotation the verb only introduces."""
    after = index + 1
    if tokens[index].lower in _TELL:
        while after < len(tokens) and _is_tell_object(tokens, after):
            after += 1
    after = _past_adverbial(tokens, after)
    if after >= len(tokens):
        return None
    if tokens[after].text == ":" or tokens[after].text[0] in OPENERS:
        return tokens[after].start, True
    if (
        tokens[after].text == ","
        and after + 1 < len(tokens)
        and (tokens[after + 1].text[0] in OPENERS)
    ):
        return tokens[after + 1].start, True  # "Naseem also says, “While …”"
    if tokens[after].lower == "that":
        after += 1
    if after >= len(tokens) or (not tokens[after].is_word and tokens[after].text[0] not in OPENERS):
        return None  # "That said, …", "he explains, adding:"
    if tokens[after].text[0] in OPENERS and _quote_fills(reading, tokens[after].start, sentence):
        return tokens[after].start, True
    return tokens[after].start, False


def _quote_fills(reading: Reading, position: int, sentence: Sentence) -> bool:
    for quotation in reading.quotations:
        if quotation.open == position:
            return quotation.end >= trim_end(reading.text, position, sentence.end) - 2
    return False


def _evidence_subject(phrase: Sequence[Token], previous: str) -> bool:
    """Only a report, an inquiry, a film, an organisation or a person finds or reveals."""
    if previous in ("has", "have", "had"):
        return True
    return any(
        t.is_capitalised or t.lower in _REPORT_NOUNS or t.lower in PERSON_PRONOUNS | GROUP_PRONOUNS
        for t in phrase
    )


def _attribution_only(tokens: Sequence[Token], after: int) -> bool:
    """After "“…,” X says": nothing more, or only an adverbial ("on Wednesday")."""
    rest = [t for t in tokens[after:] if t.is_word]
    if len(rest) < 3:
        return True
    return rest[0].lower in (
        "on",
        "in",
        "at",
        "to",
        "after",
        "before",
        "during",
        "when",
        "while",
        "as",
        "adding",
    )


def _past_adverbial(tokens: Sequence[Token], index: int) -> int:
    """Skip "on Tuesday" in "told MPs on Tuesday that …": the clause starts after "that"."""
    for position in range(index, min(index + 5, len(tokens))):
        if tokens[position].lower == "that":
            between = tokens[index:position]
            if between and all(
                t.lower in DATE_PREPOSITIONS
                or is_time_word(t)
                or t.lower in ("earlier", "later", "yesterday", "today")
                for t in between
            ):
                return position
            break
    return index


def _closes_quote(token: Token) -> bool:
    return token.text in ("”", '"', "’", "'")


def _after_quotation(tokens: Sequence[Token], index: int) -> bool:
    """Does ``tokens[index]`` follow a closing quotation mark (and perhaps a comma)?"""
    position = index - 1
    if position >= 0 and tokens[position].text == ",":
        position -= 1
    return position >= 0 and _closes_quote(tokens[position])


def _is_tell_object(tokens: Sequence[Token], index: int) -> bool:
    token = tokens[index]
    if not token.is_word:
        return False
    if token.lower in ("the", "a", "an", "our", "his", "her", "their"):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return following is not None and (
            following.is_capitalised or following.lower in _TELL_OBJECTS
        )
    if index > 0 and tokens[index - 1].text != tokens[index - 1].bare and tokens[index - 1].is_word:
        return token.lower not in FUNCTION_WORDS  # "Nicky Campbell's phone-in"
    return (
        token.is_capitalised and token.lower not in FUNCTION_WORDS
    ) or token.lower in _TELL_OBJECTS
