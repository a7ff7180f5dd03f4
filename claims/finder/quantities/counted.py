"""What a count counts and what happened to it, read from the sentence around the number.

English news states the predicate of a count in a handful of places, tried in this order:

- the status or event the finder already tied to the count ("nine officers were suspended");
- a verb phrase after the counted noun: "40 people were hurt", "six of them remain in
  intensive care", "9,000 workers will be laid off";
- a participle or adjective inside the noun phrase: "793 injured passengers", "40 dead";
- the verb whose object the count is: "killed 12 people", "cut 9,000 jobs";
- a total the figure is the value of: "the death toll rose to 12", "the tally of arrests
  reached 230", "the number of fatalities stood at 290".

The counted entity is the noun's head ("people" for a toll of deaths); role and status words in
the noun phrase ("serving", "former", "confirmed", "probable") are the qualifiers.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.finder.numbers import digits_value, word_value
from claims.finder.quantities.nouns import noun_phrase
from claims.finder.vocabulary import PEOPLE_ADJECTIVES, TOTALS, pluralise
from claims.rules.counted import Counted, is_measure
from claims.rules.paraphrase import canonical_predicate, entity_key, predicate_families
from sources.text.tokens import Token
from sources.text.words import AUXILIARIES, STOPWORDS

# Role and status words that make a count another claim.
QUALIFIERS = frozenset(
    "serving former current retired confirmed probable suspected estimated presumed "
    "critically seriously severely gravely".split()  # "critically injured" is another count
)
# Words between a count and its verb that say nothing of what happened.
_FILLERS = AUXILIARIES | frozenset(
    "still also now later then reportedly so far already all both each remain remains remained "
    "currently since been being".split()
)
_NEGATIONS = frozenset("not never yet".split())
_NOT_YET = frozenset("yet still remain remains remained".split())  # before "to be identified"
_ASIDES = frozenset(",—–")  # an aside between commas or dashes
_SUBJECT_PRONOUNS = frozenset("it they he she we i you".split())
_STOP = frozenset("and or but because after before when while which who that as".split())


def read_counted(
    tokens: Sequence[Token], first: int, after: int, *, unit: str, noun: str, label: str
) -> Counted:
    """``tokens[first:after]`` is the count's phrase ("at least 40 injured people");
    ``label`` is the status or event tied to it by the finder, if any."""
    measure = is_measure(unit)
    entity = "" if measure else unit
    modifiers = [w for w in noun.lower().split() if w]
    # "290 fatalities", "230 arrests": the noun says what happened, after any verb or modifier
    # ("793 injured passengers had been discharged", "200-odd critically injured victims")
    noun_label = _predicate_noun(entity)
    # "50 dead and 413 injured": an adjective standing for people says what happened to them,
    # whatever event is tied to the count
    stands_for_people = noun.lower() in PEOPLE_ADJECTIVES and tokens[after - 2].lower != "the"
    if stands_for_people:  # not "200 of the injured are still being treated"
        noun_label, label = noun.lower(), ""
    if noun_label and label in ("", entity):
        entity = _DEFAULT_ENTITY.get(min(predicate_families(noun_label)), "")
    qualifiers = tuple(dict.fromkeys(w for w in modifiers if w in QUALIFIERS))
    qualifiers += _increment_or_total(tokens, first, after)
    bare = not unit and not noun  # "the toll rose to 12": the total says what is counted
    total = _total_before(tokens, first)
    found_qualifiers: list[str] = []
    share, share_end = _share_of(tokens, after) if unit == "percent" else ("", after)
    # "Seventeen people across 13 states became infected": the clause's verb is not the states'
    inner = _within_other_count(tokens, first)
    verb_after = "" if inner else _verb_after(tokens, share_end, found_qualifiers)
    label = "" if inner else label
    # "charged three officials it had arrested": a clause with its own subject says what was
    # done to the count before, so the verb the count is the object of comes first
    object_clause = share_end < len(tokens) and tokens[share_end].lower in _SUBJECT_PRONOUNS
    if object_clause and label and label.split()[-1] in verb_after.split():
        label = ""  # the event tied to the count is that clause's verb
    readings = [
        total if bare else "",
        _changed_to(tokens, first) if bare else "",
        label,
        noun_label if stands_for_people else "",
        "" if object_clause else verb_after,
        _in_phrase(modifiers),
        noun_label,
        _verb_before(tokens, first),
        verb_after if object_clause else "",
        "" if object_clause or inner else _verb_phrase_after(tokens, share_end, verb_after),
        total,
        _people_include(tokens, first),
    ]
    by_change = first > 0 and tokens[first - 1].lower == "by"  # "employment rose by 210,800"
    if not measure and not by_change:
        # a count "lowered to 275" was revised; what happened is still deaths
        readings = [r for r in readings if not (predicate_families(r) or {""}) <= _CHANGES]
    # The first reading of a known family ("1,175 injured people were referred…" → injured),
    # else the first there is.
    predicate = next((r for r in readings if r and predicate_families(r)), "") or next(
        (r for r in readings if r), ""
    )
    denial = next((r for r in (label, verb_after) if r.startswith("not ")), "")
    if denial:
        predicate = denial  # a denial says what did not happen, whatever else is near
    if not entity and not measure:
        entity = _noun_before_change(tokens, first) or _number_of(tokens, first)
    if unit == "percent":
        entity = share or _what_changed(tokens, first)
    if not entity and predicate and not measure:
        families = predicate_families(predicate)
        entity = _DEFAULT_ENTITY.get(min(families), "") if len(families) == 1 else ""
    qualifiers += tuple(q for q in found_qualifiers if q not in qualifiers)
    return Counted(entity=entity, predicate=canonical_predicate(predicate), qualifiers=qualifiers)


# What a count of a predicate noun counts: deaths and arrests of people, cuts of jobs.
_DEFAULT_ENTITY = {
    "died": "people",
    "injured": "people",
    "hospitalised": "people",
    "missing": "people",
    "arrested": "people",
    "evacuated": "people",
    "displaced": "people",
    "rescued": "people",
    "protested": "people",
    "laid off": "jobs",
    "infected": "cases",
    "voted": "votes",
    "charged": "charges",
}


def _predicate_noun(entity: str) -> str:
    """ "290 fatalities", "9,000 cuts", "230 arrests": the noun says what happened."""
    if entity and predicate_families(entity) and entity_key(entity) not in _COUNTED_CLASSES:
        return entity
    return ""


_COUNTED_CLASSES = frozenset({"jobs", "homes", "votes", "people"})


def _increment_or_total(tokens: Sequence[Token], first: int, after: int) -> tuple[str, ...]:
    """ "another 10,000 jobs", "11,000 more jobs" are an increment; "a total of 20,000", "20,000
    in all" a total: each another claim than the plain count."""
    before = " ".join(t.lower for t in tokens[max(0, first - 3) : first])
    inside = {
        t.lower
        for k, t in enumerate(tokens[first:after], start=first)
        if not (k + 1 < len(tokens) and tokens[k + 1].lower == "than")  # "more than 900"
    }
    following = " ".join(t.lower for t in tokens[after : after + 2])
    if inside & {"more", "additional", "further", "extra", "another"} or before.endswith(
        ("another", "a further", "an additional", "an extra")
    ):
        return ("additional",)
    if before.endswith(("a total of", "total of", "the total to", "total to")) or following in (
        "in all",
        "in total",
        "altogether",
    ):
        return ("total",)
    return ()


