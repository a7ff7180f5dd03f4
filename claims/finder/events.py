"""Status changes and one-off events, allegations, hedged reports and proportions.

``find_events`` finds, in one sentence:

- statuses — a state people or units are in: suspended, dismissed (sacked, fired, "the sack",
  dismissal), resigned (stepped down), retired, disbanded, removed from (frontline) duties, on
  restricted duties, under investigation (being investigated), removed (exited, expelled);
- events — one-off happenings: arrested, charged, convicted, jailed, killed, died, injured,
  apologised ("truly sorry"), put on notice, an inquiry launched, someone leaving their job,
  "took the unusual step of…";

each with its normalised word as the value ("suspended"; "not resigned" after a negation:
"won't resign", "is not resigning"), a span that takes in the auxiliaries before it ("has
since been disbanded") and a subject guess: the object of an active verb ("suspended nine
officers" → "officers suspended"), or else the noun phrase the clause is about ("The entire
custody team … has been disbanded" → "entire custody team disbanded").

``find_other_statements`` finds statements that carry no value of their own: allegations
("claims an officer had sex…", "reports of…", "accused of…"), hedged reports ("are understood
to…", "is said to…", "reportedly") and proportions ("most of the officers…", "the vast
majority of…", "half of…"), each spanning the rest of its clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.finder.numbers import word_value
from claims.finder.vocabulary import SPEECH_VERBS
from sources.text.tokens import Token, strip_possessive
from sources.text.words import AUXILIARIES, FUNCTION_WORDS, STOPWORDS

STATUS = "status"
EVENT = "event"
OTHER = "other"

_EVENTS: list[tuple[str, str, re.Pattern[str]]] = [
    (
        "suspended",
        STATUS,
        re.compile(r"\b(?:re-?)?suspend(?:ed|s|ing)?\b|\bsuspensions?\b", re.IGNORECASE),
    ),
    (
        "dismissed",
        STATUS,
        re.compile(
            r"\bdismiss(?:ed|al|als)\b|\bsack(?:ed|ing|ings)\b|\bthe sack\b"
            r"|\bfired\b(?! (?:at|on|upon|shots?|a|the|into)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "resigned",
        STATUS,
        re.compile(
            r"\bresign(?:ed|s|ing|ations?)?\b|\bstep(?:s|ped|ping)? down\b|\bstood down\b",
            re.IGNORECASE,
        ),
    ),
    ("retired", STATUS, re.compile(r"\bretir(?:e|ed|es|ing|ement)\b", re.IGNORECASE)),
    (
        "disbanded",
        STATUS,
        re.compile(
            r"\bdisband(?:ed|s|ing)?\b|\b(?:been|was|were|is|are|being) broken up\b",
            re.IGNORECASE,
        ),
    ),
    (
        "removed from duties",
        STATUS,
        re.compile(
            r"\bremoved from (?:(?P<frontline>front[- ]?line|public[- ]facing|operational) )?"
            r"dut(?:y|ies)\b",
            re.IGNORECASE,
        ),
    ),
    ("on restricted duties", STATUS, re.compile(r"\brestricted dut(?:y|ies)\b", re.IGNORECASE)),
    (
        "under investigation",
        STATUS,
        re.compile(
            r"\bunder (?:(?:a|an|criminal|police|IOPC|internal|formal|active) )*investigation\b"
            r"|\b(?:being|been|were|was|are|is) investigated\b",
            re.IGNORECASE,
        ),
    ),
    (
        "removed",
        STATUS,
        re.compile(r"\b(?:removed|exited|expelled|kicked out|forced out)\b", re.IGNORECASE),
    ),
    ("arrested", EVENT, re.compile(r"\barrested\b|\bunder arrest\b", re.IGNORECASE)),
    ("charged", EVENT, re.compile(r"\bcharged with\b|\bbeen charged\b", re.IGNORECASE)),
    ("convicted", EVENT, re.compile(r"\bconvicted\b|\bfound guilty\b", re.IGNORECASE)),
    ("jailed", EVENT, re.compile(r"\bjailed\b|\bimprisoned\b", re.IGNORECASE)),
    ("killed", EVENT, re.compile(r"\bkilled\b", re.IGNORECASE)),
    ("died", EVENT, re.compile(r"\bdied\b", re.IGNORECASE)),
    ("injured", EVENT, re.compile(r"\binjured\b", re.IGNORECASE)),
    (
        "apologised",
        EVENT,
        re.compile(
            r"\bapologi[sz](?:e|ed|es|ing)\b|\ban apology\b|\b(?:truly|deeply|very|so) sorry\b",
            re.IGNORECASE,
        ),
    ),
    ("on notice", EVENT, re.compile(r"\bon notice\b", re.IGNORECASE)),
    (
        "investigation launched",
        EVENT,
        re.compile(
            r"\b(?:launch(?:ed|es|ing)?|open(?:ed|s|ing)?|beg[au]n|start(?:ed|s)?)\s+"
            r"(?:(?:an?|its|their|his|her|own|the|new|independent|formal|criminal)\s+)*"
            r"(?:inquiry|investigation|review|probe)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "left post",
        EVENT,
        re.compile(
            r"\b(?:leav(?:e|es|ing)|left|quit(?:s|ting)?)\s+(?:her|his|their|the|its)\s+"
            r"(?:job|post|role|position)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "",  # a notable step: the clause states it, no separate value
        EVENT,
        re.compile(
            r"\b(?:took|take|takes|taken|taking)\s+the\s+(?:\w+\s+)?step\s+of\s+\w+ing\b",
            re.IGNORECASE,
        ),
    ),
]

# Not after a pronoun or a name: "he claims that", "Khan reports that" are reported speech.
_ALLEGATION = re.compile(
    r"(?<!\bhe )(?<!\bshe )(?<!\bit )(?<!\bthey )(?<!\bwho )"
    r"(?:\b(?:allegations?|claims?|reports?|accusations?)\s+(?:of|that)\b"
    r"|\b(?:allegations|claims|reports)\s+(?=(?:an?|the|his|her|their)\s)"
    r"|\baccused\s+of\b|\ballegedly\b)",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:understood|said|believed|thought|reported|alleged|known)\s+to\b"
    r"|\breportedly\b",
    re.IGNORECASE,
)
_PROPORTION = re.compile(
    r"\b(?:(?:the\s+)?(?:(?:vast|large|great|overwhelming|small|tiny)\s+)?(?:majority|minority)"
    r"|most|(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:half|a\s+third|"
    r"two[- ]thirds|a\s+quarter|three[- ]quarters))\s+of\s+"
    r"(?:the|its|his|her|their|our|these|those)\s+\w+",
    re.IGNORECASE,
)
_BACK_OVER = frozenset(
    """
    has have had been be being is are was were will would should could may might must shall
    to since now also facing face faces faced likely already all both not never no longer
    subsequently later then recently
    just still get got 's ’s won’t won't can’t can't wouldn’t wouldn't didn’t didn't hasn’t
    hasn't haven’t haven't isn’t isn't wasn’t wasn't weren’t weren't
    """.split()
)
_NEGATORS = frozenset(
    "not never no won’t won't can’t can't wouldn’t wouldn't didn’t didn't hasn’t hasn't "
    "haven’t haven't isn’t isn't wasn’t wasn't weren’t weren't".split()
)
_BARE_VERB = re.compile(
    r"(?:resign|suspend|retire|disband|apologi[sz]e|dismiss|sack|step|quit|remove|arrest|"
    r"exit|expel|charge|jail|launch|open|start|leave)(?:ing)?|retiring|leaving|apologi[sz]ing"
)
_FINITE = frozenset(
    """
    is are was were am 's ’s 're ’re will won't won’t would shall has have had do does did
    didn't didn’t not never isn't isn’t wasn't wasn’t
    """.split()
)
_SUBJECT_PRONOUNS = frozenset("i we you he she they it".split())
_BOUNDARY_WORDS = frozenset("which who that and but while whilst when after because as".split())
_PREPOSITIONS = frozenset("of at in within from by for with on into across".split())
_OBJECT_STARTS = frozenset("the a an his her their its all nine".split())
_CLAUSE_END = re.compile(r"[,;:–—]|\s-\s")


@dataclass(frozen=True, slots=True)
class EventMatch:
    start: int
    end: int
    kind: str  # status, event or other
    value: str  # "suspended", "not resigned"; "" when the statement carries no value
    subject: str = ""
    trigger_start: int = 0
    trigger_end: int = 0


def find_events(text: str, tokens: Sequence[Token]) -> list[EventMatch]:
    """Statuses and events in one sentence (``tokens`` are its tokens).

    A verb that only names a possibility is no event: an infinitive ("intended to resign",
    "still cancer to be removed") or a bare form or gerund with no finite verb or subject
    pronoun before it ("rumours of him resigning", "considered resigning").
    """
    if not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    found: list[EventMatch] = []
    seen: list[tuple[int, int]] = []
    for value, kind, pattern in _EVENTS:
        for match in pattern.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in seen):
                continue
            seen.append((match.start(), match.end()))
            if _hypothetical(tokens, match):
                continue
            found.append(_event(text, tokens, match, value, kind))
    found.sort(key=lambda e: e.start)
    return found


def _hypothetical(tokens: Sequence[Token], match: re.Match[str]) -> bool:
    first = _token_at(tokens, match.start())
    chain: list[str] = []
    position = first
    while position > 0 and tokens[position - 1].lower in _BACK_OVER:
        position -= 1
        chain.append(tokens[position].lower)
    if "to" in chain or ("would" in chain and "have" in chain):
        return True  # "intended to resign", "would have been dismissed"
    if not _BARE_VERB.fullmatch(tokens[first].lower):
        return False
    if any(word in _FINITE for word in chain):
        return False
    return not (position > 0 and tokens[position - 1].lower in _SUBJECT_PRONOUNS)


def find_other_statements(text: str, tokens: Sequence[Token]) -> list[EventMatch]:
    """Allegations, hedged reports and proportions in one sentence."""
    if not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    found: list[EventMatch] = []
    for match in _ALLEGATION.finditer(text, start, end):
        found.append(
            EventMatch(
                match.start(),
                _clause_end(text, match.end(), end, allow_commas=True),
                EVENT,
                "",
                "allegation",
                match.start(),
                match.end(),
            )
        )
    for match in _HEDGE.finditer(text, start, end):
        found.append(
            EventMatch(
                start, _trim(text, start, end), OTHER, "", "reported", match.start(), match.end()
            )
        )
    for match in _PROPORTION.finditer(text, start, end):
        found.append(
            EventMatch(
                match.start(),
                _clause_end(text, match.end(), end, allow_commas=False),
                OTHER,
                "",
                " ".join(match.group().lower().split()),
                match.start(),
                match.end(),
            )
        )
    found.sort(key=lambda e: e.start)
    return found


def _event(
    text: str, tokens: Sequence[Token], match: re.Match[str], value: str, kind: str
) -> EventMatch:
    first = _token_at(tokens, match.start())
    last = _token_at(tokens, match.end() - 1)
    position = first
    negated = False
    while position > 0 and tokens[position - 1].lower in _BACK_OVER:
        position -= 1
        negated = negated or tokens[position].lower in _NEGATORS
    if value == "removed from duties" and match.group("frontline"):
        value = "removed from frontline duties"
    if negated and value:
        value = f"not {value}"
    verb = tokens[last].lower.endswith("ed")
    subject = (_object(tokens, last + 1) if verb else "") or _subject(tokens, position)
    label = value or "step"
    return EventMatch(
        tokens[position].start,
        match.end(),
        kind,
        value,
        f"{subject} {label.removeprefix('not ')}".strip() if subject else label,
        match.start(),
        match.end(),
    )


def _object(tokens: Sequence[Token], position: int) -> str:
    """The object of an active verb: "suspended nine officers" → "officers"."""
    if position >= len(tokens) or not tokens[position].is_word:
        return ""
    if tokens[position].lower in FUNCTION_WORDS and tokens[position].lower not in _OBJECT_STARTS:
        return ""
    words: list[str] = []
    for token in tokens[position : position + 5]:
        if not token.is_word or (token.lower in FUNCTION_WORDS and words):
            break
        if (
            token.lower not in STOPWORDS
            and word_value(token.lower) is None
            and not token.text[0].isdigit()
        ):
            words.append(strip_possessive(token.lower))
    return " ".join(words[-2:])


def _subject(tokens: Sequence[Token], position: int) -> str:
    """The noun phrase before ``position`` in its clause, at most three content words.

    After "which"/"who"/"that" or a comma ("a unit, now disbanded") the phrase is the noun
    right before it; otherwise the clause's opening noun phrase, cut at its first preposition.
    """
    index = position - 1
    close = False  # only the words right before: stop at the first function word
    while index >= 0 and (
        tokens[index].lower in ("which", "who", "that") or tokens[index].text == ","
    ):
        close = True
        index -= 1
    phrase: list[Token] = []
    while index >= 0:
        token = tokens[index]
        if not token.is_word or token.lower in _BOUNDARY_WORDS:
            break
        if close and (token.lower in FUNCTION_WORDS or _verb_form(token)):
            break
        if token.lower in SPEECH_VERBS or token.lower in AUXILIARIES:
            break
        phrase.insert(0, token)
        index -= 1
    if len(phrase) > 2 and phrase[1].lower in ("number", "dozens", "hundreds", "some", "most"):
        # "A number of Metropolitan Police officers": the officers
        of = next((i for i, t in enumerate(phrase) if t.lower == "of"), None)
        if of is not None:
            phrase = phrase[of + 1 :]
    if not close:
        cut = [i for i, t in enumerate(phrase) if t.lower in _PREPOSITIONS]
        if cut and cut[0] > 0:
            phrase = phrase[: cut[0]]
    content = [
        strip_possessive(t.lower)
        for t in phrase
        if t.lower not in STOPWORDS and not t.text[0].isdigit() and word_value(t.lower) is None
    ]
    return " ".join(content[-3:])


def _verb_form(token: Token) -> bool:
    low = token.lower
    return len(low) > 4 and low.isalpha() and (low.endswith("ed") or low.endswith("ing"))


def _token_at(tokens: Sequence[Token], position: int) -> int:
    for index, token in enumerate(tokens):
        if token.end > position:
            return index
    return len(tokens) - 1


def _clause_end(text: str, position: int, end: int, *, allow_commas: bool) -> int:
    pattern = re.compile(r"[;:–—]|\s-\s") if allow_commas else _CLAUSE_END
    match = pattern.search(text, position, end)
    return _trim(text, position, match.start() if match else end)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:”\"’'"):
        end -= 1
    return end
