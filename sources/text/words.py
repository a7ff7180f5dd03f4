"""The word lists of English that every reader of text here shares: months, weekdays, function
words and stopwords. Lower case."""

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
    according ago above below once further doing become became
    myself yourself yourselves yours herself himself itself ourselves themselves
    """.split()
)
