"""Words with their offsets, and the word lists the finder's rules share.

A token is a run of letters and digits, with inner apostrophes, hyphens, commas, points, colons
and slashes kept ("1,500", "1.5", "ex-officer", "Met’s", "21:00"), or one punctuation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\w+(?:[’'\-.,:/]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def bare(self) -> str:
        """Lower case, without a possessive ending: "met’s" → "met"."""
        return strip_possessive(self.lower)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def strip_possessive(word: str) -> str:
    for ending in ("’s", "'s"):
        if word.endswith(ending) and len(word) > 2:
            return word[: -len(ending)]
    return word


def is_acronym(word: str) -> bool:
    """An acronym, perhaps plural: "IOPC", "PCs", "PCSOs"."""
    core = word[:-1] if word.endswith("s") else word
    return len(core) >= 2 and core.isupper() and core.isalpha()


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday",),
            ("tuesday",),
            ("wednesday",),
            ("thursday",),
            ("friday",),
            ("saturday",),
            ("sunday",),
        ]
    )
    for name in names
}

AUXILIARIES = frozenset(
    "is are was were be been being am has have had having do does did will would shall should "
    "can could may might must 's ’s".split()
)

# Words that end a noun phrase: articles, pronouns, prepositions, conjunctions, auxiliaries.
FUNCTION_WORDS = AUXILIARIES | frozenset(
    """
    a an the this that these those it its he him his she her hers they them their theirs we us
    our ours you your i me my mine who whom whose which what where when why how whether
    of in on at to for from by with within without into onto over under about as than and or
    but nor so yet if then also only just still even not no never per via up down out off
    after before since until till while during between among against across through around
    because although though unless whilst upon amid despite towards toward beyond behind
    all both each every either neither any some such same own other another
    there here now very too again already always often ever later earlier
    """.split()
)

STOPWORDS = FUNCTION_WORDS | frozenset(
    """
    said says say saying told tells tell added adds add also would could should 's s t
    being one more most much many few said mr mrs ms dr sir dame
    don’t don't won’t won't can’t can't isn’t isn't aren’t aren't wasn’t wasn't
    it’s it's he’s he's she’s she's we’re we're they’re they're i’m i'm we’ve we've
    """.split()
)

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


UNCOUNTABLE = frozenset("staff personnel police cattle equipment money evidence".split())


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