def _noun_before_change(tokens: Sequence[Token], first: int) -> str:
    """ "cut its plants from 17 to 10": the noun before a change's "from" is what it counts."""
    position = first - 1
    while position >= 0 and (
        tokens[position].lower in ("from", "to")
        or not tokens[position].is_word
        or tokens[position].text[0].isdigit()
    ):
        if tokens[position].text in ".;:":
            return ""
        position -= 1
    if position < 0 or position == first - 1:
        return ""
    if tokens[position + 1].lower != "from":  # "plants from 17 to 10", not "climbs to 278"
        return ""
    if position > 0 and tokens[position].lower.endswith(("wide", "ly")):
        position -= 1  # "plants worldwide from 17 to 10"
    word = tokens[position].lower
    if word in TOTALS and position > 0 and tokens[position - 1].is_word:
        # "its plant count from 17 to 10": the noun the count is of
        noun = tokens[position - 1].lower
        return "" if noun in STOPWORDS or not noun.isalpha() else pluralise(noun)
    if word in TOTALS or not word.isalpha() or not word.endswith("s") or word.endswith("ss"):
        return ""
    return "" if _predicate_noun(word) else word  # "the number of fatalities to 290"


def _verb_after(tokens: Sequence[Token], index: int, qualifiers: list[str]) -> str:
    """ "were hurt", "remain in intensive care", "will be laid off", "are under investigation",
    "that have not been identified"; a status word on the way ("were confirmed dead") goes to
    ``qualifiers``, and a negation to the predicate ("not identified")."""
    position = index
    if position < len(tokens) and tokens[position].lower in ("that", "who", "which"):
        position += 1  # a relative clause: "81 bodies that have not been identified"
    negated = False
    while position < len(tokens) and (
        tokens[position].lower in _FILLERS
        or tokens[position].lower in QUALIFIERS
        or tokens[position].lower in _NEGATIONS
    ):
        if tokens[position].lower in QUALIFIERS:
            qualifiers.append(tokens[position].lower)
        negated = negated or tokens[position].lower in ("not", "never")
        position += 1
        if _not_yet(tokens, position):
            negated, position = True, position + 2
    if position < len(tokens) and tokens[position].text in _ASIDES and position == index:
        return _after_aside(tokens, position, qualifiers)
    if position >= len(tokens) or not tokens[position].is_word or position - index > 6:
        return ""
    if negated:
        word = _verb_after(tokens, position, qualifiers) or tokens[position].lower
        return f"not {word}"
    word = tokens[position].lower
    if not (_participle(word) or predicate_families(word)):
        # "in intensive care", "were taken to hospital": a phrase of a known family
        return _family_phrase(tokens, position)
    if position + 1 < len(tokens) and tokens[position + 1].lower in ("off", "out", "down", "up"):
        return f"{word} {tokens[position + 1].lower}"
    return word


