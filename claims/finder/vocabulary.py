"""The finder's own vocabulary: words of news English that its rules share, and what it makes
of a noun (plural or not) and of a sentence's words (its content words)."""

from __future__ import annotations

from sources.text.tokens import Token, is_acronym, strip_possessive
from sources.text.words import STOPWORDS

# Adjectives that modify a counted noun without being one: "current and former officers".
MODIFIERS = frozenset(
    """
    more other further additional extra new current former serving retired senior junior
    male female young old older younger separate different several various individual
    other such same total entire whole remaining last first next previous
    uniformed plain-clothes plainclothes civilian frontline front-line local national
    alleged accused suspected convicted named unnamed unidentified
    """.split()
)

# Verbs that report what someone said or found, in all the forms news uses.
SPEECH_VERBS = frozenset(
    """
    say says said saying tell tells told telling add adds added adding insist insists insisted
    insisting claimed warn warns warned warning explain explains explained explaining
    continue continues continued reply replies replied replying admit admits admitted
    admitting accept accepts accepted accepting argue argues argued arguing suggest suggests
    suggested confirm confirms confirmed confirming announce announces announced urge urges
    urged acknowledge acknowledges acknowledged deny denies denied denying highlight highlights
    highlighted clarify clarifies clarified recognise recognises recognised recognize
    recognizes recognized stress stresses stressed stressing concede concedes conceded vow
    vows vowed pledge pledges pledged write writes wrote describe describes described
    describing call calls called calling understands believes predicted predicts claims
    respond responds responded
    """.split()
)

# Verbs that report what a report, an inquiry or a film found.
EVIDENCE_VERBS = frozenset(
    "find found finds reveal revealed reveals revealing show showed shows showing exposed "
    "exposes uncovered detailed details concluded concludes".split()
)

# Plural nouns that do not end in s.
# Nouns whose value a figure gives: "the toll rose to 12", "the number of deaths as 288".
TOTALS = frozenset(
    "toll tolls tally total number numbers count figure figures turnout attendance".split()
)

IRREGULAR_PLURALS = frozenset(
    "men women people children personnel cattle feet teeth mice geese data".split()
)

SINGULAR_TO_PLURAL = {
    "man": "men",
    "woman": "women",
    "person": "people",
    "child": "children",
    "policeman": "policemen",
    "policewoman": "policewomen",
}


def looks_plural(word: str) -> bool:
    low = strip_possessive(word.lower())
    if low in IRREGULAR_PLURALS:
        return True
    if len(low) < 3 or not low.endswith("s"):
        return False
    return not low.endswith(("ss", "us", "is", "ous"))


UNCOUNTABLE = frozenset(
    "staff personnel police cattle equipment money evidence crew yen yuan rand baht".split()
)


def pluralise(word: str) -> str:
    """The plural of a counted noun: officer → officers, PC → PCs, search → searches, staff →
    staff; plurals stay as they are."""
    low = word.lower()
    if low in UNCOUNTABLE:
        return word
    if low in SINGULAR_TO_PLURAL:
        return SINGULAR_TO_PLURAL[low]
    if looks_plural(word):
        return word
    if is_acronym(word):
        return word + "s"
    if low.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def content_words(tokens: list[Token]) -> tuple[str, ...]:
    """Lower-case content words, in order, each once: what the matcher compares."""
    seen: dict[str, None] = {}
    for token in tokens:
        if not token.is_word:
            continue
        word = token.bare
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        seen.setdefault(word, None)
    return tuple(seen)


# Adjectives that stand for the people they describe: "the injured", "50 dead".
PEOPLE_ADJECTIVES = frozenset(
    "injured dead wounded missing displaced sick elderly homeless unemployed accused "
    "living deceased".split()
)
