"""Words news reports use for the same thing: the predicate families of counts ("died", "were
killed", "the death toll", "fatalities") and the classes of counted nouns ("jobs" and
"workers" laid off, "homes" and "houses" destroyed).

Words are compared by their Snowball stem (``snowballstemmer``, the Porter2 English stemmer), so
"investigated", "investigation" and "investigating" are one word, after British spellings in
-is- are read as -iz- ("hospitalised"). The families are general news English, measured on the
benchmark's stories (docs/matching.md); none is keyed to one story.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

from sources.text.words import STOPWORDS

_STEMMER = snowballstemmer.stemmer("english")
_BRITISH_IS = re.compile(r"(?<=[a-z]{3})is(?=(?:e|ed|es|ing|ation|ations)$)")

# Each predicate family: its name, then words or phrases that state it, stemmed on load.
_PREDICATES = {
    "died": """died die dies dying dead death deaths deadly fatal fatality fatalities killed kill
        kills killing killings perished toll lost|their|lives lost|their|life lost|lives victims""",
    "injured": "injured injure injuries injury hurt wounded wounds",
    "hospitalised": """hospital hospitalised hospitalisation hospitalisations admitted treated
        treatment intensive|care critical|condition""",
    "missing": "missing unaccounted disappeared",
    "investigated": "investigated investigation investigations inquiry inquiries probe probed",
    "suspended": "suspended suspension suspensions suspend",
    "arrested": "arrested arrest arrests detained detention custody",
    "charged": "charged charges charge accused indicted counts|of count|of",
    "convicted": "convicted conviction convictions guilty",
    "acquitted": "acquitted acquittal cleared",
    "sentenced": "sentenced sentence jailed jail prison imprisoned imprisonment",
    "laid off": """laid|off lay|off layoff layoffs redundant redundancies redundancy cut cuts
        cutting axed axe shed shedding slash slashed eliminate eliminated lost|their|jobs
        lose|their|jobs losing|their|jobs out|of|work""",
    # "fired" alone stems to "fire": only as a passive, lest fire stations be dismissals
    "dismissed": "dismissed dismissal sacked was|fired were|fired been|fired be|fired",
    "resigned": "resigned resignation resign quit stepped|down",
    "evacuated": "evacuated evacuation evacuees evacuate fled",
    "displaced": "displaced homeless lost|their|homes",
    "rescued": "rescued rescue saved",
    "destroyed": "destroyed flattened razed collapsed",
    "damaged": "damaged",
    "infected": "infected infection infections cases case tested|positive diagnosed contracted",
    "recovered": "recovered discharged",
    "elected": "elected won win winning",
    "voted": "voted votes vote ballots cast turnout",
    "fell": """fell fall falls fallen falling dropped drop drops declined decline declines
        slipped slip slumped slump plunged plunge tumbled shrank shrunk decreased decrease lower
        lowered""",
    "rose": """rose rise rises risen rising increased increase increases climbed climb grew grow
        growth jumped jump surged surge gained higher raised""",
    "protested": """marched march marches protest protests protested demonstrated demonstration
        demonstrators protesters marchers rally rallies striking strike strikes strikers walkout
        took|part""",
}

# Classes of counted nouns that count the same thing.
_ENTITY_CLASSES = {
    "jobs": "job jobs role roles position positions post posts worker workers employee employees "
    "staff workforce",
    "homes": "home homes house houses building buildings structure structures dwelling dwellings",
    "votes": "vote votes ballot ballots",
    "people": "people person persons individual individuals",
}
# Nouns for kinds of people: a count of one of them may be stated as a count of "people".
_PERSON_NOUNS = """
    adult adults baby babies boy boys child children citizen citizens civilian civilians crew
    defendant defendants demonstrator demonstrators doctor doctors driver drivers employee
    employees fan fans marcher marchers participant participants girl girls infant infants
    inmate inmates juror jurors man men member
    members migrant migrants miner miners nurse nurses officer officers passenger passengers
    patient patients pilot pilots prisoner prisoners protester protesters pupil pupils refugee
    refugees resident residents soldier soldiers staff striker strikers student students
    suspect suspects survivor survivors teacher teachers tourist tourists victim victims voter
    voters woman women worker workers
    activist activists agent agents athlete athletes attacker attackers candidate candidates
    commuter commuters contractor contractors customer customers cyclist cyclists delegate
    delegates detainee detainees director directors engineer engineers evacuee evacuees
    executive executives farmer farmers fighter fighters firefighter firefighters guard guards
    gunman gunmen hostage hostages journalist journalists judge judges lawmaker lawmakers lawyer
    lawyers manager managers minister ministers motorist motorists paramedic paramedics
    pedestrian pedestrians pensioner pensioners physician physicians player players
    policeman policemen rebel rebels reporter reporters shopper shoppers spectator spectators
    supporter supporters surgeon surgeons technician technicians tenant tenants traveller
    travellers traveler travelers troops villager villagers visitor visitors volunteer
    volunteers official officials witness witnesses youth youths