def _not_yet(tokens: Sequence[Token], position: int) -> bool:
    """ "have yet to be identified", "still to be found", "remain to be named": what is still
    to be done to a count has not been done to it. A bare "are to be laid off" is a plan."""
    return (
        position + 1 < len(tokens)
        and tokens[position].lower == "to"
        and tokens[position + 1].lower == "be"
        and tokens[position - 1].lower in _NOT_YET
    )


def _after_aside(tokens: Sequence[Token], opening: int, qualifiers: list[str]) -> str:
    """ "Ten people, including six children, have been killed", "5,333—or about 88 percent of
    the death toll—have yet to be identified": the verb after an aside."""
    for position in range(opening + 1, min(len(tokens), opening + 10)):
        if tokens[position].text in ".;:":
            return ""
        if tokens[position].text == tokens[opening].text:
            if position + 1 < len(tokens) and tokens[position + 1].lower in _FILLERS:
                return _verb_after(tokens, position + 1, qualifiers)
            return ""
    return ""


def _verb_phrase_after(tokens: Sequence[Token], index: int, verb: str) -> str:
    """When the verb after a count (``verb``) is of no known family, a phrase of one further
    on: "two others sustained injuries", "four people were shifted to GTB hospital", "Four
    people on a second bus traveling behind the first one were injured"."""
    if predicate_families(verb):
        return ""
    if verb:
        position = next(
            (k for k in range(index, min(len(tokens), index + 8)) if tokens[k].lower == verb),
            None,
        )
        return _family_phrase(tokens, position) if position is not None else ""
    return _verb_further(tokens, index)


def _verb_further(tokens: Sequence[Token], position: int) -> str:
    """ "Four people on a second bus traveling behind the first one were injured": the first
    auxiliary of the clause and a verb of a known family after it."""
    for later in range(position + 1, min(len(tokens), position + 12)):
        if not tokens[later].is_word and not tokens[later].text[0].isdigit():
            return ""  # "Seventeen people across 13 states became infected" goes on
        if tokens[later].lower in _LINKING:
            word = _verb_after(tokens, later, [])
            return word if predicate_families(word) else ""
    return ""


_LINKING = AUXILIARIES | frozenset("became become becomes got get gets".split())


def _within_other_count(tokens: Sequence[Token], first: int) -> bool:
    """Is the count inside a phrase placing the count before it ("Seventeen people across 13
    states became infected")? Then the clause's verb is that count's, not this one's."""
    if first < 2 or tokens[first - 1].lower not in _PLACING:
        return False
    return any(
        digits_value(t.text) is not None or word_value(t.lower) is not None
        for t in tokens[max(0, first - 4) : first - 1]
    )


_PLACING = frozenset("across in at from among over throughout".split())


def _family_phrase(tokens: Sequence[Token], position: int) -> str:
    """The shortest phrase of at most four words from ``position`` that names a predicate
    family, within the clause."""
    phrase: list[str] = []
    for token in tokens[position : position + 4]:
        if not token.is_word or token.lower in _STOP:
            break
        phrase.append(token.lower)
        if predicate_families(" ".join(phrase)):
            return " ".join(phrase)
    return ""


def _participle(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word.isalpha()


def _in_phrase(modifiers: Sequence[str]) -> str:
    """ "injured passengers", "40 dead": a modifier that names what happened."""
    for word in modifiers[:-1] or modifiers:
        if word not in QUALIFIERS and predicate_families(word):
            return word
    return ""


_BEFORE_COUNT = frozenset("of the a an further another additional extra some for to".split())


def _verb_before(tokens: Sequence[Token], first: int) -> str:
    """ "killed 12 people", "cut 9,000 jobs", "the deaths of 40 people"; "cut its forecast by
    70%"."""
    position = first - 1
    while position >= 0 and first - position <= 3 and tokens[position].lower in _BEFORE_COUNT:
        position -= 1  # "lay off an additional 9,000 workers"
    if position < 0 or not tokens[position].is_word:
        return ""
    if tokens[position].lower == "by":  # "cut its forecast by 70%", "reduce its workforce by"
        for token in reversed(tokens[max(0, position - 6) : position]):
            if token.is_word and predicate_families(token.lower):
                return token.lower
            if token.lower.startswith("reduc"):
                return "cut"  # reducing something by a figure cuts that much of it
        return ""
    word = tokens[position].lower
    if word in ("off", "out") and position > 0:  # "lay off 9,000 workers"
        phrase = f"{tokens[position - 1].lower} {word}"
        if predicate_families(phrase):
            return phrase
    return word if predicate_families(word) else ""


_CHANGES = frozenset({"rose", "fell"})
_DETERMINERS = frozenset("the its their his her our all a an".split())
_AUXILIARIES_BEFORE = frozenset("has have had was were is are will would be been".split())


def _share_of(tokens: Sequence[Token], after: int) -> tuple[str, int]:
    """ "15% of its workforce", "40.2% of the vote": what the percentage is a share of, and
    where its phrase ends."""
    if after >= len(tokens) or tokens[after].lower != "of":
        return "", after
    position = after + 1
    while position < len(tokens) and tokens[position].lower in _DETERMINERS:
        position += 1
    noun = ""
    while position < len(tokens) and _is_noun_word(tokens[position]) and position - after <= 5:
        if tokens[position].lower.endswith(("wide", "ly")):
            break  # "of its workforce worldwide"
        noun = tokens[position].lower
        position += 1
    return noun, position


def _what_changed(tokens: Sequence[Token], first: int) -> str:
    """ "sales slipped 3.8%", "operating profit fell 85%", "cut its forecast by 70%": the noun
    whose change the percentage is."""
    position = first - 1
    if position >= 0 and tokens[position].lower == "by":
        before = tokens[position - 1] if position > 0 else None
        if before is not None and _is_noun_word(before) and not predicate_families(before.lower):
            return before.lower  # the object of the change: "its forecast by 70%"
        position -= 1
    if position < 0 or not predicate_families(tokens[position].lower) & _CHANGES:
        return ""
    position -= 1
    while position >= 0 and tokens[position].lower in _AUXILIARIES_BEFORE:
        position -= 1
    if position >= 0 and _is_noun_word(tokens[position]):
        return tokens[position].lower
    return ""


def _is_noun_word(token: Token) -> bool:
    low = token.lower
    return token.is_word and low.isalpha() and low not in STOPWORDS and not token.is_capitalised


def _people_include(tokens: Sequence[Token], first: int) -> str:
    """ "The injured include 20 passengers and two crew", "The confirmed cases include five
    people": what happened to those the list is of."""
    words = [t.lower for t in tokens[max(0, first - 5) : first]]
    if not words or words[-1] not in _INCLUDE:
        return ""
    for word in reversed(words[:-1]):
        if word == "the":
            break
        if predicate_families(word):
            return word
    return ""


_INCLUDE = frozenset("include included including were are".split())


def _total_before(tokens: Sequence[Token], first: int) -> str:
    """ "the death toll rose to 12", "the number of people who died … 275": the words of the
    total the figure is the value of, within its clause."""
    start = first
    while start > 0 and first - start < 20:
        token = tokens[start - 1]
        if not token.is_word and token.text in ";:()—–":
            break
        start -= 1
    words = [t.lower for t in tokens[start:first] if t.is_word]
    if not any(w in TOTALS for w in words):
        return ""
    at = max(i for i, w in enumerate(words) if w in TOTALS)
    around = words[max(0, at - 2) : at + 6]
    for size in (3, 2, 1):
        for i in range(len(around) - size + 1):
            phrase = " ".join(around[i : i + size])
            if predicate_families(phrase) and not set(phrase.split()) <= TOTALS:
                return phrase
    if words[at] in ("toll", "tolls"):
        return "toll"
    return ""


def _number_of(tokens: Sequence[Token], first: int) -> str:
    """ "the number of fire stations has gone from six to three": the things a total is the
    number of, within the clause."""
    for position in range(first - 1, max(0, first - 15), -1):
        if tokens[position].text in ".;:":
            return ""
        if tokens[position].lower == "of" and tokens[position - 1].lower in TOTALS:
            phrase = noun_phrase(tokens, position + 1, singular=False)
            if phrase is None:
                return ""
            head = tokens[phrase[1] - 1].lower
            return "" if _predicate_noun(head) or not head.isalpha() else head
    return ""


def _changed_to(tokens: Sequence[Token], first: int) -> str:
    """ "would bring its job cuts to almost 20,000": the thing brought to the figure."""
    position = first - 1
    if position < 1 or tokens[position].lower != "to":
        return ""
    words = [t.lower for t in tokens[max(0, position - 4) : position] if t.is_word]
    for size in (2, 1):
        phrase = " ".join(words[-size:])
        if len(words) >= size and predicate_families(phrase):
            return phrase
    return ""