""".split()


@lru_cache(maxsize=65_536)  # a text repeats its words: stemming is most of the finder's time
def stem(word: str) -> str:
    lowered = word.casefold()
    stemmed: str = _STEMMER.stemWord(_BRITISH_IS.sub("iz", lowered))
    return stemmed


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in re.findall(r"[^\W\d_]+", phrase))


@cache
def _predicate_table() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for family, listing in _PREDICATES.items():
        for item in listing.split():
            stems = _stems(item.replace("|", " "))
            if len(stems) == 1:
                words.setdefault(stems[0], family)
            else:
                phrases[stems] = family
    return words, phrases


@cache
def _entity_table() -> tuple[dict[str, str], frozenset[str]]:
    classes = {stem(w): name for name, listing in _ENTITY_CLASSES.items() for w in listing.split()}
    return classes, frozenset(stem(w) for w in _PERSON_NOUNS)


@lru_cache(maxsize=16_384)
def predicate_families(text: str) -> frozenset[str]:
    """The predicate families a phrase states: "were laid off" → {"laid off"}, "the death toll"
    → {"died"}. Empty when it names none we know."""
    words, phrases = _predicate_table()
    stems = _stems(text)
    found = {words[s] for s in stems if s in words}
    for phrase, family in phrases.items():
        n = len(phrase)
        if any(stems[i : i + n] == phrase for i in range(len(stems) - n + 1)):
            found.add(family)
    if "laid off" in found and found - {"laid off"}:
        found.discard("laid off")  # "cut" is a verb of many families; a named one wins
    return frozenset(found)


# Verbs that say how a figure was stated, not what happened: "cases were reported", "the loss it
# made", "the toll stood at". A predicate of only these says nothing.
_REPORTING = frozenset(
    _stems(
        """reported recorded registered counted confirmed announced said stood totalled totaled
        made had has have reached given put gave stated listed logged tallied"""
    )
)


NEGATED = "¬"  # in a predicate key: "not identified", "never charged"
_DENIED = re.compile(r"\b(?:not|never|no longer)\b")


def predicate_key(text: str) -> frozenset[str]:
    """What to compare two predicates by: their families, or else their content stems, less
    the verbs of reporting (empty when nothing else is left); with ``NEGATED`` if it is
    denied ("81 bodies that have not been identified")."""
    lowered = text.casefold()
    negation = frozenset({NEGATED}) if _DENIED.search(lowered) else frozenset()
    families = predicate_families(text)
    if families:
        return families | negation
    words = [w for w in re.findall(r"[^\W\d_]+", lowered) if w not in STOPWORDS]
    stems = frozenset(s for s in map(stem, words) if len(s) > 2 and s not in _REPORTING)
    return stems | negation if stems else frozenset()


def is_negated(key: frozenset[str]) -> bool:
    return NEGATED in key


def known_family(key: frozenset[str]) -> bool:
    """Is a predicate key a family's name (affirmed or denied), rather than free words?"""
    key = key - {NEGATED}
    return bool(key) and key <= _PREDICATES.keys()


def entity_key(text: str) -> str:
    """The class of a counted noun phrase's head: "police officers" → "officer", "houses" →
    "homes", "staff" → "jobs"."""
    stems = _stems(text)
    if not stems or stems[-1] in _GENERIC_COUNTERS:
        return ""  # "240,000 units" says nothing of what the units are
    classes, _ = _entity_table()
    return classes.get(stems[-1], stems[-1])


_GENERIC_COUNTERS = frozenset(_stems("units items pieces"))


def is_person(key: str) -> bool:
    """Does an entity key count people of some kind?"""
    _, persons = _entity_table()
    return key == "people" or key in persons


def event_key(text: str) -> frozenset[str]:
    """The content stems of an occasion's name: "the second strike day" → {"second", "strike",
    "day"}."""
    return frozenset(s for s in _stems(text) if len(s) > 2 and s not in {"the", "and", "for"})


def canonical_predicate(text: str) -> str:
    """A predicate as a curator would write it: the name of its one family ("the official death
    toll" → "died"; "were not charged" → "not charged"), else the phrase itself."""
    families = predicate_families(text)
    if len(families) != 1:
        return text
    family = next(iter(families))
    return f"not {family}" if _DENIED.search(text.casefold()) else family
